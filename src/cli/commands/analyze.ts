// `blast-radius analyze [manifest]`: single points of failure per entry point, failure domains,
// blast radii, cut vertices, cycles and cold start, fate-sharing monitors, provider concentration.

import { ANALYZE_REPORTERS } from '../../report/registry.js';
import type { CommonOptions } from '../common-options.js';
import { UsageError } from '../errors.js';
import type { Outcome } from '../exit-code.js';
import { loadAndAnalyze } from '../analyze-with-progress.js';
import type { CliIO } from '../io.js';
import { parseCount, parseOutageLength, writeReport } from '../shared-options.js';

export interface AnalyzeOptions extends CommonOptions {
  entry?: string[];
  top: string;
  order: string;
  pairBudget?: string;
  cutBudget?: string;
  for?: string;
}

/** Analyses the manifest and writes the report --format chose. */
export async function runAnalyze(
  io: CliIO,
  file: string,
  options: AnalyzeOptions,
): Promise<Outcome> {
  const top = parseCount(options.top, '--top');
  const pairs = pairOptions(options);
  const length = lengthOption(options, pairs.order);
  const focus = options.entry ? { focus: options.entry } : {};
  const { result } = await loadAndAnalyze(io, file, { ...focus, ...pairs, ...length });
  await writeReport(io, ANALYZE_REPORTERS, result, options, top);
  return 'ok';
}

/** --for, which answers single failures only: pairs and cut sets are for outages that never end. */
function lengthOption(options: AnalyzeOptions, order: number): { duration?: number } {
  if (options.for === undefined) return {};
  const duration = parseOutageLength(options.for);
  if (order > 1)
    throw new UsageError('--for goes with single failures, not --order 2 or more: run them apart');
  return { duration };
}

/** The largest --order: cut sets of more members than this are not searched. */
const MAX_ORDER = 64;

/** --order, --pair-budget and --cut-budget, checked before any work is done. */
function pairOptions(options: AnalyzeOptions): {
  order: number;
  pairBudget?: number;
  cutBudget?: number;
} {
  const order = /^[1-9]\d{0,2}$/.test(options.order) ? Number(options.order) : 0;
  if (order < 1 || order > MAX_ORDER) {
    throw new UsageError(
      `--order takes a whole number from 1 to ${MAX_ORDER}, not "${options.order}"`,
    );
  }
  const budgets: { pairBudget?: number; cutBudget?: number } = {};
  if (options.pairBudget !== undefined) {
    budgets.pairBudget = parseCount(options.pairBudget, '--pair-budget');
    if (order < 2) throw new UsageError('--pair-budget needs --order 2 or more');
  }
  if (options.cutBudget !== undefined) {
    budgets.cutBudget = parseCount(options.cutBudget, '--cut-budget');
    if (order < 2) throw new UsageError('--cut-budget needs --order 2 or more');
  }
  return { order, ...budgets };
}
