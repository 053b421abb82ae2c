// Services sorted by id one character at a time, against a stable comparison sort by code unit:
// ids in random order and mostly in order, with shared prefixes (most of them land in the same
// buckets for several characters), repeats (equal ids keep their order), ids that are prefixes
// of others, and characters past Latin-1 (the comparison sort takes over for those ranges).

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { byCodeUnit } from '../../src/compare.js';
import { sortedById } from '../../src/manifest/files/id-order.js';

function bySort(ids: readonly string[]): { id: string; at: number }[] {
  return ids.map((id, at) => ({ id, at })).sort((a, b) => byCodeUnit(a.id, b.id));
}

const piece = fc.constantFrom('svc-', 'svc-1', 'a', 'b', '0', '9', '.', '/', 'é', 'ж', '😀', '');
const id = fc.array(piece, { maxLength: 5 }).map((parts) => parts.join(''));

describe('sortedById', () => {
  it('gives the order of a stable sort by code unit', () => {
    fc.assert(
      fc.property(fc.array(id, { maxLength: 300 }), fc.boolean(), (ids, presorted) => {
        // Mostly in order: sorted, then a few swapped.
        const given = presorted ? [...ids].sort(byCodeUnit) : ids;
        if (presorted && given.length > 3) [given[0], given[2]] = [given[2]!, given[0]!];
        const items = given.map((value, at) => ({ id: value, at }));
        expect(sortedById(items)).toEqual(bySort(given));
      }),
      { numRuns: 300, seed: 20_261_208 },
    );
  });

  it('sorts many ids of one shape, in random order, by their digits', () => {
    const ids = Array.from({ length: 5000 }, (_, i) => `svc-${(i * 7919) % 5000}`);
    ids.push('svc-', 'svc-1', 'svc-1', 'svc-10');
    const items = ids.map((value, at) => ({ id: value, at }));
    expect(sortedById(items)).toEqual(bySort(ids));
  });
});
