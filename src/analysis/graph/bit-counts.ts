// Thirty-two counters added to a mask at a time: count i grows by one for every mask added with
// bit i set. Bit-sliced (bit i of level j is bit j of count i), with the additions taken eight
// at a time through a tree of carry-save adders (the Harley–Seal scheme) so that only one in
// eight ripples into the levels: the sweeps add millions of masks, and a ripple per mask was
// most of the cost of counting them.

/** Levels of the bit-sliced counts: enough for any count below 2^31. */
const LEVELS = 32;

export class BitCounts {
  /** The counts, bit-sliced, apart from what `ones`, `twos`, `fours` and `pending` still hold. */
  private readonly levels = new Int32Array(LEVELS);
  /** Carry-save partial sums, each of weight 1, 2 and 4. */
  private ones = 0;
  private twos = 0;
  private fours = 0;
  /** Masks added since the last block of eight. */
  private readonly pending = new Int32Array(8);
  private length = 0;

  /** Sets every count to zero. */
  clear(): void {
    this.levels.fill(0);
    this.ones = 0;
    this.twos = 0;
    this.fours = 0;
    this.length = 0;
  }

  /** Adds one to count i for every bit i set in `mask`. */
  add(mask: number): void {
    this.pending[this.length++] = mask;
    if (this.length === 8) this.block();
  }

  /** Adds `weight` (at least 0) to count i for every bit i set in `mask`. */
  addTimes(mask: number, weight: number): void {
    if (weight === 1) {
      this.add(mask);
      return;
    }
    for (let level = 0; weight >>> level !== 0; level++)
      if ((weight >>> level) & 1) this.ripple(mask, level);
  }

  /** Count i. */
  count(bit: number): number {
    this.settle();
    let count = 0;
    for (let level = 0; level < LEVELS - 1; level++)
      count |= ((this.levels[level]! >>> bit) & 1) << level;
    return count;
  }

  /** Moves the partial sums and the pending masks into the levels. */
  private settle(): void {
    for (let k = 0; k < this.length; k++) this.ripple(this.pending[k]!, 0);
    this.length = 0;
    this.ripple(this.ones, 0);
    this.ripple(this.twos, 1);
    this.ripple(this.fours, 2);
    this.ones = 0;
    this.twos = 0;
    this.fours = 0;
  }

  /** The eight pending masks through the carry-save tree; what leaves it is worth eight. */
  private block(): void {
    const foursA = this.four(0);
    const foursB = this.four(4);
    // Three words of one weight add into a word of that weight and a carry of twice it.
    const u = this.fours ^ foursA;
    const eights = (this.fours & foursA) | (u & foursB);
    this.fours = u ^ foursB;
    this.length = 0;
    this.ripple(eights, 3);
  }

  /** Pending masks k .. k+3 into `ones` and `twos`; returns the carry worth four. */
  private four(k: number): number {
    const p = this.pending;
    let u = this.ones ^ p[k]!;
    const twosA = (this.ones & p[k]!) | (u & p[k + 1]!);
    const ones = u ^ p[k + 1]!;
    u = ones ^ p[k + 2]!;
    const twosB = (ones & p[k + 2]!) | (u & p[k + 3]!);
    this.ones = u ^ p[k + 3]!;
    u = this.twos ^ twosA;
    const fours = (this.twos & twosA) | (u & twosB);
    this.twos = u ^ twosB;
    return fours;
  }

  /** Adds 2^level to count i for every bit i set in `mask` (a ripple-carry add). */
  private ripple(mask: number, level: number): void {
    const { levels } = this;
    let carry = mask;
    for (let j = level; carry !== 0 && j < LEVELS; j++) {
      const next = levels[j]! & carry;
      levels[j]! ^= carry;
      carry = next;
    }
  }
}
