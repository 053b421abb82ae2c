// Many outages at once, exactly: for 128 outages at a time (single failures, or whole failure
// domains), bit masks of "down in outage i" and "reaches outage i" (four 32-bit words each) are
// propagated once over the union of their ancestors, in topological order (dependencies first;
// strongly connected components iterated to their least fixed point). Never more work than one
// propagation per outage, and much less when the outages share their dependents, as platform
// services do. Four words per pass load the graph's arrays once for 128 outages instead of 32.

import type { CompiledGraph } from '../../model/compiled-graph.js';
import { rankGraph, type RankedGraph } from './ranked-graph.js';
import { sortByKey, sortValues } from '../graph/integer-sort.js';

export interface SweepTotals {
  /** Services failed or down, per outage (the failed ones included). */
  downCount: Int32Array;
  /** Services that can reach a failed one along any edge, per outage (failed ones included). */
  reachCount: Int32Array;
}

/** 32-bit words of outages propagated together; WIDTH outages per pass. */
const WORDS = 4;
const WIDTH = 32 * WORDS;
/** Int32 slots of one service's masks: WORDS of down, then WORDS of reach. */
const STRIDE = 2 * WORDS;

export interface SweepObserver {
  /** The services `down` is called for (entry points, services with a cost); 1 = yes. */
  interesting: Uint8Array;
  /** Interesting service v is failed or down in outage `label`; in no particular order. */
  down(label: number, v: number): void;
  /**
   * After a chunk of at most 32 outages was propagated: bit i of the unsigned mask `downOf(v)`
   * (the convention of graph/bit-mask.ts; the sweep's own words stay signed Int32) says service v is
   * failed or down in outage `chunk[i]`.
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
  /**
   * Masks of rank r from STRIDE·r: WORDS words of "down in outage i", then WORDS words of
   * "reaches outage i" (bit i of word w is outage 32w + i of the chunk): one cache line.
   */
  private readonly masks: Int32Array;
  private readonly seen: Int32Array;
  private readonly region: Int32Array;
  private readonly members: (label: number) => ArrayLike<number>;
  /** Bit-sliced counters per word: bit i of level j is bit j of the count for outage i. */
  private readonly downCounters = Array.from({ length: WORDS }, () => new Int32Array(32));
  private readonly reachCounters = Array.from({ length: WORDS }, () => new Int32Array(32));
  /** Scratch of the propagation: one node's masks and one requirement's "any alternative down". */
  private readonly down = new Int32Array(WORDS);
  private readonly reach = new Int32Array(WORDS);
  private readonly any = new Int32Array(WORDS);
  /** 1 for a rank to settle again: one of its dependencies changed since it was settled. */
  private readonly dirty: Uint8Array;
  private epoch = 0;

  constructor(plan: SweepPlan, members: (label: number) => ArrayLike<number>) {
    const n = plan.order.length;
    this.plan = plan;
    this.members = members;
    this.masks = new Int32Array(STRIDE * n);
    this.seen = new Int32Array(n);
    this.region = new Int32Array(n);
    this.dirty = new Uint8Array(n);
  }

