// Many outages at once, exactly: for 32 outages at a time (single failures, or whole failure
// domains), bit masks of "down in outage i" and "reaches outage i" are propagated once over the
// union of their ancestors, in topological order (dependencies first; strongly connected
// components iterated to their least fixed point). Never more work than one propagation per
// outage, and much less when the outages share their dependents, as platform services do.

import type { CompiledGraph } from '../model/compiled-graph.js';
import { dependencyCsr } from './graph-views.js';
import { stronglyConnectedComponents } from './strongly-connected-components.js';
import { sortByKey } from './radix-sort.js';

export interface SweepTotals {
  /** Services failed or down, per outage (the failed ones included). */
  downCount: Int32Array;
  /** Services that can reach a failed one along any edge, per outage (failed ones included). */
  reachCount: Int32Array;
}

const WIDTH = 32;

export interface SweepObserver {
  /** Service v is failed or down in outage `label`; in no particular order. */
  down(label: number, v: number): void;
  /**
   * After a chunk of outages was propagated: bit i of `downMask[v]` says v is failed or down
   * in outage `chunk[i]` (for any v; zero outside the chunk's ancestors).
   */
  chunk?(chunk: Int32Array, size: number, downMask: Int32Array): void;
}

/** The topological order the sweeps walk in, computed once per graph. */
export interface SweepPlan {
  graph: CompiledGraph;
  /** Component of the condensation; every edge u → v has componentOf[u] >= componentOf[v]. */
  componentOf: Int32Array;
}

export function planSweep(graph: CompiledGraph): SweepPlan {
  const csr = dependencyCsr(graph);
  return {
    graph,
    componentOf: stronglyConnectedComponents(graph.n, csr.start, csr.targets).componentOf,
  };
}

/**
 * Outage `label` fails the services `outages[label]`: to `observer.down`, every service failed
 * or down in it, and the totals per outage.
 */
export function outageSweep(
  plan: SweepPlan,
  outages: ReadonlyArray<ArrayLike<number>>,
  observer: SweepObserver,
): SweepTotals {
  const totals: SweepTotals = {
    downCount: new Int32Array(outages.length),
    reachCount: new Int32Array(outages.length),
  };
  const state = new SweepState(plan, (label) => outages[label]!);
  const chunk = new Int32Array(WIDTH);
  for (let begin = 0; begin < outages.length; begin += WIDTH) {
    const size = Math.min(WIDTH, outages.length - begin);
    for (let bit = 0; bit < size; bit++) chunk[bit] = begin + bit;
    state.run(chunk, size, totals, observer);
  }
  return totals;
}

/**
 * For every service x: the services down when x alone fails (to `observer.down`, x itself
 * included), how many there are and how many services reach x.
 */
export function singleFailureSweep(
  plan: SweepPlan,
  observer: SweepObserver,
  onProgress?: (done: number, total: number) => void,
): SweepTotals {
  const { graph, componentOf } = plan;
  const { n } = graph;
  const totals: SweepTotals = { downCount: new Int32Array(n), reachCount: new Int32Array(n) };
  const one = new Int32Array(1);
  const state = new SweepState(plan, (x) => {
    one[0] = x;
    return one;
  });
  const chunk = new Int32Array(WIDTH);
  let size = 0;
  let done = 0;
  for (const x of failureOrder(graph, componentOf)) {
    done++;
    if (graph.usedByStart[x + 1] === graph.usedByStart[x]) {
      // Nothing depends on x: it takes down only itself.
      totals.downCount[x] = 1;
      totals.reachCount[x] = 1;
      observer.down(x, x);
      continue;
    }
    chunk[size++] = x;
    if (size === WIDTH) {
      state.run(chunk, size, totals, observer);
      size = 0;
      onProgress?.(done, n);
    }
  }
  if (size > 0) state.run(chunk, size, totals, observer);
  return totals;
}

/**
 * The order in which failures are grouped into chunks. A chunk costs the union of its members'
 * ancestors, so members with many ancestors (platform services, which share most of them)
 * should be chunked together: order by an estimate of the number of ancestors (paths to the
 * top of the graph, capped at n), largest first, then topologically.
 */
function failureOrder(graph: CompiledGraph, componentOf: Int32Array): Int32Array {
  const { n, usedByStart, usedBy, reqOwner } = graph;
  const topological = sortByKey(
    Int32Array.from({ length: n }, (_, v) => v),
    componentOf,
    n,
  );
  const estimate = new Float64Array(n);
  for (let i = n - 1; i >= 0; i--) {
    const v = topological[i]!;
    let paths = 1;
    for (let k = usedByStart[v]!; k < usedByStart[v + 1]!; k++)
      paths += estimate[reqOwner[usedBy[k]!]!]!;
    estimate[v] = Math.min(paths, n);
  }
  // Rank by the estimate's binary order of magnitude; the sort is stable, so within a rank
  // the topological order stays.
  const magnitude = new Int32Array(n);
  for (let v = 0; v < n; v++) magnitude[v] = 31 - Math.clz32(Math.max(1, Math.floor(estimate[v]!)));
  const inverse = new Int32Array(n);
  for (let v = 0; v < n; v++) inverse[v] = 31 - magnitude[v]!;
  return sortByKey(topological, inverse, 32);
}

