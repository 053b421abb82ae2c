// `blast-radius graph [manifest] --format mermaid|dot|json|graphml`: the dependency graph itself,
// with soft edges dashed and redundancy groups drawn as "k of n" nodes.

import type { Command } from 'commander';
import { buildDependencyGraph } from '../../model/dependency-graph.js';
import { GRAPH_REPORTERS } from '../../report/registry.js';
import type { CommandContext } from '../command-context.js';
import {
  addCommonOptions,
  loadManifestFor,
  type CommonOptions,
  writeReport,
} from '../shared-options.js';

export function registerGraph(program: Command, context: CommandContext): void {
  addCommonOptions(
    program
      .command('graph')
      .addHelpText(
        'after',
        '\nExample:\n  blast-radius graph fixtures/multi-region/blast-radius.yaml --format dot | dot -Tsvg > graph.svg',
      )
      .description('print the dependency graph'),
    Object.keys(GRAPH_REPORTERS),
    'mermaid',
  ).action(async (file: string, options: CommonOptions) =>
    context.run(async () => {
      const manifest = await loadManifestFor(context.io, file);
      await writeReport(context.io, GRAPH_REPORTERS, buildDependencyGraph(manifest), options);
      return 'ok';
    }),
  );
}
