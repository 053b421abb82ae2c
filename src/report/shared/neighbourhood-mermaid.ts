// The changed neighbourhood of a diff as a Mermaid flowchart: entry points as stadiums, the new
// SPOF components in red, new services with a thick border, new hard dependencies as thick arrows.

import { mermaidLabel } from './mermaid.js';
import type { Neighbourhood } from '../../analysis/diff/diff-result.js';

const CLASSES = [
  '  classDef spof fill:#ffebe9,stroke:#cf222e,color:#1f2328',
  '  classDef added stroke-width:3px,stroke-dasharray:6 3',
];

/** The flowchart's lines, without the surrounding code fence; none for an empty picture. */
export function renderNeighbourhoodMermaid(picture: Neighbourhood): string[] {
  if (picture.nodes.length === 0) return [];
  const name = new Map(picture.nodes.map((node, i) => [node.id, `n${i}`]));
  const lines = ['flowchart TD'];
  for (const node of picture.nodes) {
    const [open, close] = node.entrypoint ? ['([', '])'] : ['[', ']'];
    lines.push(`  ${name.get(node.id)}${open}"${mermaidLabel(node.id)}"${close}`);
  }
  for (const edge of picture.edges) {
    lines.push(`  ${name.get(edge.from)} ${edge.added ? '==>' : '-->'} ${name.get(edge.to)}`);
  }
  lines.push(...CLASSES);
  for (const className of ['spof', 'added'] as const) {
    const members = picture.nodes.filter((node) => node[className]).map((n) => name.get(n.id));
    if (members.length > 0) lines.push(`  class ${members.join(',')} ${className}`);
  }
  return lines;
}

/** Mermaid labels take entity codes; quotes and angle brackets must not reach its parser. */
