// The dependency graph renumbered in topological order (dependencies first, the members of a
// strongly connected component next to each other), for the outage sweep: walking services
// in rank order then walks its arrays forward, which is what keeps the sweep in cache.

import type { CompiledGraph } from '../../model/compiled-graph.js';
import { sharedInt32Array, sharedUint8Array } from '../../model/shared-memory.js';
import { dependencyCsr } from '../structure/graph-views.js';
import { componentLabels } from '../graph/strongly-connected-components.js';

export interface RankedGraph {
  readonly graph: CompiledGraph;
  /** order[r]: the service of rank r; rank[v]: the rank of service v. */
  readonly order: Int32Array;
  readonly rank: Int32Array;
  /** component[r]: strongly connected component of rank r; equal ranks are contiguous. */
  readonly component: Int32Array;
  /** Requirements of rank r: reqStart[r] .. reqStart[r+1]-1 (as in CompiledGraph, by rank). */
  readonly reqStart: Int32Array;
  readonly reqQuorum: Int32Array;
  readonly reqSoft: Uint8Array;
  readonly altStart: Int32Array;
  /** Alternatives, as ranks. */
  readonly alts: Int32Array;
  /** Ranks that have a requirement on rank r: dependents[dependentStart[r] .. [r+1]-1]. */
  readonly dependentStart: Int32Array;
  readonly dependents: Int32Array;
}

export function rankGraph(graph: CompiledGraph): RankedGraph {
  const { n } = graph;
  const csr = dependencyCsr(graph);
  const { componentOf, count } = componentLabels(n, csr.start, csr.targets);
  // Services by component, ascending within one: a counting sort, one pass over the services.
  const first = new Int32Array(count + 1);
  for (let v = 0; v < n; v++) first[componentOf[v]! + 1]!++;
  for (let c = 0; c < count; c++) first[c + 1]! += first[c]!;
  // Shared memory (model/shared-memory.ts): the availability worker and the sweep's threads read them.
  const order = sharedInt32Array(n);
  const rank = sharedInt32Array(n);
  const component = sharedInt32Array(n);
  for (let v = 0; v < n; v++) {
    const c = componentOf[v]!;
    const r = first[c]!++;
    order[r] = v;
    rank[v] = r;
    component[r] = c;
  }
  const requirements = renumberRequirements(graph, rank);
  return { graph, order, rank, component, ...requirements, ...dependentsOf(n, requirements) };
}

/**
 * The requirements by rank, each rank's in the graph's order. Read in service order and written
 * where each rank's block starts, so that the graph's arrays are read front to back rather than
 * at a random service for every rank.
 */
function renumberRequirements(graph: CompiledGraph, rank: Int32Array) {
  const { n } = graph;
  const reqStart = sharedInt32Array(n + 1);
  const reqQuorum = sharedInt32Array(graph.reqQuorum.length);
  const reqSoft = sharedUint8Array(graph.reqSoft.length);
  const altStart = sharedInt32Array(graph.altStart.length);
  const alts = sharedInt32Array(graph.alts.length);
  // firstAlt[r]: where rank r's alternatives begin, as reqStart[r] says where its requirements do.
  const firstAlt = new Int32Array(n + 1);
  for (let v = 0; v < n; v++) {
    const r = rank[v]!;
    reqStart[r + 1] = graph.reqStart[v + 1]! - graph.reqStart[v]!;
    firstAlt[r + 1] = graph.altStart[graph.reqStart[v + 1]!]! - graph.altStart[graph.reqStart[v]!]!;
  }
  for (let r = 0; r < n; r++) {
    reqStart[r + 1]! += reqStart[r]!;
    firstAlt[r + 1]! += firstAlt[r]!;
  }
  for (let v = 0; v < n; v++) {
    const r = rank[v]!;
    let req = reqStart[r]!;
    let alt = firstAlt[r]!;
    for (let q = graph.reqStart[v]!; q < graph.reqStart[v + 1]!; q++) {
      reqQuorum[req] = graph.reqQuorum[q]!;
      reqSoft[req] = graph.reqSoft[q]!;
      altStart[req] = alt;
      for (let a = graph.altStart[q]!; a < graph.altStart[q + 1]!; a++)
        alts[alt++] = rank[graph.alts[a]!]!;
      req++;
    }
  }
  altStart[reqStart[n]!] = firstAlt[n]!;
  return { reqStart, reqQuorum, reqSoft, altStart, alts };
}

function dependentsOf(
  n: number,
  { reqStart, altStart, alts }: { reqStart: Int32Array; altStart: Int32Array; alts: Int32Array },
): { dependentStart: Int32Array; dependents: Int32Array } {
  const dependentStart = sharedInt32Array(n + 1);
  for (let a = 0; a < alts.length; a++) dependentStart[alts[a]! + 1]!++;
  for (let r = 0; r < n; r++) dependentStart[r + 1]! += dependentStart[r]!;
  const fill = dependentStart.slice(0, n);
  const dependents = sharedInt32Array(alts.length);
  for (let r = 0; r < n; r++) {
    for (let a = altStart[reqStart[r]!]!; a < altStart[reqStart[r + 1]!]!; a++) {
      dependents[fill[alts[a]!]!++] = r;
    }
  }
  return { dependentStart, dependents };
}

/**
 * The graph's dependency cycles, over every edge, soft ones included: its strongly connected
 * components of two or more services, which the ranking already holds next to each other;
 * members ascending, cycles by their smallest member.
 */
export function dependencyCyclesOf(plan: RankedGraph): number[][] {
  const { order, component } = plan;
  const cycles: number[][] = [];
  for (let first = 0, end = 0; first < order.length; first = end) {
    while (end < order.length && component[end] === component[first]) end++;
    if (end - first >= 2) cycles.push(Array.from(order.slice(first, end).sort()));
  }
  return cycles.sort((a, b) => a[0]! - b[0]!);
}
