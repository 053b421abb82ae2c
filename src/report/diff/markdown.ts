// `diff` as a pull-request comment: a one-line verdict, the counts, tables of SPOFs added and
// removed, blast-radius changes and a Mermaid picture of the changed neighbourhood. Whatever
// the input, the comment stays under 60,000 characters (GitHub takes at most 65,536).

import type { DiffResult } from '../../analysis/diff/diff-result.js';
import { MAX_NODES } from '../../analysis/diff/neighbourhood.js';
import {
  absentLine,
  BLAST_FIELDS,
  beforeAfter,
  countRows,
  gateLine,
  pairListings,
  signed,
  verdict,
} from './summary.js';
import { renderNeighbourhoodMermaid } from '../shared/neighbourhood-mermaid.js';
import { formatNumber, plural } from '../shared/format.js';
import { markdownCode, markdownText } from '../shared/markdown.js';
import { markdownTable, type Align } from '../shared/table.js';

export const MAX_MARKDOWN_CHARS = 60_000;
/** Entry points named in one table cell; the rest are counted. */
const CELL_IDS = 5;
/** Room kept for a table's "…and N more" line and the final note. */
const RESERVE = 200;

/** Lines added while they fit in the characters left; a section that does not fit is left out. */
class Budget {
  readonly lines: string[] = [];
  truncated = false;
  constructor(public left: number) {}

  fits(lines: readonly string[], reserve = RESERVE): boolean {
    return lines.reduce((size, line) => size + line.length + 1, 0) + reserve <= this.left;
  }

  push(lines: readonly string[], reserve = RESERVE): boolean {
    if (!this.fits(lines, reserve)) {
      this.truncated = true;
      return false;
    }
    for (const line of lines) this.left -= line.length + 1;
    this.lines.push(...lines);
    return true;
  }
}

interface TableSpec {
  heading: string;
  header: string[];
  align: Align[];
  total: number;
  row: (i: number) => string[];
}

export function renderDiffMarkdown(result: DiffResult, options: { top: number }): string {
  const head = headLines(result);
  const picture = pictureLines(result);
  const fixed = [...head, ...picture].reduce((size, line) => size + line.length + 1, 0);
  const body = new Budget(MAX_MARKDOWN_CHARS - fixed - RESERVE);
  const specs = tables(result);
  // Each section may take its share of what is left, so one huge table cannot crowd out the rest.
  specs.forEach((spec, i) => table(body, spec, options.top, specs.length + 1 - i));
  entrypointLines(body, result, options.top);
  const lines = [...head, ...body.lines, ...picture];
  if (body.truncated) {
    lines.push(
      `_Some rows were left out to keep this comment under ${formatNumber(MAX_MARKDOWN_CHARS)} characters; \`--format json\` has everything._`,
      '',
    );
  }
  return `${lines.join('\n').trimEnd()}\n`;
}

function headLines(result: DiffResult): string[] {
  const name = result.after.manifest ?? result.before.manifest;
  const lines = [`## blast-radius diff${name === null ? '' : ` — ${markdownText(name)}`}`, ''];
  lines.push(`**${verdict(result).text}**`, '');
  lines.push(
    `Comparing ${markdownCode(result.before.source)} → ${markdownCode(result.after.source)}.`,
  );
  const absent = absentLine(result);
  if (absent !== null) lines.push('', `_${markdownText(absent)}_`);
  const gate = gateLine(result);
  if (gate !== null) lines.push('', gate.passed ? gate.text : `**${gate.text}**`);
  lines.push(
    '',
    ...markdownTable(
      ['', 'before', 'after', 'change'],
      countRows(result).map(([label, before, after]) => [
        label,
        formatNumber(before),
        formatNumber(after),
        signed(after - before),
      ]),
      ['left', 'right', 'right', 'right'],
    ),
    '',
  );
  return lines;
}

function tables(result: DiffResult): TableSpec[] {
  const pairs = pairListings(result).map(({ title, header, groups }) => ({
    heading: `### ${title}`,
    header,
    align: ['left', 'left'] as Align[],
    total: groups.length,
    row: (i: number) => [markdownCode(groups[i]![0]), cell(groups[i]![1])],
  }));
  const changes = result.blastRadius;
  return [
    ...pairs,
    {
      heading: '### Blast radius changes',
      header: ['component', 'down', 'degraded', 'entry points', 'cost/h'],
      align: ['left', 'right', 'right', 'right', 'right'],
      total: changes.length,
      row: (i) => {
        const { id, before, after } = changes[i]!;
        return [
          markdownCode(id),
          ...BLAST_FIELDS.map((field) => beforeAfter(before, after, field)),
        ];
      },
    },
  ];
}

/**
 * One table, at most `top` rows and as many as fit in a `1/sections` share of the characters
 * left, then how many more there are.
 */
function table(budget: Budget, spec: TableSpec, top: number, sections: number): void {
  if (spec.total === 0) return;
  const [header, rule] = markdownTable(spec.header, [], spec.align);
  const floor = budget.left - budget.left / sections;
  if (!budget.push([spec.heading, '', header!, rule!])) return;
  let shown = 0;
  while (shown < Math.min(top, spec.total)) {
    const row = rowOf(spec.row(shown));
    if (budget.left - row.length < floor) {
      budget.truncated = true;
      break;
    }
    if (!budget.push([row])) break;
    shown++;
  }
  const more =
    shown < spec.total
      ? ['', `_…and ${formatNumber(spec.total - shown)} more (\`--format json\` for all)._`]
      : [];
  budget.push([...more, ''], 0);
}

function rowOf(cells: readonly string[]): string {
  return `| ${cells.join(' | ')} |`;
}

function entrypointLines(budget: Budget, result: DiffResult, top: number): void {
  const lists: Array<[string, string[]]> = [
    ['Entry points newly at risk', result.newlyAtRisk],
    ['Entry points no longer at risk', result.noLongerAtRisk],
    ['Entry points added', result.entrypoints.added],
    ['Entry points removed', result.entrypoints.removed],
    ['Services added', result.services.added],
    ['Services removed', result.services.removed],
  ];
  const lines = lists
    .filter(([, ids]) => ids.length > 0)
    .map(([label, ids]) => `- **${label}:** ${inline(ids, Math.min(top, 50))}`);
  if (lines.length === 0) return;
  if (budget.push(['### Entry points and services', '']))
    for (const line of lines) budget.push([line]);
  budget.push([''], 0);
}

function pictureLines(result: DiffResult): string[] {
  const picture = result.neighbourhood;
  const mermaid = renderNeighbourhoodMermaid(picture);
  if (mermaid.length === 0) return [];
  const lines = ['### Changed neighbourhood', '', '```mermaid', ...mermaid, '```', ''];
  lines.push(
    'From each entry point to its new single points of failure (red), over hard dependencies; ' +
      'new services have a dashed border, new dependencies a thick arrow.',
  );
  const notes: string[] = [];
  if (picture.shortened > 0)
    notes.push(`${plural(picture.shortened, 'pair')} drawn by one shortest path only`);
  if (picture.leftOut > 0)
    notes.push(
      `${plural(picture.leftOut, 'new SPOF pair')} not drawn (at most ${MAX_NODES} services)`,
    );
  if (notes.length > 0) lines.push(`_${notes.join('; ')}._`);
  lines.push('');
  return lines;
}

function cell(ids: readonly string[]): string {
  return inline(ids, CELL_IDS);
}

function inline(ids: readonly string[], max: number): string {
  const shown = ids.slice(0, max).map(markdownCode).join(', ');
  return ids.length > max ? `${shown} and ${formatNumber(ids.length - max)} more` : shown;
}
