import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cutStructure } from '../../../src/analysis/graph/articulation-points.js';
import { dependencyCyclesOf, rankGraph } from '../../../src/analysis/outage/ranked-graph.js';
import { reverseCsr, undirectedAdjacency } from '../../../src/analysis/graph/csr.js';
import { dependencyCsr, hardDependencyEdges } from '../../../src/analysis/structure/graph-views.js';
import { hardLinkCuts } from '../../../src/analysis/structure/hard-link-search.js';
import { compileGraph } from '../../../src/model/compiled-graph.js';
import { manifestArbitrary, manifestOf, reachable, type Dependency } from '../graph/support.js';

const shop: Array<[string, Dependency[]]> = [
  [
    'web',
    ['api', { any_of: ['cdn-cloudflare', 'cdn-cloudfront'] }, { service: 'analytics', soft: true }],
  ],
  ['api', ['payments', { quorum: 2, of: ['etcd-a', 'etcd-b', 'etcd-c'] }]],
  ['payments', ['payments-db', { service: 'fraud-check', soft: true }]],
  ['fraud-check', ['payments']],
  ['payments-db', []],
  ['etcd-a', []],
  ['etcd-b', []],
  ['etcd-c', []],
  ['cdn-cloudflare', []],
  ['cdn-cloudfront', []],
  ['analytics', ['web']],
];

function edgeNames(from: Int32Array, to: Int32Array, ids: readonly string[]): string[] {
  return Array.from(from, (u, e) => `${ids[u]} - ${ids[to[e]!]}`);
}

