// What an outage sweep reports, and to whom: the totals per outage and the observer told which
// interesting services each outage takes down. `deliverChunk` and `deliverRecord` call the
// observer in the same order whether the chunk was propagated on this thread or recorded by
// another, which keeps every result independent of how the sweep was split.

import type { CompiledGraph } from '../../../model/compiled-graph.js';
import type { RankedGraph } from '../ranked-graph.js';
import { WORDS, type DownSets } from './down-sets.js';

export interface SweepTotals {
  /** Services failed or down, per outage (the failed ones included). */
  downCount: Int32Array;
  /**
   * Services that can reach a failed one along any edge, per outage (failed ones included);
   * empty when the sweep was asked not to count them.
   */
  reachCount: Int32Array;
}

export interface SweepObserver {
  /** The services `down` is called for (entry points, services with a cost); 1 = yes. */
  interesting: Uint8Array;
  /** Interesting service v is failed or down in outage `label`; in no particular order. */
  down(label: number, v: number): void;
  /** Told about each chunk of outages as a whole. */
  chunks?: ChunkObserver;
}

export interface ChunkObserver {
  /**
   * The services `seen` asks about (1 = yes). A sweep split over threads hands the main thread
   * only these masks and the interesting ones.
   */
  reads: Uint8Array;
  /**
   * The services `down` lists (1 = yes), a subset of `reads` (all of them when not given): an
   * observer that reads the masks it needs through `downOf` may want no list, which saves
   * sorting everything a chunk took down.
   */
  lists?: Uint8Array;
  /**
   * After a chunk of at most 32 outages was propagated (and the observer's `down` told about
   * them): `down` lists the services of `lists` failed or down in at least one of them (in
   * rank order), and bit i of the unsigned mask
   * `downOf(v)` (the convention of graph/bit-mask.ts; the sweep's own words stay signed Int32)
   * says service v of `reads` is failed or down in outage `chunk[i]`; `byRank` holds the same
   * bits by rank, for an observer that walks the ranked graph.
   */
  seen(
    chunk: Int32Array,
    size: number,
    down: Int32Array,
    downOf: (v: number) => number,
    byRank: RankedMasks,
  ): void;
}

/**
 * A chunk's masks as the sweep holds them: bit i of `masks[WORDS * r + word]` (signed) is bit i
 * of `downOf(plan.order[r])`, for the ranks r of services in `reads`.
 */
export interface RankedMasks {
  readonly plan: RankedGraph;
  readonly masks: Int32Array;
  readonly word: number;
}

/**
 * The services an observer reads (1 = yes): the interesting ones and those its chunks read.
 * What a thread that propagates a chunk for another records of it.
 */
export function readBy(observer: SweepObserver): Uint8Array {
  const { interesting, chunks } = observer;
  if (!chunks) return interesting;
  return union(interesting, chunks.reads);
}

/**
 * The services `deliverChunk` lists for an observer (1 = yes): the interesting ones and those
 * its chunks want listed. A chunk observer that reads every mask but lists few (check's chains)
 * would otherwise have every service the chunk took down listed and then filtered, twice.
 */
export function listedBy(observer: SweepObserver): Uint8Array {
  const { interesting, chunks } = observer;
  if (!chunks) return interesting;
  return union(interesting, chunks.lists ?? chunks.reads);
}

function union(a: Uint8Array, b: Uint8Array): Uint8Array {
  const both = new Uint8Array(a.length);
  for (let v = 0; v < both.length; v++) both[v] = a[v]! | b[v]!;
  return both;
}

