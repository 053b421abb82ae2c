// The architecture-review report as Markdown, for a wiki or a design doc on GitHub: the same
// story as the HTML report — summary and worst findings, a Mermaid picture of the risky part of
// the graph, the failure-domain matrix, cold-start waves — followed by analyze's tables.

import { renderAnalyzeMarkdown } from '../analyze/markdown.js';
import { renderNeighbourhoodMermaid } from '../shared/neighbourhood-mermaid.js';
import { formatMoney, formatNumber, plural } from '../shared/format.js';
import { markdownCode, markdownText } from '../shared/markdown.js';
import { costAtRisk, reportFindings, type FindingPart } from './findings.js';
import type { ReportInput } from './input.js';
import { markdownTable } from '../shared/table.js';

const CELL = { down: '**down**', degraded: 'degraded', survives: 'ok' } as const;
/** Ids named in one sentence or table cell; the rest are counted. */
const LIST_IDS = 8;

export function renderReportMarkdown(input: ReportInput, options: { top: number }): string {
  const { result } = input;
  const s = result.summary;
  const cost = costAtRisk(result);
  const title = result.manifest ? ` — ${markdownText(result.manifest)}` : '';
  const lines = [
    `# Architecture review${title}`,
    '',
    `${formatNumber(s.services)} services, ${formatNumber(s.dependencies)} dependencies, ` +
      `${formatNumber(s.entrypoints)} entry points: ${ids(result.entrypoints)}. ` +
      `**${formatNumber(s.entrypointsWithComponentSpof)} have a single point of failure**, ` +
      `${formatNumber(s.entrypointsAtRisk)} are at risk counting failure domains. Cost at risk: up to ` +
      `${formatMoney(cost.component)} per hour from one component, ${formatMoney(cost.domain)} from one failure domain.`,
    '',
    '## Worst findings',
    '',
    ...reportFindings(result).map((f) => `- ${f.parts.map(findingPart).join('')}`),
    '',
    ...pictureLines(input),
    ...matrixLines(input),
    ...wavesLines(input, options.top),
    ...analyzeBody(input, options.top),
  ];
  return `${lines
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trimEnd()}\n`;
}

function ids(list: readonly string[]): string {
  const shown = list.slice(0, LIST_IDS).map(markdownCode).join(', ');
  return list.length > LIST_IDS
    ? `${shown} and ${formatNumber(list.length - LIST_IDS)} more`
    : shown || '—';
}

function findingPart(part: FindingPart): string {
  if (typeof part === 'string') return markdownText(part);
  return 'id' in part ? markdownCode(part.id) : ids(part.ids);
}

function pictureLines({ risky }: ReportInput): string[] {
  const mermaid = renderNeighbourhoodMermaid(risky);
  if (mermaid.length === 0) return [];
  const lines = ['## The risky part of the graph', '', '```mermaid', ...mermaid, '```', ''];
  lines.push(
    'Entry points (rounded boxes) and their costliest single points of failure (red), with every hard ' +
      'dependency path between them; an arrow points from a service to what it needs.',
  );
  const notes: string[] = [];
  if (risky.shortened > 0)
    notes.push(`${plural(risky.shortened, 'pair')} drawn by one shortest path only`);
  if (risky.leftOut > 0)
    notes.push(`${plural(risky.leftOut, 'pair')} left out to keep it readable`);
  if (notes.length > 0) lines.push(`_${notes.join('; ')}._`);
  return [...lines, ''];
}

function matrixLines({ matrix }: ReportInput): string[] {
  if (matrix.domains.length === 0) return [];
  const rows = matrix.entrypoints.map((e, r) => [
    markdownCode(e),
    ...matrix.cells[r]!.map((c) => CELL[c]),
  ]);
  const lines = [
    '## Failure-domain matrix',
    '',
    'Each entry point when a whole provider, region or zone fails.',
    '',
    ...markdownTable(
      ['entry point', ...matrix.domains.map(markdownCode)],
      rows,
      matrix.domains.map(() => 'left' as const).concat('left'),
    ),
  ];
  const notes: string[] = [];
  if (matrix.omittedDomains > 0)
    notes.push(`${plural(matrix.omittedDomains, 'less harmful domain')} not shown`);
  if (matrix.omittedEntrypoints > 0)
    notes.push(`${plural(matrix.omittedEntrypoints, 'entry point')} not shown`);
  if (notes.length > 0) lines.push('', `_${notes.join('; ')}._`);
  return [...lines, ''];
}

function wavesLines({ result }: ReportInput, top: number): string[] {
  const waves = result.coldStartOrder;
  const lines = [
    '## Cold-start waves',
    '',
    `After a full outage, a cold start takes ${plural(waves.length, 'wave')}:`,
    '',
  ];
  waves.slice(0, top).forEach((wave, k) => lines.push(`${k}. ${ids(wave)}`));
  if (waves.length > top)
    lines.push('', `_${formatNumber(waves.length - top)} more waves not shown._`);
  return [...lines, ''];
}

/** analyze's Markdown tables (SPOFs, domains, blast radii, cycles, fate sharing, providers), one level down. */
function analyzeBody({ result }: ReportInput, top: number): string[] {
  const body = [...renderAnalyzeMarkdown(result, { top })].join('').split('\n');
  const start = body.findIndex((line) => line.startsWith('## '));
  return start < 0 ? [] : body.slice(start);
}
