// `simulate` as Markdown, for a change ticket or a pull request: the verdict, the guard, for an
// outage of a given length its timeline, and a table of every down and degraded service with the
// chain that explains it.

import type { SimulateReport } from '../../analysis/outage/simulate.js';
import type { GuardViolation } from '../../analysis/outage/guard.js';
import { formatMoney, formatNumber } from '../shared/format.js';
import { markdownCode, markdownText } from '../shared/markdown.js';
import { downMoment, outageLength, timelineSteps } from './timeline.js';
import { lineChunks } from '../shared/line-chunks.js';

export function renderSimulateMarkdown(report: SimulateReport): Iterable<string> {
  return lineChunks(simulateMarkdownLines(report), '');
}

/** The report's lines, ending with a blank one; a table row per down or degraded service. */
function* simulateMarkdownLines(report: SimulateReport): Generator<string> {
  const title = report.manifest ? ` — ${markdownText(report.manifest)}` : '';
  yield* [`# Simulated outage${title}`, ''];
  const length = outageLength(report);
  yield* [
    `Failing ${report.scenario.map(markdownCode).join(', ')}${length === undefined ? '' : ` for ${length}`}.`,
    '',
  ];
  yield* ['| | count |', '|---|---:|'];
  yield `| entry points down | ${formatNumber(report.entrypointsDown.length)} of ${formatNumber(report.entrypoints.length)} |`;
  yield `| entry points degraded | ${formatNumber(report.entrypointsDegraded.length)} |`;
  yield `| services failed | ${formatNumber(report.failed.length)} |`;
  yield `| services down | ${formatNumber(report.down.length)} |`;
  yield `| services degraded | ${formatNumber(report.degraded.length)} |`;
  yield `| services up | ${formatNumber(report.up.length)} |`;
  yield* [`| cost per hour | ${formatMoney(report.costPerHour)} |`, ''];
  if (report.guard) yield* [...guardMarkdown(report.guard.violations), ''];
  if (report.timeline && length !== undefined) {
    const steps = timelineSteps(report.timeline).map(
      (step) =>
        `${step.moment} ${markdownCode(step.id)} ${step.words.map((word) => (typeof word === 'string' ? word : markdownCode(word.id))).join('')}`,
    );
    const body = steps.length > 0 ? steps.join(' — ') : 'no entry point goes down before it ends.';
    yield* [`**Timeline of an outage of ${length}:** ${body}`, ''];
  }
  if (report.entrypointsDown.length > 0) {
    yield* [`**Entry points down:** ${report.entrypointsDown.map(markdownCode).join(', ')}`, ''];
  }
  if (report.entrypointsDegraded.length > 0) {
    yield* [
      `**Entry points degraded:** ${report.entrypointsDegraded.map(markdownCode).join(', ')}`,
      '',
    ];
  }
  if (report.down.length + report.degraded.length > 0) {
    yield* ['| service | status | why |', '|---|---|---|'];
    for (const id of report.down) yield statusRow(report, id, 'down');
    for (const id of report.degraded) yield statusRow(report, id, 'degraded');
    yield '';
  }
}

/** A down or degraded service, when it went down, and the chain that explains it. */
function statusRow(report: SimulateReport, id: string, status: string): string {
  const chain = (report.why[id] ?? [id]).map(markdownCode).join(' ← ');
  const group = report.groupsLost[id];
  const lost = group
    ? ` — needs ${group.quorum} of ${group.alternatives.map(markdownCode).join(', ')}; down: ${group.down.map(markdownCode).join(', ')}`
    : '';
  const moment = downMoment(report, id);
  const at = moment === undefined ? '' : ` ${moment}`;
  return `| ${markdownCode(id)} | ${status}${at} | ${chain} (failed)${lost} |`;
}

function guardMarkdown(violations: readonly GuardViolation[]): string[] {
  if (violations.length === 0) return ['**Guard passed:** no limit crossed.'];
  return violations.map((v) =>
    v.limit === 'max-down'
      ? `**Guard failed:** ${formatNumber(v.actual)} services would go down, more than \`--max-down ${v.allowed}\`.`
      : `**Guard failed:** \`--forbid-down\` ${markdownCode(v.selector)} would lose ${v.ids.map(markdownCode).join(', ')}.`,
  );
}
