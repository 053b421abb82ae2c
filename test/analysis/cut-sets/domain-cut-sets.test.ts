// Failure domains with a probability of their own (`domains:`) are members of the minimal cut
// sets like components, at every order: against the brute force over every set of up to N
// components and such domains on random manifests, and on a hand-built zonal system.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../../src/analysis/analyze.js';
import type { CommonCauseDomain, Manifest } from '../../../src/manifest/types.js';
import { compileGraph } from '../../../src/model/compiled-graph.js';
import {
  referenceDomains,
  referenceEntryPoints,
  referenceStatuses,
} from '../../support/brute-force.js';
import { buildManifest } from '../../support/build-manifest.js';
import { arbitraryManifestWithVirtual } from '../../support/failure-scenarios.js';

const AT = { file: 'shop.yaml', line: 1, column: 1 };

/** A random manifest (virtual services, cycles, quorums) with some of its domains declared. */
function arbitraryManifestWithDomainEvents(maxServices: number): fc.Arbitrary<Manifest> {
  return fc
    .tuple(arbitraryManifestWithVirtual(maxServices), fc.array(fc.boolean(), { maxLength: 12 }))
    .map(([manifest, picks]) => {
      const names = [...referenceDomains(manifest).keys()].sort();
      const domains: CommonCauseDomain[] = names
        .filter((_, i) => picks[i] === true)
        .map((domain) => ({ domain, sla: 99.9, position: AT }));
      return { ...manifest, domains };
    });
}

/** A set of failure events: components by id, domains by name. */
interface EventSet {
  ids: string[];
  domains: string[];
}

/** Every set of up to `order` of `units`, as index lists, smaller sets first. */
function setsUpTo(units: number, order: number): number[][] {
  let level: number[][] = [[]];
  const all: number[][] = [];
  for (let k = 1; k <= order; k++) {
    level = level.flatMap((set) => {
      const from = set.length === 0 ? 0 : set[set.length - 1]! + 1;
      return Array.from({ length: Math.max(0, units - from) }, (_, i) => [...set, from + i]);
    });
    all.push(...level);
  }
  return all;
}

/** entry → its minimal cut sets of up to `order` events, by brute force. */
function referenceCutSets(manifest: Manifest, order: number): Map<string, EventSet[]> {
  const components = manifest.services.filter((s) => s.virtual !== true).map((s) => s.id);
  const domainMembers = referenceDomains(manifest);
  const declared = (manifest.domains ?? []).map((d) => d.domain);
  const names = [...components, ...declared];
  const entries = referenceEntryPoints(manifest);
  const lost = new Map<string, Set<string>>();
  const lostBy = (set: readonly number[]) => {
    const key = set.join(',');
    let down = lost.get(key);
    if (down === undefined) {
      const failed = new Set<string>();
      for (const u of set) {
        if (u < components.length) failed.add(names[u]!);
        else for (const m of domainMembers.get(names[u]!)!.members) failed.add(m);
      }
      const statuses = referenceStatuses(manifest, failed);
      down = new Set(entries.filter((e) => ['failed', 'down'].includes(statuses.get(e)!)));
      lost.set(key, down);
    }
    return down;
  };
  const cuts = new Map(entries.map((e) => [e, [] as EventSet[]]));
  for (const set of setsUpTo(names.length, order)) {
    for (const e of entries) {
      if (set.some((u) => names[u] === e) || !lostBy(set).has(e)) continue;
      const smaller = set.map((_, i) => set.filter((__, j) => j !== i));
      if (set.length > 1 && smaller.some((s) => lostBy(s).has(e))) continue;
      cuts.get(e)!.push({
        ids: set.filter((u) => u < components.length).map((u) => names[u]!),
        domains: set.filter((u) => u >= components.length).map((u) => names[u]!),
      });
    }
  }
  return cuts;
}

const keyOf = (s: EventSet) => `${[...s.ids].sort().join(',')}|${[...s.domains].sort().join(',')}`;

