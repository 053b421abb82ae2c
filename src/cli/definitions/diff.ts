// `blast-radius diff OLD NEW | [NEW] --base REF` as the command line declares it; the comparison
// (commands/diff.ts) is loaded when the command runs.

import { Option, type Command } from 'commander';
import { FAIL_ON } from '../../analysis/diff/diff-result.js';
import { DIFF_REPORTERS } from '../../report/registry.js';
import type { CommandContext } from '../command-context.js';
import type { DiffOptions } from '../commands/diff.js';
import { DEFAULT_MANIFEST } from '../common-options.js';

const EXAMPLES = [
  'Examples:',
  '  blast-radius diff old/blast-radius.yaml blast-radius.yaml',
  '  blast-radius diff --base origin/main --fail-on new-spof --format markdown -o comment.md',
  '  blast-radius diff services.yaml --base HEAD~1 --fail-on new-spof,new-risk',
];

export function registerDiff(program: Command, context: CommandContext): void {
  program
    .command('diff')
    .usage('[options] OLD NEW | [NEW] --base REF')
    .description(
      'compare two manifests: SPOFs, failure-domain SPOFs and blast radii added and removed, entry points newly at risk',
    )
    .argument('[manifests...]', `OLD NEW; with --base only NEW (default ${DEFAULT_MANIFEST})`)
    .option('--base <ref>', 'read OLD from this git revision (e.g. origin/main), includes too')
    .option(
      '--fail-on <conditions>',
      `exit 1 when any matches: ${FAIL_ON.join(', ')} (comma-separated or repeated)`,
      (value: string, previous: string[] | undefined) => [...(previous ?? []), value],
    )
    .option('--top <n>', 'rows shown per listing in text and markdown (json has everything)', '10')
    .addOption(
      new Option('-f, --format <format>', 'output format')
        .choices(Object.keys(DIFF_REPORTERS))
        .default('text'),
    )
    .option('-o, --output <file>', 'write the result to a file (atomically) instead of stdout')
    .addHelpText('after', `\n${EXAMPLES.join('\n')}`)
    .action(async (files: string[], options: DiffOptions) =>
      context.run(async () =>
        (await import('../commands/diff.js')).runDiff(context.io, files, options),
      ),
    );
}
