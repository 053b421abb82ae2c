// Shared helpers for the analysis tests: small graph builders, manifests built as object
// literals (the manifest parser is developed separately), and brute-force references.

import fc from 'fast-check';
import type { Manifest } from '../../../src/manifest/types.js';
import { buildManifest, type DependencySketch } from '../../support/build-manifest.js';

export type Label = number | string;

/** A graph over arbitrary labels, numbered 0..n-1 in sorted label order. */
export interface Labelled {
  n: number;
  from: Int32Array;
  to: Int32Array;
  labels: Label[];
  index: Map<Label, number>;
}

export function labelled(edges: Array<readonly [Label, Label]>, isolated: Label[] = []): Labelled {
  const set = new Set<Label>(isolated);
  for (const [u, v] of edges) set.add(u).add(v);
  const labels = [...set].sort((a, b) =>
    typeof a === 'number' && typeof b === 'number' ? a - b : String(a).localeCompare(String(b)),
  );
  const index = new Map(labels.map((label, i) => [label, i]));
  return {
    n: labels.length,
    from: Int32Array.from(edges, ([u]) => index.get(u)!),
    to: Int32Array.from(edges, ([, v]) => index.get(v)!),
    labels,
    index,
  };
}

/** Directed CSR of the edge list from[e] → to[e], edges of one source kept in input order. */
export function toCsr(n: number, from: Int32Array, to: Int32Array) {
  const start = new Int32Array(n + 1);
  for (const u of from) start[u + 1]!++;
  for (let v = 0; v < n; v++) start[v + 1]! += start[v]!;
  const fill = start.slice(0, n);
  const targets = new Int32Array(from.length);
  for (let e = 0; e < from.length; e++) targets[fill[from[e]!]!++] = to[e]!;
  return { start, targets };
}

export function path(nodes: number): Array<[number, number]> {
  return Array.from({ length: nodes - 1 }, (_, i): [number, number] => [i, i + 1]);
}

export function cycle(labels: Label[]): Array<[Label, Label]> {
  return labels.map((label, i): [Label, Label] => [label, labels[(i + 1) % labels.length]!]);
}

export function complete(labels: number[]): Array<[number, number]> {
  const edges: Array<[number, number]> = [];
  for (let i = 0; i < labels.length; i++) {
    for (let j = i + 1; j < labels.length; j++) edges.push([labels[i]!, labels[j]!]);
  }
  return edges;
}

/** networkx's barbell_graph(m1, m2): two m1-cliques joined by a path of m2 vertices. */
export function barbell(m1: number, m2: number): Array<[number, number]> {
  const left = Array.from({ length: m1 }, (_, i) => i);
  const right = Array.from({ length: m1 }, (_, i) => m1 + m2 + i);
  const bridge = Array.from({ length: m2 + 2 }, (_, i) => m1 - 1 + i);
  const joining = bridge.slice(1).map((v, i): [number, number] => [bridge[i]!, v]);
  return [...complete(left), ...complete(right), ...joining];
}

export const edgeListArbitrary = (maxNodes: number, maxEdges: number) =>
  fc.integer({ min: 1, max: maxNodes }).chain((n) =>
    fc.record({
      n: fc.constant(n),
      edges: fc.array(fc.tuple(fc.nat(n - 1), fc.nat(n - 1)), { maxLength: maxEdges }),
    }),
  );

export function arrays(edges: Array<[number, number]>) {
  return { from: Int32Array.from(edges, (e) => e[0]), to: Int32Array.from(edges, (e) => e[1]) };
}

/** Connected components of the undirected graph without vertex `skipVertex` and edge `skipEdge`. */
export function componentCount(
  n: number,
  edges: Array<[number, number]>,
  skipVertex = -1,
  skipEdge = -1,
): number {
  const root = Array.from({ length: n }, (_, i) => i);
  const find = (x: number): number => {
    while (root[x] !== x) x = root[x] = root[root[x]!]!;
    return x;
  };
  let count = skipVertex === -1 ? n : n - 1;
  edges.forEach(([u, v], e) => {
    if (e === skipEdge || u === skipVertex || v === skipVertex) return;
    const a = find(u);
    const b = find(v);
    if (a !== b) {
      root[a] = b;
      count--;
    }
  });
  return count;
}

