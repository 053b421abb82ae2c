// Cut vertices (articulation points) and bridges of an undirected multigraph, iteratively.
// Hopcroft & Tarjan, "Algorithm 447: efficient algorithms for graph manipulation", CACM 16(6), 1973.

import { undirectedAdjacency, type UndirectedAdjacency } from './csr.js';

export interface CutStructure {
  /** Vertices whose removal disconnects their connected component, increasing. */
  readonly cutVertices: number[];
  /** Edges whose removal disconnects their component, as [min, max] pairs, sorted. */
  readonly bridges: Array<[number, number]>;
}

/** A depth-first forest with Hopcroft–Tarjan low points. */
export interface Lowpoints {
  /** Preorder number of each vertex. */
  readonly order: Int32Array;
  /** Smallest preorder number reachable from v's subtree by one non-tree edge (or v's own). */
  readonly low: Int32Array;
  /** DFS parent, -1 for roots. */
  readonly parent: Int32Array;
  /** Id of the tree edge to the parent, -1 for roots. */
  readonly parentEdge: Int32Array;
  /** Vertices in preorder: preorder[order[v]] === v. */
  readonly preorder: Int32Array;
}

/**
 * Both answers from one depth-first search in O(n + m). Edges are told apart by id, not by
 * endpoint, so of two parallel edges u–v neither is a bridge; self-loops change nothing.
 */
export function cutStructure(n: number, from: Int32Array, to: Int32Array): CutStructure {
  return cutStructureOf(n, undirectedAdjacency(n, from, to));
}

/** As `cutStructure`, over an adjacency already built (edge ids tell parallel edges apart). */
export function cutStructureOf(n: number, adjacency: UndirectedAdjacency): CutStructure {
  return cutsOfForest(n, lowpoints(n, adjacency));
}

/**
 * The cut vertices and bridges that a depth-first forest's low points show, whatever walked it:
 * the forest must be of a graph without parallel edges (or one whose parallel edges are one link).
 */
export function cutsOfForest(
  n: number,
  { order, low, parent }: Pick<Lowpoints, 'order' | 'low' | 'parent'>,
): CutStructure {
  const isCut = new Uint8Array(n);
  const rootChildren = new Int32Array(n);
  const bridges: Array<[number, number]> = [];
  for (let v = 0; v < n; v++) {
    const p = parent[v]!;
    if (p === -1) continue;
    // No edge from v's subtree climbs above v: the tree edge p–v is the only way out.
    if (low[v]! > order[p]!) bridges.push(p < v ? [p, v] : [v, p]);
    // Nothing in v's subtree reaches above p: removing p cuts it off. A root is a cut
    // vertex exactly when it has two or more DFS children.
    if (parent[p] === -1) rootChildren[p]!++;
    else if (low[v]! >= order[p]!) isCut[p] = 1;
  }
  const cutVertices: number[] = [];
  for (let v = 0; v < n; v++) if (isCut[v] || rootChildren[v]! >= 2) cutVertices.push(v);
  return { cutVertices, bridges: bridges.sort((a, b) => a[0] - b[0] || a[1] - b[1]) };
}

/** Cut vertices of the multigraph whose edge e joins from[e] and to[e], increasing. */
export function articulationPoints(n: number, from: Int32Array, to: Int32Array): number[] {
  return cutStructure(n, from, to).cutVertices;
}

/** Bridges of the multigraph whose edge e joins from[e] and to[e], as sorted [min, max] pairs. */
export function bridges(n: number, from: Int32Array, to: Int32Array): Array<[number, number]> {
  return cutStructure(n, from, to).bridges;
}

/**
 * Depth-first forest (roots tried in increasing order) with low points, over an explicit call
 * stack: a 200,000-service chain is a legal manifest and must not overflow the JS stack.
 */
export function lowpoints(n: number, adjacency: UndirectedAdjacency): Lowpoints {
  const { start, neighbor, edge } = adjacency;
  const order = new Int32Array(n).fill(-1); // -1 while unvisited
  const low = new Int32Array(n);
  const parent = new Int32Array(n).fill(-1);
  const parentEdge = new Int32Array(n).fill(-1);
  const preorder = new Int32Array(n);
  const cursor = start.slice(0, n); // next adjacency slot to look at, per vertex
  const callStack = new Int32Array(n);
  let counter = 0;
  for (let root = 0; root < n; root++) {
    if (order[root] !== -1) continue;
    let depth = 0;
    callStack[depth++] = root;
    preorder[counter] = root;
    order[root] = low[root] = counter++;
    while (depth > 0) {
      const v = callStack[depth - 1]!;
      // Scan v's remaining edges in one go, up to the first unvisited neighbour.
      const end = start[v + 1]!;
      let k = cursor[v]!;
      let w = -1;
      for (; k < end; k++) {
        if (edge[k] === parentEdge[v]) continue; // the way in; a parallel edge still counts
        const x = neighbor[k]!;
        if (order[x] === -1) {
          w = x;
          break;
        }
        if (order[x]! < low[v]!) low[v] = order[x]!; // a back edge
      }
      if (w === -1) {
        const p = parent[v]!;
        if (--depth > 0 && low[v]! < low[p]!) low[p] = low[v]!;
        continue;
      }
      cursor[v] = k + 1;
      parent[w] = v;
      parentEdge[w] = edge[k]!;
      preorder[counter] = w;
      order[w] = low[w] = counter++;
      callStack[depth++] = w;
    }
  }
  return { order, low, parent, parentEdge, preorder };
}
