// A worklist of distinct small integers (ranks) that hands out the smallest first: one bit per
// index and a cursor below which no bit is set. The outage sweep settles services in
// topological rank order and mostly pushes ranks above the one it settles, so the cursor
// sweeps forward once per pass: cheaper than a heap's log factor per index.

export class RankQueue {
  private readonly bits: Int32Array;
  /** No bit is set in a word before this one. */
  private cursor: number;
  private length = 0;

  /** For indices 0 .. capacity-1. */
  constructor(capacity: number) {
    this.bits = new Int32Array((capacity + 31) >>> 5);
    this.cursor = this.bits.length;
  }

  get size(): number {
    return this.length;
  }

  /** Adds `index` unless it is already waiting. */
  push(index: number): void {
    const word = index >>> 5;
    const bit = 1 << (index & 31);
    if (this.bits[word]! & bit) return;
    this.bits[word]! |= bit;
    this.length++;
    if (word < this.cursor) this.cursor = word;
  }

  /** Removes and returns the smallest index; the queue must not be empty. */
  pop(): number {
    const { bits } = this;
    let word = this.cursor;
    while (bits[word] === 0) word++;
    const mask = bits[word]!;
    const lowest = mask & -mask;
    bits[word] = mask ^ lowest;
    this.length--;
    this.cursor = this.length === 0 ? bits.length : word;
    return 32 * word + 31 - Math.clz32(lowest);
  }
}
