import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  articulationPoints,
  bridges,
  cutStructure,
} from '../../../src/analysis/graph/articulation-points.js';
import {
  arrays,
  barbell,
  componentCount,
  cycle,
  edgeListArbitrary,
  KARATE_CLUB,
  labelled,
  path,
  type Label,
} from './support.js';

function cutLabels(edges: Array<readonly [Label, Label]>): Label[] {
  const g = labelled(edges);
  return articulationPoints(g.n, g.from, g.to).map((v) => g.labels[v]!);
}

function bridgeLabels(edges: Array<readonly [Label, Label]>): Label[][] {
  const g = labelled(edges);
  return bridges(g.n, g.from, g.to).map(([u, v]) => [g.labels[u]!, g.labels[v]!]);
}

// Graphs and expected answers transcribed from networkx's
// networkx/algorithms/components/tests/test_biconnected.py
describe('articulation points: networkx peer cases', () => {
  const barbellWithTail = [
    ...barbell(8, 4),
    ...path(4).map(([u, v]) => [[7, 20, 21, 22][u]!, [7, 20, 21, 22][v]!] as const),
    ...cycle([22, 23, 24, 25]),
  ];

  it('test_barbell: the path between the cliques and the tail are cut vertices', () => {
    expect(cutLabels(barbellWithTail)).toEqual([7, 8, 9, 10, 11, 12, 20, 21, 22]);
  });

  it('test_barbell: an edge across the cliques leaves only the tail', () => {
    expect(cutLabels([...barbellWithTail, [2, 17]])).toEqual([7, 20, 21, 22]);
  });

  it('test_articulation_points_repetitions: a star centre is reported once', () => {
    expect(
      cutLabels([
        [0, 1],
        [1, 2],
        [1, 3],
      ]),
    ).toEqual([1]);
  });

  it('test_articulation_points_cycle: two triangles sharing a vertex', () => {
    expect(cutLabels([...cycle([0, 1, 2]), ...cycle([1, 3, 4])])).toEqual([1]);
  });

  it('test_biconnected_components1', () => {
    // prettier-ignore
    const edges: Array<[number, number]> = [
      [0, 1], [0, 5], [0, 6], [0, 14], [1, 5], [1, 6], [1, 14], [2, 4], [2, 10], [3, 4], [3, 15],
      [4, 6], [4, 7], [4, 10], [5, 14], [6, 14], [7, 9], [8, 9], [8, 12], [8, 13], [10, 15],
      [11, 12], [11, 13], [12, 13],
    ];
    expect(cutLabels(edges)).toEqual([4, 6, 7, 8, 9]);
  });

  it('test_biconnected_karate: only the instructor (0) is a cut vertex', () => {
    expect(cutLabels(KARATE_CLUB)).toEqual([0]);
  });

  it('test_biconnected_eppstein: G1 is biconnected', () => {
    // prettier-ignore
    const g1: Array<[number, number]> = [
      [0, 1], [0, 2], [0, 5], [1, 5], [2, 3], [2, 4], [3, 4], [3, 5], [3, 6], [4, 5], [4, 6],
    ];
    expect(cutLabels(g1)).toEqual([]);
  });
});

// Graphs and expected answers transcribed from networkx's networkx/algorithms/tests/test_bridges.py
describe('bridges: networkx peer cases', () => {
  it('test_single_bridge', () => {
    // prettier-ignore
    const edges: Array<[number, number]> = [
      [1, 2], [2, 3], [3, 4], [3, 5], [5, 6], [6, 7], [7, 8], [5, 9], [9, 10], [1, 3], [1, 4],
      [2, 5], [5, 10], [6, 8],
    ];
    expect(bridgeLabels(edges)).toEqual([[5, 6]]);
  });

  it('test_barbell_graph: two triangles joined by one edge', () => {
    expect(bridgeLabels(barbell(3, 0))).toEqual([[2, 3]]);
  });

  it('test_multiedge_bridge: parallel edges are never bridges', () => {
    // prettier-ignore
    const edges: Array<[number, number]> = [
      [0, 1], [0, 2], [1, 2], [1, 2], [2, 3], [3, 4], [3, 4],
    ];
    expect(bridgeLabels(edges)).toEqual([[2, 3]]);
  });
});

describe('cut structure', () => {
  it('ignores self-loops and isolated vertices', () => {
    const { from, to } = arrays([
      [0, 0],
      [1, 2],
      [2, 2],
      [2, 3],
    ]);
    expect(cutStructure(5, from, to)).toEqual({
      cutVertices: [2],
      bridges: [
        [1, 2],
        [2, 3],
      ],
    });
  });

  it('reports bridges as [min, max] whichever way the edge was given', () => {
    const { from, to } = arrays([
      [3, 1],
      [1, 0],
      [2, 1],
    ]);
    expect(cutStructure(4, from, to)).toEqual({
      cutVertices: [1],
      bridges: [
        [0, 1],
        [1, 2],
        [1, 3],
      ],
    });
  });

  it('handles the empty graph', () => {
    expect(cutStructure(0, new Int32Array(0), new Int32Array(0))).toEqual({
      cutVertices: [],
      bridges: [],
    });
  });

  it('rejects an edge outside 0..n-1, naming the function', () => {
    expect(() => cutStructure(2, Int32Array.of(0), Int32Array.of(2))).toThrow(
      /undirectedAdjacency/,
    );
  });

  it('agrees with brute force (remove each vertex / edge, count components)', () => {
    fc.assert(
      fc.property(edgeListArbitrary(9, 16), ({ n, edges }) => {
        const { from, to } = arrays(edges);
        const base = componentCount(n, edges);
        const expectedCut = [];
        for (let v = 0; v < n; v++) if (componentCount(n, edges, v) > base) expectedCut.push(v);
        const expectedBridges = new Set<string>();
        edges.forEach(([u, v], e) => {
          if (u !== v && componentCount(n, edges, -1, e) > base) {
            expectedBridges.add(`${Math.min(u, v)},${Math.max(u, v)}`);
          }
        });
        const actual = cutStructure(n, from, to);
        expect(actual.cutVertices).toEqual(expectedCut);
        expect(actual.bridges.map((pair) => pair.join(','))).toEqual([...expectedBridges].sort());
      }),
      { numRuns: 3000 },
    );
  });

  it('walks a 200,000-vertex chain without recursion', () => {
    const n = 200_000;
    const { from, to } = arrays(path(n));
    const { cutVertices, bridges: chainBridges } = cutStructure(n, from, to);
    expect(cutVertices.length).toBe(n - 2);
    expect(cutVertices[0]).toBe(1);
    expect(chainBridges.length).toBe(n - 1);
    expect(chainBridges[n - 2]).toEqual([n - 2, n - 1]);
  });
});
