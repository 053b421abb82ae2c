// How many nodes reach a set of seed nodes (the seeds included), for many seed sets at once:
// bit-parallel reachability over the condensation of a graph whose strongly connected
// components are contiguous runs of node indices in topological order (dependencies first).
// Every member of a component reaches the same nodes, so each component is one node of weight
// its size, and 128 seed sets travel together, each pass visiting only the union of their
// ancestors. These are transitive-closure counts, which no linear algorithm is known to give;
// keeping them apart from the quorum propagation of the down sets makes each pass a single
// OR per edge of the condensation.

import { BitCounts } from './bit-counts.js';
import { RankQueue } from './rank-queue.js';

/** The condensation: components as nodes, in the topological order of the original indices. */
export interface Condensation {
  /** Number of components. */
  readonly count: number;
  /** of[v]: the component of node v. */
  readonly of: Int32Array;
  /** size[c]: how many nodes component c holds. */
  readonly size: Int32Array;
  /** Components with an edge into component c, each once: dependents[dependentStart[c]..]. */
  readonly dependentStart: Int32Array;
  readonly dependents: Int32Array;
}

/** What the reach passes walk of a condensation. */
export type CondensationEdges = Pick<
  Condensation,
  'count' | 'size' | 'dependentStart' | 'dependents'
>;

/**
 * The condensation of a graph whose node v's dependents are dependents[dependentStart[v]..] and
 * whose component labels `component[v]` are equal on contiguous runs and ordered so that every
 * dependent lies in a later run (or the same one).
 */
export function condense(
  component: Int32Array,
  dependentStart: Int32Array,
  dependents: Int32Array,
): Condensation {
  const n = component.length;
  const of = new Int32Array(n);
  let count = 0;
  for (let v = 0; v < n; v++) {
    if (v > 0 && component[v] !== component[v - 1]) count++;
    of[v] = count;
  }
  if (n > 0) count++;
  const size = new Int32Array(count);
  for (let v = 0; v < n; v++) size[of[v]!]!++;
  // Two passes over the edges, counting then filling, each component's dependents once.
  const start = new Int32Array(count + 1);
  const last = new Int32Array(count).fill(-1);
  const each = (visit: (c: number, d: number) => void): void => {
    last.fill(-1);
    for (let v = 0; v < n; v++) {
      const c = of[v]!;
      for (let k = dependentStart[v]!; k < dependentStart[v + 1]!; k++) {
        const d = of[dependents[k]!]!;
        if (d === c || last[d] === c) continue;
        last[d] = c;
        visit(c, d);
      }
    }
  };
  each((c) => start[c + 1]!++);
  for (let c = 0; c < count; c++) start[c + 1]! += start[c]!;
  const edges = new Int32Array(start[count]!);
  const fill = start.slice(0, count);
  each((c, d) => {
    edges[fill[c]!++] = d;
  });
  return { count, of, size, dependentStart: start, dependents: edges };
}

/** 32-bit words of seed sets per pass. */
const WORDS = 4;
/** Seed sets per pass. */
export const REACH_WIDTH = 32 * WORDS;

/**
 * For each label 0..labels.length-1, in chunks of 128 in the order given: how many nodes reach
 * one of the components `seeds(label)` (the seeds' members included). `seeds` may reuse its
 * returned array. Returns the counts by position in `labels`.
 */
export function reachCounts(
  condensation: Condensation,
  labels: Int32Array,
  seeds: (label: number) => ArrayLike<number>,
): Int32Array {
  const result = new Int32Array(labels.length);
  const passes = new ReachPasses(condensation);
  for (let begin = 0; begin < labels.length; begin += REACH_WIDTH)
    passes.run(labels, begin, seeds, result);
  return result;
}

/**
 * One pass at a time, so that the passes of one count can be shared out between threads: each
 * pass depends only on its own seed sets, and writes only its own positions of the result.
 */
export class ReachPasses {
  private readonly condensation: CondensationEdges;
  private readonly masks: Int32Array;
  /** Components whose masks are waiting to flow up, smallest first. */
  private readonly queue: RankQueue;
  private readonly counters = Array.from({ length: WORDS }, () => new BitCounts());

  constructor(condensation: CondensationEdges) {
    const { count } = condensation;
    this.condensation = condensation;
    this.masks = new Int32Array(WORDS * count);
    this.queue = new RankQueue(count);
  }

  /**
   * result[i] for the positions begin .. begin+127 of `labels` (fewer at the end). The seeds'
   * masks flow up the condensation in topological order, smallest component first, each
   * component handing its mask to its dependents once: one OR of four words per edge out of
   * the union of the seeds' ancestors, which is all the pass visits.
   */
  run(
    labels: Int32Array,
    begin: number,
    seeds: (label: number) => ArrayLike<number>,
    result: Int32Array,
  ): void {
    const { size, dependentStart, dependents } = this.condensation;
    const { masks, queue, counters } = this;
    const width = Math.min(REACH_WIDTH, labels.length - begin);
    for (let bit = 0; bit < width; bit++) {
      const members = seeds(labels[begin + bit]!);
      for (let i = 0; i < members.length; i++) {
        const c = members[i]!;
        masks[WORDS * c + (bit >>> 5)]! |= 1 << (bit & 31);
        queue.push(c);
      }
    }
    for (let w = 0; w < WORDS; w++) counters[w]!.clear();
    while (queue.size > 0) {
      const c = queue.pop();
      const base = WORDS * c;
      const m0 = masks[base]!;
      const m1 = masks[base + 1]!;
      const m2 = masks[base + 2]!;
      const m3 = masks[base + 3]!;
      for (let e = dependentStart[c]!, last = dependentStart[c + 1]!; e < last; e++) {
        const d = dependents[e]!;
        const to = WORDS * d;
        masks[to]! |= m0;
        masks[to + 1]! |= m1;
        masks[to + 2]! |= m2;
        masks[to + 3]! |= m3;
        queue.push(d);
      }
      const weight = size[c]!;
      if (m0 !== 0) counters[0]!.addTimes(m0, weight);
      if (m1 !== 0) counters[1]!.addTimes(m1, weight);
      if (m2 !== 0) counters[2]!.addTimes(m2, weight);
      if (m3 !== 0) counters[3]!.addTimes(m3, weight);
      masks[base] = 0;
      masks[base + 1] = 0;
      masks[base + 2] = 0;
      masks[base + 3] = 0;
    }
    for (let bit = 0; bit < width; bit++) {
      result[begin + bit] = counters[bit >>> 5]!.count(bit & 31);
    }
  }
}
