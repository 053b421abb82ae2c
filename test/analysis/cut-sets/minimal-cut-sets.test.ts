// `analyze --order N`: minimal cut sets of up to N components, against the brute force over every
// set of up to N components on random manifests (cycles, quorums, soft edges, virtual services),
// in step with the SPOFs and the pairs, and on a hand-built system with real-sounding names.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../../src/analysis/analyze.js';
import { compileGraph } from '../../../src/model/compiled-graph.js';
import { buildManifest } from '../../support/build-manifest.js';
import { referenceCutSets } from '../../support/cut-sets-reference.js';
import { arbitraryManifestWithVirtual } from '../../support/failure-scenarios.js';

describe('minimal cut sets of any order', () => {
  it('equal the brute force over every set of up to N components on random manifests', () => {
    fc.assert(
      fc.property(
        arbitraryManifestWithVirtual(7),
        fc.integer({ min: 2, max: 4 }),
        (manifest, order) => {
          const result = analyze(compileGraph(manifest), null, { order });
          const reference = referenceCutSets(manifest, order);
          const cutSets = result.cutSets!;
          expect(cutSets.complete).toBe(true);
          expect(cutSets.entrypoints.map((e) => e.id)).toEqual([...reference.keys()].sort());
          for (const { id, counts } of cutSets.entrypoints) {
            const sizes = reference.get(id)!.map((s) => s.ids.length);
            const expected = Array.from(
              { length: order },
              (_, k) => sizes.filter((n) => n === k + 1).length,
            );
            expect(counts, id).toEqual(expected);
          }
          const larger = new Map<string, string[]>();
          for (const [e, sets] of reference) {
            for (const s of sets.filter((x) => x.ids.length >= 3)) {
              const key = s.ids.join(',');
              larger.set(key, [...(larger.get(key) ?? []), e]);
            }
          }
          const listed = new Map(cutSets.sets!.map((s) => [s.ids.join(','), s.takesDown]));
          expect(listed).toEqual(new Map([...larger].map(([k, v]) => [k, v.sort()])));
        },
      ),
      { numRuns: 300, seed: 23 },
    );
  });

  it('from the diagram (order three), count the SPOFs and the pairs of each entry point', () => {
    fc.assert(
      fc.property(arbitraryManifestWithVirtual(9), (manifest) => {
        const result = analyze(compileGraph(manifest), null, { order: 3 });
        for (const { id, counts } of result.cutSets!.entrypoints) {
          const spofs = result.spofs.filter((s) => s.id !== id && s.takesDown.includes(id));
          const pairs = result.pairs!.filter((p) => p.takesDown.includes(id));
          expect(counts!.slice(0, 2)).toEqual([spofs.length, pairs.length]);
        }
      }),
      { numRuns: 300, seed: 24 },
    );
  });

  it('finds the triples of a 3-of-5 quorum behind a failover pair', () => {
    const result = analyze(
      compileGraph(
        buildManifest({
          checkout: {
            entrypoint: true,
            depends_on: [
              { any_of: ['payments-eu', 'payments-us'] },
              { quorum: 3, of: ['etcd-a', 'etcd-b', 'etcd-c', 'etcd-d', 'etcd-e'] },
            ],
          },
          'payments-eu': {},
          'payments-us': {},
          'etcd-a': {},
          'etcd-b': {},
          'etcd-c': {},
          'etcd-d': {},
          'etcd-e': {},
        }),
      ),
      null,
      { order: 3 },
    );
    expect(result.cutSets!.entrypoints).toEqual([{ id: 'checkout', counts: [0, 1, 10] }]);
    expect(result.cutSets!.sets!.slice(0, 2)).toEqual([
      { ids: ['etcd-a', 'etcd-b', 'etcd-c'], domains: [], takesDown: ['checkout'] },
      { ids: ['etcd-a', 'etcd-b', 'etcd-d'], domains: [], takesDown: ['checkout'] },
    ]);
  });

  it('says when the node budget ran out, and for which entry points', () => {
    const result = analyze(
      compileGraph(
        buildManifest({
          shop: { entrypoint: true, depends_on: [{ any_of: ['api-a', 'api-b'] }] },
          'api-a': {},
          'api-b': {},
        }),
      ),
      null,
      { order: 3, cutBudget: 1 },
    );
    expect(result.cutSets).toMatchObject({
      complete: false,
      entrypoints: [{ id: 'shop', counts: null }],
    });
  });

  it('is null below order two', () => {
    const result = analyze(compileGraph(buildManifest({ web: {} })), null);
    expect(result.cutSets).toBeNull();
  });
});
