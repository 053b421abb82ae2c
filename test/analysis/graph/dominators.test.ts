import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { immediateDominators } from '../../../src/analysis/graph/dominators.js';
import {
  arrays,
  edgeListArbitrary,
  labelled,
  path,
  reachable,
  toCsr,
  type Label,
} from './support.js';

/** idom as a label map in networkx's convention: the root maps to null, unreachable left out. */
function idoms(
  edges: Array<readonly [Label, Label]>,
  root: Label,
  reverse = false,
): Record<string, Label | null> {
  const g = labelled(edges);
  const { start, targets } = reverse ? toCsr(g.n, g.to, g.from) : toCsr(g.n, g.from, g.to);
  const idom = immediateDominators(g.n, start, targets, g.index.get(root)!);
  const result: Record<string, Label | null> = {};
  idom.forEach((d, v) => {
    if (d !== -1) result[String(g.labels[v])] = d === v ? null : g.labels[d]!;
  });
  return result;
}

// Graphs and expected answers transcribed from networkx's
// networkx/algorithms/tests/test_dominance.py (TestImmediateDominators)
describe('immediate dominators: networkx peer cases', () => {
  it('test_singleton (with and without a self-loop)', () => {
    expect(immediateDominators(1, Int32Array.of(0, 0), new Int32Array(0), 0)).toEqual(
      Int32Array.of(0),
    );
    expect(idoms([[0, 0]], 0)).toEqual({ 0: null });
  });

  it('test_path', () => {
    expect(idoms(path(5), 0)).toEqual({ 0: null, 1: 0, 2: 1, 3: 2, 4: 3 });
  });

  it('test_cycle', () => {
    expect(idoms([...path(5), [4, 0]], 0)).toEqual({ 0: null, 1: 0, 2: 1, 3: 2, 4: 3 });
  });

  it('test_unreachable: vertices before the root are left out', () => {
    expect(idoms(path(5), 1)).toEqual({ 1: null, 2: 1, 3: 2, 4: 3 });
  });

  it('test_irreducible1 (Cooper, Harvey & Kennedy 2006, figure 2)', () => {
    // prettier-ignore
    const edges: Array<[number, number]> = [
      [1, 2], [2, 1], [3, 2], [4, 1], [5, 3], [5, 4],
    ];
    expect(idoms(edges, 5)).toEqual({ 5: null, 1: 5, 2: 5, 3: 5, 4: 5 });
  });

  it('test_irreducible2 (Cooper, Harvey & Kennedy 2006, figure 4)', () => {
    // prettier-ignore
    const edges: Array<[number, number]> = [
      [1, 2], [2, 1], [2, 3], [3, 2], [4, 2], [4, 3], [5, 1], [6, 4], [6, 5],
    ];
    expect(idoms(edges, 6)).toEqual({ 6: null, 1: 6, 2: 6, 3: 6, 4: 6, 5: 6 });
  });

  it('test_domrel_png: dominators and postdominators', () => {
    // prettier-ignore
    const edges: Array<[number, number]> = [
      [1, 2], [2, 3], [2, 4], [2, 6], [3, 5], [4, 5], [5, 2],
    ];
    expect(idoms(edges, 1)).toEqual({ 1: null, 2: 1, 3: 2, 4: 2, 5: 2, 6: 2 });
    expect(idoms(edges, 6, true)).toEqual({ 1: 2, 2: 6, 3: 5, 4: 5, 5: 2, 6: null });
  });

  it('test_boost_example: dominators and postdominators', () => {
    // prettier-ignore
    const edges: Array<[number, number]> = [
      [0, 1], [1, 2], [1, 3], [2, 7], [3, 4], [4, 5], [4, 6], [5, 7], [6, 4],
    ];
    expect(idoms(edges, 0)).toEqual({ 0: null, 1: 0, 2: 1, 3: 1, 4: 3, 5: 4, 6: 4, 7: 1 });
    expect(idoms(edges, 7, true)).toEqual({ 0: 1, 1: 7, 2: 7, 3: 4, 4: 5, 5: 7, 6: 4, 7: null });
  });

  it('test_exceptions: a root outside the graph', () => {
    expect(() => immediateDominators(1, Int32Array.of(0, 1), Int32Array.of(0), 1)).toThrow(
      /immediateDominators: root 1/,
    );
  });
});

/** idom by definition: d dominates v iff v is unreachable from the root once d is removed. */
function bruteForceIdom(n: number, edges: Array<[number, number]>, root: number): number[] {
  const reach = reachable(n, edges, root);
  const strict = Array.from({ length: n }, (): number[] => []);
  for (let d = 0; d < n; d++) {
    if (!reach[d]) continue;
    const without = reachable(n, edges, root, d);
    for (let v = 0; v < n; v++) if (v !== d && reach[v] && !without[v]) strict[v]!.push(d);
  }
  // Strict dominators form a chain; the immediate one has the most dominators of its own.
  return Array.from({ length: n }, (_, v) => {
    if (!reach[v]) return -1;
    if (v === root) return root;
    return strict[v]!.reduce((best, d) => (strict[d]!.length > strict[best]!.length ? d : best));
  });
}

describe('immediate dominators', () => {
  it('agree with the brute-force definition', () => {
    fc.assert(
      fc.property(edgeListArbitrary(10, 24), fc.nat(), ({ n, edges }, rootSeed) => {
        const root = rootSeed % n;
        const { from, to } = arrays(edges);
        const { start, targets } = toCsr(n, from, to);
        const expected = Int32Array.from(bruteForceIdom(n, edges, root));
        expect(immediateDominators(n, start, targets, root)).toEqual(expected);
      }),
      { numRuns: 3000 },
    );
  });

  it('walk a 200,000-vertex chain, and the same chain closed into a cycle', () => {
    const n = 200_000;
    const chain = arrays([...path(n), [n - 1, 0]]);
    const { start, targets } = toCsr(n, chain.from, chain.to);
    const idom = immediateDominators(n, start, targets, 0);
    expect(idom[0]).toBe(0);
    expect(idom.every((d, v) => v === 0 || d === v - 1)).toBe(true);
  });

  it('compress a 200,000-vertex path of the link-eval forest without recursion', () => {
    // The edge back to 1 is evaluated last, over a forest path through the whole chain.
    const n = 200_000;
    const { from, to } = arrays([...path(n), [n - 1, 1]]);
    const { start, targets } = toCsr(n, from, to);
    const idom = immediateDominators(n, start, targets, 0);
    expect(idom.every((d, v) => d === (v === 0 ? 0 : v - 1))).toBe(true);
  });
});
