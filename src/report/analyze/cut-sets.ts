// The minimal cut sets of `analyze --order N` (N ≥ 2) in the text and Markdown reports: how many
// of each order per entry point, and the sets the SPOFs and pairs do not show (three or more
// members, or a failure domain among them), each list bounded by --top with a count of what was
// left out (the JSON keeps everything).

import type {
  AnalysisResult,
  CutSetEntry,
  CutSets,
  LargerCutSet,
} from '../../analysis/analysis-result.js';
import { formatNumber } from '../shared/format.js';
import { markdownCode } from '../shared/markdown.js';
import { safeText } from '../shared/safe-text.js';
import type { Style } from '../shared/style.js';
import { list, more } from '../shared/text-lists.js';

/** Entry points with at least one cut set, most cut sets first, then by id (already sorted). */
function entriesWithCuts(cutSets: CutSets): CutSetEntry[] {
  const total = (e: CutSetEntry) => (e.counts ?? []).reduce((a, b) => a + b, 0);
  return cutSets.entrypoints
    .filter((e) => e.counts === null || total(e) > 0)
    .map((e, i) => ({ e, i, t: total(e) }))
    .sort((a, b) => b.t - a.t || a.i - b.i)
    .map(({ e }) => e);
}

/** "1 of order 1, 3 of order 2", or that the budget ran out. */
function countsPhrase(counts: readonly number[] | null): string {
  if (counts === null) return 'not solved within the budget';
  const parts = counts.flatMap((c, i) => (c > 0 ? [`${formatNumber(c)} of order ${i + 1}`] : []));
  return parts.length === 0 ? 'none' : parts.join(', ');
}

function budgetNote(cutSets: CutSets): string | undefined {
  if (cutSets.complete) return undefined;
  const unsolved = cutSets.entrypoints.filter((e) => e.counts === null).length;
  if (cutSets.order === 2)
    return `a pair search stopped at its budget: ${formatNumber(unsolved)} entry points left uncounted (raise --pair-budget)`;
  return (
    `the cut-set search stopped at its budget of ${formatNumber(cutSets.budget)} diagram nodes: ` +
    `${formatNumber(unsolved)} entry points left unsolved (raise --cut-budget)`
  );
}

/** What the sets are of: components, or components and failure domains. */
function membersWord(cutSets: CutSets): string {
  return cutSets.domains.length === 0 ? 'components' : 'components and failure domains';
}

/** The title of the list of sets, or undefined when there is none to show. */
function setsTitle(cutSets: CutSets): string | undefined {
  if (cutSets.domains.length > 0) return 'sets of three or more members, or with a failure domain';
  return cutSets.order >= 3 ? 'sets of three or more components' : undefined;
}

function largerNote(cutSets: CutSets): string | undefined {
  const title = setsTitle(cutSets);
  return cutSets.sets === null && title !== undefined
    ? `too many ${title} to list; the counts above are exact`
    : undefined;
}

/** A set's members, components first, each domain marked as one. */
function memberNames(set: LargerCutSet, name: (s: string) => string): string {
  return [...set.ids.map(name), ...set.domains.map((d) => `domain ${name(d)}`)].join(' + ');
}

export function cutSetsText(result: AnalysisResult, style: Style, top: number): string[] {
  const cutSets = result.cutSets;
  if (cutSets === null) return [];
  const entries = entriesWithCuts(cutSets);
  const lines = [
    style.bold(
      `Minimal cut sets of up to ${cutSets.order} ${membersWord(cutSets)} (per entry point; ${formatNumber(entries.length)} with any)`,
    ),
  ];
  for (const e of entries.slice(0, top))
    lines.push(`  ${safeText(e.id)}: ${countsPhrase(e.counts)}`);
  lines.push(...more(entries.length, top, style));
  const sets = cutSets.sets ?? [];
  const title = setsTitle(cutSets);
  if (title !== undefined) {
    lines.push(`  ${title} (${formatNumber(sets.length)}):${sets.length === 0 ? ' none' : ''}`);
    for (const set of sets.slice(0, top))
      lines.push(`    ${memberNames(set, safeText)} takes down ${list(set.takesDown, top)}`);
    lines.push(...more(sets.length, top, style, '    '));
  }
  for (const note of [largerNote(cutSets), budgetNote(cutSets)])
    if (note) lines.push(style.yellow(`  ${note}`));
  return lines;
}

export function cutSetsMarkdown(result: AnalysisResult, top: number): string[] {
  const cutSets = result.cutSets;
  if (cutSets === null) return [];
  const entries = entriesWithCuts(cutSets);
  const lines = [
    `## Minimal cut sets of up to ${cutSets.order} ${membersWord(cutSets)}`,
    '',
    `**Entry points** (${formatNumber(entries.length)} with any)`,
    '',
  ];
  if (entries.length === 0) lines.push('None.');
  for (const e of entries.slice(0, top))
    lines.push(`- ${markdownCode(e.id)}: ${countsPhrase(e.counts)}`);
  if (entries.length > top)
    lines.push(`- _${formatNumber(entries.length - top)} more not shown (\`--top\`)._`);
  const title = setsTitle(cutSets);
  if (title !== undefined) {
    const sets = cutSets.sets ?? [];
    const heading = title.charAt(0).toUpperCase() + title.slice(1);
    lines.push('', `**${heading}** (${formatNumber(sets.length)})`, '');
    if (sets.length === 0) lines.push('None.');
    for (const set of sets.slice(0, top)) {
      lines.push(
        `- ${memberNames(set, markdownCode)} takes down ${set.takesDown.map(markdownCode).join(', ')}`,
      );
    }
    if (sets.length > top)
      lines.push(`- _${formatNumber(sets.length - top)} more not shown (\`--top\`)._`);
  }
  for (const note of [largerNote(cutSets), budgetNote(cutSets)])
    if (note) lines.push('', `_Note: ${note}._`);
  lines.push('');
  return lines;
}
