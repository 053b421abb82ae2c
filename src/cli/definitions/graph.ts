// `blast-radius graph [manifest]` as the command line declares it; building and drawing the
// graph (commands/graph.ts) is loaded when the command runs.

import { Option, type Command } from 'commander';
import { DIRECTIONS } from '../../model/direction.js';
import { GRAPH_REPORTERS } from '../../report/registry.js';
import type { CommandContext } from '../command-context.js';
import type { GraphOptions } from '../commands/graph.js';
import { addCommonOptions } from '../common-options.js';

export function registerGraph(program: Command, context: CommandContext): void {
  addCommonOptions(
    program
      .command('graph')
      .addHelpText(
        'after',
        [
          '\nExamples:',
          '  blast-radius graph fixtures/multi-region/blast-radius.yaml --format dot | dot -Tsvg > graph.svg',
          '  blast-radius graph --around checkout --depth 2 --direction down   # what checkout depends on, two steps deep',
        ].join('\n'),
      )
      .description('print the dependency graph, or the neighbourhood of some services')
      .option('--around <id...>', 'only the services within --depth steps of these')
      .option('--depth <n>', 'with --around: how many steps', '1')
      .addOption(
        new Option(
          '--direction <direction>',
          'with --around: down follows dependencies, up follows dependents, both either',
        )
          .choices(DIRECTIONS)
          .default('both'),
      ),
    Object.keys(GRAPH_REPORTERS),
    'mermaid',
  ).action(async (file: string, options: GraphOptions) =>
    context.run(async () =>
      (await import('../commands/graph.js')).runGraph(context.io, file, options),
    ),
  );
}
