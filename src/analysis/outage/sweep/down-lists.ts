// The services each failure takes down, as sorted lists (the entry points of the SPOF lists),
// built a chunk at a time: the sweep tells (failure, service) pairs in rank order, each failure's
// within one chunk, and once the chunk is told each failure's services are sorted as numbers and
// copied into an array of exactly their length. At a million services these lists hold tens of
// millions of entries: growing an array per failure by pushes, then sorting it through a
// comparator, cost more than the walk that found them.

import type { ChunkObserver } from './sweep-observer.js';

export class DownLists {
  /** lists[x]: the services told for failure x, ascending (undefined: none). */
  readonly lists: Array<number[] | undefined>;
  /** Per failure: services told since the last flush; during a flush, where they go. */
  private readonly count: Int32Array;
  /** The failures told since the last flush, in the order first told. */
  private readonly failures: Int32Array;
  private distinct = 0;
  /** (failure, service) pairs told since the last flush. */
  private pairs = new Int32Array(1024);
  private length = 0;
  private sorted = new Int32Array(512);

  /** For failures and services 0 .. n-1. */
  constructor(n: number) {
    this.lists = new Array<number[] | undefined>(n);
    this.count = new Int32Array(n);
    this.failures = new Int32Array(n);
  }

  /** Failure x takes down service v. */
  add(x: number, v: number): void {
    if (this.count[x]!++ === 0) this.failures[this.distinct++] = x;
    if (this.length + 2 > this.pairs.length) {
      const grown = new Int32Array(2 * this.pairs.length);
      grown.set(this.pairs);
      this.pairs = grown;
    }
    this.pairs[this.length++] = x;
    this.pairs[this.length++] = v;
  }

  /** Moves what was told since the last flush into `lists`, each list sorted. */
  flush(): void {
    const { count, failures, pairs, length, distinct } = this;
    if (length === 0) return;
    // Each failure's block: count becomes where its next service goes.
    let at = 0;
    for (let k = 0; k < distinct; k++) {
      const x = failures[k]!;
      const told = count[x]!;
      count[x] = at;
      at += told;
    }
    if (this.sorted.length < at) this.sorted = new Int32Array(Math.max(at, 2 * this.sorted.length));
    const { sorted, lists } = this;
    for (let p = 0; p < length; p += 2) sorted[count[pairs[p]!]!++] = pairs[p + 1]!;
    let start = 0;
    for (let k = 0; k < distinct; k++) {
      const x = failures[k]!;
      const end = count[x]!;
      count[x] = 0;
      const block = sorted.subarray(start, end).sort();
      const earlier = lists[x];
      const list = new Array<number>(end - start);
      for (let i = 0; i < block.length; i++) list[i] = block[i]!;
      lists[x] = earlier ? [...earlier, ...list].sort((a, b) => a - b) : list;
      start = end;
    }
    this.length = 0;
    this.distinct = 0;
  }

  /**
   * The sweep's chunk observer for `chunks` (none: one that reads nothing) that flushes before
   * it: a chunk's pairs are all told before its chunk observer is.
   */
  flushingBefore(chunks: ChunkObserver | undefined, n: number): ChunkObserver {
    const seen: ChunkObserver['seen'] = (chunk, size, down, downOf, byRank) => {
      this.flush();
      chunks?.seen(chunk, size, down, downOf, byRank);
    };
    if (!chunks) return { reads: new Uint8Array(n), seen };
    return chunks.lists
      ? { reads: chunks.reads, lists: chunks.lists, seen }
      : { reads: chunks.reads, seen };
  }
}
