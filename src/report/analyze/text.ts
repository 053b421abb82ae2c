// report/analyze/ — `analyze` rendered as text and Markdown.
//
// `analyze` for a terminal: a summary first (entry points at risk, the costliest SPOFs, the worst
// failure domains), then one section per analysis, each list bounded by --top.

import { byCodeUnit } from '../../compare.js';
import type { AnalysisResult } from '../../analysis/analysis-result.js';
import { availabilityText, importanceText } from './availability.js';
import { objectivesText } from './objectives.js';
import { pairsText, rtoText } from './pairs-and-rto.js';
import { cutSetsText } from './cut-sets.js';
import { formatDuration } from '../../manifest/fields/duration.js';
import { firstInOrder } from '../shared/first-in-order.js';
import { formatMoney, formatNumber, plural } from '../shared/format.js';
import { safeText } from '../shared/safe-text.js';
import { blastRadiusTextTable, concentrationCells } from '../shared/table-rows.js';
import { indent, list, more } from '../shared/text-lists.js';
import { createStyle, type Style } from '../shared/style.js';
import type { RenderOptions } from '../reporter.js';
import { textTable } from '../shared/table.js';
import { blockLines, lineChunks } from '../shared/line-chunks.js';

export function renderAnalyzeText(
  result: AnalysisResult,
  options: RenderOptions,
): Iterable<string> {
  const style = createStyle(options.color);
  const top = options.top;
  const sections = [
    summary(result, style, top),
    spofSection(result, style, top),
    domainSection(result, style, top),
    blastSection(result, style, top),
    structureSection(result, style, top),
    coldStartSection(result, style, top),
    fateSection(result, style, top),
    concentrationSection(result, style, top),
    pairsText(result, style, top),
    cutSetsText(result, style, top),
    rtoText(result, style, top),
    objectivesText(result, style, top),
    availabilityText(result, style, top),
    importanceText(result, style, top),
  ];
  return lineChunks(blockLines(sections));
}

function summary(result: AnalysisResult, style: Style, top: number): string[] {
  const s = result.summary;
  const name = result.manifest ? ` — ${safeText(result.manifest)}` : '';
  const lines = [
    style.bold(`blast-radius analyze${name}`),
    `${plural(s.services, 'service')}, ${plural(s.dependencies, 'dependency', 'dependencies')}, ${plural(s.entrypoints, 'entry point')}` +
      (result.focus ? ` (narrowed to ${result.focus.map(safeText).join(', ')})` : ''),
    ...(result.duration === undefined
      ? []
      : [
          `Outages of ${formatDuration(result.duration)}: what every path rides out for that long is no SPOF`,
        ]),
    '',
  ];
  if (s.entrypointsAtRisk === 0) {
    lines.push(
      style.green(`✓ No entry point can be taken down by a single component or failure domain.`),
    );
  } else {
    lines.push(
      style.red.bold(
        `✗ ${formatNumber(s.entrypointsAtRisk)} of ${plural(s.entrypoints, 'entry point')} at risk: `,
      ) +
        `${formatNumber(s.entrypointsWithComponentSpof)} with a single-component SPOF; ` +
        `${plural(s.componentSpofs, 'component SPOF')}, ${plural(s.domainSpofs, 'failure-domain SPOF')}`,
    );
  }
  if (result.spofs.length > 0) {
    lines.push('', style.bold('Costliest single points of failure'));
    const timed = result.spofs.some((spof) => spof.grace !== undefined);
    const rows = result.spofs
      .slice(0, top)
      .map((spof) => [
        safeText(spof.id),
        list(spof.takesDown, 3),
        formatNumber(spof.blastRadius.down),
        formatMoney(spof.blastRadius.costPerHour),
        ...(timed ? [formatDuration(spof.grace ?? 0)] : []),
      ]);
    const headers = ['component', 'takes down', 'down', 'cost/h', ...(timed ? ['after'] : [])];
    const align = ['left', 'left', 'right', 'right', 'right'] as const;
    lines.push(...indent(textTable(headers, rows, align.slice(0, headers.length))));
    lines.push(...more(result.spofs.length, top, style));
  }
  if (result.domainSpofs.length > 0) {
    lines.push('', style.bold('Worst failure domains'));
    const timed = result.domainSpofs.some((d) => d.grace !== undefined);
    const rows = result.domainSpofs
      .slice(0, top)
      .map((d) => [
        safeText(d.domain),
        formatNumber(d.takesDown.length),
        d.onlyAsDomain.length > 0 ? formatNumber(d.onlyAsDomain.length) : '',
        formatMoney(d.blastRadius.costPerHour),
        ...(timed ? [formatDuration(d.grace ?? 0)] : []),
      ]);
    const headers = ['domain', 'entry points', 'only as a domain', 'cost/h'];
    if (timed) headers.push('after');
    const align = ['left', 'right', 'right', 'right', 'right'] as const;
    lines.push(...indent(textTable(headers, rows, align.slice(0, headers.length))));
    lines.push(...more(result.domainSpofs.length, top, style));
  }
  return lines;
}

