import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { articulationPoints } from '../../../src/analysis/graph/articulation-points.js';
import { biconnectedComponents } from '../../../src/analysis/graph/biconnected-components.js';
import {
  arrays,
  barbell,
  cycle,
  edgeListArbitrary,
  KARATE_CLUB,
  labelled,
  path,
  type Label,
} from './support.js';

/** Blocks as sorted label lists, in a canonical order, for comparison with expected sets. */
function blocks(edges: Array<readonly [Label, Label]>): Label[][] {
  const g = labelled(edges);
  const { components } = biconnectedComponents(g.n, g.from, g.to);
  return canonical(components.map((c) => c.map((v) => g.labels[v]!)));
}

/** Blocks as sets of undirected edges "u-v" (u < v by label), canonical order. */
function blockEdges(edges: Array<readonly [Label, Label]>): string[][] {
  const g = labelled(edges);
  const result = biconnectedComponents(g.n, g.from, g.to).edges.map((ids) =>
    ids.map((e) => [edges[e]![0], edges[e]![1]].map(String).sort().join('-')).sort(),
  );
  return canonical(result);
}

function canonical<T extends Label>(lists: T[][]): T[][] {
  const sorted = lists.map((list) => [...list].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
  return sorted.sort((a, b) => (JSON.stringify(a) < JSON.stringify(b) ? -1 : 1));
}

// Graphs and expected answers transcribed from networkx's
// networkx/algorithms/components/tests/test_biconnected.py
describe('biconnected components: networkx peer cases', () => {
  it('test_barbell', () => {
    const tail = [7, 20, 21, 22];
    const edges = [
      ...barbell(8, 4),
      ...path(4).map(([u, v]) => [tail[u]!, tail[v]!] as const),
      ...cycle([22, 23, 24, 25]),
    ];
    expect(blocks(edges)).toEqual(
      canonical([
        [12, 13, 14, 15, 16, 17, 18, 19],
        [0, 1, 2, 3, 4, 5, 6, 7],
        [22, 23, 24, 25],
        [11, 12],
        [10, 11],
        [9, 10],
        [8, 9],
        [7, 8],
        [21, 22],
        [20, 21],
        [7, 20],
      ]),
    );
  });

  it('test_biconnected_components_cycle', () => {
    expect(blocks([...cycle([0, 1, 2]), ...cycle([1, 3, 4])])).toEqual([
      [0, 1, 2],
      [1, 3, 4],
    ]);
  });

  it('test_biconnected_components1 (edges)', () => {
    // prettier-ignore
    const edges: Array<[number, number]> = [
      [0, 1], [0, 5], [0, 6], [0, 14], [1, 5], [1, 6], [1, 14], [2, 4], [2, 10], [3, 4], [3, 15],
      [4, 6], [4, 7], [4, 10], [5, 14], [6, 14], [7, 9], [8, 9], [8, 12], [8, 13], [10, 15],
      [11, 12], [11, 13], [12, 13],
    ];
    const answer: Array<Array<[number, number]>> = [
      [
        [3, 4],
        [15, 3],
        [10, 15],
        [10, 4],
        [2, 10],
        [4, 2],
      ],
      [
        [13, 12],
        [13, 8],
        [11, 13],
        [12, 11],
        [8, 12],
      ],
      [[9, 8]],
      [[7, 9]],
      [[4, 7]],
      [[6, 4]],
      [
        [14, 0],
        [5, 1],
        [5, 0],
        [14, 5],
        [14, 1],
        [6, 14],
        [6, 0],
        [1, 6],
        [0, 1],
      ],
    ];
    const asStrings = answer.map((block) =>
      block.map(([u, v]) => [u, v].map(String).sort().join('-')).sort(),
    );
    expect(blockEdges(edges)).toEqual(canonical(asStrings));
  });

  it('test_biconnected_components2 (edges, string labels)', () => {
    const edges = [
      ...cycle([...'ABC']),
      ...cycle([...'CDE']),
      ...cycle([...'FIJHG']),
      ...cycle([...'GIJ']),
      ['E', 'G'] as const,
    ];
    const answer = [
      ['GF', 'FI', 'IG', 'IJ', 'JG', 'JH', 'HG'],
      ['EG'],
      ['CD', 'DE', 'CE'],
      ['AB', 'BC', 'AC'],
    ].map((block) => block.map((pair) => [...pair].sort().join('-')).sort());
    // networkx's Graph is simple: I–J, on both cycles, is one edge there, two parallel ones here.
    const simple = blockEdges(edges).map((block) => [...new Set(block)]);
    expect(simple).toEqual(canonical(answer));
  });

  it('test_biconnected_karate', () => {
    expect(blocks(KARATE_CLUB)).toEqual(
      canonical([
        [
          0, 1, 2, 3, 7, 8, 9, 12, 13, 14, 15, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29,
          30, 31, 32, 33,
        ],
        [0, 4, 5, 6, 10, 16],
        [0, 11],
      ]),
    );
  });

  it('test_biconnected_eppstein: G2', () => {
    // prettier-ignore
    const g2: Array<[number, number]> = [
      [0, 2], [0, 5], [1, 3], [1, 8], [2, 3], [2, 5], [3, 6], [3, 8], [4, 7], [6, 8],
    ];
    expect(blocks(g2)).toEqual(
      canonical([
        [1, 3, 6, 8],
        [0, 2, 5],
        [2, 3],
        [4, 7],
      ]),
    );
  });
});

describe('biconnected components', () => {
  it('puts parallel edges in one block and self-loops in none', () => {
    const { from, to } = arrays([
      [0, 1],
      [1, 0],
      [1, 1],
      [1, 2],
    ]);
    expect(biconnectedComponents(3, from, to)).toEqual({
      components: [
        [0, 1],
        [1, 2],
      ],
      edges: [[0, 1], [3]],
    });
  });

  it('has every non-loop edge in exactly one block; cut vertices are in two or more', () => {
    fc.assert(
      fc.property(edgeListArbitrary(9, 16), ({ n, edges }) => {
        const { from, to } = arrays(edges);
        const { components, edges: blockEdgeIds } = biconnectedComponents(n, from, to);
        const owners = new Array<number>(edges.length).fill(0);
        blockEdgeIds.forEach((ids, b) =>
          ids.forEach((e) => {
            owners[e]!++;
            // An edge's ends are members of its block.
            expect(components[b]).toContain(edges[e]![0]);
            expect(components[b]).toContain(edges[e]![1]);
          }),
        );
        edges.forEach(([u, v], e) => expect(owners[e]).toBe(u === v ? 0 : 1));
        const membership = new Array<number>(n).fill(0);
        for (const block of components) for (const v of block) membership[v]!++;
        const cut = membership.flatMap((count, v) => (count >= 2 ? [v] : []));
        expect(cut).toEqual(articulationPoints(n, from, to));
      }),
      { numRuns: 2000 },
    );
  });

  it('splits a 200,000-vertex chain into its edges without recursion', () => {
    const n = 200_000;
    const { from, to } = arrays(path(n));
    const { components } = biconnectedComponents(n, from, to);
    expect(components.length).toBe(n - 1);
    expect(components[n - 2]).toEqual([n - 2, n - 1]);
  });
});
