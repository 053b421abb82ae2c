// Typed-array views of the compiled graph that the classical algorithms take as input: the
// undirected hard-dependency edge list (SPEC §3 cut vertices, bridges) and the directed CSR of
// all edges (SPEC §3 cycles), plus the undirected adjacency the DFS-based algorithms walk.

import type { CompiledGraph } from '../../model/compiled-graph.js';
import { stronglyConnectedComponents } from '../graph/strongly-connected-components.js';

/** A multigraph as an edge list: edge e joins from[e] and to[e]. */
export interface EdgeList {
  readonly n: number;
  readonly from: Int32Array;
  readonly to: Int32Array;
}

/** A directed graph in compressed sparse rows: v's targets are targets[start[v]..start[v+1]-1]. */
export interface DirectedCsr {
  readonly n: number;
  readonly start: Int32Array;
  readonly targets: Int32Array;
}

/**
 * Undirected adjacency of an edge list: around v, neighbor[k] and the edge id edge[k] for
 * k in start[v]..start[v+1]-1. Every edge appears once at each end, so a DFS can tell a
 * parallel edge from the edge it came in by; self-loops are left out.
 */
export interface UndirectedAdjacency {
  readonly start: Int32Array;
  readonly neighbor: Int32Array;
  readonly edge: Int32Array;
}

/**
 * SPEC §3's undirected hard-dependency view: one edge per distinct pair {owner, alternative}
 * of a requirement that is not soft, as from < to, in increasing order. Pairs are merged, as in
 * the undirected view of a directed graph: `auth` and `vault` needing each other, or `web`
 * naming `api` twice, is one link, and that link can still be a bridge.
 */
export function hardDependencyEdges(graph: CompiledGraph): EdgeList {
  const { lows, highs } = hardPairs(graph);
  // Two stable counting sorts (by the larger end, then by the smaller) order the pairs in
  // linear time; repeats are then adjacent.
  const byHigh = countingSort(highs, graph.n, identity(highs.length));
  const sorted = countingSort(lows, graph.n, byHigh);
  const from = new Int32Array(sorted.length);
  const to = new Int32Array(sorted.length);
  let m = 0;
  for (const e of sorted) {
    if (lows[e] === highs[e]) continue; // a self-dependency (rejected by validation) links nothing
    if (m > 0 && from[m - 1] === lows[e] && to[m - 1] === highs[e]) continue;
    from[m] = lows[e]!;
    to[m++] = highs[e]!;
  }
  return { n: graph.n, from: from.slice(0, m), to: to.slice(0, m) };
}

/** Every owner–alternative pair of a hard requirement, as smaller and larger end. */
function hardPairs(graph: CompiledGraph): { lows: Int32Array; highs: Int32Array } {
  const { reqOwner, reqSoft, altStart, alts } = graph;
  let count = 0;
  for (let r = 0; r < reqOwner.length; r++) {
    if (!reqSoft[r]) count += altStart[r + 1]! - altStart[r]!;
  }
  const lows = new Int32Array(count);
  const highs = new Int32Array(count);
  let e = 0;
  for (let r = 0; r < reqOwner.length; r++) {
    if (reqSoft[r]) continue;
    const owner = reqOwner[r]!;
    for (let k = altStart[r]!; k < altStart[r + 1]!; k++) {
      const u = alts[k]!;
      lows[e] = u < owner ? u : owner;
      highs[e++] = u < owner ? owner : u;
    }
  }
  return { lows, highs };
}

/** `items` stably reordered by key[item], keys in 0..range-1. */
function countingSort(key: Int32Array, range: number, items: Int32Array): Int32Array {
  const start = new Int32Array(range + 1);
  for (const item of items) start[key[item]! + 1]!++;
  for (let k = 0; k < range; k++) start[k + 1]! += start[k]!;
  const result = new Int32Array(items.length);
  for (const item of items) result[start[key[item]!]!++] = item;
  return result;
}

function identity(length: number): Int32Array {
  const result = new Int32Array(length);
  for (let i = 0; i < length; i++) result[i] = i;
  return result;
}

/**
 * Every edge, hard and soft, from dependent to dependency. Requirements are stored owner by
 * owner, so the alternatives array already is the target array; only row starts are new.
 */
