// The value of a JSON number read from its characters, against Number of the same characters:
// integers and decimals of every length around the limits of the quick way, signs, zeros and
// exponents.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { jsonNumber } from '../../src/manifest/parse/json-number.js';

/** A number as JSON writes it: -?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)? */
const jsonNumberText = fc
  .record({
    negative: fc.boolean(),
    whole: fc.oneof(fc.constant('0'), fc.stringMatching(/^[1-9][0-9]{0,24}$/)),
    decimals: fc.option(fc.stringMatching(/^[0-9]{1,26}$/), { nil: undefined }),
    exponent: fc.option(fc.stringMatching(/^[eE][+-]?[0-9]{1,3}$/), { nil: undefined }),
  })
  .map(
    ({ negative, whole, decimals, exponent }) =>
      `${negative ? '-' : ''}${whole}${decimals === undefined ? '' : `.${decimals}`}${exponent ?? ''}`,
  );

describe('jsonNumber', () => {
  it('gives what Number gives for the same characters', () => {
    fc.assert(
      fc.property(jsonNumberText, fc.nat({ max: 3 }), (written, pad) => {
        const text = `${'x'.repeat(pad)}${written},`;
        expect(Object.is(jsonNumber(text, pad, pad + written.length), Number(written))).toBe(true);
      }),
      { numRuns: 3000, seed: 20_261_205 },
    );
  });

  it('is exact at the edges of the quick way', () => {
    for (const written of [
      '9007199254740991',
      '9007199254740992',
      '9007199254740993',
      '90071992547409.93',
      '0.1',
      '0.30000000000000004',
      '1.0000000000000000000001',
      '0.0000000000000000000001',
      '0.00000000000000000000001',
      '-0',
      '-0.0',
      '99.99',
      '123456789012345678901234567890',
    ]) {
      expect(Object.is(jsonNumber(written, 0, written.length), Number(written))).toBe(true);
    }
  });
});
