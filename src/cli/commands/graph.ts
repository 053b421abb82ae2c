// `blast-radius graph [manifest] --format mermaid|dot|json|graphml`: the dependency graph itself,
// with soft edges dashed and redundancy groups drawn as "k of n" nodes; with --around, only the
// neighbourhood of some services.

import { buildDependencyGraph, type DependencyGraph } from '../../model/dependency-graph.js';
import type { Direction } from '../../model/direction.js';
import { inducedSubgraph } from '../../model/induced-subgraph.js';
import { neighbourhood } from '../../model/neighbourhood.js';
import { GRAPH_REPORTERS } from '../../report/registry.js';
import type { CommonOptions } from '../common-options.js';
import { UsageError } from '../errors.js';
import type { Outcome } from '../exit-code.js';
import type { CliIO } from '../io.js';
import { loadManifestFor, parseCount, writeReport } from '../shared-options.js';

export interface GraphOptions extends CommonOptions {
  around?: string[];
  depth: string;
  direction: Direction;
}

/** Loads the manifest and writes its graph, or the neighbourhood --around asks for. */
export async function runGraph(io: CliIO, file: string, options: GraphOptions): Promise<Outcome> {
  const depth = parseCount(options.depth, '--depth');
  const manifest = await loadManifestFor(io, file);
  const graph = buildDependencyGraph(manifest);
  const shown = options.around ? around(graph, options.around, depth, options.direction) : graph;
  await writeReport(io, GRAPH_REPORTERS, shown, options);
  return 'ok';
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
