// The dependency graph as JSON: services with their attributes and requirements (groups kept
// whole) and the copies of their data, sorted by id; the positions they were declared at are
// left out. A copy is not a dependency: it is data, never drawn as an edge.

import type { DependencyGraph } from '../../model/dependency-graph.js';
import { renderJson } from '../shared/json.js';

export function renderGraphJson(graph: DependencyGraph): string {
  const services = graph
    .nodes()
    .sort()
    .map((id) => {
      const { position: _position, dependsOn, copies, ...attributes } = graph.getNodeAttributes(id);
      const service = {
        ...attributes,
        dependsOn: dependsOn.map(({ position: _at, ...requirement }) => requirement),
      };
      if (copies === undefined) return service;
      return { ...service, copies: copies.map(({ position: _at, ...copy }) => copy) };
    });
  return renderJson({ services });
}