function spofSection(result: AnalysisResult, style: Style, top: number): string[] {
  const perEntry = spofsPerEntrypoint(result);
  if (perEntry.size === 0) return [];
  const lines = [style.bold('Single points of failure per entry point (costliest first)')];
  const mostExposed = firstInOrder(
    [...perEntry],
    top,
    (a, b) => b[1].length - a[1].length || byCodeUnit(a[0], b[0]),
  );
  for (const [entry, spofs] of mostExposed) {
    lines.push(
      spofs.length === 0
        ? `  ${safeText(entry)}: ${style.green('none')}`
        : `  ${safeText(entry)} ${style.red(`(${formatNumber(spofs.length)})`)}: ${list(spofs, top)}`,
    );
  }
  lines.push(...more(perEntry.size, top, style));
  return lines;
}

/** Each entry point with its SPOFs in the order of `spofs`. */
function spofsPerEntrypoint(result: AnalysisResult): Map<string, string[]> {
  const byEntry = new Map<string, string[]>(result.entrypoints.map((e) => [e, []]));
  for (const spof of result.spofs) for (const e of spof.takesDown) byEntry.get(e)?.push(spof.id);
  return byEntry;
}

function domainSection(result: AnalysisResult, style: Style, top: number): string[] {
  if (result.domainBlastRadius.length === 0) return [];
  const rows = result.domainBlastRadius
    .slice(0, top)
    .map((d) => [
      safeText(d.domain),
      formatNumber(d.services),
      formatNumber(d.down),
      formatNumber(d.degraded),
      formatNumber(d.entrypointsDown),
      formatMoney(d.costPerHour),
    ]);
  return [
    style.bold('Blast radius of failure domains'),
    ...indent(
      textTable(['domain', 'services', 'down', 'degraded', 'entry points', 'cost/h'], rows, [
        'left',
        'right',
        'right',
        'right',
        'right',
        'right',
      ]),
    ),
    ...more(result.domainBlastRadius.length, top, style),
  ];
}

function blastSection(result: AnalysisResult, style: Style, top: number): string[] {
  const rows = result.blastRadius
    .slice(0, top)
    .map((b) => [
      safeText(b.id),
      formatNumber(b.down),
      formatNumber(b.degraded),
      formatNumber(b.entrypointsDown),
      formatMoney(b.costPerHour),
    ]);
  return [
    style.bold('Blast radius of components'),
    ...indent(blastRadiusTextTable(rows)),
    ...more(result.blastRadius.length, top, style),
  ];
}

function structureSection(result: AnalysisResult, style: Style, top: number): string[] {
  const lines = [style.bold('Graph structure')];
  lines.push(
    `  cut vertices (${formatNumber(result.cutVertices.length)}): ${list(result.cutVertices, top)}`,
  );
  lines.push(
    `  bridges (${formatNumber(result.bridges.length)}): ${list(
      result.bridges.map(([a, b]) => `${a} — ${b}`),
      top,
    )}`,
  );
  lines.push(`  cycles (${formatNumber(result.cycles.length)}):`);
  for (const cycle of result.cycles.slice(0, top))
    lines.push(`    ${cycle.map(safeText).join(', ')}`);
  lines.push(...more(result.cycles.length, top, style, '    '));
  return lines;
}

function coldStartSection(result: AnalysisResult, style: Style, top: number): string[] {
  const lines = [style.bold(`Cold start: ${plural(result.coldStartOrder.length, 'wave')}`)];
  result.coldStartOrder
    .slice(0, top)
    .forEach((wave, k) =>
      lines.push(`  wave ${formatNumber(k)} (${formatNumber(wave.length)}): ${list(wave, top)}`),
    );
  lines.push(...more(result.coldStartOrder.length, top, style));
  if (result.coldStartBlocked.length > 0) {
    lines.push(
      style.red(
        `  never starts (${formatNumber(result.coldStartBlocked.length)}), up today only because a cycle holds itself up:`,
      ),
    );
    for (const { cycle, blocks } of result.coldStartWitnesses.slice(0, top)) {
      lines.push(
        `    cycle ${[...cycle, cycle[0]!].map(safeText).join(' → ')} blocks ${list(blocks, top)}`,
      );
    }
  }
  return lines;
}

function fateSection(result: AnalysisResult, style: Style, top: number): string[] {
  if (result.fateSharing.length === 0) return [];
  const lines = [style.bold('Monitoring that shares fate with what it watches')];
  for (const f of result.fateSharing.slice(0, top)) {
    lines.push(
      `  ${safeText(f.monitor)} watching ${safeText(f.target)} goes down with it when any of these fails: ${list(f.via, top)}`,
    );
  }
  lines.push(...more(result.fateSharing.length, top, style));
  return lines;
}

function concentrationSection(result: AnalysisResult, style: Style, top: number): string[] {
  if (result.providerConcentration.length === 0) return [];
  const rows = result.providerConcentration
    .slice(0, top)
    .map((p) => [safeText(p.provider), ...concentrationCells(p)]);
  return [
    style.bold('Provider concentration'),
    ...indent(
      textTable(
        ['provider', 'services', 'entry points', 'share', 'direct', 'indirect', 'amplification'],
        rows,
        ['left', 'right', 'right', 'right', 'right', 'right', 'right'],
      ),
    ),
    ...more(result.providerConcentration.length, top, style),
  ];
}