/** Tells the observer about the chunk `sets` just propagated (`chunk[0..size-1]`). */
export function deliverChunk(
  plan: RankedGraph,
  sets: DownSets,
  chunk: Int32Array,
  size: number,
  observer: SweepObserver,
): void {
  const { order, rank } = plan;
  const { masks } = sets;
  const region = sets.downRanks(observer.interesting);
  const words = (size + 31) >>> 5;
  for (let k = 0; k < region.length; k++)
    downEvents(observer, chunk, words, order[region[k]!]!, masks, WORDS * region[k]!);
  const { chunks } = observer;
  if (!chunks) return;
  const down = sets.downRanks(chunks.lists ?? chunks.reads).map((r) => order[r]!);
  for (let w = 0; w < words; w++) {
    const slice = chunk.subarray(32 * w, Math.min(size, 32 * (w + 1)));
    const byRank = { plan, masks, word: w };
    chunks.seen(slice, slice.length, down, (v) => masks[WORDS * rank[v]! + w]! >>> 0, byRank);
  }
}

/**
 * Tells the observer about a chunk another thread propagated, from its record: entries
 * `entries[from..to-1]`, each a service and its WORDS mask words, in rank order. `scratch`
 * (WORDS per rank, all zero) holds the masks the chunk observer reads while it runs.
 */
export function deliverRecord(
  plan: RankedGraph,
  entries: Int32Array,
  from: number,
  to: number,
  chunk: Int32Array,
  size: number,
  observer: SweepObserver,
  scratch: Int32Array,
): void {
  const words = (size + 31) >>> 5;
  for (let e = from; e < to; e += 1 + WORDS) {
    const v = entries[e]!;
    if (observer.interesting[v]) downEvents(observer, chunk, words, v, entries, e + 1);
  }
  const { chunks } = observer;
  if (!chunks) return;
  const { reads } = chunks;
  const lists = chunks.lists ?? reads;
  const { rank } = plan;
  // The masks copied word by word: a subarray and a `set` per entry cost more than the copy
  // (millions of entries when an observer reads every service, as check's chains do).
  let listed = 0;
  for (let e = from; e < to; e += 1 + WORDS) {
    const v = entries[e]!;
    const base = WORDS * rank[v]!;
    for (let w = 0; w < WORDS; w++) scratch[base + w] = entries[e + 1 + w]!;
    if (reads[v] && lists[v]) listed++;
  }
  const downList = new Int32Array(listed);
  listed = 0;
  for (let e = from; e < to; e += 1 + WORDS) {
    const v = entries[e]!;
    if (reads[v] && lists[v]) downList[listed++] = v;
  }
  for (let w = 0; w < words; w++) {
    const slice = chunk.subarray(32 * w, Math.min(size, 32 * (w + 1)));
    const byRank = { plan, masks: scratch, word: w };
    const downOf = (v: number) => {
      if (!reads[v]) throw new Error(`sweep observer read service ${v} it did not declare`);
      return scratch[WORDS * rank[v]! + w]! >>> 0;
    };
    chunks.seen(slice, slice.length, downList, downOf, byRank);
  }
  for (let e = from; e < to; e += 1 + WORDS) {
    const base = WORDS * rank[entries[e]!]!;
    for (let w = 0; w < WORDS; w++) scratch[base + w] = 0;
  }
}

/** observer.down(chunk[i], v) for every bit i set in v's mask words masks[base ..]. */
function downEvents(
  observer: SweepObserver,
  chunk: Int32Array,
  words: number,
  v: number,
  masks: Int32Array,
  base: number,
): void {
  for (let w = 0; w < words; w++) {
    for (let mask = masks[base + w]!; mask !== 0; mask &= mask - 1) {
      observer.down(chunk[32 * w + 31 - Math.clz32(mask & -mask)]!, v);
    }
  }
}

/** The services a blast radius needs one by one: entry points in focus and costed services. */
export function entrypointsAndCosts(graph: CompiledGraph, inFocus: Uint8Array): Uint8Array {
  const interesting = new Uint8Array(graph.n);
  for (let v = 0; v < graph.n; v++) {
    if (inFocus[v] || graph.costPerHour[v] !== 0) interesting[v] = 1;
  }
  return interesting;
}
