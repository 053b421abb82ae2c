// A worklist of distinct small integers (ranks) that hands out the smallest first: one bit per
// index, one summary bit per 32-bit word of those (set while the word holds a bit), and a
// cursor below which no summary bit is set. The outage sweep settles services in topological
// rank order and mostly pushes ranks above the one it settles, so the cursor sweeps forward
// once per pass; inside a large strongly connected component it falls back often, and the
// summary keeps each fall-back's rescan 32 times shorter than a scan of the index bits.

export class RankQueue {
  private readonly bits: Int32Array;
  /** Bit j of summary[i]: word 32i + j of `bits` is not zero. */
  private readonly summary: Int32Array;
  /** No summary bit is set in a word before this one. */
  private cursor: number;
  private length = 0;

  /** For indices 0 .. capacity-1. */
  constructor(capacity: number) {
    this.bits = new Int32Array((capacity + 31) >>> 5);
    this.summary = new Int32Array((this.bits.length + 31) >>> 5);
    this.cursor = this.summary.length;
  }

  get size(): number {
    return this.length;
  }

  /** Adds `index` unless it is already waiting. */
  push(index: number): void {
    const word = index >>> 5;
    const bit = 1 << (index & 31);
    const had = this.bits[word]!;
    if (had & bit) return;
    this.bits[word] = had | bit;
    this.length++;
    if (had !== 0) return;
    const group = word >>> 5;
    this.summary[group]! |= 1 << (word & 31);
    if (group < this.cursor) this.cursor = group;
  }

  /** Removes and returns the smallest index; the queue must not be empty. */
  pop(): number {
    const { bits, summary } = this;
    let group = this.cursor;
    while (summary[group] === 0) group++;
    const groupMask = summary[group]!;
    const word = 32 * group + 31 - Math.clz32(groupMask & -groupMask);
    const mask = bits[word]!;
    const lowest = mask & -mask;
    const rest = mask ^ lowest;
    bits[word] = rest;
    if (rest === 0) summary[group] = groupMask & (groupMask - 1);
    this.length--;
    this.cursor = this.length === 0 ? summary.length : group;
    return 32 * word + 31 - Math.clz32(lowest);
  }
}
