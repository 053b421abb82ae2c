// The one-pass read's table of names against a Map of the same strings: every name gets one
// number, in the order first met, whatever the hashes (all equal included), names that differ
// only late or only in a character past 255 included, and however far the table and its pool
// of characters grow.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { NameTable } from '../../src/manifest/parse/name-table.js';

/** The text of `names` between quotes, and where each is written. */
function written(names: readonly string[]): { text: string; from: number[] } {
  let text = '';
  const from: number[] = [];
  for (const name of names) {
    from.push(text.length + 1);
    text += `"${name}",`;
  }
  return { text, from };
}

function fnv(text: string, from: number, to: number): number {
  let hash = 0x811c9dc5;
  for (let i = from; i < to; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return hash;
}

function numbersByMap(names: readonly string[]): number[] {
  const map = new Map<string, number>();
  return names.map((name) => {
    if (!map.has(name)) map.set(name, map.size);
    return map.get(name)!;
  });
}

function numbersByTable(
  names: readonly string[],
  hash: (text: string, from: number, to: number) => number,
) {
  const { text, from } = written(names);
  const table = new NameTable(text);
  const numbers = names.map((name, i) =>
    table.find(from[i]!, from[i]! + name.length, hash(text, from[i]!, from[i]! + name.length)),
  );
  return { numbers, names: table.names };
}

// Names that differ only at their end, or only in a character past 255.
const name = fc.oneof(
  fc.stringMatching(/^[abé:-]{0,6}$/),
  fc.stringMatching(/^[aā]{0,3}$/),
  fc.stringMatching(/^a{14,17}[ab\u0161]{0,2}$/),
);

describe('the table of names', () => {
  it('numbers names as a Map does, with real hashes and with every hash the same', () => {
    fc.assert(
      fc.property(fc.array(name, { maxLength: 60 }), fc.integer(), (names, constant) => {
        const expected = numbersByMap(names);
        const distinct = [...new Set(names)];
        for (const hash of [fnv, () => constant, (_t: string, f: number, t: number) => t - f]) {
          const got = numbersByTable(names, hash);
          expect(got.numbers).toEqual(expected);
          expect(got.names).toEqual(distinct);
        }
      }),
      { numRuns: 200, seed: 20_261_205 },
    );
  });

  it('grows its slots and its pool of characters past their first size', () => {
    const names: string[] = [];
    for (let i = 0; i < 12_000; i++) names.push(`service-${i % 9000}-${'x'.repeat(i % 13)}`);
    for (let i = 0; i < 3_000; i++) names.push(`${'y'.repeat(i % 40)}-${i % 700}-ā`);
    const got = numbersByTable(names, fnv);
    expect(got.numbers).toEqual(numbersByMap(names));
    expect(got.names.length).toBe(new Set(names).size);
  });
});
