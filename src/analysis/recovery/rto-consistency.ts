// analysis/recovery/ — time to recover: recovery objectives against recovery times.
//
// RTO consistency: a service whose `rto` is shorter than the time its hard dependencies need to
// come back after a full outage, with the chain to the dependency whose recovery_time sets that
// time.
//
// Time to recover. After everything failed, service v can be up at time t when t ≥ its own
// recovery_time (0 when it declares none; a virtual service has none) and every hard requirement is
// met by services up at t: a plain dependency once that one is up, a group once `quorum` of its
// alternatives are up — the quorum-th smallest of their times. Soft dependencies never hold a
// service back. Times do not add up along a chain: a dependency back at t lets its dependent be
// back at t (a lower bound, which is what a consistency check wants). Cycles take the greatest
// fixed point, as propagation does: a cycle whose members are all back comes up together.
//
// Computed exactly in one linear pass: v is still down at time t iff v is down in the outage that
// fails every service with recovery_time > t (propagation as in docs/semantics.md). Sweeping t down
// through the distinct recovery times, that outage only grows, so one incremental propagation (a
// counter per requirement) visits every service and dependency once; a requirement first fails at
// the largest t where it is unmet, and the alternative whose loss failed it leads to the
// dependency.

import type { CompiledGraph } from '../../model/compiled-graph.js';
import type { RtoViolation } from '../analysis-result.js';
import { shortenedChain } from '../outage/failure-chains.js';
import { hardDependents } from '../structure/graph-views.js';

/** Ids kept of a long chain: its first MAX_RTO_CHAIN - 2, CHAIN_GAP, then the dependency. */
export const MAX_RTO_CHAIN = 32;

export interface RecoveryTimes {
  /**
   * downAt[v]: the time v is back after a full outage (0: at once). A failed requirement is met
   * again when its lost alternative is back: times kept per service, not per requirement (at a
   * million services a fifth of the memory).
   */
  downAt: Float64Array;
  /** The alternative whose loss failed requirement r, -1 if it never fails. */
  lastLost: Int32Array;
  /** cause[v]: the service through which v stayed down, -1 when its own recovery_time did. */
  cause: Int32Array;
}

/**
 * Every service with an rto whose hard requirements take longer than it to recover, by id.
 * `owners` is `hardDependents(graph)`, when the caller has it already.
 */
export function rtoViolations(graph: CompiledGraph, owners?: Int32Array): RtoViolation[] {
  // No objective, nothing to check: the times need a pass over every edge.
  if (!graph.services.some((s) => s.rto !== undefined)) return [];
  const times = recoveryTimes(graph, owners);
  const violations: RtoViolation[] = [];
  for (let v = 0; v < graph.n; v++) {
    const rto = graph.services[v]!.rto;
    if (rto === undefined) continue;
    const { downAt, lastLost } = times;
    let worst = -1;
    for (let r = graph.reqStart[v]!; r < graph.reqStart[v + 1]!; r++) {
      const lost = lastLost[r]!;
      if (lost !== -1 && (worst === -1 || downAt[lost]! > downAt[lastLost[worst]!]!)) worst = r;
    }
    if (worst === -1) continue;
    const recoveryTime = downAt[lastLost[worst]!]!;
    if (recoveryTime <= rto) continue;
    const chain = chainFrom(graph, times.cause, v, lastLost[worst]!);
    violations.push({
      service: graph.ids[v]!,
      rto,
      dependency: chain[chain.length - 1]!,
      recoveryTime,
      chain,
    });
  }
  return violations;
}

/** The time every hard requirement is met again after a full outage, by sweeping t downwards. */
export function recoveryTimes(
  graph: CompiledGraph,
  owners: Int32Array = hardDependents(graph),
): RecoveryTimes {
  const { n, usedByStart, usedBy, reqOwner, reqQuorum, altStart } = graph;
  const downAt = new Float64Array(n);
  const lastLost = new Int32Array(reqOwner.length).fill(-1);
  const cause = new Int32Array(n).fill(-1);
  // toFail[r]: losses of alternatives requirement r can still take before it fails (fewer than
  // quorum left up), counted down: one word per requirement read as the outage spreads, where
  // the count, the alternatives and the quorum would be three at random places.
  const toFail = new Int32Array(reqOwner.length);
  for (let r = 0; r < toFail.length; r++)
    toFail[r] = altStart[r + 1]! - altStart[r]! - reqQuorum[r]! + 1;
  const down = new Uint8Array(n);
  const queue = new Int32Array(n);
  let tail = 0;
  let head = 0;
  for (const [time, services] of byRecoveryTime(graph)) {
    for (const v of services) {
      if (down[v]) continue;
      down[v] = 1;
      downAt[v] = time;
      queue[tail++] = v;
    }
    for (; head < tail; head++) {
      const u = queue[head]!;
      for (let k = usedByStart[u]!; k < usedByStart[u + 1]!; k++) {
        const owner = owners[k]!; // -1: a soft requirement
        if (owner < 0) continue;
        const r = usedBy[k]!;
        if (--toFail[r]! !== 0) continue;
        // This loss leaves fewer than quorum alternatives: r is unmet until `time`, which is
        // u's (every service queued while the outage of `time` spreads went down with it).
        lastLost[r] = u;
        if (down[owner]) continue;
        down[owner] = 1;
        downAt[owner] = time;
        cause[owner] = u;
        queue[tail++] = owner;
      }
    }
  }
  return { downAt, lastLost, cause };
}

/** Services by recovery_time, largest first; virtual services and times of 0 left out. */
function byRecoveryTime(graph: CompiledGraph): Array<[number, number[]]> {
  const groups = new Map<number, number[]>();
  for (let v = 0; v < graph.n; v++) {
    const service = graph.services[v]!;
    const time = service.recoveryTime ?? 0;
    if (time <= 0 || service.virtual === true) continue;
    const group = groups.get(time);
    if (group) group.push(v);
    else groups.set(time, [v]);
  }
  return [...groups].sort((a, b) => b[0] - a[0]);
}

/** From v through `first` along the causes to the service whose own time held it back. */
function chainFrom(graph: CompiledGraph, cause: Int32Array, v: number, first: number): string[] {
  let end = first;
  while (cause[end] !== -1) end = cause[end]!;
  const rest = shortenedChain(
    first,
    (u) => cause[u]!,
    end,
    MAX_RTO_CHAIN - 1,
    (u) => graph.ids[u]!,
  );
  return [graph.ids[v]!, ...rest];
}
