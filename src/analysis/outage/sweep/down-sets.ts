// The down sets of 128 outages at once: bit masks of "down in outage i" (four 32-bit words per
// service) propagated from the failed services outward, settling in topological rank order
// (dependencies first; strongly connected components iterated to their least fixed point)
// only the services that something down requires. The engine under every outage sweep; it
// reads only typed arrays, so a worker thread can run it on arrays shared with the main thread.

import { sortValues } from '../../graph/integer-sort.js';
import { RankQueue } from '../../graph/rank-queue.js';
import { countOf } from '../../graph/reach-counts.js';
import type { RankedGraph } from '../ranked-graph.js';

/** 32-bit words of outages propagated together. */
export const WORDS = 4;
export const WIDTH = 32 * WORDS;

/** The graph in topological rank order, as the down sets read it (a RankedGraph's arrays). */
export type DownSetGraph = Pick<
  RankedGraph,
  | 'order'
  | 'rank'
  | 'reqStart'
  | 'reqQuorum'
  | 'reqSoft'
  | 'altStart'
  | 'alts'
  | 'dependentStart'
  | 'dependents'
>;

export class DownSets {
  private readonly graph: DownSetGraph;
  /** Down masks of rank r from WORDS·r (bit i of word w: outage 32w + i of the chunk). */
  readonly masks: Int32Array;
  /** Ranks whose masks are not zero, in the order they became so. */
  private readonly touched: Int32Array;
  private readonly seen: Int32Array;
  private readonly queue: RankQueue;
  private readonly members: (label: number) => ArrayLike<number>;
  /** Bit-sliced counters per word: bit i of level j is bit j of the count for outage i. */
  private readonly downCounters = Array.from({ length: WORDS }, () => new Int32Array(32));
  private epoch = 0;
  /** How many ranks of `touched` the last chunk propagated left with a mask. */
  private count = 0;

  constructor(graph: DownSetGraph, members: (label: number) => ArrayLike<number>) {
    const n = graph.order.length;
    this.graph = graph;
    this.members = members;
    this.masks = new Int32Array(WORDS * n);
    this.touched = new Int32Array(n);
    this.seen = new Int32Array(n);
    this.queue = new RankQueue(n);
  }

  /** Propagates the outages `chunk[0..size-1]` (at most WIDTH); the masks stay until `clear`. */
  propagate(chunk: Int32Array, size: number): void {
    this.count = this.spread(chunk, size);
  }

  /**
   * The ranks down in some outage of the chunk just propagated whose services are in `wanted`
   * (1 = yes), ascending. Only these are sorted: the counting needs no order.
   */
  downRanks(wanted: Uint8Array): Int32Array {
    const { order } = this.graph;
    const { touched, count } = this;
    const found = new Int32Array(count);
    let length = 0;
    for (let k = 0; k < count; k++) if (wanted[order[touched[k]!]!]) found[length++] = touched[k]!;
    return sortValues(found.subarray(0, length), order.length);
  }

  /** downCount[chunk[i]] = services down in outage i of the chunk just propagated. */
  countDown(chunk: Int32Array, size: number, downCount: Int32Array): void {
    const { masks, touched, count } = this;
    const words = (size + 31) >>> 5;
    for (let w = 0; w < words; w++) this.downCounters[w]!.fill(0);
    for (let k = 0; k < count; k++) {
      const base = WORDS * touched[k]!;
      for (let w = 0; w < words; w++) addBits(this.downCounters[w]!, masks[base + w]!);
    }
    for (let bit = 0; bit < size; bit++) {
      downCount[chunk[bit]!] = countOf(this.downCounters[bit >>> 5]!, bit & 31);
    }
  }

  /** Zeroes the masks of the chunk just propagated, for the next. */
  clear(): void {
    const { masks, touched, count } = this;
    for (let k = 0; k < count; k++) masks.fill(0, WORDS * touched[k]!, WORDS * (touched[k]! + 1));
  }

  /**
   * Down masks from the chunk's failed services outward: a worklist in rank order settles a
   * service only when one of its dependencies went down in some outage of the chunk, so a pass
   * costs the services down and their direct dependents, not everything above the failures.
   * Masks only grow and every service whose dependency grew is settled again, so this reaches
   * the least fixed point (strongly connected components included), which is the down set.
   * Returns how many ranks are in `touched`.
   */
  private spread(chunk: Int32Array, size: number): number {
    const { rank, dependentStart, dependents } = this.graph;
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
    const { reqStart, reqSoft, reqQuorum, altStart, alts } = this.graph;
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
