// Monte Carlo availability of entry points: random states of every component (component v down
// with probability 1 − p_v, independently), 32 samples at a time as the bits of one integer,
// propagated down the dependencies in topological order (a strongly connected component is
// iterated to its least fixed point of "down", which is the greatest fixed point of "up").
// Seeded and deterministic; the number of samples depends on the graph's size, never on time.
// Wilson score interval: Wilson, J. Am. Stat. Assoc. 22(158), 1927.

import type { RankedGraph } from '../outage/ranked-graph.js';
import { bit, MASK_WIDTH, union } from '../graph/bit-mask.js';

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
): MonteCarloEstimate {
  const region = hardRegion(plan, entries);
  let cost = region.length;
  for (const r of region)
    cost += plan.altStart[plan.reqStart[r + 1]!]! - plan.altStart[plan.reqStart[r]!]!;
  const passes = Math.max(
    options.minSamples / WIDTH,
    Math.min(options.maxSamples / WIDTH, Math.floor(options.work / Math.max(1, cost))),
  );
  const sampler = new FailureSampler(plan, up, region, options.seed);
  const down = new Uint32Array(plan.order.length);
  const upCount = new Float64Array(entries.length);
  const entryRanks = entries.map((v) => plan.rank[v]!);
  for (let pass = 0; pass < passes; pass++) {
    sampler.fill(down, pass * WIDTH);
    propagateDown(plan, region, down);
    for (let i = 0; i < entryRanks.length; i++) {
      upCount[i]! += WIDTH - popcount(down[entryRanks[i]!]!);
    }
  }
  return { samples: passes * WIDTH, upCount };
}

/** The 95% Wilson score interval of a proportion of `successes` in `samples`. */
export function wilsonInterval(successes: number, samples: number): [number, number] {
  const z = 1.959963984540054;
  const z2 = z * z;
  const share = successes / samples;
  const centre = (share + z2 / (2 * samples)) / (1 + z2 / samples);
  const half =
    (z / (1 + z2 / samples)) *
    Math.sqrt((share * (1 - share)) / samples + z2 / (4 * samples * samples));
  // At 0 and at `samples` the bound is exactly 0 (or 1): say so without rounding noise.
  const low = successes === 0 ? 0 : Math.max(0, centre - half);
  const high = successes === samples ? 1 : Math.min(1, centre + half);
  return [low, high];
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
 * (alternatives − quorum) of its alternatives are down there.
 */
function propagateDown(plan: RankedGraph, region: Int32Array, down: Uint32Array): void {
  const { reqStart, reqSoft, reqQuorum, altStart, alts, component } = plan;
  const tally = new Uint32Array(64);
  let begin = 0;
  while (begin < region.length) {
    let end = begin + 1;
    while (end < region.length && component[region[end]!] === component[region[begin]!]) end++;
    for (let changed = true; changed;) {
      changed = false;
      for (let k = begin; k < end; k++) {
        const v = region[k]!;
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
        if (mask !== down[v]) {
          down[v] = mask;
          changed = end - begin > 1;
        }
      }
    }
    begin = end;
  }
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

  constructor(plan: RankedGraph, up: Float64Array, region: Int32Array, seed: number) {
    const ranks = [...region].filter((r) => up[plan.order[r]!]! < 1);
    this.ranks = Int32Array.from(ranks);
    this.logUp = Float64Array.from(ranks, (r) => Math.log(up[plan.order[r]!]!));
    this.random = xoshiro128(seed);
    this.next = Float64Array.from(ranks, (_, i) => this.gap(i));
  }

  /** Down masks of samples base .. base+31 into `down` (other ranks of the region: 0). */
  fill(down: Uint32Array, base: number): void {
    down.fill(0);
    const { ranks, next } = this;
    const end = base + WIDTH;
    for (let i = 0; i < ranks.length; i++) {
      let at = next[i]!;
      if (at >= end) continue;
      let mask = 0;
      while (at < end) {
        mask = union(mask, bit(at - base));
        at += 1 + this.gap(i);
      }
      next[i] = at;
      down[ranks[i]!] = mask;
    }
  }

  /** Samples in which component i stays up before it next fails (geometric). */
  private gap(i: number): number {
    const u = 1 - this.random(); // in (0, 1]
    return Math.floor(Math.log(u) / this.logUp[i]!);
  }
}

/** xoshiro128** (Blackman and Vigna, 2018), seeded by splitmix32; uniform in [0, 1). */
function xoshiro128(seed: number): () => number {
  let z = seed >>> 0;
  const splitmix = () => {
    z = (z + 0x9e3779b9) >>> 0;
    let t = z;
    t = Math.imul(t ^ (t >>> 16), 0x21f0aaad);
    t = Math.imul(t ^ (t >>> 15), 0x735a2d97);
    return (t ^ (t >>> 15)) >>> 0;
  };
  let [a, b, c, d] = [splitmix(), splitmix(), splitmix(), splitmix()];
  return () => {
    const result = Math.imul(rotl(Math.imul(b, 5), 7), 9) >>> 0;
    const t = b << 9;
    c ^= a;
    d ^= b;
    b ^= c;
    a ^= d;
    c ^= t;
    d = rotl(d, 11);
    return result / 4294967296;
  };
}

function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}
