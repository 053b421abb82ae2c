// The dependency graph in Graphviz DOT: entry points doubled, soft edges dashed, redundancy
// groups as diamond nodes labelled "k of n" between a service and its alternatives.

import type { DependencyGraph } from '../../model/dependency-graph.js';
import { forEachRequirement } from './requirements.js';
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
    if (!requirement.group) {
      lines.push(
        `  ${dotString(dependent)} -> ${dotString(requirement.alternatives[0]!)}${style};`,
      );
      return;
    }
    const group = dotString(`group ${groups++}`);
    const label = `${requirement.quorum} of ${requirement.alternatives.length}`;
    lines.push(`  ${group} [shape=diamond, label=${dotString(label)}];`);
    lines.push(`  ${dotString(dependent)} -> ${group}${style};`);
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
