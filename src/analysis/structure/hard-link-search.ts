// Cut vertices and bridges of the hard-dependency links, found by a depth-first search that walks
// the compiled graph's own rows — each service's hard requirements' alternatives, then the
// requirements that name it — instead of first building the undirected view as adjacency rows
// (at a million services that view is tens of megabytes written in random order). A link named
// twice, or by both ends, is one link: the search treats every copy of the link to a vertex's
// parent as the way in.

import type { CompiledGraph } from '../../model/compiled-graph.js';
import { cutsOfForest, type CutStructure } from '../graph/articulation-points.js';
import { hardDependents } from './graph-views.js';

/**
 * The cut vertices and bridges of `hardDependencyEdges(graph)`, the same as `cutStructure` of
 * those links. `owners` is `hardDependents(graph)`, when the caller has it already.
 */
export function hardLinkCuts(
  graph: CompiledGraph,
  owners: Int32Array = hardDependents(graph),
): CutStructure {
  const { n, reqStart, reqSoft, reqOwner, altStart, alts, usedByStart } = graph;
  // The services that need v are read from `owners`, one read per link where the requirement's
  // owner and softness would be two more, each at a random place.
  // hard[k]: alternative k belongs to a requirement that is not soft.
  const hard = new Uint8Array(alts.length);
  for (let r = 0; r < reqOwner.length; r++)
    if (!reqSoft[r]) hard.fill(1, altStart[r], altStart[r + 1]);
  const order = new Int32Array(n).fill(-1); // -1 while unvisited
  const low = new Int32Array(n);
  const parent = new Int32Array(n).fill(-1);
  // Next alternative, then next requirement naming it, to look at, per vertex on the stack.
  const nextAlt = new Int32Array(n);
  const nextUse = new Int32Array(n);
  const callStack = new Int32Array(n);
  let counter = 0;
  const discover = (v: number): void => {
    order[v] = low[v] = counter++;
    nextAlt[v] = altStart[reqStart[v]!]!;
    nextUse[v] = usedByStart[v]!;
  };
  for (let root = 0; root < n; root++) {
    if (order[root] !== -1) continue;
    let depth = 0;
    callStack[depth++] = root;
    discover(root);
    while (depth > 0) {
      const v = callStack[depth - 1]!;
      const p = parent[v]!;
      let w = -1;
      // v's alternatives (the services it needs), up to the first unvisited one.
      const altEnd = altStart[reqStart[v + 1]!]!;
      let k = nextAlt[v]!;
      for (; k < altEnd; k++) {
        const x = alts[k]!;
        if (!hard[k] || x === v || x === p) continue;
        if (order[x] === -1) {
          w = x;
          k++;
          break;
        }
        if (order[x]! < low[v]!) low[v] = order[x]!; // a back edge
      }
      nextAlt[v] = k;
      if (w === -1) {
        // Then the services that need v.
        const useEnd = usedByStart[v + 1]!;
        let j = nextUse[v]!;
        for (; j < useEnd; j++) {
          const x = owners[j]!;
          if (x < 0 || x === v || x === p) continue;
          if (order[x] === -1) {
            w = x;
            j++;
            break;
          }
          if (order[x]! < low[v]!) low[v] = order[x]!;
        }
        nextUse[v] = j;
      }
      if (w === -1) {
        if (--depth > 0 && low[v]! < low[p]!) low[p] = low[v]!;
        continue;
      }
      parent[w] = v;
      discover(w);
      callStack[depth++] = w;
    }
  }
  return cutsOfForest(n, { order, low, parent });
}
