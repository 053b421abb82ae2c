// Biconnected components (blocks) of an undirected multigraph, from one depth-first search.
// Hopcroft & Tarjan, "Algorithm 447: efficient algorithms for graph manipulation", CACM 16(6), 1973.

import { lowpoints } from './articulation-points.js';
import { undirectedAdjacency } from './csr.js';

export interface BiconnectedComponents {
  /** Vertices of each block, sorted; blocks in lexicographic order of their vertex lists. */
  readonly components: number[][];
  /** Edge ids of each block (same order as `components`), increasing; self-loops belong to none. */
  readonly edges: number[][];
}

/**
 * Blocks in O(n + m). Instead of the classic edge stack, every tree edge p–v takes the block of
 * the tree edge above p unless low[v] >= order[p] (then p–v opens a new block); a non-tree
 * edge belongs to the block of the tree edge above its deeper end. Isolated vertices are in no
 * block, as in networkx.
 */
export function biconnectedComponents(
  n: number,
  from: Int32Array,
  to: Int32Array,
): BiconnectedComponents {
  const { order, low, parent, parentEdge, preorder } = lowpoints(
    n,
    undirectedAdjacency(n, from, to),
  );
  const blockOf = new Int32Array(n).fill(-1); // block of the tree edge above v
  const members: number[][] = [];
  for (let i = 0; i < n; i++) {
    const v = preorder[i]!;
    const p = parent[v]!;
    if (p === -1) continue;
    if (low[v]! >= order[p]!) {
      blockOf[v] = members.length;
      members.push([p]);
    } else {
      blockOf[v] = blockOf[p]!; // preorder: p's block is already known
    }
    members[blockOf[v]!]!.push(v);
  }
  const edgesOf: number[][] = members.map(() => []);
  for (let e = 0; e < from.length; e++) {
    const u = from[e]!;
    const w = to[e]!;
    if (u === w) continue;
    const lower = parentEdge[w] === e || (parentEdge[u] !== e && order[w]! > order[u]!) ? w : u;
    edgesOf[blockOf[lower]!]!.push(e);
  }
  return sortBlocks(members, edgesOf);
}

function sortBlocks(members: number[][], edgesOf: number[][]): BiconnectedComponents {
  for (const block of members) block.sort((a, b) => a - b);
  const ranks = members.map((_, i) => i).sort((a, b) => compareLists(members[a]!, members[b]!));
  return { components: ranks.map((i) => members[i]!), edges: ranks.map((i) => edgesOf[i]!) };
}

function compareLists(a: number[], b: number[]): number {
  const length = Math.min(a.length, b.length);
  for (let i = 0; i < length; i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
  return a.length - b.length;
}
