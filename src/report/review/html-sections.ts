// The HTML report's static sections, rendered from the analysis result: the summary, the SPOF
// table, the failure-domain matrix, failure-domain SPOFs, blast radii, cold start, fate-sharing
// monitors and provider concentration. Every string from the manifest goes through escapeHtml.

import type { AnalysisResult } from '../../analysis/analysis-result.js';
import { formatDuration } from '../../manifest/fields/duration.js';
import { formatMoney, formatNumber, plural } from '../shared/format.js';
import { costAtRisk, reportFindings } from './findings.js';
import type { ReportInput } from './input.js';
import { safeText } from '../shared/safe-text.js';
import { concentrationCells } from '../shared/table-rows.js';

const HTML_SPECIAL: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Text or an attribute value in HTML, control characters shown as escapes. */
export function escapeHtml(text: string): string {
  return escapeData(safeText(text));
}

/** An attribute value the page reads back (an id, a domain): every character kept. */
function escapeData(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML_SPECIAL[c]!);
}

export const code = (id: string) => `<code>${escapeHtml(id)}</code>`;
const codes = (ids: readonly string[], max = 8) =>
  ids.length === 0
    ? '—'
    : ids.slice(0, max).map(code).join(', ') +
      (ids.length > max ? ` and ${formatNumber(ids.length - max)} more` : '');
const failButton = (id: string) =>
  `<button type="button" class="br-sim" data-fail="${escapeData(id)}">simulate</button>`;
const domainButton = (domain: string, text = 'simulate') =>
  `<button type="button" class="br-sim" data-fail-domain="${escapeData(domain)}">${escapeHtml(text)}</button>`;

export function summarySection(result: AnalysisResult): string {
  const s = result.summary;
  const cost = costAtRisk(result);
  const cards = [
    card(formatNumber(s.entrypoints), 'entry points'),
    card(
      formatNumber(s.entrypointsWithComponentSpof),
      'have a single point of failure',
      s.entrypointsWithComponentSpof > 0,
    ),
    card(
      formatNumber(s.entrypointsAtRisk),
      'at risk, counting failure domains',
      s.entrypointsAtRisk > 0,
    ),
    card(formatMoney(cost.component), 'per hour at risk from one component', cost.component > 0),
    card(formatMoney(cost.domain), 'per hour at risk from one failure domain', cost.domain > 0),
  ];
  const findings = reportFindings(result).map((finding) => {
    const text = finding.parts
      .map((part) =>
        typeof part === 'string'
          ? escapeHtml(part)
          : 'id' in part
            ? code(part.id)
            : codes(part.ids),
      )
      .join('');
    const subject = finding.subject;
    const action =
      subject === undefined
        ? ''
        : ` ${'id' in subject ? failButton(subject.id) : domainButton(subject.domain)}`;
    return `<li>${text}${action}</li>`;
  });
  return `<section id="br-summary">
<h2>Summary</h2>
<p>${formatNumber(s.services)} services, ${formatNumber(s.dependencies)} dependencies, ${formatNumber(s.entrypoints)} entry points: ${codes(result.entrypoints, 12)}.</p>
<div class="br-cards">${cards.join('')}</div>
<h3>Worst findings</h3>
<ul class="br-findings">${findings.join('\n')}</ul>
</section>\n`;
}

function card(value: string, caption: string, alarm = false): string {
  return `<div class="br-card${alarm ? ' br-alarm' : ''}"><b>${value}</b><span>${escapeHtml(caption)}</span></div>`;
}

export function reportSections(input: ReportInput, top: number): string[] {
  return [
    spofSection(input.result, top),
    matrixSection(input),
    domainSection(input.result, top),
    blastSection(input.result, top),
    coldStartSection(input.result, top),
    fateSection(input.result, top),
    providerSection(input.result, top),
  ];
}

function table(
  headers: readonly string[],
  rows: readonly string[][],
  numeric: ReadonlySet<number> = new Set(),
): string {
  const cell = (tag: string, text: string, c: number) =>
    `<${tag}${numeric.has(c) ? ' class="br-num"' : ''}>${text}</${tag}>`;
  const head = headers.map((h, c) => cell('th', escapeHtml(h), c)).join('');
  const body = rows
    .map((row) => `<tr>${row.map((text, c) => cell('td', text, c)).join('')}</tr>`)
    .join('\n');
  return `<table><thead><tr>${head}</tr></thead>\n<tbody>\n${body}\n</tbody></table>`;
}

