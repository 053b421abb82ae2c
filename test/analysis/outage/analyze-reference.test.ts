import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../../src/analysis/analyze.js';
import type { Manifest } from '../../../src/manifest/types.js';
import { compileGraph } from '../../../src/model/compiled-graph.js';
import {
  referenceDomains,
  referenceEntryPoints,
  referenceStatuses,
} from '../../support/brute-force.js';
import { arbitraryManifest } from '../../support/random-manifest.js';

const lost = (statuses: Map<string, string>, id: string) =>
  ['failed', 'down'].includes(statuses.get(id)!);

function checkAgainstReference(manifest: Manifest): void {
  const result = analyze(compileGraph(manifest), null);
  const entries = referenceEntryPoints(manifest);
  expect(result.entrypoints).toEqual(entries);

  const expectedSpofs: Record<string, string[]> = {};
  for (const e of entries) expectedSpofs[e] = [];
  for (const x of manifest.services) {
    if (x.virtual) {
      // It cannot fail by itself: no blast radius, never a SPOF, never the cause of fate sharing.
      expect(result.blastRadius.find((b) => b.id === x.id)).toBeUndefined();
      expect(result.fateSharing.some((f) => f.via.includes(x.id))).toBe(false);
      continue;
    }
    const statuses = referenceStatuses(manifest, new Set([x.id]));
    const radius = result.blastRadius.find((b) => b.id === x.id)!;
    const values = [...statuses.values()];
    expect(radius.down).toBe(values.filter((s) => s === 'down').length);
    expect(radius.degraded).toBe(values.filter((s) => s === 'degraded').length);
    expect(radius.entrypointsDown).toBe(entries.filter((e) => lost(statuses, e)).length);
    const cost = manifest.services
      .filter((s) => lost(statuses, s.id))
      .reduce((sum, s) => sum + s.costPerHour, 0);
    expect(radius.costPerHour).toBe(cost);
    for (const e of entries) if (e !== x.id && lost(statuses, e)) expectedSpofs[e]!.push(x.id);

    for (const monitor of manifest.services.filter((m) => m.monitors.length > 0)) {
      for (const target of monitor.monitors) {
        const shared = monitor.id !== x.id && lost(statuses, monitor.id) && lost(statuses, target);
        const entry = result.fateSharing.find(
          (f) => f.monitor === monitor.id && f.target === target,
        );
        expect(entry?.via.includes(x.id) ?? false).toBe(shared);
      }
    }
  }
  const derived: Record<string, string[]> = {};
  for (const e of entries) derived[e] = [];
  for (const spof of result.spofs) for (const e of spof.takesDown) derived[e]!.push(spof.id);
  for (const e of entries) derived[e]!.sort();
  expect(derived).toEqual(expectedSpofs);
  const withSpof = entries.filter((e) => expectedSpofs[e]!.length > 0).length;
  expect(result.summary.entrypointsWithComponentSpof).toBe(withSpof);
  const spofIds = Object.values(expectedSpofs).flat();
  expect(result.spofs.map((s) => s.id).sort()).toEqual([...new Set(spofIds)].sort());

  for (const [domain, { members }] of referenceDomains(manifest)) {
    const statuses = referenceStatuses(manifest, new Set(members));
    const down = entries.filter((e) => lost(statuses, e));
    const spof = result.domainSpofs.find((d) => d.domain === domain);
    expect(spof?.takesDown ?? []).toEqual(down);
    const bySingle = new Set(
      members.flatMap((m) => entries.filter((e) => expectedSpofs[e]!.includes(m))),
    );
    expect(spof?.onlyAsDomain ?? []).toEqual(down.filter((e) => !bySingle.has(e)));
    const radius = result.domainBlastRadius.find((d) => d.domain === domain)!;
    expect(radius.down).toBe([...statuses.values()].filter((s) => s === 'down').length);
  }
}

describe('analyze agrees with simulating every single failure by brute force', () => {
  it('on random manifests with quorums, soft edges, cycles, failure domains and monitors', () => {
    const withMonitors = arbitraryManifest({ maxServices: 9 }).chain((manifest) =>
      fc.array(fc.tuple(fc.nat(), fc.nat()), { maxLength: 3 }).map((pairs) => {
        for (const [m, t] of pairs) {
          const monitor = manifest.services[m % manifest.services.length]!;
          const target = manifest.services[t % manifest.services.length]!.id;
          if (target !== monitor.id && !monitor.monitors.includes(target))
            monitor.monitors.push(target);
        }
        return manifest;
      }),
    );
    fc.assert(fc.property(withMonitors, checkAgainstReference), { numRuns: 1500 });
  });

  it('on random manifests with virtual components, which are never SPOFs', () => {
    fc.assert(
      fc.property(arbitraryManifest({ maxServices: 9, virtual: true }), checkAgainstReference),
      { numRuns: 500 },
    );
  });

  it('on manifests of 33 to 100 services, so that failures fill several 32-bit words', () => {
    fc.assert(
      fc.property(arbitraryManifest({ minServices: 33, maxServices: 100 }), checkAgainstReference),
      { numRuns: 25 },
    );
  });

  it('on manifests of 129 to 180 services, so that failures fill several 128-outage passes', () => {
    fc.assert(
      fc.property(arbitraryManifest({ minServices: 129, maxServices: 180 }), checkAgainstReference),
      { numRuns: 6 },
    );
  });
});
