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
// greatest fixed point, as for the statuses). O((services + dependencies) log services) for one
// outage; an OutageClock reused over many outages costs each only what it touches.

import type { CompiledGraph } from '../../../model/compiled-graph.js';
import { MinHeap } from './min-heap.js';

export interface Timeline {
  /** Seconds from the start at which service v goes down; Infinity when it never does. */
  readonly downAt: Float64Array;
  /** The alternative whose loss set v's moment; -1 for a failed service or one never down. */
  readonly cause: Int32Array;
  /** The hard requirement whose loss set v's moment; -1 likewise. */
  readonly requirement: Int32Array;
  /** The services that go down, in the order they do (ties in the order reached). */
  readonly order: Int32Array;
}

export function outageTimeline(graph: CompiledGraph, failed: ArrayLike<number>): Timeline {
  const clock = new OutageClock(graph);
  clock.run(failed);
  return {
    downAt: clock.downAt,
    cause: clock.cause,
    requirement: clock.requirement,
    order: Int32Array.from(clock.order),
  };
}

/** Label setting over one graph, many times; arrays hold the last run's answers. */
export class OutageClock {
  readonly downAt: Float64Array;
  readonly cause: Int32Array;
  readonly requirement: Int32Array;
  /** The services that went down in the last run, in the order they did. */
  order: number[] = [];
  private readonly settled: Uint8Array;
  private readonly lost: Int32Array;
  /** Services and requirements the last run wrote to, reset by the next one. */
  private reached: number[] = [];
  private counted: number[] = [];

  constructor(private readonly graph: CompiledGraph) {
    this.downAt = new Float64Array(graph.n).fill(Number.POSITIVE_INFINITY);
    this.cause = new Int32Array(graph.n).fill(-1);
    this.requirement = new Int32Array(graph.n).fill(-1);
    this.settled = new Uint8Array(graph.n);
    this.lost = new Int32Array(graph.reqOwner.length);
  }

  run(failed: ArrayLike<number>): void {
    this.reset();
    const { usedByStart, usedBy, reqOwner, reqSoft, reqQuorum, reqTolerance, altStart } =
      this.graph;
    const { downAt, cause, requirement, settled, lost, order, reached, counted } = this;
    const heap = new MinHeap();
    for (let i = 0; i < failed.length; i++) {
      const f = failed[i]!;
      if (downAt[f] === 0) continue;
      downAt[f] = 0;
      reached.push(f);
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
        if (lost[r] === 0) counted.push(r);
        lost[r] = lost[r]! + 1;
        // Unmet once this many alternatives are down; only the crossing moment matters.
        if (lost[r] !== altStart[r + 1]! - altStart[r]! - reqQuorum[r]! + 1) continue;
        const v = reqOwner[r]!;
        const moment = t + reqTolerance[r]!;
        if (settled[v] || moment >= downAt[v]!) continue;
        if (downAt[v] === Number.POSITIVE_INFINITY) reached.push(v);
        downAt[v] = moment;
        cause[v] = u;
        requirement[v] = r;
        heap.push(moment, v);
      }
    }
  }

  private reset(): void {
    for (const v of this.reached) {
      this.downAt[v] = Number.POSITIVE_INFINITY;
      this.cause[v] = -1;
      this.requirement[v] = -1;
      this.settled[v] = 0;
    }
    for (const r of this.counted) this.lost[r] = 0;
    this.reached = [];
    this.counted = [];
    this.order = [];
  }
}
