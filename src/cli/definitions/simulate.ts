// `blast-radius simulate [manifest]` as the command line declares it, --fail and --random alike;
// the simulation (commands/simulate.ts) is loaded when the command runs.

import type { Command } from 'commander';
import { SIMULATE_REPORTERS } from '../../report/registry.js';
import type { CommandContext } from '../command-context.js';
import type { SimulateOptions } from '../commands/simulate.js';
import { addCommonOptions } from '../common-options.js';

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
    context.run(async () =>
      (await import('../commands/simulate.js')).runSimulate(context.io, file, options),
    ),
  );
}

/** The options of chaos sampling (`--random`), run by commands/simulate-random.ts. */
function addRandomOptions(command: Command): Command {
  return command
    .option(
      '--random <n>',
      'instead of --fail: n random samples, each failing components by their SLA (1 − sla/100; no sla: never), or exactly --k of them',
    )
    .option('--seed <s>', 'with --random: the seed; the same seed gives the same output', '1')
    .option('--k <k>', 'with --random: fail exactly k random components (or domains) per sample')
    .option('--domains', 'with --random and --k: fail k random failure domains instead')
    .option('--top <n>', 'with --random: rows shown in text and markdown', '10');
}
