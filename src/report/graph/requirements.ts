// report/graph/ — the dependency graph itself as Mermaid, DOT, GraphML and JSON.
//
// Walks a dependency graph requirement by requirement (a group is one requirement with several
// alternatives), in sorted order, which is how the graph reporters draw groups.

import type { DependencyGraph } from '../../model/dependency-graph.js';

export interface RequirementView {
  alternatives: string[];
  quorum: number;
  soft: boolean;
  group: boolean;
}

export function forEachRequirement(
  graph: DependencyGraph,
  callback: (dependent: string, requirement: RequirementView) => void,
): void {
  const dependents = graph.nodes().sort();
  for (const dependent of dependents) {
    const service = graph.getNodeAttributes(dependent);
    for (const requirement of service.dependsOn) {
      callback(dependent, {
        alternatives: requirement.alternatives,
        quorum: requirement.quorum,
        soft: requirement.soft,
        group: requirement.group,
      });
    }
  }
}
