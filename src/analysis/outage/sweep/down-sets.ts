// The down sets of 128 outages at once: bit masks of "down in outage i" (four 32-bit words per
// service) propagated from the failed services outward, settling in topological rank order
// (dependencies first; strongly connected components iterated to their least fixed point)
// only the services that something down requires. The engine under every outage sweep; it
// reads only typed arrays, so a worker thread can run it on arrays shared with the main thread.

import { sortValues } from '../../graph/integer-sort.js';
import { RankQueue } from '../../graph/rank-queue.js';
import { BitCounts } from '../../graph/bit-counts.js';
import { atLeast } from './quorum-masks.js';
import type { DownSetGraph } from './failure-edges.js';

/** 32-bit words of outages propagated together. */
export const WORDS = 4;
export const WIDTH = 32 * WORDS;

/**
 * What the walk keeps of rank r besides its masks, in one record of STATE ints from STATE·r, so
 * that settling a rank touches one cache line for it: the outages its broken requirements
 * pushed (WORDS words, not yet settled), whether one of its groups was strained since it was
 * settled, the pass it was last touched in, and whether it is watched.
 */
const STATE = 8;
const STRAINED = WORDS;
const SEEN = WORDS + 1;
const WATCH = WORDS + 2;

export class DownSets {
  private readonly graph: DownSetGraph;
  /** Down masks of rank r from WORDS·r (bit i of word w: outage 32w + i of the chunk). */
  readonly masks: Int32Array;
  /** Ranks whose masks are not zero, in the order they became so. */
  private readonly touched: Int32Array;
  /** The ranks of `touched` that are watched, in the same order. */
  private readonly watched: Int32Array;
  /** Per rank, the record described at STATE. */
  private readonly state: Int32Array;
  private readonly queue: RankQueue;
  private readonly members: (label: number) => ArrayLike<number>;
  /** Per word, the number of services down in each of its outages. */
  private readonly downCounters = Array.from({ length: WORDS }, () => new BitCounts());
  private epoch = 0;
  /** How many ranks of `touched` the last chunk propagated left with a mask. */
  private count = 0;
  /** How many of them `watched` holds. */
  private watchedCount = 0;

  /**
   * `watch` (1 = yes, by service) holds every service a caller will pass to `downRanks` as
   * wanted: only those are kept in a list of their own as they go down, so that finding them
   * costs what they are, not everything the chunk took down.
   */
  constructor(
    graph: DownSetGraph,
    members: (label: number) => ArrayLike<number>,
    watch: Uint8Array,
  ) {
    const n = graph.order.length;
    this.graph = graph;
    this.members = members;
    this.masks = new Int32Array(WORDS * n);
    this.touched = new Int32Array(n);
    this.state = new Int32Array(STATE * n);
    let watching = 0;
    for (let r = 0; r < n; r++) watching += this.state[STATE * r + WATCH] = watch[graph.order[r]!]!;
    this.watched = new Int32Array(watching);
    this.queue = new RankQueue(n);
  }

  /** Propagates the outages `chunk[0..size-1]` (at most WIDTH); the masks stay until `clear`. */
  propagate(chunk: Int32Array, size: number): void {
    for (let w = 0; w < WORDS; w++) this.downCounters[w]!.clear();
    this.watchedCount = 0;
    this.count = this.spread(chunk, size);
  }

  /**
   * The ranks down in some outage of the chunk just propagated whose services are in `wanted`
   * (1 = yes, a subset of the constructor's `watch`), ascending. Only these are sorted: the
   * counting needs no order.
   */
  downRanks(wanted: Uint8Array): Int32Array {
    const { order } = this.graph;
    const { watched, watchedCount } = this;
    const found = new Int32Array(watchedCount);
    let length = 0;
    for (let k = 0; k < watchedCount; k++) {
      if (wanted[order[watched[k]!]!]) found[length++] = watched[k]!;
    }
    return sortValues(found.subarray(0, length), order.length);
  }

  /**
   * downCount[chunk[i]] = services down in outage i of the chunk just propagated: counted as
   * the masks grew, each rank's new bits once.
   */
  countDown(chunk: Int32Array, size: number, downCount: Int32Array): void {
    const counters = this.downCounters;
    for (let bit = 0; bit < size; bit++) {
      downCount[chunk[bit]!] = counters[bit >>> 5]!.count(bit & 31);
    }
  }

  /** Zeroes the masks of the chunk just propagated, for the next. */
  clear(): void {
    const { masks, touched, count } = this;
    for (let k = 0; k < count; k++) {
      const base = WORDS * touched[k]!;
      masks[base] = 0;
      masks[base + 1] = 0;
      masks[base + 2] = 0;
      masks[base + 3] = 0;
    }
  }

