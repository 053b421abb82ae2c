// `blast-radius analyze [manifest]` as the command line declares it: arguments, options, help.
// The analysis (commands/analyze.ts) is loaded when the command runs.

import type { Command } from 'commander';
import { DEFAULT_CUT_BUDGET, DEFAULT_PAIR_BUDGET } from '../../analysis/cut-sets/search-budgets.js';
import { ANALYZE_REPORTERS } from '../../report/registry.js';
import type { CommandContext } from '../command-context.js';
import type { AnalyzeOptions } from '../commands/analyze.js';
import { addCommonOptions } from '../common-options.js';

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
    context.run(async () =>
      (await import('../commands/analyze.js')).runAnalyze(context.io, file, options),
    ),
  );
}
