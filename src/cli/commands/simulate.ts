// `blast-radius simulate [manifest] --fail SEL… [--for D]`: one what-if outage, unbounded or of a
// given length, with the pre-maintenance guard (--max-down, --forbid-down) that exits 1 when the
// outage would cross a limit.

import type { Command } from 'commander';
import { evaluateGuard, type GuardLimits } from '../../analysis/outage/guard.js';
import { simulate, type SimulateReport } from '../../analysis/outage/simulate.js';
import { resolveFailures, resolveSelectors } from '../../model/selector.js';
import { SIMULATE_REPORTERS } from '../../report/registry.js';
import type { CommandContext } from '../command-context.js';
import { UsageError } from '../errors.js';
import {
  addRandomOptions,
  checkRandomOptions,
  runRandom,
  type RandomOptions,
} from './simulate-random.js';
import {
  addCommonOptions,
  loadGraph,
  parseCount,
  parseOutageLength,
  writeReport,
} from '../shared-options.js';

interface SimulateOptions extends RandomOptions {
  fail?: string[];
  maxDown?: string;
  forbidDown?: string[];
  for?: string;
}

export function registerSimulate(program: Command, context: CommandContext): void {
  addCommonOptions(
    addRandomOptions(
      program
        .command('simulate')
        .addHelpText(
          'after',
          '\nExamples:\n  blast-radius simulate fixtures/s3-2017/blast-radius.yaml --fail provider=aws,region=us-east-1\n  blast-radius simulate --fail s3-index-use1 --max-down 3 --forbid-down tier=critical\n  blast-radius simulate --fail s3-use1 --for 30m',
        )
        .description('simulate an outage: what goes down, what degrades, why, and what it costs')
        .option(
          '--fail <selector...>',
          'what fails: ids or key=value[,key=value] over provider, region, zone, kind, tier, owner, tag',
        )
        .option(
          '--max-down <n>',
          'exit 1 if more than n services would go down (not counting the failed ones)',
        )
        .option(
          '--forbid-down <selector...>',
          'exit 1 if any service matching these selectors would be failed or down',
        )
        .option(
          '--for <duration>',
          'the outage lasts this long (90s, 15m, 4h, 2d): tolerances may ride it out; adds when each service went down',
        ),
    ),
    Object.keys(SIMULATE_REPORTERS),
    'text',
  ).action(async (file: string, options: SimulateOptions) =>
    context.run(async () => {
      checkRandomOptions(
        options,
        options.maxDown !== undefined || options.forbidDown !== undefined,
      );
      if (options.random !== undefined) {
        if (options.for !== undefined) throw new UsageError('--for goes with --fail, not --random');
        return runRandom(context.io, file, options);
      }
      if (!options.fail || options.fail.length === 0) {
        throw new UsageError(
          'simulate needs --fail SELECTOR… (an id, or key=value like provider=aws,region=us-east-1), or --random N',
        );
      }
      const maxDown =
        options.maxDown === undefined ? undefined : parseCount(options.maxDown, '--max-down');
      const duration = options.for === undefined ? undefined : parseOutageLength(options.for);
      const { manifest, graph } = await loadGraph(context.io, file);
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
      await writeReport(context.io, SIMULATE_REPORTERS, report, options);
      return report.guard && !report.guard.passed ? 'gate-failed' : 'ok';
    }),
  );
}
