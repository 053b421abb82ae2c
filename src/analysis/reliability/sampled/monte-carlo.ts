// Monte Carlo availability of entry points: random states of every component (component v down
// with probability 1 − p_v, independently), 128 samples at a time as the bits of four integers,
// propagated down the dependencies in topological order (a strongly connected component is
// iterated to its least fixed point of "down", which is the greatest fixed point of "up").
// Seeded and deterministic; the number of samples depends on the graph's size, never on time.

import type { RankedGraph } from '../../outage/ranked-graph.js';
import { bit, MASK_WIDTH, union } from '../../graph/bit-mask.js';
import { hardRegion, SampledRegion, WORDS } from './sampled-region.js';
import { xoshiro128 } from '../random.js';
import type { CommonCause } from '../structure.js';

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
  plan: Omit<RankedGraph, 'graph'>,
  up: Float64Array,
  entries: readonly number[],
  options: MonteCarloOptions = MONTE_CARLO,
  causes: readonly CommonCause[] = [],
): MonteCarloEstimate {
  const states = new SampledStates(plan, up, entries, options.seed, causes);
  // The number of passes is what a pass over the whole hard region would cost (settling it and
  // counting every entry point) into the work: it depends on the graph alone.
  let cost = states.hardRegion.length + entries.length;
  for (const r of states.hardRegion)
    cost += plan.altStart[plan.reqStart[r + 1]!]! - plan.altStart[plan.reqStart[r]!]!;
  const passes = Math.max(
    options.minSamples / WIDTH,
    Math.min(options.maxSamples / WIDTH, Math.floor(options.work / Math.max(1, cost))),
  );
  const upCount = new Float64Array(entries.length);
  // An entry point outside the region cannot fail: up in every sample.
  const at = entries.map((v) => states.region.localOf[plan.rank[v]!]!);
  const { down } = states;
  // WORDS passes of 32 samples settled at once (the last walk fewer when they do not divide).
  for (let pass = 0; pass < passes; pass += WORDS) {
    const filled = Math.min(WORDS, passes - pass);
    states.draw(pass * WIDTH, filled);
    for (let i = 0; i < at.length; i++) {
      const a = at[i]!;
      if (a < 0) upCount[i]! += filled * WIDTH;
      else for (let k = 0; k < filled; k++) upCount[i]! += WIDTH - popcount(down[WORDS * a + k]!);
    }
  }
  return { samples: passes * WIDTH, upCount };
}

/**
 * Random states of the entry points' region, 128 samples at a time: one pass settles the region
 * once for every entry point.
 */
export class SampledStates {
  /** Ranks the entry points need along hard requirements (themselves included), increasing. */
  readonly hardRegion: Int32Array;
  /** Of those, the ones that can fail, as settled. */
  readonly region: SampledRegion;
  /**
   * Per region member i, words WORDS·i .. WORDS·i + WORDS − 1: the samples in which it fails by
   * itself (or with a common cause), 32 a word.
   */
  readonly own: Uint32Array;
  /** Per region member, the same words: the samples in which it is down. */
  readonly down: Uint32Array;
  private readonly sampler: FailureSampler;

  constructor(
    plan: Omit<RankedGraph, 'graph'>,
    up: Float64Array,
    entries: readonly number[],
    seed: number,
    causes: readonly CommonCause[],
  ) {
    const n = plan.order.length;
    this.hardRegion = hardRegion(plan, entries);
    const failsAlone = new Uint8Array(n);
    for (let r = 0; r < n; r++) if (up[plan.order[r]!]! < 1) failsAlone[r] = 1;
    for (const c of causes)
      if (c.down > 0) for (const v of c.members) failsAlone[plan.rank[v]!] = 1;
    this.region = new SampledRegion(plan, this.hardRegion, failsAlone);
    this.own = new Uint32Array(WORDS * this.region.size);
    this.down = new Uint32Array(WORDS * this.region.size);
    this.sampler = new FailureSampler(plan, up, this.hardRegion, this.region.localOf, seed, causes);
  }

  /**
   * Draws samples base .. base + 32·filled − 1 into the first `filled` words of each member (the
   * others stay up), and settles the region.
   */
  draw(base: number, filled = WORDS): void {
    this.own.fill(0);
    for (let k = 0; k < filled; k++) this.sampler.fill(this.own, base + k * WIDTH, k);
    this.down.set(this.own);
    this.region.settle(this.down);
  }
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
    plan: Omit<RankedGraph, 'graph'>,
    up: Float64Array,
    region: Int32Array,
    localOf: Int32Array,
    seed: number,
    causes: readonly CommonCause[],
  ) {
    const ranks = [...region].filter((r) => up[plan.order[r]!]! < 1);
    const live = causes.filter((c) => c.down > 0);
    this.members = live.map((c) =>
      Int32Array.from(c.members, (v) => localOf[plan.rank[v]!]!).filter((i) => i >= 0),
    );
    this.ranks = Int32Array.from(ranks, (r) => localOf[r]!);
    this.logUp = Float64Array.from([
      ...ranks.map((r) => Math.log(up[plan.order[r]!]!)),
      ...live.map((c) => Math.log1p(-c.down)),
    ]);
    this.random = xoshiro128(seed);
    this.next = Float64Array.from(this.logUp, (_, i) => this.gap(i));
  }

  /** Failures in samples base .. base+31, by region member, into word `word` of each. */
  fill(down: Uint32Array, base: number, word: number): void {
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
      if (i < ranks.length) {
        const w = WORDS * ranks[i]! + word;
        down[w] = union(down[w]!, mask);
      } else
        for (const r of this.members[i - ranks.length]!) {
          const w = WORDS * r + word;
          down[w] = union(down[w]!, mask);
        }
    }
  }

  /** Samples in which component i stays up before it next fails (geometric). */
  private gap(i: number): number {
    const u = 1 - this.random(); // in (0, 1]
    return Math.floor(Math.log(u) / this.logUp[i]!);
  }
}
