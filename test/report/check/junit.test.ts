// `check --format junit`: golden files (regenerate on purpose with `npx vitest -u`), strict XML
// well-formedness, and counts in the attributes that match the test cases.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CheckResult } from '../../../src/analysis/gate/check-result.js';
import { POLICY_RULES } from '../../../src/manifest/types.js';
import { renderCheckJunit } from '../../../src/report/check/junit.js';
import { CLEAN, FIXTURES, render, WITH_BASELINE } from './fixture.js';
import { elementsNamed, parseXml, textOf, type XmlElement } from './xml-checker.js';

function junitOf(result: CheckResult): XmlElement {
  return parseXml(render(renderCheckJunit, result));
}

/** The counts an element's attributes should state, counted from its test cases. */
function countedFrom(element: XmlElement): Record<string, string> {
  const cases = elementsNamed(element, 'testcase');
  const having = (name: string) => cases.filter((c) => elementsNamed(c, name).length > 0).length;
  return {
    tests: String(cases.length),
    failures: String(having('failure')),
    errors: '0',
    skipped: String(having('skipped')),
  };
}

function expectRightCounts(root: XmlElement): void {
  for (const element of [root, ...elementsNamed(root, 'testsuite')]) {
    expect(element.attributes).toMatchObject(countedFrom(element));
  }
}

describe('check --format junit', () => {
  it.each(Object.entries(FIXTURES))('matches the golden file (%s)', async (name, result) => {
    await expect(render(renderCheckJunit, result)).toMatchFileSnapshot(
      `../golden/check/${name}.junit.xml`,
    );
  });

  it.each(Object.entries(FIXTURES))('is well-formed, with the right counts (%s)', (_, result) => {
    const root = junitOf(result);
    expect(root.name).toBe('testsuites');
    expectRightCounts(root);
  });

  it('has a suite per rule in a fixed order, and one for a strict baseline', () => {
    const suites = elementsNamed(junitOf(WITH_BASELINE), 'testsuite');
    expect(suites.map((s) => s.attributes.name)).toEqual([...POLICY_RULES, 'baseline']);
    const lenient = junitOf({ ...WITH_BASELINE, strictBaseline: false });
    expect(elementsNamed(lenient, 'testsuite').map((s) => s.attributes.name)).not.toContain(
      'baseline',
    );
  });

  it('fails new errors, skips known findings, passes new warnings with a note', () => {
    const cases = elementsNamed(junitOf(WITH_BASELINE), 'testcase');
    const outcome = (c: XmlElement) =>
      c.children.find((x) => typeof x !== 'string')?.name ?? 'pass';
    const byName = new Map(cases.map((c) => [c.attributes.name, c]));
    for (const finding of WITH_BASELINE.findings) {
      const testCase = byName.get(finding.message.replace(/\n/g, ' '))!;
      expect(testCase.attributes).toMatchObject({
        classname: finding.rule,
        file: finding.location.file,
        line: String(finding.location.line),
      });
      const expected =
        finding.state === 'known'
          ? 'skipped'
          : finding.severity === 'error'
            ? 'failure'
            : 'system-out';
      expect(outcome(testCase)).toBe(expected);
    }
    const failure = elementsNamed(byName.get(WITH_BASELINE.findings[1]!.message)!, 'failure')[0]!;
    expect(failure.attributes.type).toBe('no-spof');
    expect(textOf(failure)).toContain('deploy/prod manifests/blast-radius.yaml:12:9');
    expect(textOf(failure)).toContain('Give the component a redundant alternative');
  });

  it('passes one test case for each rule without findings', () => {
    const cases = elementsNamed(junitOf(CLEAN), 'testcase');
    expect(cases.map((c) => c.attributes.name)).toEqual(
      POLICY_RULES.map((rule) => `${rule}: no findings`),
    );
    expect(cases.every((c) => c.children.length === 0)).toBe(true);
  });

  it('stays well-formed with right counts for any message, file and subject', () => {
    const [template] = WITH_BASELINE.findings;
    const text = fc.string({ unit: 'binary' });
    fc.assert(
      fc.property(
        fc.array(fc.tuple(text, text, text, fc.boolean(), fc.boolean()), { maxLength: 6 }),
        (rows) => {
          const findings = rows.map(([message, file, id, known, error]) => ({
            ...template!,
            message,
            severity: error ? ('error' as const) : ('warn' as const),
            state: known ? ('known' as const) : ('new' as const),
            subject: { service: id },
            location: { file, line: 3, column: 1 },
          }));
          const stale = rows.map(([, , id]) => ({
            rule: 'no-spof',
            fingerprint: '0',
            subject: { id },
          }));
          const root = junitOf({ ...WITH_BASELINE, findings, stale });
          expectRightCounts(root);
          // Every finding is a no-spof one; the baseline suite has a case per stale entry.
          const perSuite = Math.max(rows.length, 1);
          expect(root.attributes.tests).toBe(String(perSuite + POLICY_RULES.length - 1 + perSuite));
        },
      ),
      { numRuns: 300 },
    );
  });
});
