// The edges a failure spreads along, as the down sets push it: from each service to the
// services with a hard requirement on it, split by what its loss does to that requirement. A
// requirement that fails as soon as one alternative is down (a plain dependency, a quorum of all)
// passes the loss straight on; a group that tolerates losses (any_of, quorum) only needs counting
// again. Soft requirements never take a service down and are left out. Computed once per plan.

import type { RankedGraph } from '../ranked-graph.js';

export interface FailureEdges {
  /**
   * Ranks v ≠ r with a hard requirement that fails once one of its alternatives is down, rank
   * r among them: breaks[breakStart[r] .. breakStart[r+1]-1], each once, ascending.
   */
  readonly breakStart: Int32Array;
  readonly breaks: Int32Array;
  /**
   * Ranks v ≠ r with a hard requirement that needs two or more of its alternatives down to
   * fail, rank r among them: strains[strainStart[r] .. strainStart[r+1]-1], each once, ascending.
   */
  readonly strainStart: Int32Array;
  readonly strains: Int32Array;
  /**
   * Those requirements of rank v, packed where the down sets read them in one place: for each,
   * how many of its alternatives must be down for it to fail, how many it lists, then those
   * alternatives (ranks, repeats kept), all in groups[groupStart[v] .. groupStart[v+1]-1].
   */
  readonly groupStart: Int32Array;
  readonly groups: Int32Array;
  /**
   * takesOthers[r] = 1 when the failure of rank r alone fails a hard requirement of another
   * service; 0 means that failure takes down rank r and nothing else.
   */
  readonly takesOthers: Uint8Array;
}

/** The graph the down sets read: a RankedGraph's numbering and alternatives, and its edges. */
export type DownSetGraph = Pick<RankedGraph, 'order' | 'rank' | 'reqQuorum' | 'altStart' | 'alts'> &
  FailureEdges;

const edges = new WeakMap<RankedGraph, DownSetGraph>();

/** The plan with its failure edges, computed once. */
export function downSetGraphOf(plan: RankedGraph): DownSetGraph {
  let graph = edges.get(plan);
  if (!graph) {
    const { order, rank, reqQuorum, altStart, alts } = plan;
    graph = { order, rank, reqQuorum, altStart, alts, ...failureEdges(plan) };
    edges.set(plan, graph);
  }
  return graph;
}

/** How many alternatives of requirement q must be down for it to fail. */
function needed(plan: RankedGraph, q: number): number {
  return plan.altStart[q + 1]! - plan.altStart[q]! - plan.reqQuorum[q]! + 1;
}

function failureEdges(plan: RankedGraph): FailureEdges {
  const { reqStart, reqSoft, altStart, alts } = plan;
  const n = plan.order.length;
  const breakStart = new Int32Array(n + 1);
  const strainStart = new Int32Array(n + 1);
  const groupStart = new Int32Array(n + 1);
  const takesOthers = new Uint8Array(n);
  // lastBreak[u] = v + 1: v already counted among u's breaks (v ascending, so one stamp does).
  const lastBreak = new Int32Array(n);
  const lastStrain = new Int32Array(n);
  const occurrences = new Int32Array(n);
  let groupLength = 0;
  for (let v = 0; v < n; v++) {
    for (let q = reqStart[v]!; q < reqStart[v + 1]!; q++) {
      if (reqSoft[q]) continue;
      const need = needed(plan, q);
      if (need > 1) groupLength += 2 + altStart[q + 1]! - altStart[q]!;
      for (let a = altStart[q]!; a < altStart[q + 1]!; a++) {
        const u = alts[a]!;
        if (u === v) continue;
        if (need <= 1) {
          takesOthers[u] = 1;
          if (lastBreak[u] === v + 1) continue;
          lastBreak[u] = v + 1;
          breakStart[u + 1]!++;
        } else if (lastStrain[u] !== v + 1) {
          lastStrain[u] = v + 1;
          strainStart[u + 1]!++;
        }
      }
      // A group that lists one service `need` times or more fails when that one alone is down.
      if (need > 1) {
        for (let a = altStart[q]!; a < altStart[q + 1]!; a++) occurrences[alts[a]!]!++;
        for (let a = altStart[q]!; a < altStart[q + 1]!; a++) {
          const u = alts[a]!;
          if (u !== v && occurrences[u]! >= need) takesOthers[u] = 1;
        }
        for (let a = altStart[q]!; a < altStart[q + 1]!; a++) occurrences[alts[a]!] = 0;
      }
    }
  }
  for (let r = 0; r < n; r++) {
    breakStart[r + 1]! += breakStart[r]!;
    strainStart[r + 1]! += strainStart[r]!;
  }
  const breaks = new Int32Array(breakStart[n]!);
  const strains = new Int32Array(strainStart[n]!);
  const groups = new Int32Array(groupLength);
  const breakFill = breakStart.slice(0, n);
  const strainFill = strainStart.slice(0, n);
  lastBreak.fill(0);
  lastStrain.fill(0);
  let group = 0;
  for (let v = 0; v < n; v++) {
    groupStart[v] = group;
    for (let q = reqStart[v]!; q < reqStart[v + 1]!; q++) {
      if (reqSoft[q]) continue;
      const need = needed(plan, q);
      if (need > 1) {
        groups[group++] = need;
        groups[group++] = altStart[q + 1]! - altStart[q]!;
        for (let a = altStart[q]!; a < altStart[q + 1]!; a++) groups[group++] = alts[a]!;
      }
      for (let a = altStart[q]!; a < altStart[q + 1]!; a++) {
        const u = alts[a]!;
        if (u === v) continue;
        if (need <= 1) {
          if (lastBreak[u] === v + 1) continue;
          lastBreak[u] = v + 1;
          breaks[breakFill[u]!++] = v;
        } else if (lastStrain[u] !== v + 1) {
          lastStrain[u] = v + 1;
          strains[strainFill[u]!++] = v;
        }
      }
    }
  }
  groupStart[n] = group;
  return { breakStart, breaks, strainStart, strains, groupStart, groups, takesOthers };
}
