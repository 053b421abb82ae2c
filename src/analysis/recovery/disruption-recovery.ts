// When each service is back after one disruption (a set of services failing together at t = 0):
// a failed service after its own recovery_time (0 when unset) and once its hard requirements are
// met again, a down service once they are met again (a group: `quorum` of its alternatives back).
// The least fixed point of these equations, from 0 upwards.
//
// Computed by label setting over what the disruption takes down, never the whole graph: v is
// still down at time t iff v is down in the outage that fails only the failed services whose
// recovery_time exceeds t. Taking the failed services in decreasing recovery_time, that outage
// only grows, so one incremental propagation (a counter per requirement) visits each down service
// and each of its dependents' requirements once, and the time at which a service first goes down
// in that order is the time it is back. The service whose loss tipped it is its cause, which
// leads back to the failed service whose recovery_time sets the time.

import type { CompiledGraph } from '../../model/compiled-graph.js';

export class DisruptionRecovery {
  private epoch = 0;
  private readonly stamp: Int32Array;
  private readonly backAt: Float64Array;
  private readonly causeOf: Int32Array;
  private readonly reqStamp: Int32Array;
  private readonly reqLost: Int32Array;
  /** Services down in the last run (failed ones included), in the order they went down. */
  readonly touched: Int32Array;
  downCount = 0;

  constructor(readonly graph: CompiledGraph) {
    this.stamp = new Int32Array(graph.n);
    this.backAt = new Float64Array(graph.n);
    this.causeOf = new Int32Array(graph.n);
    this.reqStamp = new Int32Array(graph.reqOwner.length);
    this.reqLost = new Int32Array(graph.reqOwner.length);
    this.touched = new Int32Array(graph.n);
  }

  /** Fails `failed` together and computes when each service it takes down is back. */
  run(failed: ArrayLike<number>): void {
    this.nextEpoch();
    const { usedByStart, usedBy, reqOwner, reqSoft, reqQuorum, altStart, services } = this.graph;
    const { stamp, backAt, causeOf, reqStamp, reqLost, touched } = this;
    const epoch = this.epoch;
    const order = Array.from(failed).sort(
      (a, b) => (services[b]!.recoveryTime ?? 0) - (services[a]!.recoveryTime ?? 0) || a - b,
    );
    let tail = 0;
    let head = 0;
    for (let i = 0; i < order.length;) {
      const time = services[order[i]!]!.recoveryTime ?? 0;
      for (; i < order.length && (services[order[i]!]!.recoveryTime ?? 0) === time; i++) {
        const f = order[i]!;
        if (stamp[f] === epoch) continue;
        stamp[f] = epoch;
        backAt[f] = time;
        causeOf[f] = -1;
        touched[tail++] = f;
      }
      for (; head < tail; head++) {
        const u = touched[head]!;
        for (let k = usedByStart[u]!; k < usedByStart[u + 1]!; k++) {
          const r = usedBy[k]!;
          if (reqSoft[r]) continue;
          const lost = reqStamp[r] === epoch ? reqLost[r]! + 1 : 1;
          reqStamp[r] = epoch;
          reqLost[r] = lost;
          const v = reqOwner[r]!;
          if (stamp[v] === epoch) continue;
          if (altStart[r + 1]! - altStart[r]! - lost < reqQuorum[r]!) {
            stamp[v] = epoch;
            backAt[v] = time;
            causeOf[v] = u;
            touched[tail++] = v;
          }
        }
      }
    }
    this.downCount = tail;
  }

  /** Whether v is failed or down in the last run. */
  isDown(v: number): boolean {
    return this.stamp[v] === this.epoch;
  }

  /** Seconds from the start of the last disruption until v is back; 0 when it never went down. */
  back(v: number): number {
    return this.stamp[v] === this.epoch ? this.backAt[v]! : 0;
  }

  /** The service whose loss kept v down longest, -1 for a failed service (or one not down). */
  cause(v: number): number {
    return this.stamp[v] === this.epoch ? this.causeOf[v]! : -1;
  }

  private nextEpoch(): void {
    if (this.epoch === 0x7fffffff) {
      this.stamp.fill(0);
      this.reqStamp.fill(0);
      this.epoch = 0;
    }
    this.epoch++;
  }
}
