// The word-wide count of a tolerant group's down alternatives agrees with counting bit by bit.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { atLeast } from '../../../../src/analysis/outage/sweep/quorum-masks.js';

/** Bits of `any` set in at least `need` of the alternatives' words, one bit at a time. */
function reference(words: number[], need: number, any: number): number {
  let result = 0;
  for (let i = 0; i < 32; i++) {
    const bit = 1 << i;
    if (!(any & bit)) continue;
    if (words.filter((word) => word & bit).length >= need) result |= bit;
  }
  return result;
}

describe('at least `need` alternatives down, per outage of a word', () => {
  it('agrees with counting bit by bit, for every need and repeated alternatives', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 4 }),
        fc.array(fc.nat(5), { minLength: 1, maxLength: 8 }),
        fc.array(fc.integer(), { minLength: 24, maxLength: 24 }),
        fc.integer(),
        fc.nat(3),
        fc.nat(),
        (stride, listed, words, any, w, needSeed) => {
          const word = w % stride;
          // Ranks 0..5, `stride` words each; sparse words too, so that few bits are candidates.
          const masks = Int32Array.from(words.slice(0, 6 * stride), (x, i) =>
            i % 3 === 0 ? x & (x >>> 7) : x,
          );
          const alts = Int32Array.from([7, ...listed, 7]).map((r) => (r === 7 ? 0 : r));
          const first = 1;
          const last = alts.length - 1;
          const need = 1 + (needSeed % (last - first));
          const own = Array.from(
            { length: last - first },
            (_, k) => masks[stride * alts[first + k]! + word]!,
          );
          expect(atLeast(masks, stride, alts, first, last, need, any, word) >>> 0).toBe(
            reference(own, need, any) >>> 0,
          );
        },
      ),
      { numRuns: 2000 },
    );
  });
});
