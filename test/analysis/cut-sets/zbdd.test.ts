// The ZBDD's operations against plain sets of sets, on random families over a few variables.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BASE, EMPTY, Zbdd, ZbddBudgetExceeded } from '../../../src/analysis/cut-sets/zbdd.js';

type Family = Set<string>;
const VARS = 6;

const key = (members: readonly number[]) => [...members].sort((a, b) => a - b).join(',');
const members = (k: string) => (k === '' ? [] : k.split(',').map(Number));

const arbitraryFamily = fc
  .array(fc.uniqueArray(fc.integer({ min: 0, max: VARS - 1 }), { maxLength: 4 }), {
    maxLength: 8,
  })
  .map((sets) => new Set(sets.map(key)));

function build(zbdd: Zbdd, family: Family): number {
  let f = EMPTY;
  for (const k of family) {
    let set = BASE;
    for (const v of members(k).reverse()) set = zbdd.node(v, EMPTY, set);
    f = zbdd.union(f, set);
  }
  return f;
}

function read(zbdd: Zbdd, f: number): Family {
  const family: Family = new Set();
  zbdd.forEachSet(f, (m) => family.add(key(m)));
  return family;
}

const subset = (a: string, b: string) => members(a).every((v) => members(b).includes(v));
const minimalOf = (f: Family) =>
  new Set([...f].filter((a) => ![...f].some((b) => b !== a && subset(b, a))));

describe('the ZBDD', () => {
  it('unions, joins within a size, removes supersets and keeps minimal sets like plain sets', () => {
    fc.assert(
      fc.property(arbitraryFamily, arbitraryFamily, fc.integer({ min: 0, max: 4 }), (a, b, k) => {
        const zbdd = new Zbdd(100_000);
        const f = build(zbdd, a);
        const g = build(zbdd, b);
        expect(read(zbdd, f)).toEqual(a);
        expect(read(zbdd, zbdd.union(f, g))).toEqual(new Set([...a, ...b]));
        const joined = new Set<string>();
        for (const x of a) {
          for (const y of b) {
            const union = key([...new Set([...members(x), ...members(y)])]);
            if (members(union).length <= k) joined.add(union);
          }
        }
        expect(read(zbdd, zbdd.join(f, g, k))).toEqual(joined);
        const without = [...a].filter((x) => ![...b].some((y) => subset(y, x)));
        expect(read(zbdd, zbdd.without(f, g))).toEqual(new Set(without));
        expect(read(zbdd, zbdd.minimal(f))).toEqual(minimalOf(a));
        const short = [...a].filter((x) => members(x).length <= k);
        expect(read(zbdd, zbdd.truncate(f, k))).toEqual(new Set(short));
        const counts = zbdd.countBySize(f, 4);
        for (let s = 0; s <= 4; s++)
          expect(counts[s]).toBe([...a].filter((x) => members(x).length === s).length);
        expect(zbdd.hasEmpty(f)).toBe(a.has(''));
      }),
      { numRuns: 400, seed: 13 },
    );
  });

  it('says when a family needs more nodes than its budget', () => {
    const zbdd = new Zbdd(3);
    expect(() => {
      let f = EMPTY;
      for (let v = 0; v < 10; v++) f = zbdd.union(f, zbdd.single(v));
    }).toThrow(ZbddBudgetExceeded);
  });
});
