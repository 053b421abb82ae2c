// `blast-radius analyze [manifest]`: single points of failure per entry point, failure domains,
// blast radii, cut vertices, cycles and cold start, fate-sharing monitors, provider concentration.

import type { Command } from 'commander';
import { DEFAULT_PAIR_BUDGET } from '../../analysis/analyze.js';
import { DEFAULT_CUT_BUDGET } from '../../analysis/cut-sets/cut-set-report.js';
import { ANALYZE_REPORTERS } from '../../report/registry.js';
import type { CommandContext } from '../command-context.js';
import { UsageError } from '../errors.js';
import {
  addCommonOptions,
  analyzeWithProgress,
  type CommonOptions,
  loadGraph,
  parseCount,
  parseOutageLength,
  writeReport,
} from '../shared-options.js';

interface AnalyzeOptions extends CommonOptions {
  entry?: string[];
  top: string;
  order: string;
  pairBudget?: string;
  cutBudget?: string;
  for?: string;
}

export function registerAnalyze(program: Command, context: CommandContext): void {
  addCommonOptions(
    program
      .command('analyze')
      .addHelpText(
        'after',
        '\nExamples:\n  blast-radius analyze fixtures/s3-2017/blast-radius.yaml --top 5\n  blast-radius analyze --entry acme-web --format markdown -o spofs.md\n  blast-radius analyze fixtures/site-in-time/blast-radius.yaml --for 30m',
      )
      .description(
        'find every single point of failure, failure domain, cut vertex and blast radius',
      )
      .option('--entry <id...>', 'narrow the analysis to these entry points')
      .option(
        '--top <n>',
        'rows shown per listing in text and markdown (json has everything)',
        '10',
      )
      .option(
        '--order <n>',
        'N >= 2: also the minimal pairs of components and of failure domains that take an entry point down together (neither alone does), and the minimal cut sets of up to N members per entry point: components, and the failure domains that domains: gives an sla of their own',
        '1',
      )
      .option(
        '--pair-budget <n>',
        `with --order 2 or more: candidate pairs each search may check before it stops and says so (default ${DEFAULT_PAIR_BUDGET})`,
      )
      .option(
        '--cut-budget <n>',
        `with --order 2 or more: diagram nodes the cut-set search may create before it stops and says so (default ${DEFAULT_CUT_BUDGET})`,
      )
      .option(
        '--for <duration>',
        'outages last this long (90s, 15m, 4h, 2d): what rides them out is no SPOF, and blast radii count what is down at their end',
      ),
    Object.keys(ANALYZE_REPORTERS),
    'text',
  ).action(async (file: string, options: AnalyzeOptions) =>
    context.run(async () => {
      const top = parseCount(options.top, '--top');
      const pairs = pairOptions(options);
      const length = lengthOption(options, pairs.order);
      const { manifest, graph } = await loadGraph(context.io, file);
      const focus = options.entry ? { focus: options.entry } : {};
      const result = analyzeWithProgress(context.io, graph, manifest.name ?? null, {
        ...focus,
        ...pairs,
        ...length,
      });
      await writeReport(context.io, ANALYZE_REPORTERS, result, options, top);
      return 'ok';
    }),
  );
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
