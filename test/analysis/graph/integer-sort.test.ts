import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sortByKey, sortValues } from '../../../src/analysis/graph/integer-sort.js';

describe('radix sorts', () => {
  it('sortValues agrees with a comparison sort, across digit boundaries', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 5_000_000 }), { maxLength: 300 }),
        (values) => {
          const sorted = sortValues(Int32Array.from(values), 5_000_001);
          expect([...sorted]).toEqual([...values].sort((a, b) => a - b));
        },
      ),
      { numRuns: 500 },
    );
  });

  it('sortByKey is a stable sort by key', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 3_000_000 }), { maxLength: 300 }), (keys) => {
        const items = Int32Array.from(keys.map((_, i) => i));
        const sorted = sortByKey(items, Int32Array.from(keys), 3_000_001);
        const expected = [...items].sort((a, b) => keys[a]! - keys[b]! || a - b);
        expect([...sorted]).toEqual(expected);
      }),
      { numRuns: 500 },
    );
  });
});