export function section(
  id: string,
  title: string,
  intro: string,
  body: string,
  total: number,
  top: number,
): string {
  const more =
    total > top
      ? `<p class="br-muted">${formatNumber(total - top)} more not shown (<code>--top</code>, or <code>analyze --format json</code> for all).</p>`
      : '';
  return `<section id="${id}">\n<h2>${escapeHtml(title)}</h2>\n<p>${intro}</p>\n${body}\n${more}</section>\n`;
}

const NUMBERS = (...columns: number[]) => new Set(columns);

/**
 * A table with an "after" column (how long before the first entry point goes down) when
 * tolerances gave one, before the last column (the simulate button).
 */
function tableWithGrace(
  headers: string[],
  rows: string[][],
  numeric: number[],
  grace: ReadonlyArray<number | undefined>,
): string {
  if (grace.every((g) => g === undefined)) return table(headers, rows, NUMBERS(...numeric));
  const at = headers.length - 1;
  return table(
    [...headers.slice(0, at), 'after', ...headers.slice(at)],
    rows.map((row, i) => [...row.slice(0, at), formatDuration(grace[i] ?? 0), ...row.slice(at)]),
    NUMBERS(...numeric, at),
  );
}

function spofSection(result: AnalysisResult, top: number): string {
  const shown = result.spofs.slice(0, top);
  const body =
    shown.length === 0
      ? '<p>None: every entry point survives the loss of any one component.</p>'
      : tableWithGrace(
          ['component', 'takes down', 'down', 'degraded', 'cost/h', 'cut vertex', ''],
          shown.map((s) => [
            code(s.id),
            codes(s.takesDown),
            formatNumber(s.blastRadius.down),
            formatNumber(s.blastRadius.degraded),
            formatMoney(s.blastRadius.costPerHour),
            s.cutVertex ? 'yes' : '',
            failButton(s.id),
          ]),
          [2, 3, 4],
          shown.map((s) => s.grace),
        );
  return section(
    'br-spofs',
    'Single points of failure',
    'Components whose failure alone takes an entry point down, costliest first.',
    body,
    result.spofs.length,
    top,
  );
}

const CELL_TEXT = { down: 'down', degraded: 'degr.', survives: 'ok' } as const;

function matrixSection({ matrix }: ReportInput): string {
  if (matrix.domains.length === 0)
    return section(
      'br-matrix',
      'Failure-domain matrix',
      'No provider, region or zone failure touches an entry point.',
      '',
      0,
      0,
    );
  const head = matrix.domains
    .map(
      (d) =>
        `<th class="br-domain" title="${escapeHtml(d)}">${domainButton(
          d,
          d.replace(/(^|,)[a-z]+=/g, (m, comma: string) => (comma ? ' / ' : '')),
        )}</th>`,
    )
    .join('');
  const rows = matrix.entrypoints.map(
    (e, r) =>
      `<tr><th>${code(e)}</th>${matrix.cells[r]!.map((c) => `<td class="br-${c}">${CELL_TEXT[c]}</td>`).join('')}</tr>`,
  );
  const notes = [
    matrix.omittedDomains > 0
      ? `${plural(matrix.omittedDomains, 'less harmful domain')} not shown.`
      : '',
    matrix.omittedEntrypoints > 0
      ? `${plural(matrix.omittedEntrypoints, 'entry point')} not shown.`
      : '',
  ]
    .filter(Boolean)
    .join(' ');
  const body = `<div class="br-scroll"><table class="br-matrix"><thead><tr><th>entry point</th>${head}</tr></thead>\n<tbody>\n${rows.join('\n')}\n</tbody></table></div>${notes ? `<p class="br-muted">${notes}</p>` : ''}`;
  return section(
    'br-matrix',
    'Failure-domain matrix',
    'Each entry point when a whole provider, region or zone fails: <span class="br-cell-down">down</span>, <span class="br-cell-degraded">degraded</span> or <span class="br-cell-survives">ok</span>. Click a column to simulate it.',
    body,
    0,
    0,
  );
}

