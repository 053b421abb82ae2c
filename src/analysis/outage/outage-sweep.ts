// Many outages at once, exactly: for 128 outages at a time (single failures, or whole failure
// domains), bit masks of "down in outage i" (four 32-bit words per service) are propagated from
// the failed services outward, settling in topological order (dependencies first; strongly
// connected components iterated to their least fixed point) only the services that something
// down requires. The counts of services reaching each outage (what "degraded" is made of) are
// transitive-closure counts, taken apart from the quorums over the condensation of the graph
// (graph/reach-counts.ts).

import type { CompiledGraph } from '../../model/compiled-graph.js';
import { rankGraph, type RankedGraph } from './ranked-graph.js';
import { sortByKey, sortValues } from '../graph/integer-sort.js';
import { IndexHeap } from '../graph/index-heap.js';
import { condense, countOf, reachCounts, type Condensation } from '../graph/reach-counts.js';

export interface SweepTotals {
  /** Services failed or down, per outage (the failed ones included). */
  downCount: Int32Array;
  /** Services that can reach a failed one along any edge, per outage (failed ones included). */
  reachCount: Int32Array;
}

/** 32-bit words of outages propagated together (written out as four in `settle`). */
const WORDS = 4;
const WIDTH = 32 * WORDS;

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
  if (counts) {
    const condensation = condensationOf(plan);
    const seeds = new ComponentsOf(plan, condensation, members);
    totals.reachCount = reachCounts(
      condensation,
      Int32Array.from({ length: count }, (_, label) => label),
      (label) => seeds.of(label),
    );
  }
  return totals;
}

const condensations = new WeakMap<SweepPlan, Condensation>();

/** The plan's condensation (one node per strongly connected component), computed once. */
function condensationOf(plan: SweepPlan): Condensation {
  let condensation = condensations.get(plan);
  if (!condensation) {
    condensation = condense(plan.component, plan.dependentStart, plan.dependents);
    condensations.set(plan, condensation);
  }
  return condensation;
}

/** The components of an outage's failed services, in a buffer reused from call to call. */
class ComponentsOf {
  private buffer = new Int32Array(16);
  constructor(
    private readonly plan: SweepPlan,
    private readonly condensation: Condensation,
    private readonly members: (label: number) => ArrayLike<number>,
  ) {}

  of(label: number): Int32Array {
    const members = this.members(label);
    if (members.length > this.buffer.length) this.buffer = new Int32Array(2 * members.length);
    for (let i = 0; i < members.length; i++)
      this.buffer[i] = this.condensation.of[this.plan.rank[members[i]!]!]!;
    return this.buffer.subarray(0, members.length);
  }
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
  totals.reachCount = componentReach(plan);
  return totals;
}

/**
 * For every service: how many services reach it (itself included). Members of one strongly
 * connected component share the count, so it is taken per component: a component nothing else
 * depends on is reached by its members alone; one with a single dependent component d by its
 * members and whatever reaches d (disjoint, the condensation being acyclic); the others by the
 * bit-parallel pass, chunked by the same estimate of their ancestors as the failures.
 */
function componentReach(plan: SweepPlan): Int32Array {
  const condensation = condensationOf(plan);
  const { count, size, dependentStart, dependents } = condensation;
  const { n } = plan.graph;
  const components = new Int32Array(count);
  const position = new Int32Array(count).fill(-1);
  let passes = 0;
  for (const x of failureOrder(plan)) {
    const c = condensation.of[plan.rank[x]!]!;
    if (position[c] !== -1 || dependentStart[c + 1]! - dependentStart[c]! < 2) continue;
    position[c] = passes;
    components[passes++] = c;
  }
  const seed = new Int32Array(1);
  const counts = reachCounts(condensation, components.subarray(0, passes), (c) => {
    seed[0] = c;
    return seed;
  });
  const byComponent = new Int32Array(count);
  // Dependents come later in the condensation: from the last component back, each is known
  // before anything it depends on needs it.
  for (let c = count - 1; c >= 0; c--) {
    const first = dependentStart[c]!;
    const last = dependentStart[c + 1]!;
    if (last === first) byComponent[c] = size[c]!;
    else if (last - first === 1) byComponent[c] = size[c]! + byComponent[dependents[first]!]!;
    else byComponent[c] = counts[position[c]!]!;
  }
  const reach = new Int32Array(n);
  for (let x = 0; x < n; x++) reach[x] = byComponent[condensation.of[plan.rank[x]!]!]!;
  return reach;
}

