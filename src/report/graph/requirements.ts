// report/graph/ — the dependency graph itself as Mermaid, DOT, GraphML and JSON.
//
// Walks a dependency graph requirement by requirement (a group is one requirement with several
// alternatives), in sorted order, which is how the graph reporters draw groups. Alternatives
// missing from the graph (a neighbourhood cut out of a larger one) are left out; a requirement
// with none left is skipped, and a group keeps its declared size for its "k of n" label.

import { formatDuration } from '../../manifest/fields/duration.js';
import type { DependencyGraph } from '../../model/dependency-graph.js';

export interface RequirementView {
  /** The alternatives present in the graph. */
  alternatives: string[];
  /** How many alternatives the manifest declares. */
  declared: number;
  quorum: number;
  soft: boolean;
  group: boolean;
  /** Seconds the dependent rides out the requirement being unmet; 0 when not declared. */
  tolerates: number;
}

export function forEachRequirement(
  graph: DependencyGraph,
  callback: (dependent: string, requirement: RequirementView) => void,
): void {
  const dependents = graph.nodes().sort();
  for (const dependent of dependents) {
    const service = graph.getNodeAttributes(dependent);
    for (const requirement of service.dependsOn) {
      const alternatives = requirement.alternatives.filter((id) => graph.hasNode(id));
      if (alternatives.length === 0) continue;
      callback(dependent, {
        alternatives,
        declared: requirement.alternatives.length,
        quorum: requirement.quorum,
        soft: requirement.soft,
        group: requirement.group,
        tolerates: requirement.tolerates ?? 0,
      });
    }
  }
}

/** The edge label of a requirement with a tolerance ("rides out 1h"), or undefined without one. */
export function toleranceLabel(requirement: RequirementView): string | undefined {
  return requirement.tolerates > 0
    ? `rides out ${formatDuration(requirement.tolerates)}`
    : undefined;
}
