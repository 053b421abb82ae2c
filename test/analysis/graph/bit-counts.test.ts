// The carry-save counters against one plain counter per bit, on random masks and weights.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BitCounts } from '../../../src/analysis/graph/bit-counts.js';

/** Masks with bits set often, rarely, or all at once, so that long carries happen too. */
const mask = fc.oneof(
  fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 }),
  fc.constant(-1),
  fc.constant(0),
);

describe('bit-sliced counts', () => {
  it('count what a plain counter per bit counts, whatever the mix of adds', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(mask, fc.oneof(fc.constant(1), fc.nat(300))), { maxLength: 120 }),
        fc.boolean(),
        (adds, reuse) => {
          const counts = new BitCounts();
          if (reuse) {
            // A counter used before and cleared counts from zero.
            for (const [m] of adds) counts.add(m);
            counts.count(0);
            counts.clear();
          }
          const plain = new Array<number>(32).fill(0);
          for (const [m, weight] of adds) {
            if (weight === 1) counts.add(m);
            else counts.addTimes(m, weight);
            for (let bit = 0; bit < 32; bit++) if ((m >>> bit) & 1) plain[bit]! += weight;
          }
          expect(Array.from({ length: 32 }, (_, bit) => counts.count(bit))).toEqual(plain);
        },
      ),
      { numRuns: 400 },
    );
  });

  it('reach large counts', () => {
    const counts = new BitCounts();
    for (let k = 0; k < 100_003; k++) counts.add(k % 3 === 0 ? -1 : 1);
    counts.addTimes(2, 1 << 20);
    expect(counts.count(0)).toBe(100_003);
    expect(counts.count(1)).toBe(33_335 + (1 << 20));
    expect(counts.count(31)).toBe(33_335);
  });
});
