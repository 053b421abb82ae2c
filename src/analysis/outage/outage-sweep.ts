// Many outages at once, exactly: for 32 outages at a time (single failures, or whole failure
// domains), bit masks of "down in outage i" and "reaches outage i" are propagated once over the
// union of their ancestors, in topological order (dependencies first; strongly connected
// components iterated to their least fixed point). Never more work than one propagation per
// outage, and much less when the outages share their dependents, as platform services do.

import type { CompiledGraph } from '../../model/compiled-graph.js';
import { rankGraph, type RankedGraph } from './ranked-graph.js';
import { sortByKey, sortValues } from '../graph/integer-sort.js';
import {
  bit as bitOf,
  intersection,
  lowest,
  lowestBit,
  MASK_WIDTH,
  union,
  withoutLowest,
} from '../graph/bit-mask.js';

export interface SweepTotals {
  /** Services failed or down, per outage (the failed ones included). */
  downCount: Int32Array;
  /** Services that can reach a failed one along any edge, per outage (failed ones included). */
  reachCount: Int32Array;
}

const WIDTH = MASK_WIDTH;

export interface SweepObserver {
  /** The services `down` is called for (entry points, services with a cost); 1 = yes. */
  interesting: Uint8Array;
  /** Interesting service v is failed or down in outage `label`; in no particular order. */
  down(label: number, v: number): void;
  /**
   * After a chunk of outages was propagated: bit i of the mask `downOf(v)` (bit-mask.ts) says service v is failed or
   * down in outage `chunk[i]`.
   */
  chunk?(chunk: Int32Array, size: number, downOf: (v: number) => number): void;
}

/** What the sweeps need of a graph, computed once: the graph in topological order. */
export type SweepPlan = RankedGraph;

export function planSweep(graph: CompiledGraph): SweepPlan {
  return rankGraph(graph);
}

/**
 * Outage `label` fails the services `outages[label]`: to `observer.down`, every interesting
 * service failed or down in it, and the totals per outage.
 */
export function outageSweep(
  plan: SweepPlan,
  outages: ReadonlyArray<ArrayLike<number>>,
  observer: SweepObserver,
): SweepTotals {
  return outageSweepOf(plan, outages.length, (label) => outages[label]!, observer);
}

/**
 * Like `outageSweep`, for `count` outages whose members are produced on demand (`members` may
 * reuse its returned array: each result is read before the next call). For large families of
 * outages, such as pairs of failures, that no one wants to hold as arrays. With
 * `counts: false` the totals are left at zero, which saves the counting.
 */
export function outageSweepOf(
  plan: SweepPlan,
  count: number,
  members: (label: number) => ArrayLike<number>,
  observer: SweepObserver,
  { counts }: { counts: boolean } = { counts: true },
): SweepTotals {
  const totals: SweepTotals = {
    downCount: new Int32Array(count),
    reachCount: new Int32Array(count),
  };
  const state = new SweepState(plan, members);
  const chunk = new Int32Array(WIDTH);
  for (let begin = 0; begin < count; begin += WIDTH) {
    const size = Math.min(WIDTH, count - begin);
    for (let bit = 0; bit < size; bit++) chunk[bit] = begin + bit;
    state.run(chunk, size, counts ? totals : null, observer);
  }
  return totals;
}

/**
 * For every service x: the interesting services down when x alone fails (to `observer.down`,
 * x itself included), how many services are down and how many reach x.
 */
