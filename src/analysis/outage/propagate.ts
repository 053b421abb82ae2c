// analysis/outage/ — what fails with what: propagation, one what-if outage and its guard, the sweep
// over every single failure, failure domains, fate sharing, provider concentration and the chains
// that explain an outage.
//
// Failure propagation (docs/semantics.md, "Up, down and degraded"): the greatest fixed point of
// "up", computed as the least set of down services closed under unmet hard requirements, by a
// worklist with one counter per requirement, in O(services + dependencies). Then `degraded`:
// everything not down from which a down service can be reached along any edge, by a breadth-first
// search against the edges.

import type { CompiledGraph } from '../../model/compiled-graph.js';

export const UP = 0;
export const DEGRADED = 1;
export const DOWN = 2;
export const FAILED = 3;
export type Status = typeof UP | typeof DEGRADED | typeof DOWN | typeof FAILED;

/**
 * Propagates outages over one graph, many times. Scratch arrays are allocated once and stamped
 * with an epoch, so one run costs only what the outage touches, not O(services).
 */
export class Propagator {
  readonly graph: CompiledGraph;
  private epoch = 0;
  private readonly stamp: Int32Array;
  private readonly state: Uint8Array;
  private readonly causeOf: Int32Array;
  private readonly causeRequirement: Int32Array;
  private readonly reqStamp: Int32Array;
  private readonly reqDown: Int32Array;
  /** Services touched by the last run: failed and down first (`downCount`), then degraded. */
  readonly touched: Int32Array;
  /** Failed plus down services of the last run. */
  downCount = 0;
  /** Failed, down and degraded services of the last run. */
  touchedCount = 0;
  /** How many of `touched` have passed their loss on to their dependents. */
  private spread = 0;

  constructor(graph: CompiledGraph) {
    this.graph = graph;
    this.stamp = new Int32Array(graph.n);
    this.state = new Uint8Array(graph.n);
    this.causeOf = new Int32Array(graph.n);
    this.causeRequirement = new Int32Array(graph.n);
    this.reqStamp = new Int32Array(graph.reqOwner.length);
    this.reqDown = new Int32Array(graph.reqOwner.length);
    this.touched = new Int32Array(graph.n);
  }

  /**
   * Fails `failed` and propagates. With `degraded: false` only the down set is computed, which
   * is all that single-point-of-failure questions need. With `stopAt`, propagation stops as soon
   * as that service is down (nothing is degraded then): the down set is only the part reached so
   * far, but the cause and requirement of each service in it are final, since a service's cause
   * is set once, when it goes down — enough to tell why `stopAt` goes down.
   */
  run(
    failed: ArrayLike<number>,
    options: { degraded: boolean; stopAt?: number } = { degraded: true },
  ): void {
    this.begin();
    for (let i = 0; i < failed.length; i++) this.fail(failed[i]!);
    const stopAt = options.stopAt ?? -1;
    const stopped = (stopAt >= 0 && this.stamp[stopAt] === this.epoch) || this.spreadDown(stopAt);
    let tail = this.downCount;
    if (options.degraded && !stopped) {
      const { usedByStart, usedBy, reqOwner } = this.graph;
      const { stamp, state, causeOf, touched } = this;
      const epoch = this.epoch;
      for (let head = 0; head < tail; head++) {
        const u = touched[head]!;
        for (let k = usedByStart[u]!; k < usedByStart[u + 1]!; k++) {
          const v = reqOwner[usedBy[k]!]!;
          if (stamp[v] === epoch) continue;
          stamp[v] = epoch;
          state[v] = DEGRADED;
          causeOf[v] = u;
          touched[tail++] = v;
        }
      }
    }
    this.touchedCount = tail;
  }

  /**
   * Starts an outage with nothing failed, to be grown by `fail` and `spreadDown` in steps (an
   * outage whose failures arrive in batches, as when services come back one by one).
   */
  begin(): void {
    this.nextEpoch();
    this.downCount = 0;
    this.touchedCount = 0;
    this.spread = 0;
  }

  /** Fails f in the current outage; nothing when it is already failed or down. */
  fail(f: number): void {
    if (this.stamp[f] === this.epoch) return;
    this.stamp[f] = this.epoch;
    this.state[f] = FAILED;
    this.causeOf[f] = -1;
    this.touched[this.downCount++] = f;
  }

  /**
   * Takes down everything the failures so far take down, continuing from where the last call
   * stopped. With `stopAt` ≥ 0 it stops as soon as that service is down and returns true.
   */
  spreadDown(stopAt = -1): boolean {
    const { usedByStart, usedBy, reqOwner, reqSoft, reqQuorum, altStart } = this.graph;
    const { stamp, state, causeOf, reqStamp, reqDown, touched } = this;
    const epoch = this.epoch;
    let tail = this.downCount;
    let head = this.spread;
    let stopped = false;
    for (; head < tail && !stopped; head++) {
      const u = touched[head]!;
      for (let k = usedByStart[u]!; k < usedByStart[u + 1]!; k++) {
        const r = usedBy[k]!;
        if (reqSoft[r]) continue;
        const downAlternatives = reqStamp[r] === epoch ? reqDown[r]! + 1 : 1;
        reqStamp[r] = epoch;
        reqDown[r] = downAlternatives;
        const v = reqOwner[r]!;
        if (stamp[v] === epoch) continue;
        if (altStart[r + 1]! - altStart[r]! - downAlternatives < reqQuorum[r]!) {
          stamp[v] = epoch;
          state[v] = DOWN;
          causeOf[v] = u;
          this.causeRequirement[v] = r;
          touched[tail++] = v;
          if (v === stopAt) {
            stopped = true;
            break;
          }
        }
      }
    }
    this.spread = head;
    this.downCount = tail;
    this.touchedCount = tail;
    return stopped;
  }

  /** Status of service v in the last run (degraded reads as up after a run without it). */
  status(v: number): Status {
    return this.stamp[v] === this.epoch ? (this.state[v] as Status) : UP;
  }

  /** The hard requirement whose loss took v down, or -1 unless v is down. */
  failedRequirement(v: number): number {
    return this.stamp[v] === this.epoch && this.state[v] === DOWN ? this.causeRequirement[v]! : -1;
  }

  /** The next service on v's way to a failed one, or -1 for a failed or up service. */
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
