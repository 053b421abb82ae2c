// The dependency graph as JSON: services with their attributes and requirements (groups kept
// whole), sorted by id; the positions they were declared at are left out.

import type { DependencyGraph } from '../../model/dependency-graph.js';
import { renderJson } from '../shared/json.js';

export function renderGraphJson(graph: DependencyGraph): string {
  const services = graph
    .nodes()
    .sort()
    .map((id) => {
      const { position: _position, dependsOn, ...attributes } = graph.getNodeAttributes(id);
      return {
        ...attributes,
        dependsOn: dependsOn.map(({ position: _at, ...requirement }) => requirement),
      };
    });
  return renderJson({ services });
}
