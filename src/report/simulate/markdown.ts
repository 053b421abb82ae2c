// `simulate` as Markdown, for a change ticket or a pull request: the verdict, the guard, for an
// outage of a given length its timeline, and a table of every down and degraded service with the
// chain that explains it.

import type { SimulateReport } from '../../analysis/outage/simulate.js';
import type { GuardViolation } from '../../analysis/outage/guard.js';
import { formatMoney, formatNumber } from '../shared/format.js';
import { markdownCode, markdownText } from '../shared/markdown.js';
import { downMoment, outageLength, timelineSteps } from './timeline.js';

export function renderSimulateMarkdown(report: SimulateReport): string {
  const lines: string[] = [];
  const title = report.manifest ? ` — ${markdownText(report.manifest)}` : '';
  lines.push(`# Simulated outage${title}`, '');
  const length = outageLength(report);
  lines.push(
    `Failing ${report.scenario.map(markdownCode).join(', ')}${length === undefined ? '' : ` for ${length}`}.`,
    '',
  );
  lines.push('| | count |', '|---|---:|');
  lines.push(
    `| entry points down | ${formatNumber(report.entrypointsDown.length)} of ${formatNumber(report.entrypoints.length)} |`,
  );
  lines.push(`| entry points degraded | ${formatNumber(report.entrypointsDegraded.length)} |`);
  lines.push(`| services failed | ${formatNumber(report.failed.length)} |`);
  lines.push(`| services down | ${formatNumber(report.down.length)} |`);
  lines.push(`| services degraded | ${formatNumber(report.degraded.length)} |`);
  lines.push(`| services up | ${formatNumber(report.up.length)} |`);
  lines.push(`| cost per hour | ${formatMoney(report.costPerHour)} |`, '');
  if (report.guard) lines.push(...guardMarkdown(report.guard.violations), '');
  if (report.timeline && length !== undefined) {
    const steps = timelineSteps(report.timeline).map(
      (step) =>
        `${step.moment} ${markdownCode(step.id)} ${step.words.map((word) => (typeof word === 'string' ? word : markdownCode(word.id))).join('')}`,
    );
    const body = steps.length > 0 ? steps.join(' — ') : 'no entry point goes down before it ends.';
    lines.push(`**Timeline of an outage of ${length}:** ${body}`, '');
  }
  if (report.entrypointsDown.length > 0) {
    lines.push(`**Entry points down:** ${report.entrypointsDown.map(markdownCode).join(', ')}`, '');
  }
  if (report.entrypointsDegraded.length > 0) {
    lines.push(
      `**Entry points degraded:** ${report.entrypointsDegraded.map(markdownCode).join(', ')}`,
      '',
    );
  }
  const rows = [
    ...report.down.map((id) => ({ id, status: 'down' })),
    ...report.degraded.map((id) => ({ id, status: 'degraded' })),
  ];
  if (rows.length > 0) {
    lines.push('| service | status | why |', '|---|---|---|');
    for (const { id, status } of rows) {
      const chain = (report.why[id] ?? [id]).map(markdownCode).join(' ← ');
      const group = report.groupsLost[id];
      const lost = group
        ? ` — needs ${group.quorum} of ${group.alternatives.map(markdownCode).join(', ')}; down: ${group.down.map(markdownCode).join(', ')}`
        : '';
      const moment = downMoment(report, id);
      const at = moment === undefined ? '' : ` ${moment}`;
      lines.push(`| ${markdownCode(id)} | ${status}${at} | ${chain} (failed)${lost} |`);
    }
    lines.push('');
  }
  return lines.join('\n');
}

function guardMarkdown(violations: readonly GuardViolation[]): string[] {
  if (violations.length === 0) return ['**Guard passed:** no limit crossed.'];
  return violations.map((v) =>
    v.limit === 'max-down'
      ? `**Guard failed:** ${formatNumber(v.actual)} services would go down, more than \`--max-down ${v.allowed}\`.`
      : `**Guard failed:** \`--forbid-down\` ${markdownCode(v.selector)} would lose ${v.ids.map(markdownCode).join(', ')}.`,
  );
}
