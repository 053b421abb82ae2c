// `blast-radius graph [manifest] --format mermaid|dot|json|graphml`: the dependency graph itself,
// with soft edges dashed and redundancy groups drawn as "k of n" nodes; with --around, only the
// neighbourhood of some services.

import { Option, type Command } from 'commander';
import { buildDependencyGraph, type DependencyGraph } from '../../model/dependency-graph.js';
import { inducedSubgraph } from '../../model/induced-subgraph.js';
import { DIRECTIONS, neighbourhood, type Direction } from '../../model/neighbourhood.js';
import { GRAPH_REPORTERS } from '../../report/registry.js';
import type { CommandContext } from '../command-context.js';
import { UsageError } from '../errors.js';
import {
  addCommonOptions,
  loadManifestFor,
  parseCount,
  type CommonOptions,
  writeReport,
} from '../shared-options.js';

interface GraphOptions extends CommonOptions {
  around?: string[];
  depth: string;
  direction: Direction;
}

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
    context.run(async () => {
      const depth = parseCount(options.depth, '--depth');
      const manifest = await loadManifestFor(context.io, file);
      const graph = buildDependencyGraph(manifest);
      const shown = options.around
        ? around(graph, options.around, depth, options.direction)
        : graph;
      await writeReport(context.io, GRAPH_REPORTERS, shown, options);
      return 'ok';
    }),
  );
}

function around(
  graph: DependencyGraph,
  ids: readonly string[],
  depth: number,
  direction: Direction,
): DependencyGraph {
  const unknown = ids.filter((id) => !graph.hasNode(id));
  if (unknown.length > 0)
    throw new UsageError(`--around: no service ${unknown.map((id) => `"${id}"`).join(', ')}`);
  return inducedSubgraph(graph, neighbourhood(graph, ids, depth, direction));
}