  run(chunk: Int32Array, size: number, totals: SweepTotals | null, observer: SweepObserver): void {
    const { order, rank } = this.plan;
    const { masks } = this;
    const count = this.collectAncestors(chunk, size);
    const region = sortValues(this.region.subarray(0, count), this.plan.order.length);
    for (let bit = 0; bit < size; bit++) {
      const members = this.members(chunk[bit]!);
      const word = bit >>> 5;
      for (let i = 0; i < members.length; i++) {
        const base = STRIDE * rank[members[i]!]!;
        masks[base + word]! |= 1 << (bit & 31);
        masks[base + WORDS + word]! |= 1 << (bit & 31);
      }
    }
    this.propagate(region);
    const words = (size + 31) >>> 5;
    for (let w = 0; w < words; w++) {
      this.downCounters[w]!.fill(0);
      this.reachCounters[w]!.fill(0);
    }
    for (let k = 0; k < count; k++) {
      const base = STRIDE * region[k]!;
      if (totals !== null) {
        for (let w = 0; w < words; w++) {
          addBits(this.downCounters[w]!, masks[base + w]!);
          addBits(this.reachCounters[w]!, masks[base + WORDS + w]!);
        }
      }
      const v = order[region[k]!]!;
      if (!observer.interesting[v]) continue;
      for (let w = 0; w < words; w++) {
        for (let mask = masks[base + w]!; mask !== 0; mask &= mask - 1) {
          observer.down(chunk[32 * w + 31 - Math.clz32(mask & -mask)]!, v);
        }
      }
    }
    for (let bit = 0; bit < size && totals !== null; bit++) {
      const w = bit >>> 5;
      totals.downCount[chunk[bit]!] = countOf(this.downCounters[w]!, bit & 31);
      totals.reachCount[chunk[bit]!] = countOf(this.reachCounters[w]!, bit & 31);
    }
    if (observer.chunk) {
      for (let w = 0; w < words; w++) {
        const slice = chunk.subarray(32 * w, Math.min(size, 32 * (w + 1)));
        observer.chunk(slice, slice.length, (v) => masks[STRIDE * rank[v]! + w]! >>> 0);
      }
    }
    for (let k = 0; k < count; k++) masks.fill(0, STRIDE * region[k]!, STRIDE * (region[k]! + 1));
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
   * Masks in rank order. A strongly connected component is swept in rank order until nothing
   * changes, each sweep settling only the services one of whose dependencies changed since
   * they were last settled: masks only grow, so this reaches the least fixed point, which is
   * the down set. (Settling every member on every sweep costs a whole component per link of
   * its longest chain of changes; a plain worklist loses the rank order and settles more.)
   */
  private propagate(region: Int32Array): void {
    const { component, dependentStart, dependents } = this.plan;
    const dirty = this.dirty;
    const count = region.length;
    let begin = 0;
    while (begin < count) {
      const scc = component[region[begin]!]!;
      let end = begin + 1;
      while (end < count && component[region[end]!] === scc) end++;
      if (end - begin === 1) {
        this.settle(region[begin]!);
        begin = end;
        continue;
      }
      this.shareReach(region, begin, end);
      let pending = 0;
      for (let sweep = 0; sweep === 0 || pending > 0; sweep++) {
        for (let k = begin; k < end; k++) {
          const v = region[k]!;
          if (dirty[v]) {
            dirty[v] = 0;
            pending--;
          } else if (sweep > 0) continue;
          if (!this.settle(v)) continue;
          for (let d = dependentStart[v]!; d < dependentStart[v + 1]!; d++) {
            const u = dependents[d]!;
            if (dirty[u] || component[u] !== scc) continue;
            dirty[u] = 1;
            pending++;
          }
        }
      }
      begin = end;
    }
  }

  /**
   * Every member of a strongly connected component reaches every other, so all reach the same
   * failures: those of the component and those reached by anything it requires. Set once,
   * before the down masks are iterated; they change no more.
   */
  private shareReach(region: Int32Array, begin: number, end: number): void {
    const { reqStart, altStart, alts } = this.plan;
    const { masks, reach } = this;
    reach.fill(0);
    for (let k = begin; k < end; k++) {
      const v = region[k]!;
      for (let w = 0; w < WORDS; w++) reach[w]! |= masks[STRIDE * v + WORDS + w]!;
      for (let a = altStart[reqStart[v]!]!; a < altStart[reqStart[v + 1]!]!; a++) {
        const u = STRIDE * alts[a]!;
        for (let w = 0; w < WORDS; w++) reach[w]! |= masks[u + WORDS + w]!;
      }
    }
    for (let k = begin; k < end; k++) {
      const base = STRIDE * region[k]! + WORDS;
      for (let w = 0; w < WORDS; w++) masks[base + w] = reach[w]!;
    }
  }

  /**
   * Recomputes the masks of rank `v` from its requirements' alternatives; true if they grew.
   * The hottest code of `analyze`: flat loops over typed arrays.
   */
  private settle(v: number): boolean {
    const { reqStart, reqSoft, reqQuorum, altStart, alts } = this.plan;
    const { masks, down, reach, any } = this;
    const base = STRIDE * v;
    for (let w = 0; w < WORDS; w++) {
      down[w] = masks[base + w]!;
      reach[w] = masks[base + WORDS + w]!;
    }
    for (let r = reqStart[v]!, lastReq = reqStart[v + 1]!; r < lastReq; r++) {
      const first = altStart[r]!;
      const last = altStart[r + 1]!;
      let anyBits = 0;
      for (let w = 0; w < WORDS; w++) any[w] = 0;
      for (let a = first; a < last; a++) {
        const u = STRIDE * alts[a]!;
        for (let w = 0; w < WORDS; w++) {
          const bits = masks[u + w]!;
          any[w]! |= bits;
          anyBits |= bits;
          reach[w]! |= masks[u + WORDS + w]!;
        }
      }
      if (reqSoft[r] || anyBits === 0) continue;
      // Requirement r fails once `need` of its alternatives are down.
      const need = last - first - reqQuorum[r]! + 1;
      for (let w = 0; w < WORDS; w++) {
        const bits = any[w]!;
        if (bits === 0) continue;
        down[w]! |= need === 1 ? bits : atLeast(masks, alts, first, last, need, bits, w);
      }
    }
    let changed = false;
    for (let w = 0; w < WORDS; w++) {
      if (down[w] !== masks[base + w] || reach[w] !== masks[base + WORDS + w]) {
        masks[base + w] = down[w]!;
        masks[base + WORDS + w] = reach[w]!;
        changed = true;
      }
    }
    return changed;
  }
}

/** Adds one to the count of every outage whose bit is set in `mask` (a ripple-carry add). */
function addBits(counter: Int32Array, mask: number): void {
  let carry = mask;
  for (let level = 0; carry !== 0; level++) {
    const next = counter[level]! & carry;
    counter[level]! ^= carry;
    carry = next;
  }
}

function countOf(counter: Int32Array, bit: number): number {
  let count = 0;
  for (let level = 0; level < 32; level++) count += ((counter[level]! >>> bit) & 1) * 2 ** level;
  return count;
}

/** Bits of `any` set in at least `need` of the alternatives' down masks (word `w` of each). */
function atLeast(
  masks: Int32Array,
  alts: Int32Array,
  first: number,
  last: number,
  need: number,
  any: number,
  w: number,
): number {
  if (need === last - first) {
    let mask = any;
    for (let k = first; k < last && mask !== 0; k++) mask &= masks[STRIDE * alts[k]! + w]!;
    return mask;
  }
  let result = 0;
  for (let candidates = any; candidates !== 0; candidates &= candidates - 1) {
    const bit = candidates & -candidates;
    let count = 0;
    for (let k = first; k < last && count < need; k++)
      if (masks[STRIDE * alts[k]! + w]! & bit) count++;
    if (count >= need) result |= bit;
  }
  return result;
}
