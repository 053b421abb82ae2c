// The availability sections of the `analyze` reports, text and Markdown: each entry
// point's availability from the SLAs with its method, downtime and cost per year (least available
// first), the services counted as perfect for want of an sla, and "what to fix first": the
// components ranked by criticality. Every list is bounded by --top.

import { byCodeUnit } from '../../compare.js';
import { formatAvailability, MINUTES_PER_YEAR } from '../../analysis/reliability/availability.js';
import type {
  AnalysisResult,
  ComponentImportance,
  EntryAvailability,
} from '../../analysis/analysis-result.js';
import { firstInOrder } from '../shared/first-in-order.js';
import { formatMoney, formatNumber, plural } from '../shared/format.js';
import { markdownCode } from '../shared/markdown.js';
import { safeText } from '../shared/safe-text.js';
import type { Style } from '../shared/style.js';
import { markdownTable, textTable } from '../shared/table.js';
import { indent, more } from '../shared/text-lists.js';

function method(a: EntryAvailability): string {
  if (a.method === 'exact') return 'exact';
  const [low, high] = a.interval ?? [a.value, a.value];
  const samples = formatNumber(a.samples ?? 0);
  if (a.unavailabilityBelow !== undefined) {
    // Never a bare 0: nothing seen in N samples only bounds a rare event.
    return (
      `Monte Carlo: down below what ${samples} samples can see ` +
      `(unavailability under ${a.unavailabilityBelow.toPrecision(2)})`
    );
  }
  return `Monte Carlo, ${samples} samples, 95% ${formatAvailability(low)} – ${formatAvailability(high)}`;
}

/**
 * The availability, downtime and cost columns. When no sample saw the entry point down, the
 * point estimate would read 100 % and 0: the columns give the bound instead, and the cost,
 * which the result holds only as the estimate's, is unknown.
 */
function figures(a: EntryAvailability): [string, string, string] {
  const below = a.unavailabilityBelow;
  if (below === undefined)
    return [
      formatAvailability(a.value),
      formatNumber(a.downtimeMinutesPerYear),
      formatMoney(a.expectedCostPerYear),
    ];
  return [`> ${formatAvailability(1 - below)}`, `< ${formatNumber(below * MINUTES_PER_YEAR)}`, '—'];
}

/** Least available first, ties by id. */
function byAvailability([a, x]: [string, EntryAvailability], [b, y]: [string, EntryAvailability]) {
  return x.value - y.value || byCodeUnit(a, b);
}

/** The entry points a listing shows (the first `top` by availability) and how many there are. */
function listing(result: AnalysisResult, top: number, rankedOnly = false) {
  const entries = Object.entries(result.availability).filter(
    ([id]) => !rankedOnly || result.importance[id]!.length > 0,
  );
  return { shown: firstInOrder(entries, top, byAvailability), total: entries.length };
}

function importanceLine(c: ComponentImportance, code: (id: string) => string): string {
  return (
    `${code(c.id)}: criticality ${formatNumber(c.criticality * 100)}%, ` +
    `Birnbaum ${c.birnbaum.toPrecision(3)}, RAW ${formatNumber(c.raw)}×`
  );
}

function unknownSlaNote(result: AnalysisResult, top: number, code: (id: string) => string) {
  const ids = result.slaUnknown;
  if (ids.length === 0) return undefined;
  const shown = ids.slice(0, top).map(code).join(', ');
  const rest = ids.length > top ? ` and ${formatNumber(ids.length - top)} more` : '';
  return `${plural(ids.length, 'service')} declare no sla and count as never failing: ${shown}${rest}`;
}

export function availabilityText(result: AnalysisResult, style: Style, top: number): string[] {
  const { shown, total } = listing(result, top);
  if (total === 0) return [];
  const lines = [style.bold('Availability from the SLAs (components failing independently)')];
  const rows = shown.map(([id, a]) => [safeText(id), ...figures(a), method(a)]);
  lines.push(
    ...indent(
      textTable(['entry point', 'availability', 'down min/yr', 'cost/yr', 'method'], rows, [
        'left',
        'right',
        'right',
        'right',
        'left',
      ]),
    ),
    ...more(total, top, style),
  );
  const note = unknownSlaNote(result, top, safeText);
  if (note) lines.push(style.yellow(`  ${note}`));
  return lines;
}

export function importanceText(result: AnalysisResult, style: Style, top: number): string[] {
  const { shown, total } = listing(result, top, true);
  if (total === 0) return [];
  const lines = [style.bold('What to fix first (components by criticality, per entry point)')];
  for (const [id, a] of shown) {
    const ranked = result.importance[id]!;
    lines.push(`  ${safeText(id)} (${formatAvailability(a.value)}):`);
    ranked
      .slice(0, top)
      .forEach((c, i) => lines.push(`    ${i + 1}. ${importanceLine(c, safeText)}`));
    lines.push(...more(ranked.length, top, style, '    '));
  }
  lines.push(...more(total, top, style));
  return lines;
}

export function availabilityMarkdown(result: AnalysisResult, top: number): string[] {
  const { shown, total } = listing(result, top);
  if (total === 0) return [];
  const lines = ['## Availability', ''];
  lines.push(
    ...markdownTable(
      ['entry point', 'availability', 'downtime min/yr', 'cost/yr', 'method'],
      shown.map(([id, a]) => [markdownCode(id), ...figures(a), method(a)]),
      ['left', 'right', 'right', 'right', 'left'],
    ),
  );
  if (total > top) lines.push('', `_${formatNumber(total - top)} more not shown._`);
  const note = unknownSlaNote(result, top, markdownCode);
  if (note) lines.push('', `_${note}._`);
  lines.push('');
  return lines;
}

export function importanceMarkdown(result: AnalysisResult, top: number): string[] {
  const { shown, total } = listing(result, top, true);
  if (total === 0) return [];
  const lines = ['## What to fix first', ''];
  for (const [id, a] of shown) {
    lines.push(`- ${markdownCode(id)} (${formatAvailability(a.value)})`);
    for (const c of result.importance[id]!.slice(0, top)) {
      lines.push(`  1. ${importanceLine(c, markdownCode)}`);
    }
  }
  if (total > top) lines.push('', `_${formatNumber(total - top)} more not shown._`);
  lines.push('');
  return lines;
}
