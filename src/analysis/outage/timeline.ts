// When each service goes down in an outage that starts at t = 0 and never ends, given how long
// each requirement is tolerated: Dijkstra-style label setting over the requirements.
//
// A failed service is down at 0. A single requirement is unmet `tolerates` after its dependency
// went down; a group, `tolerates` after the moment fewer than `quorum` alternatives are left up,
// which is when the (n − quorum + 1)-th earliest alternative goes down. A service goes down at the
// earliest moment one of its hard requirements is unmet. Services are settled in increasing
// order of that moment, so the alternatives a requirement counts are always its earliest ones;
// tolerances are never negative, so no settled moment can improve later. What is never settled
// stays at Infinity: in a cycle that nothing forces down, the latest consistent moment (the
// greatest fixed point, as for the statuses). O((services + dependencies) log services).

import type { CompiledGraph } from '../../model/compiled-graph.js';
import { MinHeap } from './min-heap.js';

export interface Timeline {
  /** Seconds from the start at which service v goes down; Infinity when it never does. */
  readonly downAt: Float64Array;
  /** The alternative whose loss set v's moment; -1 for a failed service or one never down. */
  readonly cause: Int32Array;
  /** The hard requirement whose loss set v's moment; -1 likewise. */
  readonly requirement: Int32Array;
  /** The services that go down, in the order they do (ties in the order reached), failed ones first. */
  readonly order: Int32Array;
}

export function outageTimeline(graph: CompiledGraph, failed: ArrayLike<number>): Timeline {
  const { n, usedByStart, usedBy, reqOwner, reqSoft, reqQuorum, reqTolerance, altStart } = graph;
  const downAt = new Float64Array(n).fill(Number.POSITIVE_INFINITY);
  const cause = new Int32Array(n).fill(-1);
  const requirement = new Int32Array(n).fill(-1);
  const settled = new Uint8Array(n);
  const lost = new Int32Array(reqOwner.length);
  const order: number[] = [];
  const heap = new MinHeap();
  for (let i = 0; i < failed.length; i++) {
    const f = failed[i]!;
    if (downAt[f] === 0) continue;
    downAt[f] = 0;
    heap.push(0, f);
  }
  while (heap.size > 0) {
    const [t, u] = heap.pop();
    if (settled[u] || t > downAt[u]!) continue;
    settled[u] = 1;
    order.push(u);
    for (let k = usedByStart[u]!; k < usedByStart[u + 1]!; k++) {
      const r = usedBy[k]!;
      if (reqSoft[r]) continue;
      // Unmet once this many alternatives are down; only the crossing moment matters.
      const need = altStart[r + 1]! - altStart[r]! - reqQuorum[r]! + 1;
      lost[r] = lost[r]! + 1;
      if (lost[r] !== need) continue;
      const v = reqOwner[r]!;
      const moment = t + reqTolerance[r]!;
      if (settled[v] || moment >= downAt[v]!) continue;
      downAt[v] = moment;
      cause[v] = u;
      requirement[v] = r;
      heap.push(moment, v);
    }
  }
  return { downAt, cause, requirement, order: Int32Array.from(order) };
}