/**
 * The order in which failures (and components, for the reach counts) are grouped into chunks.
 * A reach pass costs the union of its members' ancestors, and a down pass the union of their
 * down sets, so members with many ancestors (platform services, which share most of them)
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
  /** Down masks of rank r from WORDS·r (bit i of word w: outage 32w + i of the chunk). */
  private readonly masks: Int32Array;
  /** Ranks whose masks are not zero, in the order they became so. */
  private readonly touched: Int32Array;
  private readonly seen: Int32Array;
  private readonly queue: IndexHeap;
  private readonly members: (label: number) => ArrayLike<number>;
  /** Bit-sliced counters per word: bit i of level j is bit j of the count for outage i. */
  private readonly downCounters = Array.from({ length: WORDS }, () => new Int32Array(32));
  private epoch = 0;

  constructor(plan: SweepPlan, members: (label: number) => ArrayLike<number>) {
    const n = plan.order.length;
    this.plan = plan;
    this.members = members;
    this.masks = new Int32Array(WORDS * n);
    this.touched = new Int32Array(n);
    this.seen = new Int32Array(n);
    this.queue = new IndexHeap(n);
  }

  run(chunk: Int32Array, size: number, totals: SweepTotals | null, observer: SweepObserver): void {
    const { order, rank } = this.plan;
    const { masks } = this;
    const count = this.propagate(chunk, size);
    const region = sortValues(this.touched.subarray(0, count), this.plan.order.length);
    const words = (size + 31) >>> 5;
    for (let w = 0; w < words; w++) this.downCounters[w]!.fill(0);
    for (let k = 0; k < count; k++) {
      const base = WORDS * region[k]!;
      if (totals !== null) {
        for (let w = 0; w < words; w++) addBits(this.downCounters[w]!, masks[base + w]!);
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
      totals.downCount[chunk[bit]!] = countOf(this.downCounters[bit >>> 5]!, bit & 31);
    }
    if (observer.chunk) {
      for (let w = 0; w < words; w++) {
        const slice = chunk.subarray(32 * w, Math.min(size, 32 * (w + 1)));
        observer.chunk(slice, slice.length, (v) => masks[WORDS * rank[v]! + w]! >>> 0);
      }
    }
    for (let k = 0; k < count; k++) masks.fill(0, WORDS * region[k]!, WORDS * (region[k]! + 1));
  }

  /**
   * Down masks from the chunk's failed services outward: a worklist in rank order settles a
   * service only when one of its dependencies went down in some outage of the chunk, so a pass
   * costs the services down and their direct dependents, not everything above the failures.
   * Masks only grow and every service whose dependency grew is settled again, so this reaches
   * the least fixed point (strongly connected components included), which is the down set.
   * Returns how many ranks are in `touched`.
   */
  private propagate(chunk: Int32Array, size: number): number {
    const { rank, dependentStart, dependents } = this.plan;
    const { masks, seen, touched, queue } = this;
    const epoch = ++this.epoch;
    let count = 0;
    for (let bit = 0; bit < size; bit++) {
      const members = this.members(chunk[bit]!);
      for (let i = 0; i < members.length; i++) {
        const r = rank[members[i]!]!;
        masks[WORDS * r + (bit >>> 5)]! |= 1 << (bit & 31);
        if (seen[r] === epoch) continue;
        seen[r] = epoch;
        touched[count++] = r;
        for (let d = dependentStart[r]!; d < dependentStart[r + 1]!; d++)
          queue.push(dependents[d]!);
      }
    }
    while (queue.size > 0) {
      const v = queue.pop();
      if (!this.settle(v)) continue;
      if (seen[v] !== epoch) {
        seen[v] = epoch;
        touched[count++] = v;
      }
      for (let d = dependentStart[v]!; d < dependentStart[v + 1]!; d++) queue.push(dependents[d]!);
    }
    return count;
  }

  /**
   * Recomputes the down masks of rank `v` from its requirements' alternatives; true if they
   * grew. The hottest code of `analyze`: flat loops over typed arrays.
   */
  private settle(v: number): boolean {
    const { reqStart, reqSoft, reqQuorum, altStart, alts } = this.plan;
    const { masks } = this;
    const base = WORDS * v;
    const was0 = masks[base]!;
    const was1 = masks[base + 1]!;
    const was2 = masks[base + 2]!;
    const was3 = masks[base + 3]!;
    let d0 = was0;
    let d1 = was1;
    let d2 = was2;
    let d3 = was3;
    for (let r = reqStart[v]!, lastReq = reqStart[v + 1]!; r < lastReq; r++) {
      if (reqSoft[r]) continue;
      const first = altStart[r]!;
      const last = altStart[r + 1]!;
      let a0 = 0;
      let a1 = 0;
      let a2 = 0;
      let a3 = 0;
      for (let a = first; a < last; a++) {
        const u = WORDS * alts[a]!;
        a0 |= masks[u]!;
        a1 |= masks[u + 1]!;
        a2 |= masks[u + 2]!;
        a3 |= masks[u + 3]!;
      }
      if ((a0 | a1 | a2 | a3) === 0) continue;
      // Requirement r fails once `need` of its alternatives are down.
      const need = last - first - reqQuorum[r]! + 1;
      if (need === 1) {
        d0 |= a0;
        d1 |= a1;
        d2 |= a2;
        d3 |= a3;
        continue;
      }
      if (a0 !== 0) d0 |= atLeast(masks, alts, first, last, need, a0, 0);
      if (a1 !== 0) d1 |= atLeast(masks, alts, first, last, need, a1, 1);
      if (a2 !== 0) d2 |= atLeast(masks, alts, first, last, need, a2, 2);
      if (a3 !== 0) d3 |= atLeast(masks, alts, first, last, need, a3, 3);
    }
    if (d0 === was0 && d1 === was1 && d2 === was2 && d3 === was3) return false;
    masks[base] = d0;
    masks[base + 1] = d1;
    masks[base + 2] = d2;
    masks[base + 3] = d3;
    return true;
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
    for (let k = first; k < last && mask !== 0; k++) mask &= masks[WORDS * alts[k]! + w]!;
    return mask;
  }
  let result = 0;
  for (let candidates = any; candidates !== 0; candidates &= candidates - 1) {
    const bit = candidates & -candidates;
    let count = 0;
    for (let k = first; k < last && count < need; k++)
      if (masks[WORDS * alts[k]! + w]! & bit) count++;
    if (count >= need) result |= bit;
  }
  return result;
}
