// `check` for a terminal or a CI log: new findings grouped by file, each at line:column with its
// severity and rule (the way linters print), then the findings the baseline accepts (bounded by
// --top), stale baseline entries, and the verdict last, where a log is read first.

import type { CheckResult, Finding } from '../../analysis/gate/check-result.js';
import { sinceBaselineText } from './since-baseline.js';
import { subjectText } from './subject.js';
import { checkVerdict, gateReason } from './verdict.js';
import { formatNumber, plural } from '../shared/format.js';
import { lineChunks } from '../shared/line-chunks.js';
import { safeText } from '../shared/safe-text.js';
import { createStyle, type Style } from '../shared/style.js';

export function renderCheckText(
  result: CheckResult,
  options: { color: boolean; top: number },
): Iterable<string> {
  return lineChunks(checkLines(result, options));
}

function* checkLines(
  result: CheckResult,
  options: { color: boolean; top: number },
): Generator<string> {
  const style = createStyle(options.color);
  const baseline = result.baseline === null ? '' : ` (baseline ${safeText(result.baseline)})`;
  yield style.bold(`blast-radius check — ${safeText(result.manifest)}${baseline}`);
  yield '';
  const fresh = result.findings.filter((f) => f.state === 'new');
  const known = result.findings.filter((f) => f.state === 'known');
  if (fresh.length === 0) yield* ['No new findings.', ''];
  else yield* byFile(fresh, style);
  if (known.length > 0) {
    yield style.dim(`Accepted in the baseline (${formatNumber(known.length)}):`);
    yield* byFile(known.slice(0, options.top), style, true);
    if (known.length > options.top) {
      yield style.dim(`  … and ${formatNumber(known.length - options.top)} more`);
      yield '';
    }
  }
  if (result.stale.length > 0) {
    const heading = `Stale baseline entries (${formatNumber(result.stale.length)}): no longer found — fixed, or their rule is off; drop them with --update-baseline`;
    yield style.bold(heading);
    for (const entry of result.stale) {
      yield `  ${entry.rule}  ${safeText(subjectText(entry.subject))}`;
    }
    yield '';
  }
  const verdict = checkVerdict(result);
  const reason = gateReason(result);
  yield result.passed ? style.green(`✓ ${verdict}`) : style.red.bold(`✗ ${verdict}: ${reason}`);
  yield style.dim(
    `${plural(result.findings.length, 'finding')}: ${plural(result.summary.errors, 'error')}, ${plural(result.summary.warnings, 'warning')}`,
  );
}

function* byFile(findings: readonly Finding[], style: Style, dim = false): Generator<string> {
  let file: string | undefined;
  for (const finding of findings) {
    if (finding.location.file !== file) {
      if (file !== undefined) yield '';
      file = finding.location.file;
      yield style.underline(safeText(file));
    }
    const where = `${finding.location.line}:${finding.location.column}`.padEnd(8);
    const severity =
      finding.severity === 'error' ? style.red('error'.padEnd(5)) : style.yellow('warn'.padEnd(5));
    const since = sinceBaselineText(finding);
    const message = since === '' ? finding.message : `${finding.message} ${since}`;
    const text = `  ${where} ${severity}  ${safeText(message)}  ${style.dim(finding.rule)}`;
    yield dim ? style.dim(text) : text;
  }
  yield '';
}
