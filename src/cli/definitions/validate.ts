// `blast-radius validate [manifest]` as the command line declares it; the loading and checking
// (commands/validate.ts) is loaded when the command runs.

import type { Command } from 'commander';
import { VALIDATE_REPORTERS } from '../../report/registry.js';
import type { CommandContext } from '../command-context.js';
import { addCommonOptions, type CommonOptions } from '../common-options.js';

export function registerValidate(program: Command, context: CommandContext): void {
  addCommonOptions(
    program
      .command('validate')
      .addHelpText(
        'after',
        '\nExample:\n  blast-radius validate fixtures/dyn-2016/blast-radius.yaml --format json',
      )
      .description('parse and check a manifest'),
    Object.keys(VALIDATE_REPORTERS),
    'text',
  ).action(async (file: string, options: CommonOptions) =>
    context.run(async () =>
      (await import('../commands/validate.js')).runValidate(context.io, file, options),
    ),
  );
}