export function dependencyCsr(graph: CompiledGraph): DirectedCsr {
  const { n, reqStart, altStart, alts } = graph;
  const start = new Int32Array(n + 1);
  for (let v = 0; v <= n; v++) start[v] = altStart[reqStart[v]!]!;
  return { n, start, targets: alts };
}

/** SPEC §3 cycles: strongly connected components of two or more services, over all edges. */
export function dependencyCycles(graph: CompiledGraph): number[][] {
  const { n, start, targets } = dependencyCsr(graph);
  const { components } = stronglyConnectedComponents(n, start, targets);
  return components.filter((c) => c.length >= 2).sort((a, b) => a[0]! - b[0]!);
}

export function undirectedAdjacency(
  n: number,
  from: Int32Array,
  to: Int32Array,
): UndirectedAdjacency {
  checkEdgeList('undirectedAdjacency', n, from, to);
  const start = new Int32Array(n + 1);
  for (let e = 0; e < from.length; e++) {
    if (from[e] === to[e]) continue;
    start[from[e]! + 1]!++;
    start[to[e]! + 1]!++;
  }
  for (let v = 0; v < n; v++) start[v + 1]! += start[v]!;
  const neighbor = new Int32Array(start[n]!);
  const edge = new Int32Array(start[n]!);
  const fill = start.slice(0, n);
  for (let e = 0; e < from.length; e++) {
    const u = from[e]!;
    const v = to[e]!;
    if (u === v) continue;
    neighbor[fill[u]!] = v;
    edge[fill[u]!++] = e;
    neighbor[fill[v]!] = u;
    edge[fill[v]!++] = e;
  }
  return { start, neighbor, edge };
}

/** The same graph with every edge reversed, rows in increasing order of source. */
export function reverseCsr(n: number, start: Int32Array, targets: Int32Array): DirectedCsr {
  checkCsr('reverseCsr', n, start, targets);
  const reversedStart = new Int32Array(n + 1);
  const m = start[n]!;
  for (let k = 0; k < m; k++) reversedStart[targets[k]! + 1]!++;
  for (let v = 0; v < n; v++) reversedStart[v + 1]! += reversedStart[v]!;
  const reversed = new Int32Array(m);
  const fill = reversedStart.slice(0, n);
  for (let u = 0; u < n; u++) {
    for (let k = start[u]!; k < start[u + 1]!; k++) reversed[fill[targets[k]!]!++] = u;
  }
  return { n, start: reversedStart, targets: reversed };
}

/** Throws naming `caller` unless from/to is a well-formed edge list over 0..n-1. */
export function checkEdgeList(caller: string, n: number, from: Int32Array, to: Int32Array): void {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`${caller}: n must be >= 0, got ${n}`);
  if (from.length !== to.length) {
    throw new RangeError(`${caller}: from and to differ in length (${from.length}, ${to.length})`);
  }
  for (let e = 0; e < from.length; e++) {
    const u = from[e]!;
    const v = to[e]!;
    if (u < 0 || u >= n || v < 0 || v >= n) {
      throw new RangeError(`${caller}: edge ${e} (${u}, ${v}) is outside 0..${n - 1}`);
    }
  }
}

/** Throws naming `caller` unless start/targets is a well-formed CSR over 0..n-1. */
export function checkCsr(caller: string, n: number, start: Int32Array, targets: Int32Array): void {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`${caller}: n must be >= 0, got ${n}`);
  if (start.length !== n + 1) {
    throw new RangeError(`${caller}: start must have n + 1 = ${n + 1} entries`);
  }
  if (start[0] !== 0 || start[n]! > targets.length) {
    throw new RangeError(`${caller}: start must run from 0 to at most targets.length`);
  }
  for (let v = 0; v < n; v++) {
    if (start[v + 1]! < start[v]!) throw new RangeError(`${caller}: start decreases at ${v}`);
  }
  for (let k = 0; k < start[n]!; k++) {
    const w = targets[k]!;
    if (w < 0 || w >= n) throw new RangeError(`${caller}: target ${w} is outside 0..${n - 1}`);
  }
}
