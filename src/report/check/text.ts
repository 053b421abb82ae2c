// `check` for a terminal or a CI log: new findings grouped by file, each at line:column with its
// severity and rule (the way linters print), then the findings the baseline accepts (bounded by
// --top), stale baseline entries, and the verdict last, where a log is read first.

import type { CheckResult, Finding } from '../../analysis/gate/check-result.js';
import { sinceBaselineText } from './since-baseline.js';
import { subjectText } from './subject.js';
import { checkVerdict, gateReason } from './verdict.js';
import { formatNumber, plural } from '../shared/format.js';
import { safeText } from '../shared/safe-text.js';
import { createStyle, type Style } from '../shared/style.js';

export function renderCheckText(result: CheckResult, options: { color: boolean; top: number }) {
  const style = createStyle(options.color);
  const lines: string[] = [];
  const baseline = result.baseline === null ? '' : ` (baseline ${safeText(result.baseline)})`;
  lines.push(style.bold(`blast-radius check — ${safeText(result.manifest)}${baseline}`), '');
  const fresh = result.findings.filter((f) => f.state === 'new');
  const known = result.findings.filter((f) => f.state === 'known');
  if (fresh.length === 0) lines.push('No new findings.', '');
  else lines.push(...byFile(fresh, style));
  if (known.length > 0) {
    lines.push(style.dim(`Accepted in the baseline (${formatNumber(known.length)}):`));
    lines.push(...byFile(known.slice(0, options.top), style, true));
    if (known.length > options.top) {
      lines.push(style.dim(`  … and ${formatNumber(known.length - options.top)} more`), '');
    }
  }
  if (result.stale.length > 0) {
    const heading = `Stale baseline entries (${formatNumber(result.stale.length)}): no longer found — fixed, or their rule is off; drop them with --update-baseline`;
    lines.push(style.bold(heading));
    for (const entry of result.stale) {
      lines.push(`  ${entry.rule}  ${safeText(subjectText(entry.subject))}`);
    }
    lines.push('');
  }
  const verdict = checkVerdict(result);
  const reason = gateReason(result);
  lines.push(
    result.passed ? style.green(`✓ ${verdict}`) : style.red.bold(`✗ ${verdict}: ${reason}`),
  );
  lines.push(
    style.dim(
      `${plural(result.findings.length, 'finding')}: ${plural(result.summary.errors, 'error')}, ${plural(result.summary.warnings, 'warning')}`,
    ),
  );
  return lines.join('\n') + '\n';
}

function byFile(findings: readonly Finding[], style: Style, dim = false): string[] {
  const lines: string[] = [];
  let file: string | undefined;
  for (const finding of findings) {
    if (finding.location.file !== file) {
      if (file !== undefined) lines.push('');
      file = finding.location.file;
      lines.push(style.underline(safeText(file)));
    }
    const where = `${finding.location.line}:${finding.location.column}`.padEnd(8);
    const severity =
      finding.severity === 'error' ? style.red('error'.padEnd(5)) : style.yellow('warn'.padEnd(5));
    const since = sinceBaselineText(finding);
    const message = since === '' ? finding.message : `${finding.message} ${since}`;
    const text = `  ${where} ${severity}  ${safeText(message)}  ${style.dim(finding.rule)}`;
    lines.push(dim ? style.dim(text) : text);
  }
  lines.push('');
  return lines;
}
