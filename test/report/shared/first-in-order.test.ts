import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { firstInOrder } from '../../../src/report/shared/first-in-order.js';

describe('firstInOrder', () => {
  it('gives what a stable sort gives before it is cut to length', () => {
    // Few distinct keys, so that ties are common and their order is tested.
    const row = fc.record({ key: fc.integer({ min: 0, max: 6 }), id: fc.nat() });
    fc.assert(
      fc.property(fc.array(row, { maxLength: 60 }), fc.integer({ min: -2, max: 70 }), (rows, k) => {
        const byKey = (a: { key: number }, b: { key: number }) => a.key - b.key;
        const expected = [...rows].sort(byKey).slice(0, Math.max(k, 0));
        expect(firstInOrder(rows, k, byKey)).toEqual(expected);
      }),
      { numRuns: 2000 },
    );
  });

  it('picks the most exposed entry points first, ties by name', () => {
    const exposure: Array<[string, number]> = [
      ['checkout', 2],
      ['search', 5],
      ['admin', 2],
      ['payments', 0],
      ['login', 5],
    ];
    const mostFirst = (a: [string, number], b: [string, number]) =>
      b[1] - a[1] || (a[0] < b[0] ? -1 : 1);
    expect(firstInOrder(exposure, 3, mostFirst).map(([id]) => id)).toEqual([
      'login',
      'search',
      'admin',
    ]);
  });
});
