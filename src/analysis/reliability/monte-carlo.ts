// Monte Carlo availability of entry points: random states of every component (component v down
// with probability 1 − p_v, independently), 32 samples at a time as the bits of one integer,
// propagated down the dependencies in topological order (a strongly connected component is
// iterated to its least fixed point of "down", which is the greatest fixed point of "up").
// Seeded and deterministic; the number of samples depends on the graph's size, never on time.

import type { RankedGraph } from '../outage/ranked-graph.js';
import { bit, MASK_WIDTH, union } from '../graph/bit-mask.js';
import { xoshiro128 } from './random.js';
import type { CommonCause } from './structure.js';

export interface MonteCarloOptions {
  /** Work units (service and alternative visits) to spend in total. */
  work: number;
  /** Bounds on the number of samples; both multiples of 32. */
  minSamples: number;
  maxSamples: number;
  seed: number;
}

export const MONTE_CARLO: MonteCarloOptions = {
  work: 30_000_000,
  minSamples: 4_096,
  maxSamples: 1_048_576,
  seed: 0x5eed,
};

export interface MonteCarloEstimate {
  samples: number;
  /** Samples in which each entry point (in the order given) was up. */
  upCount: Float64Array;
}

const WIDTH = MASK_WIDTH;

/** Up-counts of `entries` (services) over random states, where service v is up with `up[v]`. */
export function monteCarlo(
  plan: RankedGraph,
  up: Float64Array,
  entries: readonly number[],
  options: MonteCarloOptions = MONTE_CARLO,
  causes: readonly CommonCause[] = [],
): MonteCarloEstimate {
  const region = hardRegion(plan, entries);
  // Each pass settles the region and counts every entry point.
  let cost = region.length + entries.length;
  for (const r of region)
    cost += plan.altStart[plan.reqStart[r + 1]!]! - plan.altStart[plan.reqStart[r]!]!;
  const passes = Math.max(
    options.minSamples / WIDTH,
    Math.min(options.maxSamples / WIDTH, Math.floor(options.work / Math.max(1, cost))),
  );
  const sampler = new FailureSampler(plan, up, region, options.seed, causes);
  const down = new Uint32Array(plan.order.length);
  const dirty = new Uint8Array(plan.order.length);
  const upCount = new Float64Array(entries.length);
  const entryRanks = entries.map((v) => plan.rank[v]!);
  for (let pass = 0; pass < passes; pass++) {
    sampler.fill(down, pass * WIDTH);
    propagateDown(plan, region, down, dirty);
    for (let i = 0; i < entryRanks.length; i++) {
      upCount[i]! += WIDTH - popcount(down[entryRanks[i]!]!);
    }
  }
  return { samples: passes * WIDTH, upCount };
}

/** Ranks the entry points need along hard requirements (themselves included), increasing. */
function hardRegion(plan: RankedGraph, entries: readonly number[]): Int32Array {
  const { reqStart, reqSoft, altStart, alts } = plan;
  const seen = new Uint8Array(plan.order.length);
  const queue: number[] = [];
  for (const v of entries) {
    const r = plan.rank[v]!;
    if (!seen[r]) queue.push(r);
    seen[r] = 1;
  }
  for (let head = 0; head < queue.length; head++) {
    const u = queue[head]!;
    for (let q = reqStart[u]!; q < reqStart[u + 1]!; q++) {
      if (reqSoft[q]) continue;
      for (let a = altStart[q]!; a < altStart[q + 1]!; a++) {
        const w = alts[a]!;
        if (!seen[w]) queue.push(w);
        seen[w] = 1;
      }
    }
  }
  return Int32Array.from(queue).sort();
}

/**
 * Down masks of the region, in rank order. A requirement is lost in a sample once more than
 * (alternatives − quorum) of its alternatives are down there. Inside a strongly connected
 * component only members whose dependencies changed are settled again (`dirty`), round after
 * round until none is left.
 */
