import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { condense, reachCounts } from '../../../src/analysis/graph/reach-counts.js';
import { RankQueue } from '../../../src/analysis/graph/rank-queue.js';
import { stronglyConnectedComponents } from '../../../src/analysis/graph/strongly-connected-components.js';
import { sortByKey } from '../../../src/analysis/graph/integer-sort.js';

/** A random directed graph renumbered so that components are contiguous, dependencies first. */
const rankedGraph = fc
  .integer({ min: 1, max: 40 })
  .chain((n) =>
    fc.record({
      n: fc.constant(n),
      edges: fc.array(fc.tuple(fc.nat(n - 1), fc.nat(n - 1)), { maxLength: 3 * n }),
    }),
  )
  .map(({ n, edges }) => {
    // Edge [v, u]: v depends on u.
    const start = new Int32Array(n + 1);
    for (const [v] of edges) start[v + 1]!++;
    for (let v = 0; v < n; v++) start[v + 1]! += start[v]!;
    const fill = start.slice(0, n);
    const targets = new Int32Array(edges.length);
    for (const [v, u] of edges) targets[fill[v]!++] = u;
    const { componentOf } = stronglyConnectedComponents(n, start, targets);
    const order = sortByKey(
      Int32Array.from({ length: n }, (_, v) => v),
      componentOf,
      n,
    );
    const rank = new Int32Array(n);
    order.forEach((v, r) => (rank[v] = r));
    const component = Int32Array.from(order, (v) => componentOf[v]!);
    const ranked = edges.map(([v, u]) => [rank[v]!, rank[u]!] as const);
    // Dependents by rank: who depends on r.
    const dependentStart = new Int32Array(n + 1);
    for (const [, u] of ranked) dependentStart[u + 1]!++;
    for (let r = 0; r < n; r++) dependentStart[r + 1]! += dependentStart[r]!;
    const at = dependentStart.slice(0, n);
    const dependents = new Int32Array(ranked.length);
    for (const [v, u] of ranked) dependents[at[u]!++] = v;
    return { n, ranked, component, dependentStart, dependents };
  });

/** Ranks that reach one of `seeds` along dependent edges, by a plain search. */
function bruteReach(n: number, ranked: ReadonlyArray<readonly [number, number]>, seeds: number[]) {
  const seen = new Set(seeds);
  const stack = [...seeds];
  while (stack.length > 0) {
    const u = stack.pop()!;
    for (const [v, w] of ranked) {
      if (w !== u || seen.has(v)) continue;
      seen.add(v);
      stack.push(v);
    }
  }
  return seen.size;
}

describe('reach counts over the condensation', () => {
  it('count the nodes reaching each seed set, as a plain search does, across 128-set passes', () => {
    fc.assert(
      fc.property(
        rankedGraph,
        fc.array(fc.array(fc.nat(1000), { minLength: 1, maxLength: 3 }), { maxLength: 300 }),
        ({ n, ranked, component, dependentStart, dependents }, sets) => {
          const condensation = condense(component, dependentStart, dependents);
          expect(Array.from(condensation.size).reduce((a, b) => a + b, 0)).toBe(n);
          const seedRanks = sets.map((set) => set.map((r) => r % n));
          const counts = reachCounts(
            condensation,
            Int32Array.from(seedRanks, (_, label) => label),
            (label) => seedRanks[label]!.map((r) => condensation.of[r]!),
          );
          // Every member of a seed's component reaches it: the plain search starts from all.
          const expected = seedRanks.map((set) => {
            const members = new Set<number>();
            for (const r of set)
              for (let q = 0; q < n; q++)
                if (condensation.of[q] === condensation.of[r]) members.add(q);
            return bruteReach(n, ranked, [...members]);
          });
          expect([...counts]).toEqual(expected);
        },
      ),
      { numRuns: 150 },
    );
  });
});

describe('rank queue', () => {
  // 200 fits one summary word; 1025 and 5000 need several, and the last one partly used.
  it.each([200, 1025, 5000])(
    'pops distinct indices in ascending order, ignoring those already waiting (capacity %i)',
    (capacity) => {
      fc.assert(
        fc.property(
          fc.array(fc.array(fc.nat(capacity - 1), { maxLength: 20 }), { maxLength: 30 }),
          (rounds) => {
            const heap = new RankQueue(capacity);
            const waiting = new Set<number>();
            for (const round of rounds) {
              for (const i of round) {
                heap.push(i);
                waiting.add(i);
              }
              expect(heap.size).toBe(waiting.size);
              const smallest = Math.min(...waiting);
              if (waiting.size === 0) continue;
              expect(heap.pop()).toBe(smallest);
              waiting.delete(smallest);
            }
            const rest: number[] = [];
            while (heap.size > 0) rest.push(heap.pop());
            expect(rest).toEqual([...waiting].sort((a, b) => a - b));
          },
        ),
        { numRuns: 300 },
      );
    },
  );
});
