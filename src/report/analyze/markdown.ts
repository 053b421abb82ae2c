// `analyze` as Markdown for a design document or a wiki: the same story as the text report, in
// tables, each bounded by --top.

import type { AnalysisResult } from '../../analysis/analysis-result.js';
import { availabilityMarkdown, importanceMarkdown } from './availability.js';
import { objectivesMarkdown } from './objectives.js';
import { pairsMarkdown, rtoMarkdown } from './pairs-and-rto.js';
import { cutSetsMarkdown } from './cut-sets.js';
import { formatDuration } from '../../manifest/fields/duration.js';
import { formatMoney, formatNumber } from '../shared/format.js';
import { markdownCode, markdownText } from '../shared/markdown.js';
import { markdownTable } from '../shared/table.js';
import { concentrationShareCells } from '../shared/table-rows.js';
import { lineChunks } from '../shared/line-chunks.js';

export function renderAnalyzeMarkdown(
  result: AnalysisResult,
  options: { top: number },
): Iterable<string> {
  const { top } = options;
  const s = result.summary;
  const title = result.manifest ? ` — ${markdownText(result.manifest)}` : '';
  const lines = [`# Single points of failure${title}`, ''];
  lines.push(
    `${formatNumber(s.services)} services, ${formatNumber(s.dependencies)} dependencies, ` +
      `${formatNumber(s.entrypoints)} entry points; **${formatNumber(s.entrypointsAtRisk)} at risk** ` +
      `(${formatNumber(s.componentSpofs)} component SPOFs, ${formatNumber(s.domainSpofs)} failure-domain SPOFs).`,
    '',
  );
  if (result.duration !== undefined) {
    lines.push(
      `For outages of ${formatDuration(result.duration)}: what every path rides out for that long is no SPOF.`,
      '',
    );
  }
  section(lines, '## Single points of failure', top, result.spofs.length, () =>
    withGrace(
      ['component', 'takes down', 'down', 'degraded', 'cost/h', 'cut vertex'],
      result.spofs
        .slice(0, top)
        .map((spof) => [
          markdownCode(spof.id),
          spof.takesDown.map(markdownCode).join(', '),
          formatNumber(spof.blastRadius.down),
          formatNumber(spof.blastRadius.degraded),
          formatMoney(spof.blastRadius.costPerHour),
          spof.cutVertex ? 'yes' : '',
        ]),
      ['left', 'left', 'right', 'right', 'right', 'left'],
      result.spofs.slice(0, top).map((spof) => spof.grace),
    ),
  );
  section(lines, '## Failure-domain SPOFs', top, result.domainSpofs.length, () =>
    withGrace(
      ['domain', 'takes down', 'only as a domain', 'cost/h'],
      result.domainSpofs
        .slice(0, top)
        .map((d) => [
          markdownCode(d.domain),
          d.takesDown.map(markdownCode).join(', '),
          d.onlyAsDomain.map(markdownCode).join(', '),
          formatMoney(d.blastRadius.costPerHour),
        ]),
      ['left', 'left', 'left', 'right'],
      result.domainSpofs.slice(0, top).map((d) => d.grace),
    ),
  );
  section(lines, '## Blast radius of components', top, result.blastRadius.length, () =>
    markdownTable(
      ['component', 'down', 'degraded', 'entry points', 'cost/h'],
      result.blastRadius
        .slice(0, top)
        .map((b) => [
          markdownCode(b.id),
          formatNumber(b.down),
          formatNumber(b.degraded),
          formatNumber(b.entrypointsDown),
          formatMoney(b.costPerHour),
        ]),
      ['left', 'right', 'right', 'right', 'right'],
    ),
  );
  section(lines, '## Cycles and cold start', top, result.coldStartWitnesses.length, () => [
    `${formatNumber(result.cycles.length)} cycles; a cold start takes ${formatNumber(result.coldStartOrder.length)} waves.`,
    '',
    ...(result.coldStartBlocked.length === 0
      ? ['Every service can cold-start.']
      : result.coldStartWitnesses
          .slice(0, top)
          .map(
            (w) =>
              `- cycle ${[...w.cycle, w.cycle[0]!].map(markdownCode).join(' → ')} keeps ${w.blocks.map(markdownCode).join(', ')} from starting`,
          )),
  ]);
  section(lines, '## Monitoring that shares fate', top, result.fateSharing.length, () =>
    result.fateSharing
      .slice(0, top)
      .map(
        (f) =>
          `- ${markdownCode(f.monitor)} watching ${markdownCode(f.target)}: both down when any of ${f.via.map(markdownCode).join(', ')} fails`,
      ),
  );
  section(lines, '## Provider concentration', top, result.providerConcentration.length, () =>
    markdownTable(
      ['provider', 'entry points', 'share', 'direct', 'indirect', 'amplification'],
      result.providerConcentration
        .slice(0, top)
        .map((p) => [markdownCode(p.provider), ...concentrationShareCells(p)]),
      ['left', 'right', 'right', 'right', 'right', 'right'],
    ),
  );
  lines.push(
    ...pairsMarkdown(result, top),
    ...cutSetsMarkdown(result, top),
    ...rtoMarkdown(result, top),
    ...objectivesMarkdown(result, top),
  );
  lines.push(...availabilityMarkdown(result, top), ...importanceMarkdown(result, top));
  return lineChunks(lines);
}

function section(
  lines: string[],
  heading: string,
  top: number,
  total: number,
  body: () => string[],
): void {
  if (total === 0 && !heading.includes('cold start')) return;
  lines.push(heading, '', ...body());
  if (total > top)
    lines.push(
      '',
      `_${formatNumber(total - top)} more not shown (\`--top\`, or \`--format json\` for all)._`,
    );
  lines.push('');
}

/** A table with an "after" column (how long before the first entry point goes down) when tolerances gave one. */
function withGrace(
  headers: string[],
  rows: string[][],
  align: Array<'left' | 'right'>,
  grace: ReadonlyArray<number | undefined>,
): string[] {
  if (grace.every((g) => g === undefined)) return markdownTable(headers, rows, align);
  return markdownTable(
    [...headers, 'after'],
    rows.map((row, i) => [...row, formatDuration(grace[i] ?? 0)]),
    [...align, 'right'],
  );
}