/** Vertices reachable from `from` along directed edges, never entering `avoid`. */
export function reachable(
  n: number,
  edges: Array<[number, number]>,
  from: number,
  avoid = -1,
): boolean[] {
  const seen = new Array<boolean>(n).fill(false);
  if (from === avoid) return seen;
  seen[from] = true;
  const stack = [from];
  while (stack.length > 0) {
    const u = stack.pop()!;
    for (const [a, b] of edges) {
      if (a === u && b !== avoid && !seen[b]) {
        seen[b] = true;
        stack.push(b);
      }
    }
  }
  return seen;
}

/** A dependency as written in a manifest: an id, or a soft dependency, or a group. */
export type Dependency = DependencySketch;

/** A validated manifest, services sorted by id, as the manifest reader would produce it. */
export function manifestOf(services: Array<[string, Dependency[]]>): Manifest {
  return buildManifest(
    Object.fromEntries(services.map(([id, dependsOn]) => [id, { depends_on: dependsOn }])),
  );
}

/** Random valid manifests over services svc-00..svc-NN: no self-dependency, quorum in range. */
export const manifestArbitrary = (maxServices: number) =>
  fc.integer({ min: 1, max: maxServices }).chain((n) => {
    const name = (i: number) => `svc-${String(i).padStart(2, '0')}`;
    const dependency = (self: number) =>
      fc
        .record({
          of: fc.uniqueArray(fc.nat(n - 1), { minLength: 1, maxLength: 3 }),
          soft: fc.nat(4).map((x) => x === 0),
          group: fc.boolean(),
          quorum: fc.nat(2),
        })
        .map(({ of, soft, group, quorum }): Dependency | undefined => {
          const ids = of.filter((i) => i !== self).map(name);
          if (ids.length === 0) return undefined;
          if (!group) return { service: ids[0]!, soft };
          return { quorum: Math.min(quorum + 1, ids.length), of: ids, soft };
        });
    const service = (i: number) =>
      fc
        .array(dependency(i), { maxLength: 3 })
        .map((deps): [string, Dependency[]] => [name(i), deps.filter((d) => d !== undefined)]);
    return fc.tuple(...Array.from({ length: n }, (_, i) => service(i))).map(manifestOf);
  });

/** Zachary's karate club (networkx karate_club_graph), as used by test_biconnected_karate. */
// prettier-ignore
export const KARATE_CLUB: Array<[number, number]> = [
  [0, 1], [0, 2], [0, 3], [0, 4], [0, 5], [0, 6], [0, 7], [0, 8], [0, 10], [0, 11], [0, 12],
  [0, 13], [0, 17], [0, 19], [0, 21], [0, 31], [1, 2], [1, 3], [1, 7], [1, 13], [1, 17], [1, 19],
  [1, 21], [1, 30], [2, 3], [2, 7], [2, 8], [2, 9], [2, 13], [2, 27], [2, 28], [2, 32], [3, 7],
  [3, 12], [3, 13], [4, 6], [4, 10], [5, 6], [5, 10], [5, 16], [6, 16], [8, 30], [8, 32], [8, 33],
  [9, 33], [13, 33], [14, 32], [14, 33], [15, 32], [15, 33], [18, 32], [18, 33], [19, 33],
  [20, 32], [20, 33], [22, 32], [22, 33], [23, 25], [23, 27], [23, 29], [23, 32], [23, 33],
  [24, 25], [24, 27], [24, 31], [25, 31], [26, 29], [26, 33], [27, 33], [28, 31], [28, 33],
  [29, 32], [29, 33], [30, 32], [30, 33], [31, 32], [31, 33], [32, 33],
];
