// The report's layered drawing at the level of services: one leaf per service, named, inside
// the boxes of its failure domains (domain-layout.ts), each circle at the left of its leaf and
// its name to the right.

import type { CompiledGraph } from '../../model/compiled-graph.js';
import {
  CHAR,
  layoutCompound,
  MAX_LABEL,
  round,
  type DomainBox,
  type Leaf,
} from './domain-layout.js';

export interface ServiceLayout {
  x: Float64Array;
  y: Float64Array;
  boxes: DomainBox[];
}

const LABELS = ['provider', 'region', 'zone'] as const;
/** A service's node: room for the circle the page draws, and for its name on the right. */
const NODE = 20;
/** The page names every service up to this many (view.ts), so only then is room kept. */
const LABELLED_SERVICES = 200;

/** The failure domains of service v, outermost first, as analyze names them. */
export function domainChain(
  graph: CompiledGraph,
  v: number,
): Array<{ domain: string; key: string; value: string }> {
  const chain: Array<{ domain: string; key: string; value: string }> = [];
  const parts: string[] = [];
  for (const key of LABELS) {
    const value = graph.services[v]![key];
    if (value === undefined) continue;
    parts.push(`${key}=${value}`);
    chain.push({ domain: parts.join(','), key, value });
  }
  return chain;
}

/** Distinct dependent → dependency pairs. */
export function serviceEdges(graph: CompiledGraph): Array<[number, number]> {
  const edges: Array<[number, number]> = [];
  for (let r = 0; r < graph.reqOwner.length; r++)
    for (let k = graph.altStart[r]!; k < graph.altStart[r + 1]!; k++)
      edges.push([graph.reqOwner[r]!, graph.alts[k]!]);
  return edges;
}

export async function layoutServices(graph: CompiledGraph): Promise<ServiceLayout> {
  const leaves: Leaf[] = [];
  for (let v = 0; v < graph.n; v++) {
    const domains = domainChain(graph, v);
    const label = graph.n <= LABELLED_SERVICES ? graph.ids[v]!.length * CHAR + 6 : 0;
    // Entry points head the drawing (ELK allows it only for those nothing depends on).
    const dependedOn = graph.usedByStart[v + 1]! > graph.usedByStart[v]!;
    leaves.push({
      domains,
      width: NODE + Math.min(MAX_LABEL, label),
      height: NODE,
      first: graph.entry[v] === 1 && domains.length === 0 && !dependedOn,
    });
  }
  const laid = await layoutCompound(leaves, serviceEdges(graph));
  return {
    x: laid.x.map((x) => round(x + NODE / 2)),
    y: laid.y.map((y) => round(y + NODE / 2)),
    boxes: laid.boxes,
  };
}