describe('minimal cut sets with failure domains as members', () => {
  it('equal the brute force over every set of up to N components and domains', () => {
    fc.assert(
      fc.property(
        arbitraryManifestWithDomainEvents(6),
        fc.integer({ min: 2, max: 3 }),
        (manifest, order) => {
          const result = analyze(compileGraph(manifest), null, { order });
          const reference = referenceCutSets(manifest, order);
          const cutSets = result.cutSets!;
          expect(cutSets.complete).toBe(true);
          expect(cutSets.domains).toEqual((manifest.domains ?? []).map((d) => d.domain).sort());
          expect(cutSets.entrypoints.map((e) => e.id)).toEqual([...reference.keys()].sort());
          for (const { id, counts } of cutSets.entrypoints) {
            const sets = reference.get(id)!;
            const size = (s: EventSet) => s.ids.length + s.domains.length;
            const expected = Array.from(
              { length: order },
              (_, k) => sets.filter((s) => size(s) === k + 1).length,
            );
            expect(counts, id).toEqual(expected);
          }
          // Listed: every set that neither the SPOFs nor the pairs show.
          const listedByRef = new Map<string, string[]>();
          for (const [e, sets] of reference) {
            for (const s of sets) {
              if (s.ids.length < 3 && s.domains.length === 0) continue;
              listedByRef.set(keyOf(s), [...(listedByRef.get(keyOf(s)) ?? []), e]);
            }
          }
          const listed = new Map(cutSets.sets!.map((s) => [keyOf(s), s.takesDown]));
          expect(listed).toEqual(new Map([...listedByRef].map(([k, v]) => [k, v.sort()])));
        },
      ),
      { numRuns: 200, seed: 31 },
    );
  });

  it('at order four too', () => {
    fc.assert(
      fc.property(arbitraryManifestWithDomainEvents(6), (manifest) => {
        const result = analyze(compileGraph(manifest), null, { order: 4 });
        const reference = referenceCutSets(manifest, 4);
        for (const { id, counts } of result.cutSets!.entrypoints) {
          const sizes = reference.get(id)!.map((s) => s.ids.length + s.domains.length);
          expect(counts, id).toEqual([1, 2, 3, 4].map((k) => sizes.filter((n) => n === k).length));
        }
      }),
      { numRuns: 100, seed: 32 },
    );
  });

  it('pairs a region with the one replica outside it, and counts the region alone once', () => {
    const manifest: Manifest = {
      ...buildManifest({
        checkout: { entrypoint: true, depends_on: [{ any_of: ['api-use1', 'api-euw1'] }] },
        'api-use1': { provider: 'aws', region: 'us-east-1', depends_on: ['auth'] },
        'api-euw1': { provider: 'aws', region: 'eu-west-1', depends_on: ['auth'] },
        auth: { provider: 'aws', region: 'us-east-1' },
      }),
      domains: [{ domain: 'provider=aws,region=us-east-1', sla: 99.95, position: AT }],
    };
    const result = analyze(compileGraph(manifest), null, { order: 2 });
    expect(result.cutSets).toMatchObject({
      domains: ['provider=aws,region=us-east-1'],
      entrypoints: [{ id: 'checkout', counts: [2, 1] }],
      sets: [{ ids: [], domains: ['provider=aws,region=us-east-1'], takesDown: ['checkout'] }],
    });
    // The pairs of components are still there; the domain is a SPOF because auth is in it.
    expect(result.pairs).toEqual([{ ids: ['api-euw1', 'api-use1'], takesDown: ['checkout'] }]);
    // Order two comes from the pair searches: no diagram.
    expect(result.cutSets!.nodes).toBe(0);
  });

  it('lists a domain beside a component of another region', () => {
    const manifest: Manifest = {
      ...buildManifest({
        checkout: { entrypoint: true, depends_on: [{ any_of: ['api-use1', 'api-euw1'] }] },
        'api-use1': { provider: 'aws', region: 'us-east-1' },
        'api-euw1': { provider: 'aws', region: 'eu-west-1' },
      }),
      domains: [{ domain: 'provider=aws,region=us-east-1', sla: 99.95, position: AT }],
    };
    const result = analyze(compileGraph(manifest), null, { order: 3 });
    expect(result.cutSets!.entrypoints).toEqual([{ id: 'checkout', counts: [0, 2, 0] }]);
    expect(result.cutSets!.sets).toEqual([
      { ids: ['api-euw1'], domains: ['provider=aws,region=us-east-1'], takesDown: ['checkout'] },
    ]);
  });
});
