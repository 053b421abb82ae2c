// Baselines: comparing findings with the accepted ones (new, known, stale, the strict gate),
// the file format written and read back, and clear errors for a baseline that is not one.

import { describe, expect, it } from 'vitest';
import { baselineOf, compareWithBaseline } from '../../../src/analysis/gate/baseline-comparison.js';
import { ManifestErrors } from '../../../src/manifest/errors.js';
import { parseBaselineText } from '../../../src/manifest/baseline.js';
import { POLICY_RULES } from '../../../src/manifest/types.js';
import { renderBaseline } from '../../../src/report/check/baseline-json.js';
import { assertMatches } from '../../schema/schemas.js';
import { findingsOf, GATE_DEMO } from '../../check/support.js';

const findings = findingsOf(GATE_DEMO);
const options = {
  manifest: 'blast-radius.yaml',
  baselineFile: 'b.json',
  strict: false,
  rules: new Map(POLICY_RULES.map((rule) => [rule, true] as const)),
};

describe('comparing with a baseline', () => {
  it('calls everything new without a baseline, and fails on a new error', () => {
    const result = compareWithBaseline(findings, null, { ...options, baselineFile: null });
    expect(result.summary).toEqual({
      errors: 3,
      warnings: 6,
      new: 9,
      newErrors: 3,
      known: 0,
      fixed: 0,
    });
    expect(result.passed).toBe(false);
  });

  it('accepts what the baseline records and lists what it no longer needs', () => {
    const accepted = baselineOf(findings);
    const stale = {
      rule: 'no-spof',
      fingerprint: 'f'.repeat(32),
      subject: { entrypoint: 'x', component: 'y' },
    };
    const result = compareWithBaseline(findings, [...accepted, stale], options);
    expect(result.summary.new).toBe(0);
    expect(result.summary.known).toBe(9);
    expect(result.stale).toEqual([stale]);
    expect(result.passed).toBe(true);
    expect(
      compareWithBaseline(findings, [...accepted, stale], { ...options, strict: true }).passed,
    ).toBe(false);
  });

  it('passes on new warnings', () => {
    const errorsOnly = baselineOf(findings.filter((f) => f.severity === 'error'));
    const result = compareWithBaseline(findings, errorsOnly, options);
    expect(result.summary.new).toBe(6);
    expect(result.passed).toBe(true);
  });
});

describe('the baseline file', () => {
  it('is sorted by rule and subject, matches its schema and reads back', () => {
    const text = renderBaseline(baselineOf([...findings].reverse()));
    expect(text).toBe(renderBaseline(baselineOf(findings)));
    assertMatches('baseline', JSON.parse(text));
    const entries = parseBaselineText(text);
    expect(entries.map((e) => e.rule)).toEqual([...entries.map((e) => e.rule)].sort());
    expect(entries).toEqual(baselineOf(findings));
  });

  it.each([
    ['[]', 'b.json:1:1: a baseline must be an object with version and findings, not a list'],
    [
      '{"findings": []}',
      'b.json:1:1: not a blast-radius baseline of version 1 ("version": 1 is missing)',
    ],
    ['{"version": 1}', 'b.json:1:1: a baseline needs "findings": a list of accepted findings'],
    [
      '{"version": 1, "findings": [{"rule": "no-spof", "fingerprint": "abc", "subject": {}}]}',
      'b.json:1:64: a baseline finding needs "fingerprint", 32 lowercase hex digits',
    ],
    [
      `{"version": 1, "findings": [{"rule": "no-spof", "fingerprint": "${'a'.repeat(32)}", "subject": 3}]}`,
      `b.json:1:111: baseline finding "${'a'.repeat(32)}" needs "subject", an object of ids`,
    ],
    ['{"version": 1, "findings": [}', 'b.json:1:29:'],
  ])('refuses %s', (text, message) => {
    let errors: string[] = [];
    try {
      parseBaselineText(text, 'b.json');
    } catch (error) {
      if (!(error instanceof ManifestErrors)) throw error;
      errors = error.errors.map((e) => e.format());
    }
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain(message);
  });
});
