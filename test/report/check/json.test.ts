// check's JSON reporter writes exactly what the shared JSON writer writes for the same result,
// on hand-made results and on random ones: ids and messages with quotes, backslashes, control
// characters and lone surrogates, subjects with lists, optional members left out or undefined,
// and findings of shapes no rule makes (nested objects, lists of objects), which it hands on.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CheckResult, Finding } from '../../../src/analysis/gate/check-result.js';
import { renderCheckJson } from '../../../src/report/check/json.js';
import { renderJson } from '../../../src/report/shared/json.js';
import { FIXTURES } from './fixture.js';

const text = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 8 }),
  fc.constantFrom(
    'svc-1',
    'ep.web-7',
    '"',
    '\\',
    '\n',
    '\u2028',
    '\ud800',
    '", "',
    '\n  "findings": []',
  ),
);
const ids = fc.array(text, { maxLength: 6 });
const plain = fc.oneof(text, fc.integer(), fc.double(), fc.boolean(), fc.constant(null));

/** A member as the rules make them, or (rarely) of a shape they never make. */
const odd = fc.oneof(
  fc.constant(undefined),
  fc.record({ nested: fc.record({ deeper: text }) }),
  fc.array(fc.record({ id: text }), { minLength: 1, maxLength: 2 }),
  fc.array(fc.oneof(plain, fc.constant(undefined)), { maxLength: 3 }),
  fc.dictionary(text, fc.oneof(plain, ids), { maxKeys: 3 }),
  fc.constant({}),
);

const finding: fc.Arbitrary<Finding> = fc
  .record(
    {
      rule: fc.constantFrom('no-spof', 'cold-start', 'rto-consistency'),
      severity: fc.constantFrom('error', 'warn'),
      fingerprint: fc.stringMatching(/^[0-9a-f]{32}$/),
      subject: fc.dictionary(text, fc.oneof(text, ids), { maxKeys: 3 }),
      message: text,
      location: fc.record({ file: text, line: fc.nat(), column: fc.nat() }),
      entrypoints: ids,
      state: fc.constantFrom('new', 'known'),
      sinceBaseline: fc.record({ added: ids, removed: ids }),
    },
    {
      requiredKeys: ['rule', 'severity', 'fingerprint', 'subject', 'message', 'location', 'state'],
    },
  )
  .chain((f) =>
    fc
      .option(fc.tuple(fc.constantFrom('subject', 'extra', 'location'), odd), { freq: 4 })
      .map((change) => (change === null ? f : { ...f, [change[0]]: change[1] }) as Finding),
  );

const result: fc.Arbitrary<CheckResult> = fc.record({
  manifest: text,
  baseline: fc.option(text),
  strictBaseline: fc.boolean(),
  passed: fc.boolean(),
  summary: fc.record({
    errors: fc.nat(),
    warnings: fc.nat(),
    new: fc.nat(),
    newErrors: fc.nat(),
    known: fc.nat(),
    fixed: fc.nat(),
  }),
  rules: fc.array(
    fc.record({
      rule: fc.constantFrom('no-spof' as const, 'cold-start' as const),
      enabled: fc.boolean(),
    }),
    { maxLength: 2 },
  ),
  findings: fc.array(finding, { maxLength: 5 }),
  stale: fc.array(
    fc.record({
      rule: text,
      fingerprint: text,
      subject: fc.dictionary(text, text, { maxKeys: 2 }),
    }),
    { maxLength: 2 },
  ),
});

function written(value: CheckResult): string {
  return [...renderCheckJson(value)].join('');
}

describe("check's JSON reporter", () => {
  it.each(Object.entries(FIXTURES))('writes %s as the shared writer does', (_, fixture) => {
    expect(written(fixture)).toBe(renderJson(fixture));
  });

  it('writes random results as the shared writer does', () => {
    fc.assert(
      fc.property(result, (value) => {
        expect(written(value)).toBe(renderJson(value));
      }),
      { numRuns: 2000 },
    );
  });

  it('hands on chunks of about 64 KiB when there are many findings', () => {
    const many = { ...FIXTURES['with-baseline'] };
    many.findings = Array.from({ length: 3000 }, (_, i) => ({
      ...many.findings[i % many.findings.length]!,
      message: `finding ${i}`,
    }));
    const chunks = [...renderCheckJson(many)];
    expect(chunks.length).toBeGreaterThan(5);
    expect(chunks.join('')).toBe(renderJson(many));
  });
});
