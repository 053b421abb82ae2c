// The dependency graph cut down to some of its services (a neighbourhood, for `graph --around`):
// the same service and edge attribute objects, only the edges with both ends kept.

import graphology from 'graphology';
import type { Service } from '../manifest/types.js';
import type { DependencyEdge, DependencyGraph } from './dependency-graph.js';

/**
 * The dependency graph cut down to `keep`: those services with their attributes, and the edges
 * between them. A service's `dependsOn` stays as declared; reporters draw only the alternatives
 * present (see forEachRequirement).
 */
export function inducedSubgraph(
  graph: DependencyGraph,
  keep: ReadonlySet<string>,
): DependencyGraph {
  const sub: DependencyGraph = new graphology.MultiDirectedGraph<Service, DependencyEdge>();
  graph.forEachNode((id, service) => {
    if (keep.has(id)) sub.addNode(id, service);
  });
  graph.forEachEdge((key, edge, source, target) => {
    if (keep.has(source) && keep.has(target)) sub.addEdgeWithKey(key, source, target, edge);
  });
  return sub;
}
