// analysis/structure/ — the shape of the dependency graph: the views the graph algorithms take,
// cycles and cold-start order.
//
// Views of the compiled graph as the input the classical algorithms take: the undirected
// hard-dependency edge list (for cut vertices and bridges) and the directed rows of all edges
// (for cycles).

import type { CompiledGraph } from '../../model/compiled-graph.js';
import { sortByKey } from '../graph/integer-sort.js';
import type { DirectedCsr, EdgeList } from '../graph/csr.js';

/**
 * The undirected hard-dependency view (docs/semantics.md, "Cut vertices and bridges"): one
 * edge per distinct pair {owner, alternative} of a requirement that is not soft, as from < to,
 * in increasing order. Pairs are merged, as in
 * the undirected view of a directed graph: `auth` and `vault` needing each other, or `web`
 * naming `api` twice, is one link, and that link can still be a bridge.
 */
export function hardDependencyEdges(graph: CompiledGraph): EdgeList {
  const { lows, highs } = hardPairs(graph);
  // Two stable counting sorts (by the larger end, then by the smaller) order the pairs in
  // linear time; repeats are then adjacent.
  const byHigh = sortByKey(identity(highs.length), highs, graph.n);
  const sorted = sortByKey(byHigh, lows, graph.n);
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

function identity(length: number): Int32Array {
  const result = new Int32Array(length);
  for (let i = 0; i < length; i++) result[i] = i;
  return result;
}

/**
 * Who needs each service through a hard requirement, read along the compiled graph's `usedBy`:
 * owners[j] is the owner of requirement usedBy[j] when that requirement is not soft, -1 when it
 * is. The walks that go from a service to those that need it (cut vertices, cold start, time to
 * recover) then read one array in order where they would read the requirement's owner and
 * softness at random places.
 */
export function hardDependents(graph: CompiledGraph): Int32Array {
  const { usedBy, reqOwner, reqSoft } = graph;
  const owners = new Int32Array(usedBy.length);
  for (let j = 0; j < usedBy.length; j++) {
    const r = usedBy[j]!;
    owners[j] = reqSoft[r] ? -1 : reqOwner[r]!;
  }
  return owners;
}
