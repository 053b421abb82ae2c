// `check` as Markdown, for a GitHub job summary or a merge-request note: the verdict, the new
// findings in a table (all of them: they are what the gate is about), the accepted ones folded
// away and bounded by --top, and the stale baseline entries.

import type { CheckResult, Finding } from '../../analysis/gate/check-result.js';
import { RULE_DESCRIPTIONS } from '../../analysis/gate/rule-descriptions.js';
import { sinceBaselineText } from './since-baseline.js';
import { subjectText } from './subject.js';
import { checkVerdict, gateReason } from './verdict.js';
import { formatNumber } from '../shared/format.js';
import { markdownCode, markdownText } from '../shared/markdown.js';
import { lineChunks } from '../shared/line-chunks.js';
import { markdownTable } from '../shared/table.js';

export function renderCheckMarkdown(
  result: CheckResult,
  options: { top: number },
): Iterable<string> {
  return lineChunks(checkLines(result, options), '');
}

function* checkLines(result: CheckResult, options: { top: number }): Generator<string> {
  const mark = result.passed ? '✅' : '❌';
  const reason = gateReason(result);
  yield `## ${mark} blast-radius check — ${markdownText(checkVerdict(result))}`;
  yield '';
  yield (
    `Manifest ${markdownCode(result.manifest)}` +
    (result.baseline === null ? ', no baseline.' : `, baseline ${markdownCode(result.baseline)}.`) +
    (reason === undefined ? '' : ` The gate failed on ${markdownText(reason)}.`)
  );
  yield '';
  const fresh = result.findings.filter((f) => f.state === 'new');
  const known = result.findings.filter((f) => f.state === 'known');
  if (fresh.length > 0) yield* ['### New findings', '', ...table(fresh), ''];
  if (known.length > 0) {
    yield `<details><summary>${formatNumber(known.length)} accepted in the baseline</summary>`;
    yield '';
    yield* table(known.slice(0, options.top));
    if (known.length > options.top) {
      yield* ['', `… and ${formatNumber(known.length - options.top)} more.`];
    }
    yield* ['', '</details>', ''];
  }
  if (result.stale.length > 0) {
    yield* [
      '### Stale baseline entries',
      '',
      'No longer found — fixed, or their rule is off. Drop them with `blast-radius check --update-baseline`.',
      '',
    ];
    for (const e of result.stale) {
      yield `- ${markdownCode(e.rule)} ${markdownCode(subjectText(e.subject))}`;
    }
    yield '';
  }
  const rules = [...new Set(fresh.map((f) => f.rule))].sort();
  if (rules.length > 0) {
    yield* ['### What to do', ''];
    for (const rule of rules) {
      yield `- **${markdownCode(rule)}** — ${RULE_DESCRIPTIONS[rule].help}`;
    }
    yield '';
  }
}

function withChange(finding: Finding): string {
  const since = sinceBaselineText(finding);
  return since === '' ? finding.message : `${finding.message} ${since}`;
}

function table(findings: readonly Finding[]): string[] {
  return markdownTable(
    ['severity', 'rule', 'where', 'finding'],
    findings.map((f) => [
      f.severity,
      markdownCode(f.rule),
      markdownCode(`${f.location.file}:${f.location.line}`),
      markdownText(withChange(f)),
    ]),
    ['left', 'left', 'left', 'left'],
  );
}
