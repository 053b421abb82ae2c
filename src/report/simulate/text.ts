// report/simulate/ — `simulate` (one outage, and chaos sampling) rendered as text and Markdown.
//
// `simulate` for a terminal: the verdict first (entry points lost, cost, the guard), for an outage
// of a given length the moments entry points went down, then every down and degraded service with
// the chain that explains it, then the failed and up services.

import type { SimulateReport } from '../../analysis/outage/simulate.js';
import type { GuardViolation } from '../../analysis/outage/guard.js';
import { formatMoney, formatNumber, plural } from '../shared/format.js';
import { safeText } from '../shared/safe-text.js';
import type { RenderOptions } from '../reporter.js';
import { createStyle, type Style } from '../shared/style.js';
import { downMoment, outageLength, timelineSteps } from './timeline.js';
import { lineChunks } from '../shared/line-chunks.js';

export function renderSimulateText(
  report: SimulateReport,
  options: Pick<RenderOptions, 'color'>,
): Iterable<string> {
  return lineChunks(simulateLines(report, createStyle(options.color)));
}

/** The report's lines, one service's chain or a few ids a line, read as they are written. */
function* simulateLines(report: SimulateReport, style: Style): Generator<string> {
  const title = report.manifest ? ` — ${safeText(report.manifest)}` : '';
  yield style.bold(`Simulated outage${title}`);
  const length = outageLength(report);
  yield (
    `Failing: ${report.scenario.map(safeText).join(' ')} (${plural(report.failed.length, 'service')})` +
    (length === undefined ? '' : ` for ${length}`)
  );
  yield '';
  yield* verdict(report, style);
  if (report.guard) {
    yield '';
    yield* guardLines(report.guard.violations, style);
  }
  if (report.timeline && length !== undefined) {
    const steps = timelineSteps(report.timeline);
    const width = steps.reduce((widest, step) => Math.max(widest, step.moment.length), 0);
    const body = steps.map(
      (step) =>
        `${step.moment.padEnd(width)}  ${safeText(step.id)} ` +
        step.words.map((word) => (typeof word === 'string' ? word : safeText(word.id))).join(''),
    );
    yield* section(
      style.bold(`Timeline of an outage of ${length}`),
      body.length > 0 ? body : ['no entry point goes down before it ends'],
    );
  }
  yield* section(
    style.red.bold(`Down (${formatNumber(report.down.length)})`),
    chains(report, report.down, style),
  );
  yield* section(
    style.yellow.bold(`Degraded (${formatNumber(report.degraded.length)})`),
    chains(report, report.degraded, style),
  );
  yield* section(style.bold(`Failed (${formatNumber(report.failed.length)})`), wrap(report.failed));
  yield* section(style.green.bold(`Up (${formatNumber(report.up.length)})`), wrap(report.up));
}

function verdict(report: SimulateReport, style: Style): string[] {
  const lines: string[] = [];
  const entrypointCount = report.entrypoints.length;
  if (report.entrypointsDown.length > 0) {
    lines.push(
      style.red(
        `✗ ${report.entrypointsDown.length} of ${plural(entrypointCount, 'entry point')} down: ` +
          report.entrypointsDown.map(safeText).join(', '),
      ),
    );
  } else {
    lines.push(style.green(`✓ no entry point down (${plural(entrypointCount, 'entry point')})`));
  }
  if (report.entrypointsDegraded.length > 0) {
    lines.push(
      style.yellow(
        `! ${plural(report.entrypointsDegraded.length, 'entry point')} degraded: ` +
          report.entrypointsDegraded.map(safeText).join(', '),
      ),
    );
  }
  lines.push(
    `${formatNumber(report.failed.length)} failed, ${formatNumber(report.down.length)} down, ` +
      `${formatNumber(report.degraded.length)} degraded, ${formatNumber(report.up.length)} up; ` +
      `cost ${formatMoney(report.costPerHour)} per hour`,
  );
  return lines;
}

export function guardLines(violations: readonly GuardViolation[], style: Style): string[] {
  if (violations.length === 0) return [style.green('Guard passed: no limit crossed.')];
  return violations.map((violation) =>
    style.red.bold(
      violation.limit === 'max-down'
        ? `Guard failed: ${plural(violation.actual, 'service')} would go down, more than --max-down ${violation.allowed}`
        : `Guard failed: --forbid-down ${safeText(violation.selector)} would lose ${violation.ids.map(safeText).join(', ')}`,
    ),
  );
}

function* chains(report: SimulateReport, ids: readonly string[], style: Style): Generator<string> {
  for (const id of ids) {
    const chain = report.why[id] ?? [id];
    const last = chain.length - 1;
    const moment = downMoment(report, id);
    yield (
      chain
        .map((step, i) =>
          i === last ? `${safeText(step)} ${style.dim('(failed)')}` : safeText(step),
        )
        .join(' ← ') + (moment === undefined ? '' : ` ${style.dim(`— ${moment}`)}`)
    );
  }
}

function* wrap(ids: readonly string[], width = 96): Generator<string> {
  let line = '';
  for (const id of ids) {
    const item = safeText(id);
    if (line && line.length + item.length + 2 > width) {
      yield `${line},`;
      line = item;
    } else {
      line = line ? `${line}, ${item}` : item;
    }
  }
  if (line) yield line;
}

/** A heading and its body indented under it, after a blank line; nothing for an empty body. */
function* section(heading: string, body: Iterable<string>): Generator<string> {
  let first = true;
  for (const line of body) {
    if (first) yield* ['', heading];
    first = false;
    yield `  ${line}`;
  }
}
