// Baselines: comparing findings with the accepted ones (new, known, stale, the strict gate),
// the file format written and read back, and clear errors for a baseline that is not one.

import { describe, expect, it } from 'vitest';
import { baselineOf, compareWithBaseline } from '../../../src/analysis/gate/baseline-comparison.js';
import { ManifestErrors } from '../../../src/manifest/errors.js';
import { parseBaselineText } from '../../../src/manifest/baseline.js';
import { POLICY_RULES } from '../../../src/manifest/types.js';
import { renderBaseline } from '../../../src/report/check/baseline-json.js';
import { fingerprint } from '../../../src/analysis/gate/fingerprint.js';
import { renderCheckText } from '../../../src/report/check/text.js';
import { renderJson } from '../../../src/report/shared/json.js';
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
      warnings: 2,
      new: 5,
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
      subject: { component: 'y' },
    };
    const result = compareWithBaseline(findings, [...accepted, stale], options);
    expect(result.summary.new).toBe(0);
    expect(result.summary.known).toBe(5);
    expect(result.stale).toEqual([stale]);
    expect(result.passed).toBe(true);
    expect(
      compareWithBaseline(findings, [...accepted, stale], { ...options, strict: true }).passed,
    ).toBe(false);
  });

  it('passes on new warnings', () => {
    const errorsOnly = baselineOf(findings.filter((f) => f.severity === 'error'));
    const result = compareWithBaseline(findings, errorsOnly, options);
    expect(result.summary.new).toBe(2);
    expect(result.passed).toBe(true);
  });

  it('keeps a SPOF known when it takes down another entry point, and says which', () => {
    const narrower = baselineOf(findings).map((entry) =>
      entry.subject['component'] === 'db' ? { ...entry, entrypoints: ['gone', 'web'] } : entry,
    );
    const result = compareWithBaseline(findings, narrower, options);
    expect(result.summary).toMatchObject({ new: 0, known: 5, fixed: 0 });
    expect(result.passed).toBe(true);
    const db = result.findings.find((f) => f.subject['component'] === 'db')!;
    expect(db.state).toBe('known');
    expect(db.sinceBaseline).toEqual({ added: ['admin'], removed: ['gone'] });
    expect(result.findings.filter((f) => f.sinceBaseline !== undefined)).toHaveLength(1);
    expect([...renderCheckText(result, { color: false, top: 10 })].join('')).toContain(
      '(+1 entry point since the baseline: "admin"; 1 fewer)',
    );
    assertMatches('check-result', JSON.parse(renderJson(result)));
  });
});

describe('a baseline written before findings were grouped (version 1, one entry per pair)', () => {
  /** The version-1 file that accepted `findings`: one entry per entry point of each SPOF. */
  const pairs = (drop: string | undefined) => {
    const entries = findings.flatMap((f) => {
      if (f.entrypoints === undefined)
        return [{ rule: f.rule, fingerprint: f.fingerprint, subject: f.subject }];
      return f.entrypoints
        .filter((entry) => `${entry} ${JSON.stringify(f.subject)}` !== drop)
        .map((entry) => {
          const subject = { entrypoint: entry, ...f.subject };
          return { rule: f.rule, fingerprint: fingerprint(f.rule, subject), subject };
        });
    });
    return JSON.stringify({ version: 1, comment: 'old', findings: entries });
  };

  it('still accepts exactly what it accepted: nothing new, nothing stale', () => {
    const result = compareWithBaseline(findings, parseBaselineText(pairs(undefined)), options);
    expect(result.summary).toMatchObject({ new: 0, known: 5, fixed: 0 });
    expect(result.findings.every((f) => f.sinceBaseline === undefined)).toBe(true);
  });

  it('shows an entry point it did not accept as a change of a known finding', () => {
    const old = parseBaselineText(pairs(`admin ${JSON.stringify({ component: 'db' })}`));
    const result = compareWithBaseline(findings, old, options);
    expect(result.summary).toMatchObject({ new: 0, known: 5, fixed: 0 });
    const db = result.findings.find((f) => f.subject['component'] === 'db')!;
    expect(db.sinceBaseline).toEqual({ added: ['admin'], removed: [] });
  });

  it('reports a SPOF that no longer occurs once, grouped, as stale', () => {
    const text = pairs(undefined).replace(/"component":"db"/g, '"component":"db-old"');
    const result = compareWithBaseline(findings, parseBaselineText(text), options);
    expect(result.stale).toEqual([
      {
        rule: 'no-spof',
        fingerprint: fingerprint('no-spof', { component: 'db-old' }),
        subject: { component: 'db-old' },
      },
    ]);
    expect(result.findings.find((f) => f.subject['component'] === 'db')!.state).toBe('new');
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
      'b.json:1:1: not a blast-radius baseline of version 1 to 2 ("version" is missing or another)',
    ],
    [
      '{"version": 3, "findings": []}',
      'b.json:1:13: not a blast-radius baseline of version 1 to 2',
    ],
    [
      `{"version": 2, "findings": [{"rule": "no-spof", "fingerprint": "${'a'.repeat(32)}", "subject": {}, "entrypoints": "web"}]}`,
      `b.json:1:130: a baseline finding's "entrypoints" must be a list of ids`,
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
