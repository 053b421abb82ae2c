// The state at the end of an outage that lasts `duration` seconds: a service is down when its
// `downAt` is before the end (a tolerance equal to the outage rides it out), failed ones as ever;
// degraded, as in an unbounded outage, is reaching a down service along any edge. Read through
// the same questions as a Propagator's run, so one simulation result is built from either.

import type { CompiledGraph } from '../../../model/compiled-graph.js';
import { DEGRADED, DOWN, FAILED, UP, type Status } from '../propagate.js';
import type { Timeline } from './timeline.js';

export interface OutageState {
  readonly graph: CompiledGraph;
  /** Failed and down services first, each after its cause, then degraded ones. */
  readonly touched: Int32Array;
  readonly touchedCount: number;
  status(v: number): Status;
  /** The next service on v's way to a failed one, or -1 for a failed or up service. */
  cause(v: number): number;
  /** The hard requirement whose loss took v down, or -1 unless v is down. */
  failedRequirement(v: number): number;
}

export function outageAt(
  graph: CompiledGraph,
  timeline: Timeline,
  failed: ArrayLike<number>,
  duration: number,
): OutageState {
  const state = new Uint8Array(graph.n);
  const causeOf = new Int32Array(graph.n).fill(-1);
  const touched = new Int32Array(graph.n);
  let tail = 0;
  for (let i = 0; i < failed.length; i++) state[failed[i]!] = FAILED;
  for (const v of timeline.order) {
    if (!(timeline.downAt[v]! < duration)) break;
    if (state[v] !== FAILED) {
      state[v] = DOWN;
      causeOf[v] = timeline.cause[v]!;
    }
    touched[tail++] = v;
  }
  const { usedByStart, usedBy, reqOwner } = graph;
  for (let head = 0; head < tail; head++) {
    const u = touched[head]!;
    for (let k = usedByStart[u]!; k < usedByStart[u + 1]!; k++) {
      const v = reqOwner[usedBy[k]!]!;
      if (state[v] !== UP) continue;
      state[v] = DEGRADED;
      causeOf[v] = u;
      touched[tail++] = v;
    }
  }
  return {
    graph,
    touched,
    touchedCount: tail,
    status: (v) => state[v] as Status,
    cause: (v) => causeOf[v]!,
    failedRequirement: (v) => (state[v] === DOWN ? timeline.requirement[v]! : -1),
  };
}
