// The dependency graph as a Mermaid flowchart: hard edges solid, soft edges dashed, and each
// redundancy group drawn as a small hexagon node ("1 of 2") between a service and its alternatives;
// a tolerance is the label of the edge from the dependent ("rides out 1h").

import { mermaidLabel } from '../shared/mermaid.js';
import type { DependencyGraph } from '../../model/dependency-graph.js';
import { forEachRequirement, toleranceLabel } from './requirements.js';

export function renderGraphMermaid(graph: DependencyGraph): string {
  const lines = ['flowchart TD'];
  const nodeName = new Map<string, string>();
  graph.forEachNode((id) => nodeName.set(id, `s${nodeName.size}`));
  graph.forEachNode((id, service) => {
    const shape = service.entrypoint ? ['([', '])'] : ['[', ']'];
    lines.push(`  ${nodeName.get(id)}${shape[0]}"${mermaidLabel(id)}"${shape[1]}`);
  });
  let groups = 0;
  forEachRequirement(graph, (dependent, requirement) => {
    const from = nodeName.get(dependent)!;
    const arrow = requirement.soft ? '-.->' : '-->';
    const label = toleranceLabel(requirement);
    const first = label === undefined ? arrow : `${arrow}|"${label}"|`;
    if (!requirement.group) {
      lines.push(`  ${from} ${first} ${nodeName.get(requirement.alternatives[0]!)}`);
      return;
    }
    const group = `g${groups++}`;
    const quorum = `${requirement.quorum} of ${requirement.declared}`;
    lines.push(`  ${group}{{"${quorum}"}}`, `  ${from} ${first} ${group}`);
    for (const alternative of requirement.alternatives) {
      lines.push(`  ${group} ${arrow} ${nodeName.get(alternative)}`);
    }
  });
  return `${lines.join('\n')}\n`;
}

/** Mermaid labels take entity codes; quotes and angle brackets must not reach the parser. */
