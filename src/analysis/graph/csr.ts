// analysis/graph/ — classical graph algorithms over typed arrays (cut vertices, bridges,
// biconnected and strongly connected components, dominators, integer sorts); nothing here knows
// what a service is, and nothing here imports from outside this folder.
//
// Graphs as typed arrays, the input of every algorithm in this folder: edge lists, compressed
// sparse rows (directed), undirected adjacency with edge ids, and the checks that reject a
// malformed one with a message naming the algorithm that was called.

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
