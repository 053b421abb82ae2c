// `diff` for a terminal or a CI log: the verdict and the gate first, then what was added and
// removed — SPOFs, failure-domain SPOFs, entry points at risk, blast radii — each bounded by --top.

import type { DiffResult } from '../../analysis/diff/diff-result.js';
import * as summary from './summary.js';
import type { PairListing } from './summary.js';
import { formatNumber } from '../shared/format.js';
import type { RenderOptions } from '../reporter.js';
import { safeText } from '../shared/safe-text.js';
import { blastRadiusTextTable } from '../shared/table-rows.js';
import { indent, list, more } from '../shared/text-lists.js';
import { createStyle, type Style } from '../shared/style.js';
import { textTable } from '../shared/table.js';
import { blockLines, lineChunks } from '../shared/line-chunks.js';

export function renderDiffText(result: DiffResult, options: RenderOptions): Iterable<string> {
  const style = createStyle(options.color);
  const { top } = options;
  const sections = [
    header(result, style),
    counts(result),
    ...summary.pairListings(result).map((listing) => pairSection(listing, top, style)),
    riskSection(result, top, style),
    blastSection(result, top, style),
  ];
  return lineChunks(blockLines(sections));
}

function header(result: DiffResult, style: Style): string[] {
  const name = result.after.manifest ?? result.before.manifest;
  const lines = [
    style.bold(`blast-radius diff${name === null ? '' : ` — ${safeText(name)}`}`),
    `old: ${safeText(result.before.source)}`,
    `new: ${safeText(result.after.source)}`,
  ];
  const absent = summary.absentLine(result);
  if (absent !== null) lines.push(style.yellow(safeText(absent)));
  const { ok, text } = summary.verdict(result);
  lines.push('', ok ? style.green(text) : style.red.bold(text));
  const gate = summary.gateLine(result);
  if (gate !== null) lines.push(gate.passed ? style.green(gate.text) : style.red.bold(gate.text));
  return lines;
}

function counts(result: DiffResult): string[] {
  const rows = summary
    .countRows(result)
    .map(([label, before, after]) => [
      label,
      formatNumber(before),
      formatNumber(after),
      summary.signed(after - before),
    ]);
  return indent(
    textTable(['', 'before', 'after', 'change'], rows, ['left', 'right', 'right', 'right']),
  );
}

function pairSection(listing: PairListing, top: number, style: Style): string[] {
  const { groups } = listing;
  if (groups.length === 0) return [];
  const rows = groups
    .slice(0, top)
    .map(([cause, entries]) => [safeText(cause), list(entries, top)]);
  return [
    listing.added ? style.red.bold(listing.title) : style.green.bold(listing.title),
    ...indent(textTable(listing.header, rows, ['left', 'left'])),
    ...more(groups.length, top, style),
  ];
}

function riskSection(result: DiffResult, top: number, style: Style): string[] {
  const lines: string[] = [];
  if (result.newlyAtRisk.length > 0)
    lines.push(`${style.red.bold('Entry points newly at risk:')} ${list(result.newlyAtRisk, top)}`);
  if (result.noLongerAtRisk.length > 0)
    lines.push(
      `${style.green.bold('Entry points no longer at risk:')} ${list(result.noLongerAtRisk, top)}`,
    );
  for (const [label, changes] of [
    ['Services', result.services],
    ['Entry points', result.entrypoints],
  ] as const) {
    if (changes.added.length > 0) lines.push(`${label} added: ${list(changes.added, top)}`);
    if (changes.removed.length > 0) lines.push(`${label} removed: ${list(changes.removed, top)}`);
  }
  return lines;
}

function blastSection(result: DiffResult, top: number, style: Style): string[] {
  if (result.blastRadius.length === 0) return [];
  const rows = result.blastRadius
    .slice(0, top)
    .map((c) => [
      safeText(c.id),
      ...summary.BLAST_FIELDS.map((field) => summary.beforeAfter(c.before, c.after, field)),
    ]);
  return [
    style.bold('Blast radius changes (largest first)'),
    ...indent(blastRadiusTextTable(rows)),
    ...more(result.blastRadius.length, top, style),
  ];
}