function propagateDown(
  plan: RankedGraph,
  region: Int32Array,
  down: Uint32Array,
  dirty: Uint8Array,
): void {
  const { component, dependentStart, dependents } = plan;
  const tally = new Uint32Array(64);
  let begin = 0;
  while (begin < region.length) {
    let end = begin + 1;
    while (end < region.length && component[region[end]!] === component[region[begin]!]) end++;
    if (end - begin === 1) {
      const v = region[begin]!;
      down[v] = settled(plan, down, v, tally);
      begin = end;
      continue;
    }
    for (let k = begin; k < end; k++) dirty[region[k]!] = 1;
    for (let again = true; again;) {
      again = false;
      for (let k = begin; k < end; k++) {
        const v = region[k]!;
        if (dirty[v] === 0) continue;
        dirty[v] = 0;
        const mask = settled(plan, down, v, tally);
        if (mask === down[v]) continue;
        down[v] = mask;
        for (let d = dependentStart[v]!; d < dependentStart[v + 1]!; d++) {
          const w = dependents[d]!;
          if (component[w] !== component[v] || dirty[w] === 1) continue;
          dirty[w] = 1;
          if (w <= v) again = true;
        }
      }
    }
    begin = end;
  }
}

/** The down mask of rank v from its own and its hard requirements' masks. */
function settled(plan: RankedGraph, down: Uint32Array, v: number, tally: Uint32Array): number {
  const { reqStart, reqSoft, reqQuorum, altStart, alts } = plan;
  let mask = down[v]!;
  for (let q = reqStart[v]!; q < reqStart[v + 1]!; q++) {
    if (reqSoft[q]) continue;
    const first = altStart[q]!;
    const last = altStart[q + 1]!;
    let any = 0;
    for (let a = first; a < last; a++) any = union(any, down[alts[a]!]!);
    if (any === 0) continue;
    const need = last - first - reqQuorum[q]! + 1;
    mask = union(mask, need === 1 ? any : lostIn(down, alts, first, last, need, tally));
  }
  return mask;
}

/**
 * Samples in which at least `need` of the alternatives are down: tally[j] collects the samples
 * with more than j of them down so far (a unary counter per bit, capped at `need`).
 */
function lostIn(
  down: Uint32Array,
  alts: Int32Array,
  first: number,
  last: number,
  need: number,
  tally: Uint32Array,
): number {
  if (need > tally.length) tally = new Uint32Array(need);
  tally.fill(0, 0, need);
  for (let a = first; a < last; a++) {
    const m = down[alts[a]!]!;
    if (m === 0) continue;
    for (let j = need - 1; j >= 1; j--) tally[j] = union(tally[j]!, tally[j - 1]! & m);
    tally[0] = union(tally[0]!, m);
  }
  return tally[need - 1]!;
}

function popcount(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  x = (x + (x >>> 4)) & 0x0f0f0f0f;
  return Math.imul(x, 0x01010101) >>> 24;
}

/**
 * Failure masks of the region's components, 32 samples per call. For each component the
 * index of its next failing sample is drawn from the geometric distribution, so a pass costs
 * O(components + failures) rather than 32 random numbers per component.
 */
class FailureSampler {
  private readonly ranks: Int32Array;
  private readonly logUp: Float64Array;
  private readonly next: Float64Array;
  private readonly random: () => number;
  /** Common causes after the components: their member ranks. */
  private readonly members: Int32Array[];

  constructor(
    plan: RankedGraph,
    up: Float64Array,
    region: Int32Array,
    seed: number,
    causes: readonly CommonCause[],
  ) {
    const ranks = [...region].filter((r) => up[plan.order[r]!]! < 1);
    const live = causes.filter((c) => c.down > 0);
    this.ranks = Int32Array.from(ranks);
    this.members = live.map((c) => Int32Array.from(c.members, (v) => plan.rank[v]!));
    this.logUp = Float64Array.from([
      ...ranks.map((r) => Math.log(up[plan.order[r]!]!)),
      ...live.map((c) => Math.log1p(-c.down)),
    ]);
    this.random = xoshiro128(seed);
    this.next = Float64Array.from(this.logUp, (_, i) => this.gap(i));
  }

  /** Down masks of samples base .. base+31 into `down` (other ranks of the region: 0). */
  fill(down: Uint32Array, base: number): void {
    down.fill(0);
    const { ranks, next } = this;
    const end = base + WIDTH;
    for (let i = 0; i < next.length; i++) {
      let at = next[i]!;
      if (at >= end) continue;
      let mask = 0;
      while (at < end) {
        mask = union(mask, bit(at - base));
        at += 1 + this.gap(i);
      }
      next[i] = at;
      if (i < ranks.length) down[ranks[i]!]! |= mask;
      else for (const r of this.members[i - ranks.length]!) down[r]! |= mask;
    }
  }

  /** Samples in which component i stays up before it next fails (geometric). */
  private gap(i: number): number {
    const u = 1 - this.random(); // in (0, 1]
    return Math.floor(Math.log(u) / this.logUp[i]!);
  }
}
