// Failure domains with a probability of their own (`domains:`) are members of the minimal cut
// sets like components, at every order: against the brute force over every set of up to N
// components and such domains on random manifests, and on a hand-built zonal system.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../../src/analysis/analyze.js';
import type { CommonCauseDomain, Manifest } from '../../../src/manifest/types.js';
import { compileGraph } from '../../../src/model/compiled-graph.js';
import { referenceDomains } from '../../support/brute-force.js';
import { buildManifest } from '../../support/build-manifest.js';
import { referenceCutSets, type EventSet } from '../../support/cut-sets-reference.js';
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
