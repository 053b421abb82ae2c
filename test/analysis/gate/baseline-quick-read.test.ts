// A baseline is read with JSON.parse when it can be, and with the positional parser otherwise:
// on random baseline texts (valid and not, keys written twice, escapes, integer-like keys, odd
// spacing) both give the same entries, or the same errors.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseBaselineText } from '../../../src/manifest/baseline.js';
import { ManifestErrors } from '../../../src/manifest/errors.js';

const PRINT = 'a'.repeat(32);
const ids = fc.constantFrom('web', 'db', 'a"b', 'c\\d', 'é→', '0', '12', '__proto__', 'rule');
const idList = fc.array(ids, { maxLength: 3 });
const subject = fc.dictionary(ids, fc.oneof(ids, idList, fc.constant(3 as unknown)), {
  maxKeys: 3,
});
const entry = fc.record(
  {
    rule: fc.oneof(fc.constantFrom('no-spof', 'cold-start'), fc.constant(7 as unknown)),
    fingerprint: fc.constantFrom(PRINT, 'b'.repeat(32), 'abc', 'A'.repeat(32)),
    subject: fc.oneof(subject, fc.constant(null), fc.constant(['web'] as unknown)),
    entrypoints: fc.oneof(idList, fc.constant('web' as unknown), fc.constant([1] as unknown)),
    extra: fc.constant('kept aside'),
  },
  { requiredKeys: [] },
);
const document = fc.record(
  {
    version: fc.constantFrom<unknown>(1, 2, 3, '2', 1.0),
    comment: fc.constant('accepted'),
    findings: fc.oneof(
      fc.array(entry, { maxLength: 4 }),
      fc.constant({} as unknown),
      fc.constant(null),
    ),
  },
  { requiredKeys: [] },
);

/** The document as text: indented or not, and at times with one key written twice. */
const text = fc
  .tuple(document, fc.constantFrom(0, 1, 2), fc.nat(), fc.constantFrom(undefined, '"x"', '[]'))
  .map(([doc, indent, at, twice]) => {
    const written = JSON.stringify(doc, null, indent);
    if (twice === undefined) return written;
    // Write the n-th key again just before it, with another value.
    const keys = [...written.matchAll(/"(?:[^"\\]|\\.)*"\s*:/g)];
    if (keys.length === 0) return written;
    const key = keys[at % keys.length]!;
    return `${written.slice(0, key.index)}${key[0]} ${twice}, ${written.slice(key.index)}`;
  });

function read(text: string, positional: boolean): unknown {
  try {
    return parseBaselineText(text, 'b.json', { positional });
  } catch (error) {
    if (!(error instanceof ManifestErrors)) throw error;
    return error.errors.map((e) => e.format());
  }
}

describe('reading a baseline with JSON.parse', () => {
  it('gives what the positional parser gives, entries or errors', () => {
    fc.assert(
      fc.property(text, (written) => {
        const quick = read(written, false);
        const positional = read(written, true);
        expect(quick).toEqual(positional);
        // Key order too: the subjects are printed as they were read.
        expect(JSON.stringify(quick)).toBe(JSON.stringify(positional));
      }),
      { numRuns: 2000 },
    );
  });

  it.each([
    [
      'a key written twice in an entry: the first is read',
      `"rule": "cold-start", "rule": "no-spof"`,
    ],
    ['escaped quotes before a colon in a value', `"rule": "\\\\\\":"`],
  ])('%s', (_, rule) => {
    const written = `{"version": 2, "findings": [{${rule}, "fingerprint": "${PRINT}", "subject": {}}]}`;
    expect(read(written, false)).toEqual(read(written, true));
  });
});
