// Random manifests with more entry points than one 32-bit mask holds (33 to 100 by default), all
// above a small core that always contains a cycle: what the packed-bit code paths (entry points
// above a service, 32 outages per sweep, fate sharing per chunk) must get right past bit 31.

import fc from 'fast-check';
import type { Manifest } from '../../src/manifest/types.js';
import { buildManifest, type DependencySketch, type ServiceSketch } from './build-manifest.js';

export interface WideManifestOptions {
  minEntries?: number;
  maxEntries?: number;
  /** Core services below the entry points (at least 2: the planted cycle). */
  coreServices?: number;
}

const ZONES = ['use1-az1', 'use1-az2', 'euw1-az1'];

export function arbitraryWideManifest(options: WideManifestOptions = {}): fc.Arbitrary<Manifest> {
  const { minEntries = 33, maxEntries = 100, coreServices = 6 } = options;
  const core = Array.from({ length: coreServices }, (_, i) => `core-${i}`);
  const requirement = (pool: string[]): fc.Arbitrary<DependencySketch> =>
    fc
      .record({
        alternatives: fc.uniqueArray(fc.constantFrom(...pool), { minLength: 1, maxLength: 3 }),
        kind: fc.constantFrom('plain', 'group', 'group'),
        soft: fc.constantFrom(false, false, false, true),
        quorumSeed: fc.nat(),
      })
      .map(({ alternatives, kind, soft, quorumSeed }): DependencySketch => {
        if (kind === 'plain' || alternatives.length === 1) {
          return soft ? { service: alternatives[0]!, soft } : alternatives[0]!;
        }
        const quorum = 1 + (quorumSeed % alternatives.length);
        return quorum === 1 ? { any_of: alternatives, soft } : { quorum, of: alternatives, soft };
      });
  const coreSketches = fc.tuple(
    ...core.map((id, i) =>
      fc
        .record({
          extra: fc.array(requirement(core.filter((other) => other !== id)), { maxLength: 2 }),
          zone: fc.constantFrom(...ZONES),
        })
        .map(({ extra, zone }): ServiceSketch => {
          // The planted cycle: core-0 → core-1 → core-0, plus whatever else was drawn.
          const planted = i === 0 ? ['core-1'] : i === 1 ? ['core-0'] : [];
          return {
            depends_on: dedupe([...planted, ...extra]),
            provider: 'aws',
            region: zone.slice(0, 4) === 'use1' ? 'us-east-1' : 'eu-west-1',
            zone,
          };
        }),
    ),
  );
  return fc.integer({ min: minEntries, max: maxEntries }).chain((count) => {
    const entries = Array.from({ length: count }, (_, i) => `entry-${String(i).padStart(3, '0')}`);
    const entrySketch = (self: number) =>
      fc
        .record({
          below: fc.array(requirement(core), { minLength: 1, maxLength: 2 }),
          // Now and then an entry point needs another one: entry points in cycles too.
          peer: fc.option(fc.integer({ min: 0, max: count - 1 }), { freq: 4, nil: undefined }),
          monitors: fc.option(fc.constantFrom(...core), { freq: 4, nil: undefined }),
        })
        .map(({ below, peer, monitors }): ServiceSketch => {
          const requirements = [...below];
          if (peer !== undefined && peer !== self) requirements.push(entries[peer]!);
          return {
            entrypoint: true,
            costPerHour: 10,
            depends_on: dedupe(requirements),
            ...(monitors !== undefined ? { monitors: [monitors] } : {}),
          };
        });
    return fc
      .tuple(coreSketches, fc.tuple(...entries.map((_, i) => entrySketch(i))))
      .map(([coreList, entryList]) =>
        buildManifest({
          ...Object.fromEntries(core.map((id, i) => [id, coreList[i]!])),
          ...Object.fromEntries(entries.map((id, i) => [id, entryList[i]!])),
        }),
      );
  });
}

/** The loader refuses the same plain dependency twice; so do these manifests. */
function dedupe(requirements: DependencySketch[]): DependencySketch[] {
  const seen = new Set<string>();
  return requirements.filter((r) => {
    if (typeof r !== 'string' && !('service' in r)) return true;
    const id = typeof r === 'string' ? r : r.service;
    if (seen.has(id)) return false;
    seen.add(id);
    return true;
  });
}
