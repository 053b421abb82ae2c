// The dependency graph in Graphviz DOT: entry points doubled, soft edges dashed, redundancy
// groups as diamond nodes labelled "k of n" between a service and its alternatives, and a
// tolerance written on the edge from the dependent ("rides out 1h").

import type { DependencyGraph } from '../../model/dependency-graph.js';
import { forEachRequirement, toleranceLabel } from './requirements.js';
import { safeText } from '../shared/safe-text.js';

export function renderGraphDot(graph: DependencyGraph): string {
  const lines = ['digraph dependencies {', '  rankdir=TB;', '  node [shape=box];'];
  for (const id of graph.nodes().sort()) {
    const service = graph.getNodeAttributes(id);
    const attributes = [`label=${dotString(id)}`];
    if (service.entrypoint) attributes.push('peripheries=2');
    lines.push(`  ${dotString(id)} [${attributes.join(', ')}];`);
  }
  let groups = 0;
  forEachRequirement(graph, (dependent, requirement) => {
    const style = requirement.soft ? ' [style=dashed]' : '';
    const label = toleranceLabel(requirement);
    const attributes = [
      ...(requirement.soft ? ['style=dashed'] : []),
      ...(label === undefined ? [] : [`label=${dotString(label)}`]),
    ];
    const first = attributes.length > 0 ? ` [${attributes.join(', ')}]` : '';
    if (!requirement.group) {
      lines.push(
        `  ${dotString(dependent)} -> ${dotString(requirement.alternatives[0]!)}${first};`,
      );
      return;
    }
    const group = dotString(`group ${groups++}`);
    const quorum = `${requirement.quorum} of ${requirement.declared}`;
    lines.push(`  ${group} [shape=diamond, label=${dotString(quorum)}];`);
    lines.push(`  ${dotString(dependent)} -> ${group}${first};`);
    for (const alternative of requirement.alternatives) {
      lines.push(`  ${group} -> ${dotString(alternative)}${style};`);
    }
  });
  lines.push('}');
  return `${lines.join('\n')}\n`;
}

function dotString(text: string): string {
  return `"${safeText(text).replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}
