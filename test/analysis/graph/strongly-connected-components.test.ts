import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  componentLabels,
  stronglyConnectedComponents,
} from '../../../src/analysis/graph/strongly-connected-components.js';
import {
  arrays,
  edgeListArbitrary,
  labelled,
  path,
  reachable,
  toCsr,
  type Label,
} from './support.js';

function components(edges: Array<readonly [Label, Label]>): Label[][] {
  const g = labelled(edges);
  const { start, targets } = toCsr(g.n, g.from, g.to);
  const result = stronglyConnectedComponents(g.n, start, targets).components;
  return result.map((c) => c.map((v) => g.labels[v]!)).sort((a, b) => Number(a[0]) - Number(b[0]));
}

// Graphs and expected answers transcribed from networkx's
// networkx/algorithms/components/tests/test_strongly_connected.py (TestStronglyConnected.gc)
describe('strongly connected components: networkx peer cases', () => {
  it('two cycles feeding a sink', () => {
    // prettier-ignore
    const edges: Array<[number, number]> = [
      [1, 2], [2, 3], [2, 8], [3, 4], [3, 7], [4, 5], [5, 3], [5, 6], [7, 4], [7, 6], [8, 1],
      [8, 7],
    ];
    expect(components(edges)).toEqual([[1, 2, 8], [3, 4, 5, 7], [6]]);
  });

  it('a source into a triangle', () => {
    // prettier-ignore
    const edges: Array<[number, number]> = [
      [1, 2], [1, 3], [1, 4], [4, 2], [3, 4], [2, 3],
    ];
    expect(components(edges)).toEqual([[1], [2, 3, 4]]);
  });

  it('one component through a shared vertex', () => {
    expect(
      components([
        [1, 2],
        [2, 3],
        [3, 2],
        [2, 1],
      ]),
    ).toEqual([[1, 2, 3]]);
  });

  it("Eppstein's DAG: every vertex alone", () => {
    // prettier-ignore
    const edges: Array<[number, number]> = [
      [0, 1], [1, 2], [1, 3], [2, 4], [2, 5], [3, 4], [3, 5], [4, 6],
    ];
    expect(components(edges)).toEqual([[0], [1], [2], [3], [4], [5], [6]]);
  });

  it("Eppstein's two cycles", () => {
    // prettier-ignore
    const edges: Array<[number, number]> = [
      [0, 1], [1, 2], [1, 3], [1, 4], [2, 0], [2, 3], [3, 4], [4, 3],
    ];
    expect(components(edges)).toEqual([
      [0, 1, 2],
      [3, 4],
    ]);
  });

  it('test_contract_scc1: four components', () => {
    // prettier-ignore
    const edges: Array<[number, number]> = [
      [1, 2], [2, 3], [2, 11], [2, 12], [3, 4], [4, 3], [4, 5], [5, 6], [6, 5], [6, 7], [7, 8],
      [7, 9], [7, 10], [8, 9], [9, 7], [10, 6], [11, 2], [11, 4], [11, 6], [12, 6], [12, 11],
    ];
    expect(components(edges)).toEqual([[1], [2, 11, 12], [3, 4], [5, 6, 7, 8, 9, 10]]);
  });

  it('test_null_graph', () => {
    expect(stronglyConnectedComponents(0, Int32Array.of(0), new Int32Array(0))).toEqual({
      componentOf: new Int32Array(0),
      components: [],
    });
  });
});

describe('strongly connected components', () => {
  it('lists dependencies first: componentOf never increases along an edge', () => {
    const { from, to } = arrays([
      [0, 1],
      [1, 2],
      [2, 1],
      [2, 3],
    ]);
    const { start, targets } = toCsr(4, from, to);
    expect(stronglyConnectedComponents(4, start, targets)).toEqual({
      componentOf: Int32Array.of(2, 1, 1, 0),
      components: [[3], [1, 2], [0]],
    });
  });

  it('rejects a malformed CSR, naming the function', () => {
    expect(() => stronglyConnectedComponents(2, Int32Array.of(0, 1), Int32Array.of(1))).toThrow(
      /stronglyConnectedComponents/,
    );
    expect(() => stronglyConnectedComponents(1, Int32Array.of(0, 1), Int32Array.of(5))).toThrow(
      /outside/,
    );
  });

  it('agrees with brute-force mutual reachability', () => {
    fc.assert(
      fc.property(edgeListArbitrary(9, 20), ({ n, edges }) => {
        const { from, to } = arrays(edges);
        const { start, targets } = toCsr(n, from, to);
        const { componentOf, components } = stronglyConnectedComponents(n, start, targets);
        const reach = Array.from({ length: n }, (_, v) => reachable(n, edges, v));
        for (let u = 0; u < n; u++) {
          for (let v = 0; v < n; v++) {
            expect(componentOf[u] === componentOf[v]).toBe(reach[u]![v]! && reach[v]![u]!);
          }
        }
        for (const [u, v] of edges) expect(componentOf[u]!).toBeGreaterThanOrEqual(componentOf[v]!);
        components.forEach((members, c) => {
          expect(members).toEqual([...members].sort((a, b) => a - b));
          for (const v of members) expect(componentOf[v]).toBe(c);
        });
        expect(componentLabels(n, start, targets)).toEqual({
          componentOf,
          count: components.length,
        });
      }),
      { numRuns: 2000 },
    );
  });

  it('walks a 200,000-vertex chain and a 200,000-vertex cycle without recursion', () => {
    const n = 200_000;
    const chain = arrays(path(n));
    const open = toCsr(n, chain.from, chain.to);
    expect(stronglyConnectedComponents(n, open.start, open.targets).components.length).toBe(n);
    const ring = arrays([...path(n), [n - 1, 0]]);
    const cycleCsr = toCsr(n, ring.from, ring.to);
    const { components } = stronglyConnectedComponents(n, cycleCsr.start, cycleCsr.targets);
    expect(components.length).toBe(1);
    expect(components[0]!.length).toBe(n);
  });
});
