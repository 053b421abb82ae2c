// Strongly connected components of a directed graph in CSR form, iteratively.
// Tarjan, "Depth-first search and linear graph algorithms", SIAM J. Comput. 1(2), 1972.

import { checkCsr } from './csr.js';

export interface StronglyConnectedComponents {
  /** componentOf[v] is the index in `components` of v's component. */
  readonly componentOf: Int32Array;
  /**
   * Members of each component, sorted, in the order Tarjan's algorithm closes them: reverse
   * topological order of the condensation, so every edge u → v has
   * componentOf[u] >= componentOf[v] (dependencies come first).
   */
  readonly components: number[][];
}

/** Each vertex's component, numbered as `StronglyConnectedComponents` numbers them. */
export interface ComponentLabels {
  /** componentOf[v]: v's component; every edge u → v has componentOf[u] >= componentOf[v]. */
  readonly componentOf: Int32Array;
  /** How many components there are: the labels are 0..count-1. */
  readonly count: number;
}

/**
 * Components of the graph whose v's targets are targets[start[v]..start[v+1]-1], in O(n + m).
 * An explicit call stack replaces recursion: a 200,000-service chain is a legal manifest.
 */
export function stronglyConnectedComponents(
  n: number,
  start: Int32Array,
  targets: Int32Array,
): StronglyConnectedComponents {
  const { componentOf, count } = componentLabels(n, start, targets);
  const components: number[][] = Array.from({ length: count }, () => []);
  for (let v = 0; v < n; v++) components[componentOf[v]!]!.push(v);
  return { componentOf, components };
}

/**
 * The labels alone, as `stronglyConnectedComponents` finds them, without a list of members per
 * component: on a graph of a million services that is mostly a million arrays of one.
 */
export function componentLabels(
  n: number,
  start: Int32Array,
  targets: Int32Array,
): ComponentLabels {
  checkCsr('stronglyConnectedComponents', n, start, targets);
  const order = new Int32Array(n).fill(-1); // preorder number, -1 while unvisited
  const low = new Int32Array(n);
  const cursor = new Int32Array(n); // next target to look at, per vertex on the call stack
  const callStack = new Int32Array(n);
  const componentOf = new Int32Array(n).fill(-1);
  const open = new Int32Array(n); // Tarjan's stack: visited, not yet in a component
  let count = 0;
  let openTop = 0;
  let counter = 0;

  for (let root = 0; root < n; root++) {
    if (order[root] !== -1) continue;
    let depth = 0;
    callStack[depth++] = root;
    order[root] = low[root] = counter++;
    cursor[root] = start[root]!;
    open[openTop++] = root;
    while (depth > 0) {
      const v = callStack[depth - 1]!;
      if (cursor[v]! < start[v + 1]!) {
        const w = targets[cursor[v]!++]!;
        if (order[w] === -1) {
          order[w] = low[w] = counter++;
          cursor[w] = start[w]!;
          open[openTop++] = w;
          callStack[depth++] = w;
        } else if (componentOf[w] === -1 && order[w]! < low[v]!) {
          // w is still open, hence on the current path's component stack: a back or cross edge.
          low[v] = order[w]!;
        }
        continue;
      }
      depth--;
      if (depth > 0) {
        const parent = callStack[depth - 1]!;
        if (low[v]! < low[parent]!) low[parent] = low[v]!;
      }
      if (low[v] !== order[v]) continue;
      // v roots a component: pop it off Tarjan's stack.
      let w: number;
      do {
        w = open[--openTop]!;
        componentOf[w] = count;
      } while (w !== v);
      count++;
    }
  }
  return { componentOf, count };
}
