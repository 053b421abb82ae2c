// Browser side of the HTML report: the graph the view draws when a large graph comes in groups
// (one per innermost failure domain or owner). A closed group is one node, `-1 - g`, with its
// count; an open one is its services. Every dependency is drawn between the nodes that stand
// for its two ends now, so opening a group redraws only the edges of its services.

import type Graph from 'graphology';
import type { PageModel } from './model.js';

export interface NodeAttributes {
  /** The service, or -1 - g for closed group g. */
  v: number;
  x: number;
  y: number;
  size: number;
  label: string;
}

export interface EdgeAttributes {
  /** The dependent and its dependency (or their closed groups, as in NodeAttributes). */
  s: number;
  t: number;
  /** Every requirement behind the edge is soft. */
  soft: boolean;
  size: number;
}

export type Network = Graph<NodeAttributes, EdgeAttributes>;

/** The node that stands for service v: itself, or its closed group. */
export function standIn(model: PageModel, open: Uint8Array, v: number): number {
  const group = model.data.group;
  if (group.length === 0) return v;
  const g = group[v]!;
  return open[g] ? v : -1 - g;
}

export function nodeKey(n: number): string {
  return n >= 0 ? String(n) : `g${-1 - n}`;
}

export function edgeKey(from: number, to: number): string {
  return `${nodeKey(from)}>${nodeKey(to)}`;
}

/** Size of a service's circle. */
export function serviceSize(model: PageModel, v: number): number {
  const large = model.graph.n > 1500;
  return (model.graph.entry[v] ? 9 : model.isSpof[v] ? 6 : 4) * (large ? 0.45 : 1);
}

export function addServiceNode(network: Network, model: PageModel, v: number): void {
  const { data, graph } = model;
  network.addNode(nodeKey(v), {
    v,
    x: data.x[v]!,
    y: -data.y[v]!,
    size: serviceSize(model, v),
    label: graph.ids[v]!,
  });
}

export function addGroupNode(network: Network, model: PageModel, g: number): void {
  const group = model.data.groups[g]!;
  const name = group.name.slice(group.name.lastIndexOf(',') + 1).replace('=', ' ');
  network.addNode(nodeKey(-1 - g), {
    v: -1 - g,
    x: group.x,
    y: -group.y,
    size: Math.min(22, 6 + Math.log2(group.size + 1) * 1.5),
    label: `${name} (${group.size.toLocaleString('en-US')})`,
  });
}

/** Draws the dependencies of service v (both ways) between their stand-ins. */
export function addServiceEdges(
  network: Network,
  model: PageModel,
  open: Uint8Array,
  v: number,
): void {
  const { graph } = model;
  const link = (s: number, t: number, soft: boolean) => {
    const a = standIn(model, open, s);
    const b = standIn(model, open, t);
    if (a === b) return;
    const key = edgeKey(a, b);
    if (network.hasEdge(key)) {
      if (!soft) network.setEdgeAttribute(key, 'soft', false);
    } else if (network.hasNode(nodeKey(a)) && network.hasNode(nodeKey(b))) {
      network.addDirectedEdgeWithKey(key, nodeKey(a), nodeKey(b), { s: a, t: b, soft, size: 1 });
    }
  };
  for (let r = graph.reqStart[v]!; r < graph.reqStart[v + 1]!; r++)
    for (let k = graph.altStart[r]!; k < graph.altStart[r + 1]!; k++)
      link(v, graph.alts[k]!, graph.reqSoft[r] === 1);
  for (let k = graph.usedByStart[v]!; k < graph.usedByStart[v + 1]!; k++) {
    const r = graph.usedBy[k]!;
    link(graph.reqOwner[r]!, v, graph.reqSoft[r] === 1);
  }
}

/** The graph as drawn with the groups `open` says are open (all services without groups). */
export function buildNetwork(network: Network, model: PageModel, open: Uint8Array): void {
  const { graph, data } = model;
  for (let g = 0; g < data.groups.length; g++) if (!open[g]) addGroupNode(network, model, g);
  for (let v = 0; v < graph.n; v++)
    if (standIn(model, open, v) === v) addServiceNode(network, model, v);
  for (let v = 0; v < graph.n; v++) addServiceEdges(network, model, open, v);
}

/** Opens group g: its node gives way to its services and their edges. */
export function openGroup(network: Network, model: PageModel, open: Uint8Array, g: number): void {
  if (open[g]) return;
  open[g] = 1;
  network.dropNode(nodeKey(-1 - g));
  const members: number[] = [];
  model.data.group.forEach((owner, v) => owner === g && members.push(v));
  for (const v of members) addServiceNode(network, model, v);
  for (const v of members) addServiceEdges(network, model, open, v);
}
