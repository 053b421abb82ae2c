// The recovery-objectives sections of the `analyze` reports, text and Markdown: a table of entry
// points × kinds of disruption (estimated RTO / RPO against the target, marked where it fails),
// the disruption and chain behind each failing estimate, the data that shares fate and the
// components without a recovery_time.

import type { AnalysisResult, RecoveryEstimate } from '../../analysis/analysis-result.js';
import { formatDuration } from '../../manifest/fields/duration.js';
import { DISRUPTION_KINDS } from '../../manifest/types.js';
import { formatNumber, plural } from '../shared/format.js';
import { markdownCode } from '../shared/markdown.js';
import { safeText } from '../shared/safe-text.js';
import type { Style } from '../shared/style.js';
import { more } from '../shared/text-lists.js';
import { markdownTable, textTable } from '../shared/table.js';

/** The text mark of an estimate above its target, so a failure is never shown by colour alone. */
export const FAILS = '✗';

function durationOf(seconds: number | null): string {
  return seconds === null ? 'unbounded' : formatDuration(seconds);
}

/** "1h ✗ (30m)": the estimate, the mark when it exceeds the target, and the target. */
export function objectiveMeasure(estimate: RecoveryEstimate, which: 'rto' | 'rpo'): string {
  const value = durationOf(estimate[which]);
  const target = estimate.target?.[which];
  if (target === undefined) return value;
  const mark = estimate.exceeds.includes(which) ? ` ${FAILS}` : '';
  return `${value}${mark} (${formatDuration(target)})`;
}

function cell(estimate: RecoveryEstimate): string {
  return `${objectiveMeasure(estimate, 'rto')} / ${objectiveMeasure(estimate, 'rpo')}`;
}

/** Why an estimate fails, in words, with `code` for ids. */
export function missedObjectives(
  entry: string,
  kind: string,
  estimate: RecoveryEstimate,
  code: (id: string) => string,
): string[] {
  const lines: string[] = [];
  if (estimate.exceeds.includes('rto')) {
    lines.push(
      `${code(entry)}, ${kind}: RTO ${formatDuration(estimate.rto)} when ${code(estimate.rtoDisruption!)} fails: ` +
        estimate.rtoChain.map(code).join(' → '),
    );
  }
  if (estimate.exceeds.includes('rpo')) {
    lines.push(
      `${code(entry)}, ${kind}: RPO ${durationOf(estimate.rpo)} when ${code(estimate.rpoDisruption!)} fails ` +
        `(data of ${code(estimate.rpoDatastore!)})`,
    );
  }
  return lines;
}

export function fateSentence(
  fate: NonNullable<AnalysisResult['dataSharesFate']>[number],
  code: (id: string) => string,
): string {
  const where = fate.domain.slice(fate.domain.lastIndexOf('=') + 1);
  const verb = fate.copies.length === 1 ? 'is' : 'are';
  return (
    `${fate.copies.map(code).join(', ')} ${verb} in ${code(where)} with ${code(fate.datastore)}: ` +
    `losing the ${fate.level} loses all of it`
  );
}

export function objectivesText(result: AnalysisResult, style: Style, top: number): string[] {
  const objectives = result.objectives;
  if (objectives === undefined) return [];
  const entries = Object.keys(objectives);
  const rows = entries
    .slice(0, top)
    .map((e) => [safeText(e), ...DISRUPTION_KINDS.map((k) => cell(objectives[e]![k]))]);
  const why = entries.flatMap((e) =>
    DISRUPTION_KINDS.flatMap((k) => missedObjectives(e, k, objectives[e]![k], safeText)),
  );
  const fates = result.dataSharesFate ?? [];
  const unknown = result.recoveryTimeUnknown ?? [];
  const lines = [
    style.bold('Recovery objectives: estimated RTO / RPO per kind of disruption (target)'),
    ...textTable(['entry point', ...DISRUPTION_KINDS], rows, [
      'left',
      'left',
      'left',
      'left',
      'left',
    ]).map((line) => `  ${line}`),
    ...more(entries.length, top, style),
  ];
  if (why.length > 0) {
    lines.push('', style.bold(`Objectives missed (${formatNumber(why.length)})`));
    lines.push(...why.slice(0, top).map((line) => `  ${line}`), ...more(why.length, top, style));
  }
  if (fates.length > 0) {
    lines.push('', style.bold(`Data that shares fate (${formatNumber(fates.length)})`));
    lines.push(...fates.slice(0, top).map((f) => `  ${fateSentence(f, safeText)}`));
    lines.push(...more(fates.length, top, style));
  }
  if (unknown.length > 0) {
    lines.push(
      '',
      `${plural(unknown.length, 'service')} without a recovery_time (estimated back at once): ` +
        unknown.slice(0, top).map(safeText).join(', ') +
        (unknown.length > top ? `, … ${formatNumber(unknown.length - top)} more` : ''),
    );
  }
  return lines;
}

export function objectivesMarkdown(result: AnalysisResult, top: number): string[] {
  const objectives = result.objectives;
  if (objectives === undefined) return [];
  const entries = Object.keys(objectives);
  const lines = [
    '## Recovery objectives',
    '',
    `Estimated RTO / RPO per kind of disruption, the target in brackets, ${FAILS} where it is missed.`,
    '',
    ...markdownTable(
      ['entry point', ...DISRUPTION_KINDS],
      entries
        .slice(0, top)
        .map((e) => [markdownCode(e), ...DISRUPTION_KINDS.map((k) => cell(objectives[e]![k]))]),
      ['left', 'left', 'left', 'left', 'left'],
    ),
    '',
  ];
  if (entries.length > top)
    lines.push(`_${formatNumber(entries.length - top)} more not shown._`, '');
  const why = entries.flatMap((e) =>
    DISRUPTION_KINDS.flatMap((k) => missedObjectives(e, k, objectives[e]![k], markdownCode)),
  );
  if (why.length > 0) {
    lines.push('**Objectives missed**', '', ...why.slice(0, top).map((line) => `- ${line}`), '');
  }
  const fates = result.dataSharesFate ?? [];
  if (fates.length > 0) {
    lines.push('**Data that shares fate**', '');
    lines.push(...fates.slice(0, top).map((f) => `- ${fateSentence(f, markdownCode)}`), '');
  }
  const unknown = result.recoveryTimeUnknown ?? [];
  if (unknown.length > 0) {
    lines.push(
      `_Without a recovery_time (estimated back at once): ${unknown.slice(0, top).map(markdownCode).join(', ')}` +
        `${unknown.length > top ? `, and ${formatNumber(unknown.length - top)} more` : ''}._`,
      '',
    );
  }
  return lines;
}