function domainSection(result: AnalysisResult, top: number): string {
  const shown = result.domainSpofs.slice(0, top);
  const body =
    shown.length === 0
      ? '<p>None: no whole provider, region or zone takes an entry point down.</p>'
      : tableWithGrace(
          ['failure domain', 'services', 'takes down', 'only as a whole domain', 'cost/h', ''],
          shown.map((d) => [
            code(d.domain),
            formatNumber(d.services),
            codes(d.takesDown),
            codes(d.onlyAsDomain),
            formatMoney(d.blastRadius.costPerHour),
            domainButton(d.domain),
          ]),
          [1, 4],
          shown.map((d) => d.grace),
        );
  return section(
    'br-domain-spofs',
    'Failure-domain SPOFs',
    'Providers, regions and zones whose total loss takes an entry point down; "only as a whole domain" is what redundancy inside the domain does not save.',
    body,
    result.domainSpofs.length,
    top,
  );
}

function blastSection(result: AnalysisResult, top: number): string {
  const rows = result.blastRadius
    .slice(0, top)
    .map((b) => [
      code(b.id),
      formatNumber(b.down),
      formatNumber(b.degraded),
      formatNumber(b.entrypointsDown),
      formatMoney(b.costPerHour),
      failButton(b.id),
    ]);
  return section(
    'br-blast',
    'Largest blast radii',
    'What each component takes with it when it fails alone.',
    table(
      ['component', 'down', 'degraded', 'entry points down', 'cost/h', ''],
      rows,
      NUMBERS(1, 2, 3, 4),
    ),
    result.blastRadius.length,
    top,
  );
}

function coldStartSection(result: AnalysisResult, top: number): string {
  const waves = result.coldStartOrder
    .slice(0, top)
    .map((wave, k) => `<li><b>wave ${k}</b>: ${codes(wave, 20)}</li>`);
  const blocked = result.coldStartWitnesses
    .slice(0, top)
    .map(
      (w) =>
        `<li>the cycle ${[...w.cycle, w.cycle[0]!].map(code).join(' → ')} keeps ${codes(w.blocks)} from starting</li>`,
    );
  const intro = `After a full outage, a cold start takes ${plural(result.coldStartOrder.length, 'wave')}; each wave can start once the earlier ones are up. ${result.coldStartBlocked.length === 0 ? 'Every service can cold-start.' : `${plural(result.coldStartBlocked.length, 'service')} never can: ${codes(result.coldStartBlocked)}.`}`;
  const body = `<ol class="br-waves" start="0">${waves.join('\n')}</ol>${blocked.length > 0 ? `<h3>Blocked by cycles</h3><ul>${blocked.join('\n')}</ul>` : ''}`;
  return section(
    'br-coldstart',
    'Cold start',
    intro,
    body,
    Math.max(result.coldStartOrder.length, result.coldStartWitnesses.length),
    top,
  );
}

function fateSection(result: AnalysisResult, top: number): string {
  const rows = result.fateSharing
    .slice(0, top)
    .map((f) => [code(f.monitor), code(f.target), codes(f.via)]);
  const body =
    rows.length === 0
      ? '<p>No monitor goes down together with what it watches.</p>'
      : table(['monitor', 'watches', 'both down when this fails'], rows);
  return section(
    'br-fate',
    'Monitoring that shares fate',
    'A monitor that fails together with its target says nothing when it matters (the AWS status page on S3, 2017).',
    body,
    result.fateSharing.length,
    top,
  );
}

function providerSection(result: AnalysisResult, top: number): string {
  const rows = result.providerConcentration
    .slice(0, top)
    .map((p) => [code(p.provider), ...concentrationCells(p)]);
  const body =
    rows.length === 0
      ? '<p>No service names a provider.</p>'
      : table(
          [
            'provider',
            'services',
            'entry points down',
            'share',
            'direct',
            'indirect',
            'amplification',
          ],
          rows,
          NUMBERS(1, 2, 3, 4, 5, 6),
        );
  return section(
    'br-providers',
    'Provider concentration',
    'Entry points each provider takes down when it fails whole; "indirect" ones depend on it only through another provider (a SaaS hosted on it).',
    body,
    result.providerConcentration.length,
    top,
  );
}
