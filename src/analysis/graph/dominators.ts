// Immediate dominators of a directed graph from a root, iteratively, in O(m log n).
// Lengauer & Tarjan, "A fast algorithm for finding dominators in a flowgraph", TOPLAS 1(1), 1979.

import { checkCsr, reverseCsr } from './csr.js';

/**
 * idom[v] for the graph whose v's targets are targets[start[v]..start[v+1]-1]: the dominator of
 * v closest to v (d dominates v when every path from root to v passes through d).
 * idom[root] === root; idom[v] === -1 when v is unreachable from root.
 *
 * The "simple" variant (path compression without balanced linking). Internally vertices are
 * renumbered by DFS preorder so that "semidominator smaller" is an integer comparison.
 */
export function immediateDominators(
  n: number,
  start: Int32Array,
  targets: Int32Array,
  root: number,
): Int32Array {
  checkCsr('immediateDominators', n, start, targets);
  if (!Number.isInteger(root) || root < 0 || root >= n) {
    throw new RangeError(`immediateDominators: root ${root} is outside 0..${n - 1}`);
  }
  const { vertex, number, parent, reached } = depthFirst(n, start, targets, root);
  const predecessors = reverseCsr(n, start, targets);
  const dom = semidominate(reached, vertex, number, parent, predecessors);
  const idom = new Int32Array(n).fill(-1);
  for (let i = 0; i < reached; i++) idom[vertex[i]!] = vertex[dom[i]!]!;
  return idom;
}

interface Preorder {
  /** vertex[i]: the vertex with preorder number i. */
  vertex: Int32Array;
  /** number[v]: v's preorder number, -1 when unreachable. */
  number: Int32Array;
  /** parent[i]: preorder number of the DFS parent of vertex i. */
  parent: Int32Array;
  reached: number;
}

function depthFirst(n: number, start: Int32Array, targets: Int32Array, root: number): Preorder {
  const vertex = new Int32Array(n);
  const number = new Int32Array(n).fill(-1);
  const parent = new Int32Array(n).fill(-1);
  const cursor = start.slice(0, n);
  const callStack = new Int32Array(n);
  let depth = 0;
  let reached = 0;
  callStack[depth++] = root;
  number[root] = reached;
  vertex[reached++] = root;
  while (depth > 0) {
    const v = callStack[depth - 1]!;
    if (cursor[v] === start[v + 1]) {
      depth--;
      continue;
    }
    const w = targets[cursor[v]!++]!;
    if (number[w] !== -1) continue;
    number[w] = reached;
    parent[reached] = number[v]!;
    vertex[reached++] = w;
    callStack[depth++] = w;
  }
  return { vertex, number, parent, reached };
}

/**
 * Steps 2 and 3 of Lengauer–Tarjan over preorder numbers: semidominators in reverse preorder
 * with a link-eval forest, then immediate dominators in preorder. Returns idom by number.
 */
function semidominate(
  reached: number,
  vertex: Int32Array,
  number: Int32Array,
  parent: Int32Array,
  predecessors: { start: Int32Array; targets: Int32Array },
): Int32Array {
  const semi = new Int32Array(reached);
  const dom = new Int32Array(reached);
  const forest = new LinkEvalForest(reached, semi);
  const bucketHead = new Int32Array(reached).fill(-1);
  const bucketNext = new Int32Array(reached);
  for (let i = 0; i < reached; i++) semi[i] = i;
  for (let w = reached - 1; w > 0; w--) {
    const x = vertex[w]!;
    for (let k = predecessors.start[x]!; k < predecessors.start[x + 1]!; k++) {
      const v = number[predecessors.targets[k]!]!;
      if (v === -1) continue; // an unreachable predecessor constrains nothing
      const u = forest.evaluate(v);
      if (semi[u]! < semi[w]!) semi[w] = semi[u]!;
    }
    bucketNext[w] = bucketHead[semi[w]!]!;
    bucketHead[semi[w]!] = w;
    const p = parent[w]!;
    forest.link(p, w);
    // Every v in p's bucket has its semidominator at p, now that p's subtree is done.
    for (let v = bucketHead[p]!; v !== -1; v = bucketNext[v]!) {
      const u = forest.evaluate(v);
      dom[v] = semi[u]! < semi[v]! ? u : p;
    }
    bucketHead[p] = -1;
  }
  // dom[w] is either idom(w) or a vertex with the same idom; preorder settles the latter first.
  for (let w = 1; w < reached; w++) if (dom[w] !== semi[w]) dom[w] = dom[dom[w]!]!;
  dom[0] = 0;
  return dom;
}

/** Tarjan's link-eval forest with path compression, iterative (paths can be n long). */
class LinkEvalForest {
  private readonly ancestor: Int32Array;
  private readonly label: Int32Array;
  private readonly path: Int32Array;

  constructor(
    size: number,
    private readonly semi: Int32Array,
  ) {
    this.ancestor = new Int32Array(size).fill(-1);
    this.label = new Int32Array(size);
    this.path = new Int32Array(size);
    for (let i = 0; i < size; i++) this.label[i] = i;
  }

  link(parent: number, child: number): void {
    this.ancestor[child] = parent;
  }

  /** The vertex of least semidominator on the forest path from v up to (not incl.) its root. */
  evaluate(v: number): number {
    if (this.ancestor[v] === -1) return v;
    this.compress(v);
    return this.label[v]!;
  }

  private compress(v: number): void {
    const { ancestor, label, semi, path } = this;
    let length = 0;
    for (let x = v; ancestor[ancestor[x]!] !== -1; x = ancestor[x]!) path[length++] = x;
    // Top-down, so each vertex reads an ancestor that is already compressed.
    while (length > 0) {
      const x = path[--length]!;
      const a = ancestor[x]!;
      if (semi[label[a]!]! < semi[label[x]!]!) label[x] = label[a]!;
      ancestor[x] = ancestor[a]!;
    }
  }
}
