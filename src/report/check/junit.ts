// `check --format junit`: the findings as a JUnit XML test report, for the test views of GitLab,
// Jenkins and Azure DevOps. A suite per rule, a test case per finding: a new error fails, a new
// warning passes with a note, a known finding is skipped; a rule without findings passes once.
// Stale baseline entries fail a `baseline` suite when the baseline is strict.

import type { CheckResult, Finding, StaleEntry } from '../../analysis/gate/check-result.js';
import { RULE_DESCRIPTIONS } from '../../analysis/gate/rule-descriptions.js';
import { checkRules, repositoryPath } from './ci-paths.js';
import { subjectText } from './subject.js';
import { checkSummaryLine } from './verdict.js';
import { lineChunks } from '../shared/line-chunks.js';
import { xmlAttribute as attr, xmlText } from '../shared/xml.js';

interface TestCase {
  classname: string;
  name: string;
  file?: string;
  line?: number;
  outcome:
    | { kind: 'pass'; output?: string }
    | { kind: 'failure'; message: string; type: string; body: string }
    | { kind: 'skipped'; message: string };
}

interface TestSuite {
  name: string;
  cases: TestCase[];
}

export function renderCheckJunit(result: CheckResult): Iterable<string> {
  return lineChunks(junitLines(result));
}

function* junitLines(result: CheckResult): Generator<string> {
  const off = new Set(result.rules.filter((r) => !r.enabled).map((r) => r.rule));
  const suites: TestSuite[] = checkRules(result).map((rule) => {
    if (off.has(rule)) return { name: rule, cases: [skipped(rule, 'switched off by the policy')] };
    const cases = result.findings.filter((f) => f.rule === rule).map(findingCase);
    return { name: rule, cases: cases.length > 0 ? cases : [passing(rule, 'no findings')] };
  });
  if (result.strictBaseline) {
    const cases = result.stale.map((entry) => staleCase(entry, result.baseline));
    suites.push({
      name: 'baseline',
      cases: cases.length > 0 ? cases : [passing('baseline', 'no stale entries')],
    });
  }
  const all = suites.flatMap((suite) => suite.cases);
  yield '<?xml version="1.0" encoding="UTF-8"?>';
  // The summary is our own words: never `--` or markup.
  yield `<!-- ${checkSummaryLine(result)} -->`;
  yield `<testsuites name="blast-radius" ${counts(all)}>`;
  for (const suite of suites) {
    yield `  <testsuite name="${attr(suite.name)}" ${counts(suite.cases)}>`;
    for (const testCase of suite.cases) yield* caseLines(testCase);
    yield '  </testsuite>';
  }
  yield '</testsuites>';
}

function findingCase(finding: Finding): TestCase {
  const { file, line, column } = finding.location;
  const name = oneLine(finding.message);
  const where = { classname: finding.rule, name, file: repositoryPath(file), line };
  if (finding.state === 'known') {
    return { ...where, outcome: { kind: 'skipped', message: 'accepted in the baseline' } };
  }
  if (finding.severity === 'warn') {
    const output = `warning (does not fail the gate) at ${file}:${line}:${column}\n${finding.message}`;
    return { ...where, outcome: { kind: 'pass', output } };
  }
  const { title, help } = RULE_DESCRIPTIONS[finding.rule];
  const body =
    `${file}:${line}:${column}\n${finding.message}\n\n${title}: ${help}\n` +
    `fingerprint: ${finding.fingerprint}`;
  const outcome = {
    kind: 'failure',
    message: oneLine(finding.message),
    type: finding.rule,
    body,
  } as const;
  return { ...where, outcome };
}

function staleCase(entry: StaleEntry, baseline: string | null): TestCase {
  const name = `${entry.rule} ${subjectText(entry.subject)}`;
  const message = 'stale baseline entry: the finding no longer occurs';
  const body =
    `Remove the entry with fingerprint ${entry.fingerprint} from ${baseline ?? 'the baseline'}: ` +
    'a strict baseline only shrinks.';
  return {
    classname: 'baseline',
    name,
    outcome: { kind: 'failure', message, type: 'stale', body },
  };
}

function passing(classname: string, what: string): TestCase {
  return { classname, name: `${classname}: ${what}`, outcome: { kind: 'pass' } };
}

function skipped(classname: string, why: string): TestCase {
  return { classname, name: `${classname}: ${why}`, outcome: { kind: 'skipped', message: why } };
}

function caseLines(testCase: TestCase): string[] {
  const place =
    testCase.file === undefined ? '' : ` file="${attr(testCase.file)}" line="${testCase.line}"`;
  const open = `    <testcase classname="${attr(testCase.classname)}" name="${attr(testCase.name)}"${place} time="0"`;
  const { outcome } = testCase;
  switch (outcome.kind) {
    case 'pass':
      if (outcome.output === undefined) return [`${open}/>`];
      return [
        `${open}>`,
        `      <system-out>${xmlText(outcome.output)}</system-out>`,
        '    </testcase>',
      ];
    case 'skipped':
      return [`${open}>`, `      <skipped message="${attr(outcome.message)}"/>`, '    </testcase>'];
    case 'failure':
      return [
        `${open}>`,
        `      <failure message="${attr(outcome.message)}" type="${attr(outcome.type)}">${xmlText(outcome.body)}</failure>`,
        '    </testcase>',
      ];
  }
}

function counts(cases: readonly TestCase[]): string {
  const failures = cases.filter((c) => c.outcome.kind === 'failure').length;
  const skipped = cases.filter((c) => c.outcome.kind === 'skipped').length;
  return `tests="${cases.length}" failures="${failures}" errors="0" skipped="${skipped}" time="0"`;
}

/** A message as a test name: its lines joined. */
function oneLine(text: string): string {
  return text.split(/\r\n|\r|\n/).join(' ');
}
