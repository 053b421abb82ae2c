// The loader's building blocks on their own: durations, did-you-mean, quoting, glob segments,
// line index, the JSON parser and the text decoder.

import { describe, expect, it } from 'vitest';
import { decodeText } from '../../src/manifest/parse/decode-text.js';
import { didYouMean, editDistance, Suggester } from '../../src/manifest/fields/did-you-mean.js';
import { parseDuration } from '../../src/manifest/fields/duration.js';
import { compileSegment } from '../../src/manifest/files/glob.js';
import { LineIndex } from '../../src/manifest/parse/line-index.js';
import { parseJson } from '../../src/manifest/parse/parse-json.js';
import { quote, sanitize } from '../../src/manifest/parse/quote.js';
import { hasControlCharacter } from './helpers.js';

describe('parseDuration', () => {
  it.each([
    [90, 90],
    ['90s', 90],
    ['15m', 900],
    ['4h', 14_400],
    ['2d', 172_800],
    ['1.5h', 5400],
    ['0s', 0],
  ])('%s is %d seconds', (text, seconds) => {
    expect(parseDuration(text)).toBe(seconds);
  });

  it.each([-1, Infinity, '15', '15 minutes', '4w', '-5m', '.5h', 'h', null, true])(
    '%s is not a duration',
    (value) => {
      expect(parseDuration(value)).toBeUndefined();
    },
  );
});

describe('did you mean', () => {
  it('measures edits, transpositions included', () => {
    expect(editDistance('depends_on', 'depends_on', 3)).toBe(0);
    expect(editDistance('depend_on', 'depends_on', 3)).toBe(1);
    expect(editDistance('teir', 'tier', 3)).toBe(1);
    expect(editDistance('payments-db', 'checkout', 2)).toBe(3);
  });

  it('suggests close keys and ids, ignoring case, and nothing far', () => {
    expect(didYouMean('Tier', ['tier', 'tags'])).toBe('; did you mean "tier"?');
    expect(didYouMean('recoverytime', ['rto', 'recovery_time'])).toBe(
      '; did you mean "recovery_time"?',
    );
    expect(didYouMean('dependencies', ['depends_on', 'monitors'])).toBe('');
    const ids = new Suggester(['payments-db', 'payments-api', 'checkout']);
    expect(ids.closest('payment-db')).toBe('payments-db');
    expect(ids.closest('inventory')).toBeUndefined();
  });
});

describe('quote', () => {
  it('escapes control characters, bidi overrides and lone surrogates', () => {
    const shown = quote('\u001b[31mred\u0007\u009b\u202e\ud800"\\');
    expect(shown).toBe('"\\u001b[31mred\\u0007\\u009b\\u202e\\ud800\\"\\\\"');
    expect(hasControlCharacter(shown)).toBe(false);
    expect(sanitize('line\nbreak\ttab')).toBe('line\\nbreak\\ttab');
  });

  it('cuts long text, saying how long it was', () => {
    expect(quote('x'.repeat(10_000))).toBe(`"${'x'.repeat(80)}…" (10000 characters)`);
  });
});

describe('glob segments', () => {
  const matches = (segment: string, name: string) => {
    const compiled = compileSegment(segment);
    return compiled instanceof RegExp ? compiled.test(name) : compiled === name;
  };

  it('matches *, ? and character classes within a name, not a leading dot', () => {
    expect(matches('*.yaml', 'payments.yaml')).toBe(true);
    expect(matches('*.yaml', '.draft.yaml')).toBe(false);
    expect(matches('.*.yaml', '.draft.yaml')).toBe(true);
    expect(matches('team-?.yaml', 'team-a.yaml')).toBe(true);
    expect(matches('team-[ab].yaml', 'team-c.yaml')).toBe(false);
    expect(matches('team-[!ab].yaml', 'team-c.yaml')).toBe(true);
    expect(matches('a+b(1).yaml', 'a+b(1).yaml')).toBe(true);
    expect(matches('\\*.yaml', '*.yaml')).toBe(true);
  });
});

describe('LineIndex', () => {
  it('turns offsets into 1-based lines and columns, in any order', () => {
    const index = new LineIndex('version: 1\r\nservices:\n  checkout: {}\n');
    expect(index.at(0)).toEqual({ line: 1, column: 1 });
    expect(index.at(24)).toEqual({ line: 3, column: 3 });
    expect(index.at(12)).toEqual({ line: 2, column: 1 });
    expect(index.at(11)).toEqual({ line: 1, column: 12 });
  });
});

describe('parseJson', () => {
  it('parses every kind of value with offsets', () => {
    const { root, problems } = parseJson(
      ' {"a": [1, -2.5e3, true, false, null, "x\\u0041\\n"], "b": {}}',
    );
    expect(problems).toEqual([]);
    expect(root).toEqual({
      kind: 'map',
      offset: 1,
      keys: ['a', 'b'],
      keyOffsets: [2, 52],
      values: [
        {
          kind: 'seq',
          offset: 7,
          items: [1, -2500, true, false, null, 'xA\n'],
          offsets: [8, 11, 19, 25, 32, 38],
        },
        { kind: 'map', offset: 57, keys: [], keyOffsets: [], values: [], valueOffsets: [] },
      ],
      valueOffsets: [7, 57],
    });
  });

  it.each([
    ['{"a": 1,}', 8, 'expected a key in double quotes'],
    ['{"a" 1}', 5, 'expected ":" after a key'],
    ['[1 2]', 3, 'expected "," or "]"'],
    ['"tab\there"', 4, 'control character in a string'],
    ['"\\x"', 0, 'invalid escape sequence'],
    ['{"a": tru}', 6, 'expected a value'],
    ['[1] [2]', 4, 'expected the end of the document'],
    ['{"a": "open', 6, 'unterminated string'],
    ['01', 1, 'expected the end of the document'],
  ])('refuses %j at offset %d', (text, offset, phrase) => {
    const { root, problems } = parseJson(text);
    expect(root).toBeUndefined();
    expect(problems).toHaveLength(1);
    expect(problems[0]?.offset).toBe(offset);
    expect(problems[0]?.message).toContain(phrase);
  });
});

describe('decodeText', () => {
  const bytes = (...parts: (string | number[])[]) =>
    Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p) : Buffer.from(p))));

  it('drops a byte-order mark', () => {
    expect(decodeText(bytes([0xef, 0xbb, 0xbf], 'version: 1'))).toEqual({ text: 'version: 1' });
  });

  it('finds the first invalid UTF-8 byte, overlong forms and surrogates included', () => {
    expect(decodeText(bytes('é\nab', [0xc0, 0xaf])).problem?.offset).toBe(4);
    expect(decodeText(bytes('ok', [0xed, 0xa0, 0x80])).problem?.message).toContain('0xed');
  });

  it('refuses NUL characters', () => {
    expect(decodeText(bytes('version: 1\n', [0]))).toMatchObject({ problem: { offset: 11 } });
  });
});