class SweepState {
  private readonly graph: CompiledGraph;
  private readonly componentOf: Int32Array;
  private readonly downMask: Int32Array;
  private readonly reachMask: Int32Array;
  private readonly seen: Int32Array;
  private readonly region: Int32Array;
  private epoch = 0;

  private readonly members: (label: number) => ArrayLike<number>;

  constructor(plan: SweepPlan, members: (label: number) => ArrayLike<number>) {
    const { graph, componentOf } = plan;
    this.graph = graph;
    this.componentOf = componentOf;
    this.members = members;
    this.downMask = new Int32Array(graph.n);
    this.reachMask = new Int32Array(graph.n);
    this.seen = new Int32Array(graph.n);
    this.region = new Int32Array(graph.n);
  }

  run(chunk: Int32Array, size: number, totals: SweepTotals, observer: SweepObserver): void {
    const count = this.collectAncestors(chunk, size);
    const region = sortByKey(this.region.subarray(0, count), this.componentOf, this.graph.n);
    for (let bit = 0; bit < size; bit++) {
      const members = this.members(chunk[bit]!);
      for (let i = 0; i < members.length; i++) {
        this.downMask[members[i]!]! |= 1 << bit;
        this.reachMask[members[i]!]! |= 1 << bit;
      }
    }
    this.propagate(region);
    for (let k = 0; k < count; k++) {
      const v = region[k]!;
      for (let mask = this.downMask[v]!; mask !== 0; mask &= mask - 1) {
        const x = chunk[31 - Math.clz32(mask & -mask)]!;
        totals.downCount[x]!++;
        observer.down(x, v);
      }
      for (let mask = this.reachMask[v]!; mask !== 0; mask &= mask - 1) {
        totals.reachCount[chunk[31 - Math.clz32(mask & -mask)]!]!++;
      }
    }
    observer.chunk?.(chunk, size, this.downMask);
    for (let k = 0; k < count; k++) {
      this.downMask[region[k]!] = 0;
      this.reachMask[region[k]!] = 0;
    }
  }

  /** The chunk's failures and every service that reaches one of them, into `region`. */
  private collectAncestors(chunk: Int32Array, size: number): number {
    const { usedByStart, usedBy, reqOwner } = this.graph;
    const { seen, region } = this;
    const epoch = ++this.epoch;
    let tail = 0;
    for (let bit = 0; bit < size; bit++) {
      const members = this.members(chunk[bit]!);
      for (let i = 0; i < members.length; i++) {
        const x = members[i]!;
        if (seen[x] === epoch) continue;
        seen[x] = epoch;
        region[tail++] = x;
      }
    }
    for (let head = 0; head < tail; head++) {
      const u = region[head]!;
      for (let k = usedByStart[u]!; k < usedByStart[u + 1]!; k++) {
        const v = reqOwner[usedBy[k]!]!;
        if (seen[v] === epoch) continue;
        seen[v] = epoch;
        region[tail++] = v;
      }
    }
    return tail;
  }

  /**
   * Masks in topological order. A component of the condensation is swept until nothing
   * changes: masks only grow, so this reaches the least fixed point, which is the down set.
   * One flat loop: this is the hottest code of `analyze`.
   */
  private propagate(region: Int32Array): void {
    const { reqStart, reqSoft, reqQuorum, altStart, alts } = this.graph;
    const { componentOf, downMask, reachMask } = this;
    const count = region.length;
    let begin = 0;
    while (begin < count) {
      const component = componentOf[region[begin]!]!;
      let end = begin + 1;
      while (end < count && componentOf[region[end]!] === component) end++;
      let changed = true;
      while (changed) {
        changed = false;
        for (let k = begin; k < end; k++) {
          const v = region[k]!;
          let down = downMask[v]!;
          let reach = reachMask[v]!;
          for (let r = reqStart[v]!, lastReq = reqStart[v + 1]!; r < lastReq; r++) {
            const first = altStart[r]!;
            const last = altStart[r + 1]!;
            let any = 0;
            for (let a = first; a < last; a++) {
              const u = alts[a]!;
              reach |= reachMask[u]!;
              any |= downMask[u]!;
            }
            if (reqSoft[r] || any === 0) continue;
            // Requirement r fails once `need` of its alternatives are down.
            const need = last - first - reqQuorum[r]! + 1;
            down |= need === 1 ? any : atLeast(downMask, alts, first, last, need, any);
          }
          if (down !== downMask[v] || reach !== reachMask[v]) {
            downMask[v] = down;
            reachMask[v] = reach;
            changed = true;
          }
        }
        if (end - begin === 1) break;
      }
      begin = end;
    }
  }
}

/** Bits of `any` set in at least `need` of the alternatives' masks. */
function atLeast(
  masks: Int32Array,
  alts: Int32Array,
  first: number,
  last: number,
  need: number,
  any: number,
): number {
  if (need === last - first) {
    let mask = any;
    for (let k = first; k < last && mask !== 0; k++) mask &= masks[alts[k]!]!;
    return mask;
  }
  let result = 0;
  for (let candidates = any; candidates !== 0; candidates &= candidates - 1) {
    const bit = candidates & -candidates;
    let count = 0;
    for (let k = first; k < last && count < need; k++) if (masks[alts[k]!]! & bit) count++;
    if (count >= need) result |= bit;
  }
  return result;
}
