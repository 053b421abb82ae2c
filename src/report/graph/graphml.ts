// The dependency graph as GraphML (for yEd, Gephi, networkx): one edge per service and
// alternative, with the requirement's soft flag, group quorum and tolerance (seconds, declared
// only when some requirement has one) as edge data.

import type { DependencyGraph } from '../../model/dependency-graph.js';
import { forEachRequirement, type RequirementView } from './requirements.js';
import { xmlAttribute as xml, xmlText } from '../shared/xml.js';

const NODE_KEYS = ['kind', 'provider', 'region', 'zone', 'tier', 'owner'] as const;

export function renderGraphGraphml(graph: DependencyGraph): string {
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns">',
    '  <key id="entrypoint" for="node" attr.name="entrypoint" attr.type="boolean"/>',
    ...NODE_KEYS.map((k) => `  <key id="${k}" for="node" attr.name="${k}" attr.type="string"/>`),
    '  <key id="soft" for="edge" attr.name="soft" attr.type="boolean"/>',
    '  <key id="quorum" for="edge" attr.name="quorum" attr.type="int"/>',
    '  <key id="alternatives" for="edge" attr.name="alternatives" attr.type="int"/>',
  ];
  const requirements: Array<[string, RequirementView]> = [];
  forEachRequirement(graph, (dependent, requirement) =>
    requirements.push([dependent, requirement]),
  );
  if (requirements.some(([, requirement]) => requirement.tolerates > 0)) {
    lines.push('  <key id="tolerates" for="edge" attr.name="tolerates" attr.type="double"/>');
  }
  lines.push('  <graph id="dependencies" edgedefault="directed">');
  for (const id of graph.nodes().sort()) {
    const service = graph.getNodeAttributes(id);
    lines.push(`    <node id="${xml(id)}">`);
    lines.push(`      <data key="entrypoint">${service.entrypoint}</data>`);
    for (const key of NODE_KEYS) {
      const value = service[key];
      if (value !== undefined) lines.push(`      <data key="${key}">${xmlText(value)}</data>`);
    }
    lines.push('    </node>');
  }
  for (const [dependent, requirement] of requirements) {
    for (const alternative of requirement.alternatives) {
      lines.push(`    <edge source="${xml(dependent)}" target="${xml(alternative)}">`);
      lines.push(`      <data key="soft">${requirement.soft}</data>`);
      lines.push(`      <data key="quorum">${requirement.quorum}</data>`);
      lines.push(`      <data key="alternatives">${requirement.declared}</data>`);
      if (requirement.tolerates > 0) {
        lines.push(`      <data key="tolerates">${requirement.tolerates}</data>`);
      }
      lines.push('    </edge>');
    }
  }
  lines.push('  </graph>', '</graphml>');
  return `${lines.join('\n')}\n`;
}