  /**
   * Down masks from the chunk's failed services outward: a worklist in rank order settles a
   * service only when one of its dependencies went down in some outage of the chunk, so a pass
   * costs the services down and the edges out of them, not everything above the failures. A
   * service that goes down in new outages pushes those bits to the services whose requirement
   * then fails outright (`breaks`), and marks those with a group on it (`strains`) to count that
   * group again. Masks only grow and every service whose requirement may have failed in a new
   * outage is settled again, so this reaches the least fixed point (strongly connected
   * components included), which is the down set. Returns how many ranks are in `touched`.
   */
  private spread(chunk: Int32Array, size: number): number {
    const { rank } = this.graph;
    const { masks, state, touched, queue, watched } = this;
    const epoch = ++this.epoch;
    let count = 0;
    for (let bit = 0; bit < size; bit++) {
      const members = this.members(chunk[bit]!);
      const word = bit >>> 5;
      const one = 1 << (bit & 31);
      for (let i = 0; i < members.length; i++) {
        const r = rank[members[i]!]!;
        const at = WORDS * r + word;
        if ((masks[at]! & one) === 0) {
          masks[at]! |= one;
          this.downCounters[word]!.add(one);
        }
        const record = STATE * r;
        if (state[record + SEEN] === epoch) continue;
        state[record + SEEN] = epoch;
        touched[count++] = r;
        if (state[record + WATCH]) watched[this.watchedCount++] = r;
      }
    }
    for (let k = 0; k < count; k++) {
      const r = touched[k]!;
      const base = WORDS * r;
      this.pass(r, masks[base]!, masks[base + 1]!, masks[base + 2]!, masks[base + 3]!);
    }
    while (queue.size > 0) {
      const v = queue.pop();
      if (!this.settle(v)) continue;
      const record = STATE * v;
      if (state[record + SEEN] !== epoch) {
        state[record + SEEN] = epoch;
        touched[count++] = v;
        if (state[record + WATCH]) watched[this.watchedCount++] = v;
      }
    }
    return count;
  }

  /** Rank v went down in the outages of n0..n3: tells the services that require it. */
  private pass(v: number, n0: number, n1: number, n2: number, n3: number): void {
    const { breakStart, breaks, strainStart, strains } = this.graph;
    const { state, queue } = this;
    for (let e = breakStart[v]!, last = breakStart[v + 1]!; e < last; e++) {
      const d = breaks[e]!;
      const record = STATE * d;
      state[record]! |= n0;
      state[record + 1]! |= n1;
      state[record + 2]! |= n2;
      state[record + 3]! |= n3;
      queue.push(d);
    }
    for (let e = strainStart[v]!, last = strainStart[v + 1]!; e < last; e++) {
      const d = strains[e]!;
      state[STATE * d + STRAINED] = 1;
      queue.push(d);
    }
  }

  /**
   * Rank `v`'s down masks from what reached it: the outages its broken requirements pushed,
   * and its groups counted again if one of their alternatives went down. True if they grew, in
   * which case the growth is passed on. The hottest code of `analyze`: flat loops over typed
   * arrays.
   */
  private settle(v: number): boolean {
    const { masks, state } = this;
    const base = WORDS * v;
    const record = STATE * v;
    const was0 = masks[base]!;
    const was1 = masks[base + 1]!;
    const was2 = masks[base + 2]!;
    const was3 = masks[base + 3]!;
    let d0 = state[record]!;
    let d1 = state[record + 1]!;
    let d2 = state[record + 2]!;
    let d3 = state[record + 3]!;
    state[record] = 0;
    state[record + 1] = 0;
    state[record + 2] = 0;
    state[record + 3] = 0;
    if (state[record + STRAINED]) {
      state[record + STRAINED] = 0;
      const { groupStart, groups } = this.graph;
      // Each group: how many alternatives must be down, how many there are, the alternatives.
      for (let g = groupStart[v]!, lastGroup = groupStart[v + 1]!; g < lastGroup;) {
        const need = groups[g]!;
        const first = g + 2;
        const last = first + groups[g + 1]!;
        g = last;
        // Only outages v is not yet down in can change anything.
        let a0 = 0;
        let a1 = 0;
        let a2 = 0;
        let a3 = 0;
        for (let a = first; a < last; a++) {
          const u = WORDS * groups[a]!;
          a0 |= masks[u]!;
          a1 |= masks[u + 1]!;
          a2 |= masks[u + 2]!;
          a3 |= masks[u + 3]!;
        }
        a0 &= ~(was0 | d0);
        a1 &= ~(was1 | d1);
        a2 &= ~(was2 | d2);
        a3 &= ~(was3 | d3);
        if ((a0 | a1 | a2 | a3) === 0) continue;
        if (a0 !== 0) d0 |= atLeast(masks, WORDS, groups, first, last, need, a0, 0);
        if (a1 !== 0) d1 |= atLeast(masks, WORDS, groups, first, last, need, a1, 1);
        if (a2 !== 0) d2 |= atLeast(masks, WORDS, groups, first, last, need, a2, 2);
        if (a3 !== 0) d3 |= atLeast(masks, WORDS, groups, first, last, need, a3, 3);
      }
    }
    d0 &= ~was0;
    d1 &= ~was1;
    d2 &= ~was2;
    d3 &= ~was3;
    if ((d0 | d1 | d2 | d3) === 0) return false;
    masks[base] = was0 | d0;
    masks[base + 1] = was1 | d1;
    masks[base + 2] = was2 | d2;
    masks[base + 3] = was3 | d3;
    const counters = this.downCounters;
    if (d0 !== 0) counters[0]!.add(d0);
    if (d1 !== 0) counters[1]!.add(d1);
    if (d2 !== 0) counters[2]!.add(d2);
    if (d3 !== 0) counters[3]!.add(d3);
    this.pass(v, d0, d1, d2, d3);
    return true;
  }
}