export function singleFailureSweep(
  plan: SweepPlan,
  observer: SweepObserver,
  onProgress?: (done: number, total: number) => void,
): SweepTotals {
  const { n } = plan.graph;
  const totals: SweepTotals = { downCount: new Int32Array(n), reachCount: new Int32Array(n) };
  const one = new Int32Array(1);
  const state = new SweepState(plan, (x) => {
    one[0] = x;
    return one;
  });
  const chunk = new Int32Array(WIDTH);
  let size = 0;
  let done = 0;
  for (const x of failureOrder(plan)) {
    done++;
    const r = plan.rank[x]!;
    if (plan.dependentStart[r + 1] === plan.dependentStart[r]) {
      // Nothing depends on x: it takes down only itself.
      totals.downCount[x] = 1;
      totals.reachCount[x] = 1;
      if (observer.interesting[x]) observer.down(x, x);
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
 * top of the graph, capped at n) by its order of magnitude, largest first, then topologically.
 */
function failureOrder(plan: SweepPlan): Int32Array {
  const { order, dependentStart, dependents } = plan;
  const n = order.length;
  const estimate = new Float64Array(n);
  const magnitude = new Int32Array(n);
  for (let r = n - 1; r >= 0; r--) {
    let paths = 1;
    for (let k = dependentStart[r]!; k < dependentStart[r + 1]!; k++)
      paths += estimate[dependents[k]!]!;
    estimate[r] = Math.min(paths, n);
    // Leading zeros of the estimate: larger estimates sort first.
    magnitude[order[r]!] = Math.clz32(Math.max(1, Math.floor(estimate[r]!)));
  }
  // The sort is stable, so within a magnitude the topological order stays.
  return sortByKey(order, magnitude, 32);
}

class SweepState {
  private readonly plan: SweepPlan;
  /** down mask of rank r at 2r, reach mask at 2r + 1 (bit-mask.ts): one cache line holds both. */
  private readonly masks: Uint32Array;
  private readonly seen: Int32Array;
  private readonly region: Int32Array;
  private readonly members: (label: number) => ArrayLike<number>;
  /** Bit-sliced counters: bit i of level j is bit j of the count for outage i. */
  private readonly downCounter = new Uint32Array(32);
  private readonly reachCounter = new Uint32Array(32);
  private epoch = 0;

  constructor(plan: SweepPlan, members: (label: number) => ArrayLike<number>) {
    const n = plan.order.length;
    this.plan = plan;
    this.members = members;
    this.masks = new Uint32Array(2 * n);
    this.seen = new Int32Array(n);
    this.region = new Int32Array(n);
  }

  run(chunk: Int32Array, size: number, totals: SweepTotals | null, observer: SweepObserver): void {
    const { order, rank } = this.plan;
    const { masks, downCounter, reachCounter } = this;
    const count = this.collectAncestors(chunk, size);
    const region = sortValues(this.region.subarray(0, count), this.plan.order.length);
    for (let bit = 0; bit < size; bit++) {
      const members = this.members(chunk[bit]!);
      for (let i = 0; i < members.length; i++) {
        const r = rank[members[i]!]!;
        masks[2 * r] = union(masks[2 * r]!, bitOf(bit));
        masks[2 * r + 1] = union(masks[2 * r + 1]!, bitOf(bit));
      }
    }
    this.propagate(region);
    downCounter.fill(0);
    reachCounter.fill(0);
    for (let k = 0; k < count; k++) {
      const r = region[k]!;
      const down = masks[2 * r]!;
      if (totals !== null) {
        addBits(downCounter, down);
        addBits(reachCounter, masks[2 * r + 1]!);
      }
      const v = order[r]!;
      if (!observer.interesting[v]) continue;
      for (let mask = down; mask !== 0; mask = withoutLowest(mask)) {
        observer.down(chunk[lowest(mask)]!, v);
      }
    }
    for (let bit = 0; bit < size && totals !== null; bit++) {
      totals.downCount[chunk[bit]!] = countOf(downCounter, bit);
      totals.reachCount[chunk[bit]!] = countOf(reachCounter, bit);
    }
    observer.chunk?.(chunk, size, (v) => masks[2 * rank[v]!]!);
    for (let k = 0; k < count; k++) {
      masks[2 * region[k]!] = 0;
      masks[2 * region[k]! + 1] = 0;
    }
  }

  /** The ranks of the chunk's failed services and of every service reaching one, in `region`. */
  private collectAncestors(chunk: Int32Array, size: number): number {
    const { rank, dependentStart, dependents } = this.plan;
    const { seen, region } = this;
    const epoch = ++this.epoch;
    let tail = 0;
    for (let bit = 0; bit < size; bit++) {
      const members = this.members(chunk[bit]!);
      for (let i = 0; i < members.length; i++) {
        const r = rank[members[i]!]!;
        if (seen[r] === epoch) continue;
        seen[r] = epoch;
        region[tail++] = r;
      }
    }
    for (let head = 0; head < tail; head++) {
      const u = region[head]!;
      for (let k = dependentStart[u]!; k < dependentStart[u + 1]!; k++) {
        const r = dependents[k]!;
        if (seen[r] === epoch) continue;
        seen[r] = epoch;
        region[tail++] = r;
      }
    }
    return tail;
  }

  /**
   * Masks in rank order. A component of the condensation is swept until nothing changes:
   * masks only grow, so this reaches the least fixed point, which is the down set.
   * One flat loop: this is the hottest code of `analyze`.
   */
  private propagate(region: Int32Array): void {
    const { reqStart, reqSoft, reqQuorum, altStart, alts, component } = this.plan;
    const { masks } = this;
    const count = region.length;
    let begin = 0;
    while (begin < count) {
      const scc = component[region[begin]!]!;
      let end = begin + 1;
      while (end < count && component[region[end]!] === scc) end++;
      let changed = true;
      while (changed) {
        changed = false;
        for (let k = begin; k < end; k++) {
          const v = region[k]!;
          let down = masks[2 * v]!;
          let reach = masks[2 * v + 1]!;
          for (let r = reqStart[v]!, lastReq = reqStart[v + 1]!; r < lastReq; r++) {
            const first = altStart[r]!;
            const last = altStart[r + 1]!;
            let any = 0;
            for (let a = first; a < last; a++) {
              const u = 2 * alts[a]!;
              any = union(any, masks[u]!);
              reach = union(reach, masks[u + 1]!);
            }
            if (reqSoft[r] || any === 0) continue;
            // Requirement r fails once `need` of its alternatives are down.
            const need = last - first - reqQuorum[r]! + 1;
            down = union(down, need === 1 ? any : atLeast(masks, alts, first, last, need, any));
          }
          if (down !== masks[2 * v] || reach !== masks[2 * v + 1]) {
            masks[2 * v] = down;
            masks[2 * v + 1] = reach;
            changed = true;
          }
        }
        if (end - begin === 1) break;
      }
      begin = end;
    }
  }
}

/** Adds one to the count of every outage whose bit is set in `mask` (a ripple-carry add). */
function addBits(counter: Uint32Array, mask: number): void {
  let carry = mask;
  for (let level = 0; carry !== 0; level++) {
    const next = intersection(counter[level]!, carry);
    counter[level] = (counter[level]! ^ carry) >>> 0;
    carry = next;
  }
}

function countOf(counter: Uint32Array, bit: number): number {
  let count = 0;
  for (let level = 0; level < 32; level++) count += ((counter[level]! >>> bit) & 1) * 2 ** level;
  return count;
}

/** Bits of `any` set in at least `need` of the alternatives' down masks (at 2 × rank). */
function atLeast(
  masks: Uint32Array,
  alts: Int32Array,
  first: number,
  last: number,
  need: number,
  any: number,
): number {
  if (need === last - first) {
    let mask = any;
    for (let k = first; k < last && mask !== 0; k++)
      mask = intersection(mask, masks[2 * alts[k]!]!);
    return mask;
  }
  let result = 0;
  for (let candidates = any; candidates !== 0; candidates = withoutLowest(candidates)) {
    const bit = lowestBit(candidates);
    let count = 0;
    for (let k = first; k < last && count < need; k++) {
      if (intersection(masks[2 * alts[k]!]!, bit) !== 0) count++;
    }
    if (count >= need) result = union(result, bit);
  }
  return result;
}
