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
// leads back to the failed service whose recovery_time sets the time. The propagation is the
// outage's own (Propagator), fed one batch of failures per recovery_time.

import type { CompiledGraph } from '../../model/compiled-graph.js';
import { Propagator, UP } from '../outage/propagate.js';

export class DisruptionRecovery {
  private readonly outage: Propagator;
  private readonly backAt: Float64Array;

  constructor(readonly graph: CompiledGraph) {
    this.outage = new Propagator(graph);
    this.backAt = new Float64Array(graph.n);
  }

  /** Fails `failed` together and computes when each service it takes down is back. */
  run(failed: ArrayLike<number>): void {
    const { outage, backAt } = this;
    const { services } = this.graph;
    const recoveryTime = (v: number): number => services[v]!.recoveryTime ?? 0;
    const order = Array.from(failed).sort((a, b) => recoveryTime(b) - recoveryTime(a) || a - b);
    outage.begin();
    for (let i = 0; i < order.length;) {
      const time = recoveryTime(order[i]!);
      const from = outage.downCount;
      for (; i < order.length && recoveryTime(order[i]!) === time; i++) outage.fail(order[i]!);
      outage.spreadDown();
      for (let k = from; k < outage.downCount; k++) backAt[outage.touched[k]!] = time;
    }
  }

  /** Whether v is failed or down in the last run. */
  isDown(v: number): boolean {
    return this.outage.status(v) !== UP;
  }

  /** Seconds from the start of the last disruption until v is back; 0 when it never went down. */
  back(v: number): number {
    return this.isDown(v) ? this.backAt[v]! : 0;
  }

  /** The service whose loss kept v down longest, -1 for a failed service (or one not down). */
  cause(v: number): number {
    return this.outage.cause(v);
  }
}
