// The HTML report's recovery-objectives section, when the manifest declares objectives or copies
// of data: a table of entry points × kinds of disruption (estimated RTO / RPO, the target in
// brackets, a failing estimate in red and marked ✗), the objectives missed with the disruption
// and chain behind each, the data that shares fate and the services without a recovery_time.

import type { AnalysisResult, RecoveryEstimate } from '../../analysis/analysis-result.js';
import { DISRUPTION_KINDS } from '../../manifest/types.js';
import { FAILS, fateSentence, missedObjectives, objectiveMeasure } from '../analyze/objectives.js';
import { formatNumber, plural } from '../shared/format.js';
import { code, escapeHtml, section } from './html-sections.js';

/** One estimate, the part above its target in the red of a failure. */
function measureHtml(estimate: RecoveryEstimate, which: 'rto' | 'rpo'): string {
  const text = escapeHtml(objectiveMeasure(estimate, which));
  return estimate.exceeds.includes(which) ? `<span class="br-cell-down">${text}</span>` : text;
}

function list(title: string, items: readonly string[], top: number): string {
  if (items.length === 0) return '';
  const more =
    items.length > top
      ? `<p class="br-muted">${formatNumber(items.length - top)} more not shown.</p>`
      : '';
  const shown = items.slice(0, top).map((item) => `<li>${item}</li>`);
  return `<h3>${escapeHtml(title)} (${formatNumber(items.length)})</h3>\n<ul>${shown.join('\n')}</ul>${more}\n`;
}

/** The section, or nothing when the analysis has no recovery objectives. */
export function objectivesSection(result: AnalysisResult, top: number): string[] {
  const objectives = result.objectives;
  if (objectives === undefined) return [];
  const entries = Object.keys(objectives);
  const head = ['entry point', ...DISRUPTION_KINDS].map((h) => `<th>${h}</th>`).join('');
  const rows = entries.slice(0, top).map((e) => {
    const cells = DISRUPTION_KINDS.map((k) => {
      const estimate = objectives[e]![k];
      return `<td>${measureHtml(estimate, 'rto')} / ${measureHtml(estimate, 'rpo')}</td>`;
    });
    return `<tr><th>${code(e)}</th>${cells.join('')}</tr>`;
  });
  const missed = entries.flatMap((e) =>
    DISRUPTION_KINDS.flatMap((k) => missedObjectives(e, k, objectives[e]![k], code)),
  );
  const fates = (result.dataSharesFate ?? []).map((f) => fateSentence(f, code));
  const unknown = result.recoveryTimeUnknown ?? [];
  const unknownNote =
    unknown.length === 0
      ? ''
      : `<p class="br-muted">${escapeHtml(plural(unknown.length, 'service'))} without a recovery_time (estimated back at once): ` +
        `${unknown.slice(0, top).map(code).join(', ')}${unknown.length > top ? `, and ${formatNumber(unknown.length - top)} more` : ''}.</p>\n`;
  const body =
    `<div class="br-scroll"><table><thead><tr>${head}</tr></thead>\n<tbody>\n${rows.join('\n')}\n</tbody></table></div>\n` +
    list('Objectives missed', missed, top) +
    list('Data that shares fate', fates, top) +
    unknownNote.trimEnd();
  return [
    section(
      'br-objectives',
      'Recovery objectives',
      `Estimated RTO / RPO of each entry point after the worst disruption of each kind, the target of <code>policy.objectives</code> in brackets; an estimate above its target is marked ${FAILS}.`,
      body,
      entries.length,
      top,
    ),
  ];
}
