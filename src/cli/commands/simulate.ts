// `blast-radius simulate [manifest] --fail SEL… [--for D]`: one what-if outage, unbounded or of a
// given length, with the pre-maintenance guard (--max-down, --forbid-down) that exits 1 when the
// outage would cross a limit.

import { evaluateGuard, type GuardLimits } from '../../analysis/outage/guard.js';
import { simulate, type SimulateReport } from '../../analysis/outage/simulate.js';
import { resolveFailures, resolveSelectors } from '../../model/selector.js';
import { SIMULATE_REPORTERS } from '../../report/registry.js';
import { UsageError } from '../errors.js';
import type { Outcome } from '../exit-code.js';
import type { CliIO } from '../io.js';
import { checkRandomOptions, runRandom, type RandomOptions } from './simulate-random.js';
import { loadGraph, parseCount, parseOutageLength, writeReport } from '../shared-options.js';

export interface SimulateOptions extends RandomOptions {
  fail?: string[];
  maxDown?: string;
  forbidDown?: string[];
  for?: string;
}

/** One outage (--fail), checked against the guard when one is set, or chaos sampling (--random). */
export async function runSimulate(
  io: CliIO,
  file: string,
  options: SimulateOptions,
): Promise<Outcome> {
  checkRandomOptions(options, options.maxDown !== undefined || options.forbidDown !== undefined);
  if (options.random !== undefined) {
    if (options.for !== undefined) throw new UsageError('--for goes with --fail, not --random');
    return runRandom(io, file, options);
  }
  if (!options.fail || options.fail.length === 0) {
    throw new UsageError(
      'simulate needs --fail SELECTOR… (an id, or key=value like provider=aws,region=us-east-1), or --random N',
    );
  }
  const maxDown =
    options.maxDown === undefined ? undefined : parseCount(options.maxDown, '--max-down');
  const duration = options.for === undefined ? undefined : parseOutageLength(options.for);
  const { manifest, graph } = await loadGraph(io, file);
  const failed = resolveFailures(graph, options.fail);
  const result = simulate(graph, failed, duration === undefined ? {} : { duration });
  const report: SimulateReport = {
    manifest: manifest.name ?? null,
    scenario: options.fail,
    ...result,
  };
  const guarded = maxDown !== undefined || options.forbidDown !== undefined;
  if (guarded) {
    const limits: GuardLimits = {
      forbidDown: (options.forbidDown ?? []).map((selector) => ({
        selector,
        ids: resolveSelectors(graph, [selector]).map((v) => graph.ids[v]!),
      })),
    };
    if (maxDown !== undefined) limits.maxDown = maxDown;
    report.guard = evaluateGuard(result, limits);
  }
  await writeReport(io, SIMULATE_REPORTERS, report, options);
  return report.guard && !report.guard.passed ? 'gate-failed' : 'ok';
}
