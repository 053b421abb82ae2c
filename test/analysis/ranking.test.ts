import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { idOrder } from '../../src/analysis/ranking.js';
import { byCodeUnit } from '../../src/compare.js';

describe('id order', () => {
  it('gives each service its position among the ids sorted by code unit, sorted or not', () => {
    const ids = fc.uniqueArray(fc.string({ maxLength: 4 }), { maxLength: 30 });
    fc.assert(
      fc.property(
        fc.oneof(
          ids,
          ids.map((list) => list.sort(byCodeUnit)),
        ),
        (list) => {
          const sorted = [...list].sort(byCodeUnit);
          expect(Array.from(idOrder(list))).toEqual(list.map((id) => sorted.indexOf(id)));
        },
      ),
      { numRuns: 500 },
    );
  });
});
