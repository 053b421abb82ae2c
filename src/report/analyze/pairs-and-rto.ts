// The issue-7 sections of the `analyze` reports, text and Markdown: minimal pairs of failures
// (with --order 2) and RTO consistency, each list bounded by --top.

import type {
  AnalysisResult,
  PairSearchTotals,
  RtoViolation,
} from '../../analysis/analysis-result.js';
import { formatDuration } from '../../manifest/fields/duration.js';
import { formatNumber, plural } from '../shared/format.js';
import { markdownCode } from '../shared/markdown.js';
import { safeText } from '../shared/safe-text.js';
import type { Style } from '../shared/style.js';
import { list, more } from '../shared/text-lists.js';

interface PairRow {
  members: [string, string];
  takesDown: string[];
}

function pairRows(result: AnalysisResult): { components: PairRow[]; domains: PairRow[] } {
  return {
    components: (result.pairs ?? []).map((p) => ({ members: p.ids, takesDown: p.takesDown })),
    domains: (result.domainPairs ?? []).map((p) => ({
      members: p.domains,
      takesDown: p.takesDown,
    })),
  };
}

/** Says how far a pair search went when the budget stopped it; nothing when it is complete. */
function budgetNote(what: string, totals: PairSearchTotals): string | undefined {
  if (totals.complete) return undefined;
  return (
    `the search for pairs of ${what} stopped at its budget: ${formatNumber(totals.checked)} checked, ` +
    `${formatNumber(totals.unchecked)} candidate pairs left unchecked (raise --pair-budget)`
  );
}

export function pairsText(result: AnalysisResult, style: Style, top: number): string[] {
  if (result.pairSearch === null) return [];
  const rows = pairRows(result);
  const lines = [
    style.bold('Pairs of failures (minimal: neither alone takes the entry point down)'),
  ];
  for (const [heading, what, pairs, totals] of [
    ['components', 'components', rows.components, result.pairSearch.components],
    ['failure domains', 'failure domains', rows.domains, result.pairSearch.domains],
  ] as const) {
    lines.push(`  ${heading} (${formatNumber(pairs.length)}):${pairs.length === 0 ? ' none' : ''}`);
    for (const { members, takesDown } of pairs.slice(0, top)) {
      lines.push(`    ${members.map(safeText).join(' + ')} takes down ${list(takesDown, top)}`);
    }
    lines.push(...more(pairs.length, top, style, '    '));
    const note = budgetNote(what, totals);
    if (note) lines.push(style.yellow(`    ${note}`));
  }
  return lines;
}

function rtoSentence(v: RtoViolation, code: (id: string) => string): string {
  return (
    `${code(v.service)}: rto ${formatDuration(v.rto)}, but ${code(v.dependency)} needs ` +
    `${formatDuration(v.recoveryTime)} to recover: ${v.chain.map(code).join(' → ')}`
  );
}

export function rtoText(result: AnalysisResult, style: Style, top: number): string[] {
  const violations = result.rtoViolations;
  if (violations.length === 0) return [];
  return [
    style.bold(
      `RTO consistency: the rto of ${plural(violations.length, 'service')} is shorter than a dependency's recovery`,
    ),
    ...violations.slice(0, top).map((v) => `  ${rtoSentence(v, safeText)}`),
    ...more(violations.length, top, style),
  ];
}

export function pairsMarkdown(result: AnalysisResult, top: number): string[] {
  if (result.pairSearch === null) return [];
  const rows = pairRows(result);
  const lines = ['## Pairs of failures', ''];
  for (const [heading, what, pairs, totals] of [
    ['Components', 'components', rows.components, result.pairSearch.components],
    ['Failure domains', 'failure domains', rows.domains, result.pairSearch.domains],
  ] as const) {
    lines.push(
      `**${heading}** (${formatNumber(pairs.length)}, minimal: neither alone does it)`,
      '',
    );
    if (pairs.length === 0) lines.push('None.');
    for (const { members, takesDown } of pairs.slice(0, top)) {
      lines.push(
        `- ${members.map(markdownCode).join(' + ')} takes down ${takesDown.map(markdownCode).join(', ')}`,
      );
    }
    if (pairs.length > top)
      lines.push(`- _${formatNumber(pairs.length - top)} more not shown (\`--top\`)._`);
    const note = budgetNote(what, totals);
    if (note) lines.push('', `_Note: ${note}._`);
    lines.push('');
  }
  return lines;
}

export function rtoMarkdown(result: AnalysisResult, top: number): string[] {
  const violations = result.rtoViolations;
  if (violations.length === 0) return [];
  const lines = ['## RTO consistency', ''];
  lines.push(...violations.slice(0, top).map((v) => `- ${rtoSentence(v, markdownCode)}`));
  if (violations.length > top)
    lines.push(`- _${formatNumber(violations.length - top)} more not shown._`);
  return [...lines, ''];
}
