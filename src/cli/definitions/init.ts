// `blast-radius init [directory]` as the command line declares it; the detectors and importers
// (commands/init.ts) are loaded when the command runs.

import type { Command } from 'commander';
import { IMPORTS_FOLDER, STARTER_MANIFEST } from '../../init/init-paths.js';
import type { CommandContext } from '../command-context.js';

export function registerInit(program: Command, context: CommandContext): void {
  program
    .command('init')
    .argument('[directory]', 'the repository to start in', '.')
    .description(
      `write a starter ${STARTER_MANIFEST} from the compose files, Kubernetes manifests, Backstage catalog, Terraform plans and states and CloudFormation templates found in a repository`,
    )
    .addHelpText(
      'after',
      `\nThe imports go to ${IMPORTS_FOLDER}/*.generated.yaml; ${STARTER_MANIFEST} includes them and asks, as` +
        '\ncomments, for the entry points, cost_per_hour, SLAs and providers. Never overwrites a file.' +
        '\n\nExample:\n  blast-radius init && blast-radius analyze',
    )
    .action(async (directory: string) =>
      context.run(async () => (await import('../commands/init.js')).runInit(context.io, directory)),
    );
}
