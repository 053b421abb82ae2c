import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stronglyConnectedComponents } from '../../../src/analysis/graph/strongly-connected-components.js';
import { rankGraph } from '../../../src/analysis/outage/ranked-graph.js';
import { dependencyCsr } from '../../../src/analysis/structure/graph-views.js';
import { compileGraph } from '../../../src/model/compiled-graph.js';
import { arbitraryManifest } from '../../support/random-manifest.js';

describe('ranked graph', () => {
  it('ranks services by strongly connected component, dependencies first, by index within one', () => {
    fc.assert(
      fc.property(arbitraryManifest({ maxServices: 12 }), (manifest) => {
        const graph = compileGraph(manifest);
        const { n } = graph;
        const csr = dependencyCsr(graph);
        const { componentOf } = stronglyConnectedComponents(n, csr.start, csr.targets);
        // The reference: every service, sorted by its component, then by index.
        const expected = Array.from({ length: n }, (_, v) => v).sort(
          (a, b) => componentOf[a]! - componentOf[b]! || a - b,
        );
        const plan = rankGraph(graph);
        expect(Array.from(plan.order)).toEqual(expected);
        for (let r = 0; r < n; r++) {
          expect(plan.rank[plan.order[r]!]).toBe(r);
          expect(plan.component[r]).toBe(componentOf[plan.order[r]!]);
        }
        // Every requirement, renumbered, names the same alternatives.
        for (let r = 0; r < n; r++) {
          const v = plan.order[r]!;
          const mine: number[][] = [];
          for (let q = plan.reqStart[r]!; q < plan.reqStart[r + 1]!; q++)
            mine.push(
              Array.from(
                plan.alts.subarray(plan.altStart[q]!, plan.altStart[q + 1]!),
                (a) => plan.order[a]!,
              ),
            );
          const theirs: number[][] = [];
          for (let q = graph.reqStart[v]!; q < graph.reqStart[v + 1]!; q++)
            theirs.push(
              Array.from(graph.alts.subarray(graph.altStart[q]!, graph.altStart[q + 1]!)),
            );
          expect(mine).toEqual(theirs);
        }
      }),
      { numRuns: 500 },
    );
  });
});
