import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { byRisk, idOrder, sortByRisk } from '../../src/analysis/ranking.js';
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

describe('sort by risk', () => {
  // Up to 200 items: fewer than 64 are compared, more are counted; costs with -0 (ties with 0),
  // NaN and many distinct values; keys now and then far wider than the items (compared again).
  it('orders indices as byRisk orders their blast radii, ties by id order', () => {
    const small = fc.integer({ min: 0, max: 3 });
    const key = fc.oneof(
      { weight: 300, arbitrary: small },
      { weight: 1, arbitrary: fc.integer({ min: -5, max: 1e6 }) },
    );
    const radius = fc.record({
      costPerHour: fc.oneof(
        {
          weight: 300,
          arbitrary: fc.oneof(
            fc.constantFrom(0, -0, 0.5, 2, 1e9),
            fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e3, max: 1e3 }),
          ),
        },
        // NaN now and then: then the whole sort is a comparison.
        { weight: 1, arbitrary: fc.constant(Number.NaN) },
      ),
      down: key,
      degraded: small,
      entrypointsDown: small,
    });
    fc.assert(
      fc.property(
        fc
          .oneof(
            fc.array(radius, { maxLength: 40 }),
            fc.array(radius, { minLength: 64, maxLength: 200 }),
          )
          .chain((radii) =>
            fc.tuple(
              fc.constant(radii),
              fc.shuffledSubarray(radii.map((_, i) => i)),
              // Half the time the items come in id order, as analyze hands them (no pass by id).
              fc.boolean(),
            ),
          ),
        ([radii, shuffled, inIdOrder]) => {
          const n = radii.length;
          const position = (v: number) => (v * 7) % n;
          const ids = inIdOrder
            ? shuffled.slice().sort((x, y) => position(x) - position(y))
            : shuffled;
          const columns = {
            costPerHour: Float64Array.from(radii, (r) => r.costPerHour),
            down: Int32Array.from(radii, (r) => r.down),
            degraded: Int32Array.from(radii, (r) => r.degraded),
          };
          const entries = Int32Array.from(radii, (r) => r.entrypointsDown);
          const byId = Int32Array.from({ length: n }, (_, v) => position(v));
          const items = ids.slice();
          const expected = ids
            .slice()
            .sort(
              (x, y) =>
                byRisk(
                  radii[x]!,
                  radii[y]!,
                  radii[x]!.entrypointsDown,
                  radii[y]!.entrypointsDown,
                ) || byId[x]! - byId[y]!,
            );
          expect(sortByRisk(items, columns, entries, byId)).toEqual(expected);
        },
      ),
      { numRuns: 500 },
    );
  });
});