describe('graph views', () => {
  const graph = compileGraph(manifestOf(shop));
  const { ids } = graph;

  it('keeps every hard requirement, one edge per alternative, and drops soft ones', () => {
    const { n, from, to } = hardDependencyEdges(graph);
    expect(n).toBe(graph.n);
    expect(edgeNames(from, to, ids)).toEqual([
      'analytics - web',
      'api - etcd-a',
      'api - etcd-b',
      'api - etcd-c',
      'api - payments',
      'api - web',
      'cdn-cloudflare - web',
      'cdn-cloudfront - web',
      'fraud-check - payments',
      'payments - payments-db',
    ]);
  });

  it('merges a mutual or repeated dependency into one link, which can be a bridge', () => {
    const g = compileGraph(
      manifestOf([
        ['checkout', ['auth', 'payments', { any_of: ['payments', 'payments-backup'] }]],
        ['auth', ['vault']],
        ['vault', ['auth']],
        ['payments', []],
        ['payments-backup', []],
      ]),
    );
    const { n, from, to } = hardDependencyEdges(g);
    expect(edgeNames(from, to, g.ids)).toEqual([
      'auth - checkout',
      'auth - vault',
      'checkout - payments',
      'checkout - payments-backup',
    ]);
    const named = cutStructure(n, from, to).bridges.map(([u, v]) => `${g.ids[u]} - ${g.ids[v]}`);
    expect(named).toContain('auth - vault');
    expect(named).toContain('checkout - payments');
  });

  it('lists the same hard links as a set of pairs built from the manifest', () => {
    fc.assert(
      fc.property(manifestArbitrary(9), (manifest) => {
        const g = compileGraph(manifest);
        const pairs = new Set<string>();
        for (const service of manifest.services) {
          for (const requirement of service.dependsOn) {
            if (requirement.soft) continue;
            for (const id of requirement.alternatives) {
              const [u, v] = [g.index.get(service.id)!, g.index.get(id)!].sort((x, y) => x - y);
              pairs.add(`${u},${v}`);
            }
          }
        }
        const expected = [...pairs].map((pair) => pair.split(',').map(Number));
        expected.sort((x, y) => x[0]! - y[0]! || x[1]! - y[1]!);
        const { from, to } = hardDependencyEdges(g);
        expect(Array.from(from, (u, e) => [u, to[e]])).toEqual(expected);
      }),
      { numRuns: 1000 },
    );
  });

  it('gives the cut vertices and bridges of the hard view', () => {
    const { n, from, to } = hardDependencyEdges(graph);
    const { cutVertices, bridges } = cutStructure(n, from, to);
    expect(cutVertices.map((v) => ids[v])).toEqual(['api', 'payments', 'web']);
    // The hard view of this shop is a tree: every edge is a bridge.
    expect(bridges.length).toBe(from.length);
    expect(bridges.map(([u, v]) => [ids[u], ids[v]].sort().join(' - '))).toContain(
      'api - payments',
    );
  });

  it('has every edge, hard and soft, from dependent to dependency', () => {
    const { n, start, targets } = dependencyCsr(graph);
    const web = graph.index.get('web')!;
    const names = Array.from(targets.subarray(start[web], start[web + 1]), (v) => ids[v]);
    expect(n).toBe(graph.n);
    expect(names).toEqual(['api', 'cdn-cloudflare', 'cdn-cloudfront', 'analytics']);
    expect(start[n]).toBe(graph.alts.length);
  });

  it('reports cycles over soft edges too, sorted', () => {
    const cycles = dependencyCyclesOf(rankGraph(graph)).map((c) => c.map((v) => ids[v]));
    expect(cycles).toEqual([
      ['analytics', 'web'],
      ['fraud-check', 'payments'],
    ]);
  });

  it('finds the same cycles as brute-force mutual reachability', () => {
    fc.assert(
      fc.property(manifestArbitrary(9), (manifest) => {
        const g = compileGraph(manifest);
        const { start, targets } = dependencyCsr(g);
        const edges: Array<[number, number]> = [];
        for (let v = 0; v < g.n; v++) {
          for (let k = start[v]!; k < start[v + 1]!; k++) edges.push([v, targets[k]!]);
        }
        const reach = Array.from({ length: g.n }, (_, v) => reachable(g.n, edges, v));
        const expected: number[][] = [];
        const placed = new Set<number>();
        for (let v = 0; v < g.n; v++) {
          if (placed.has(v)) continue;
          const members = [...Array(g.n).keys()].filter((u) => reach[v]![u] && reach[u]![v]);
          members.forEach((u) => placed.add(u));
          if (members.length >= 2) expected.push(members);
        }
        expect(dependencyCyclesOf(rankGraph(g))).toEqual(expected);
      }),
      { numRuns: 1000 },
    );
  });

  it('finds the cut vertices and bridges of the hard links by walking the rows in place', () => {
    // Against the search over the merged edge list (itself checked against removing each vertex
    // and edge): links named twice, by both ends, soft ones and cycles all come up here.
    for (const size of [9, 40]) {
      fc.assert(
        fc.property(manifestArbitrary(size), (manifest) => {
          const g = compileGraph(manifest);
          const { n, from, to } = hardDependencyEdges(g);
          expect(hardLinkCuts(g)).toEqual(cutStructure(n, from, to));
        }),
        { numRuns: 1000 },
      );
    }
    const chain = compileGraph(
      manifestOf(Array.from({ length: 50_000 }, (_, i) => [`s${i}`, i === 0 ? [] : [`s${i - 1}`]])),
    );
    expect(hardLinkCuts(chain).cutVertices.length).toBe(49_998);
  });

  it('builds an undirected adjacency that skips self-loops and keeps parallel edges', () => {
    const adjacency = undirectedAdjacency(3, Int32Array.of(0, 1, 1, 0), Int32Array.of(1, 1, 2, 1));
    expect(adjacency).toEqual({
      start: Int32Array.of(0, 2, 5, 6),
      neighbor: Int32Array.of(1, 1, 0, 2, 0, 1),
      edge: Int32Array.of(0, 3, 0, 2, 3, 2),
    });
  });

  it('reverses a CSR', () => {
    const reversed = reverseCsr(3, Int32Array.of(0, 2, 3, 3), Int32Array.of(1, 2, 2));
    expect(reversed).toEqual({
      n: 3,
      start: Int32Array.of(0, 0, 1, 3),
      targets: Int32Array.of(0, 0, 1),
    });
  });
});
