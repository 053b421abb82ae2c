// The dependency graph as a graphology multigraph: one node per service with its attributes, one
// edge per (requirement, alternative), dependent → dependency (see compiled-graph.ts).

import graphology from 'graphology';
import type { Manifest, Service } from '../manifest/types.js';

export interface DependencyEdge {
  /** Index of the requirement in the dependent's `depends_on`. */
  requirement: number;
  soft: boolean;
  /** Set for `any_of`/`quorum` groups: `quorum` of `size` alternatives must be up. */
  group?: { quorum: number; size: number };
}

export type DependencyGraph = graphology.MultiDirectedGraph<Service, DependencyEdge>;

/** Edge keys are `dependent>dependency#requirement`: `>` and `#` cannot occur in an id. */
export function edgeKey(dependent: string, dependency: string, requirement: number): string {
  return `${dependent}>${dependency}#${requirement}`;
}

export function buildDependencyGraph(manifest: Manifest): DependencyGraph {
  const graph: DependencyGraph = new graphology.MultiDirectedGraph<Service, DependencyEdge>();
  for (const service of manifest.services) graph.addNode(service.id, service);
  for (const service of manifest.services) {
    service.dependsOn.forEach((requirement, index) => {
      const group = requirement.group
        ? { quorum: requirement.quorum, size: requirement.alternatives.length }
        : undefined;
      for (const dependency of requirement.alternatives) {
        const attributes: DependencyEdge = { requirement: index, soft: requirement.soft };
        if (group) attributes.group = group;
        graph.addEdgeWithKey(
          edgeKey(service.id, dependency, index),
          service.id,
          dependency,
          attributes,
        );
      }
    });
  }
  return graph;
}
