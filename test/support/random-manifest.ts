// Random manifests for property tests: a few services with plain, soft, any_of and quorum
// requirements, cycles allowed, spread over providers, regions and zones.

import fc from 'fast-check';
import type { DataCopy, Manifest } from '../../src/manifest/types.js';
import { buildManifest, type DependencySketch, type ServiceSketch } from './build-manifest.js';

const PROVIDERS = ['aws', 'gcp'];
const REGIONS = ['us-east-1', 'eu-west-1'];
const ZONES = ['a', 'b'];

export interface RandomManifestOptions {
  /** At least this many services (default 1). */
  minServices?: number;
  maxServices?: number;
  /** Probability-ish weight of declaring entry points explicitly. */
  entrypoints?: boolean;
  /** Make some services virtual (no labels, no SLA): off by default, so older seeds stay put. */
  virtual?: boolean;
  /**
   * Give some requirements a tolerance (seconds, from a small set so that ties happen): off by
   * default, so older seeds stay put.
   */
  tolerances?: boolean;
  /**
   * Give some services a recovery time and copies of their data (`copies`, with or without
   * `every`): off by default, so older seeds stay put.
   */
  recovery?: boolean;
}

/** Recovery times (-1: not declared) and copy intervals (undefined: not declared) random manifests draw from. */
const RECOVERY_TIMES = [-1, -1, 0, 60, 600, 3600];
const EVERY: Array<number | undefined> = [undefined, 1, 60, 60, 86_400];

/** Tolerances random manifests draw from: zero often, and values that add up to ties. */
const TOLERANCES = [0, 0, 0, 60, 60, 120, 3600];

export function arbitraryManifest(options: RandomManifestOptions = {}): fc.Arbitrary<Manifest> {
  const maxServices = options.maxServices ?? 10;
  return fc.integer({ min: options.minServices ?? 1, max: maxServices }).chain((n) => {
    const ids = Array.from({ length: n }, (_, i) => `svc-${i}`);
    const requirement = (self: number): fc.Arbitrary<DependencySketch | undefined> => {
      const others = ids.filter((_, i) => i !== self);
      if (others.length === 0) return fc.constant(undefined);
      return fc
        .record({
          alternatives: fc.uniqueArray(fc.constantFrom(...others), { minLength: 1, maxLength: 3 }),
          kind: fc.constantFrom('plain', 'plain', 'group'),
          soft: fc.constantFrom(false, false, true),
          quorumSeed: fc.nat(),
        })
        .map(({ alternatives, kind, soft, quorumSeed }) => {
          if (kind === 'plain' || alternatives.length === 1) {
            return soft ? { service: alternatives[0]!, soft } : alternatives[0]!;
          }
          const quorum = 1 + (quorumSeed % alternatives.length);
          return quorum === 1 ? { any_of: alternatives, soft } : { quorum, of: alternatives, soft };
        });
    };
    const tolerated = (self: number): fc.Arbitrary<DependencySketch | undefined> =>
      requirement(self).chain((sketch) =>
        sketch === undefined
          ? fc.constant(undefined)
          : fc.constantFrom(...TOLERANCES).map((tolerates) => withTolerance(sketch, tolerates)),
      );
    const anyRequirement = options.tolerances ? tolerated : requirement;
    const recovery = (self: number): fc.Arbitrary<{ recoveryTime: number; copies: DataCopy[] }> => {
      const others = ids.filter((_, i) => i !== self);
      if (!options.recovery) return fc.constant({ recoveryTime: -1, copies: [] });
      return fc.record({
        recoveryTime: fc.constantFrom(...RECOVERY_TIMES),
        copies:
          others.length === 0
            ? fc.constant([] as DataCopy[])
            : fc
                .uniqueArray(fc.constantFrom(...others), { maxLength: 2 })
                .chain((targets) =>
                  fc.tuple(
                    ...targets.map((to) =>
                      fc
                        .constantFrom<number | undefined>(...EVERY)
                        .map((every) => copyOf(to, every)),
                    ),
                  ),
                ),
      });
    };
    const service = (self: number): fc.Arbitrary<ServiceSketch> =>
      fc
        .record({
          requirements: fc.array(anyRequirement(self), { maxLength: 3 }),
          entrypoint: fc.boolean(),
          provider: fc.option(fc.constantFrom(...PROVIDERS), { nil: undefined }),
          region: fc.constantFrom(...REGIONS),
          zone: fc.option(fc.constantFrom(...ZONES), { nil: undefined }),
          cost: fc.constantFrom(0, 0, 100, 2500),
          virtual: options.virtual
            ? fc.constantFrom(false, false, false, true)
            : fc.constant(false),
          recovery: recovery(self),
        })
        .map(({ requirements, entrypoint, provider, region, zone, cost, virtual, recovery }) => {
          const sketch: ServiceSketch = {
            depends_on: dedupe(requirements.filter((r): r is DependencySketch => r !== undefined)),
            entrypoint: options.entrypoints === false ? false : entrypoint,
            costPerHour: cost,
          };
          if (recovery.recoveryTime >= 0) sketch.recoveryTime = recovery.recoveryTime;
          if (recovery.copies.length > 0) sketch.copies = recovery.copies;
          if (virtual) {
            sketch.virtual = true;
            return sketch;
          }
          if (provider !== undefined) {
            sketch.provider = provider;
            sketch.region = region;
            if (zone !== undefined) sketch.zone = zone;
          }
          return sketch;
        });
    return fc
      .tuple(...ids.map((_, i) => service(i)))
      .map((sketches) => buildManifest(Object.fromEntries(ids.map((id, i) => [id, sketches[i]!]))));
  });
}

/** The loader refuses the same plain dependency twice; so do random manifests. */
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

function withTolerance(sketch: DependencySketch, tolerates: number): DependencySketch {
  if (tolerates === 0) return sketch;
  return typeof sketch === 'string' ? { service: sketch, tolerates } : { ...sketch, tolerates };
}

function copyOf(to: string, every: number | undefined): DataCopy {
  const copy: DataCopy = { to, position: { file: 'test.yaml', line: 1, column: 1 } };
  if (every !== undefined) copy.every = every;
  return copy;
}

/** Random manifests whose services also monitor up to `maxMonitors` others (what fate sharing reads). */
export function withRandomMonitors(
  manifests: fc.Arbitrary<Manifest>,
  maxMonitors: number,
): fc.Arbitrary<Manifest> {
  return manifests.chain((manifest) =>
    fc.array(fc.tuple(fc.nat(), fc.nat()), { maxLength: maxMonitors }).map((pairs) => {
      for (const [m, t] of pairs) {
        const monitor = manifest.services[m % manifest.services.length]!;
        const target = manifest.services[t % manifest.services.length]!.id;
        if (target !== monitor.id && !monitor.monitors.includes(target))
          monitor.monitors.push(target);
      }
      return manifest;
    }),
  );
}
