// Browser side of the HTML report: the graph the view draws when a large graph comes as a tree
// of boxes (page-data.ts). A closed box is one node, `-1 - b`, with its count; an open one is the
// boxes inside it and its own services, placed in its grid only when it opens. Every dependency
// is drawn between the nodes that stand for its two ends now, so opening a box redraws only the
// edges of the services inside it.

import type Graph from 'graphology';
import { gridPosition, type PageTree } from '../page-data.js';
import type { PageModel } from './model.js';

export interface NodeAttributes {
  /** The service, or -1 - b for closed box b. */
  v: number;
  x: number;
  y: number;
  size: number;
  label: string;
}

export interface EdgeAttributes {
  /** The dependent and its dependency (or their closed boxes, as in NodeAttributes). */
  s: number;
  t: number;
  /** Every requirement behind the edge is soft. */
  soft: boolean;
  size: number;
}

export type Network = Graph<NodeAttributes, EdgeAttributes>;

/** What the page knows of the tree beyond its data: each box's own services and sub-boxes. */
export interface Boxes {
  tree: PageTree;
  /** Per box: its own services, in grid order. */
  members: number[][];
  /** Per box: the boxes directly inside it. */
  children: number[][];
  /** Per service: its place in its box's grid. */
  rank: Int32Array;
}

export function boxesOf(tree: PageTree, n: number): Boxes {
  const members: number[][] = tree.parent.map(() => []);
  const children: number[][] = tree.parent.map(() => []);
  tree.parent.forEach((p, b) => p >= 0 && children[p]!.push(b));
  const rank = new Int32Array(n);
  for (let v = 0; v < n; v++) {
    const own = members[tree.box[v]!]!;
    rank[v] = own.length;
    own.push(v);
  }
  return { tree, members, children, rank };
}

/** The node that stands for service v: itself, or the outermost closed box around it. */
export function standIn(boxes: Boxes | null, open: Uint8Array, v: number): number {
  if (boxes === null) return v;
  let node = v;
  for (let b = boxes.tree.box[v]!; b >= 0; b = boxes.tree.parent[b]!) if (!open[b]) node = -1 - b;
  return node;
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

function addServiceNode(network: Network, model: PageModel, boxes: Boxes | null, v: number): void {
  const { data, graph } = model;
  const at =
    boxes === null
      ? { x: data.x[v]!, y: data.y[v]! }
      : gridPosition(boxes.tree, boxes.tree.box[v]!, boxes.rank[v]!);
  network.addNode(nodeKey(v), {
    v,
    x: at.x,
    y: -at.y,
    size: serviceSize(model, v),
    label: graph.ids[v]!,
  });
}

/** A closed box's node: at the centre of its box, named with its count. */
function addBoxNode(network: Network, model: PageModel, b: number): void {
  const box = model.data.boxes[b]!;
  const size = model.data.tree!.size[b]!;
  network.addNode(nodeKey(-1 - b), {
    v: -1 - b,
    x: box.x + box.width / 2,
    y: -(box.y + box.height / 2),
    size: Math.min(22, 6 + Math.log2(size + 1) * 1.5),
    label: `${model.data.tree!.title[b]!} (${size.toLocaleString('en-US')})`,
  });
}

/**
 * Draws the dependencies of the given services (`both`: also those on them) between the nodes
 * that stand for their ends, each pair once: collected in a map first, so the graph is asked
 * once per drawn edge rather than once per dependency.
 */
function addEdges(
  network: Network,
  model: PageModel,
  boxes: Boxes | null,
  open: Uint8Array,
  services: readonly number[],
  both: boolean,
): void {
  const { graph } = model;
  // A node as a non-negative number: services first, then boxes.
  const span = graph.n + (boxes?.tree.parent.length ?? 0);
  const code = (node: number) => (node >= 0 ? node : graph.n - 1 - node);
  const node = (c: number) => (c < graph.n ? c : graph.n - 1 - c);
  /** Pair code → 1 when every dependency behind it is soft, 0 otherwise. */
  const pairs = new Map<number, number>();
  const link = (s: number, t: number, soft: boolean) => {
    const a = standIn(boxes, open, s);
    const b = standIn(boxes, open, t);
    if (a === b) return;
    const pair = code(a) * span + code(b);
    const seen = pairs.get(pair);
    if (seen === undefined || (seen === 1 && !soft)) pairs.set(pair, soft ? 1 : 0);
  };
  for (const v of services) {
    for (let r = graph.reqStart[v]!; r < graph.reqStart[v + 1]!; r++)
      for (let k = graph.altStart[r]!; k < graph.altStart[r + 1]!; k++)
        link(v, graph.alts[k]!, graph.reqSoft[r] === 1);
    if (!both) continue;
    for (let k = graph.usedByStart[v]!; k < graph.usedByStart[v + 1]!; k++) {
      const r = graph.usedBy[k]!;
      link(graph.reqOwner[r]!, v, graph.reqSoft[r] === 1);
    }
  }
  for (const [pair, soft] of pairs) {
    const a = node(Math.floor(pair / span));
    const b = node(pair % span);
    const key = edgeKey(a, b);
    if (network.hasEdge(key)) {
      if (soft === 0) network.setEdgeAttribute(key, 'soft', false);
    } else if (network.hasNode(nodeKey(a)) && network.hasNode(nodeKey(b))) {
      network.addDirectedEdgeWithKey(key, nodeKey(a), nodeKey(b), {
        s: a,
        t: b,
        soft: soft === 1,
        size: 1,
      });
    }
  }
}

/**
 * The nodes drawn inside the given open boxes (top level: -1): their own services, their closed
 * sub-boxes, and what is drawn inside their open ones; and the services of the closed ones.
 */
function contents(boxes: Boxes, open: Uint8Array, from: readonly number[]) {
  const services: number[] = [];
  const closed: number[] = [];
  const hidden: number[] = [];
  const stack = [...from];
  while (stack.length > 0) {
    const b = stack.pop()!;
    if (open[b]) {
      services.push(...boxes.members[b]!);
      stack.push(...boxes.children[b]!);
    } else {
      closed.push(b);
      // Its services are drawn as its node: their edges go to it.
      const inside = [b];
      while (inside.length > 0) {
        const c = inside.pop()!;
        hidden.push(...boxes.members[c]!);
        inside.push(...boxes.children[c]!);
      }
    }
  }
  return { services, closed, hidden };
}

/** The graph as drawn with the boxes `open` says are open (every service without a tree). */
export function buildNetwork(
  network: Network,
  model: PageModel,
  boxes: Boxes | null,
  open: Uint8Array,
): void {
  const { graph } = model;
  if (boxes === null) {
    for (let v = 0; v < graph.n; v++) addServiceNode(network, model, null, v);
  } else {
    const roots = boxes.tree.parent.flatMap((p, b) => (p < 0 ? [b] : []));
    const { services, closed } = contents(boxes, open, roots);
    for (const b of closed) addBoxNode(network, model, b);
    for (const v of services) addServiceNode(network, model, boxes, v);
  }
  addEdges(network, model, boxes, open, [...graph.ids.keys()], false);
}

/** Opens box b (and the closed boxes around it): its node gives way to what it holds. */
export function openBox(
  network: Network,
  model: PageModel,
  boxes: Boxes,
  open: Uint8Array,
  b: number,
): void {
  // Outermost first: only a box whose parent is open is drawn as a node.
  const chain: number[] = [];
  for (let c = b; c >= 0; c = boxes.tree.parent[c]!) if (!open[c]) chain.unshift(c);
  for (const c of chain) {
    open[c] = 1;
    network.dropNode(nodeKey(-1 - c));
    const { services, closed, hidden } = contents(boxes, open, boxes.children[c]!);
    for (const d of closed) addBoxNode(network, model, d);
    for (const v of boxes.members[c]!) addServiceNode(network, model, boxes, v);
    for (const v of services) addServiceNode(network, model, boxes, v);
    addEdges(network, model, boxes, open, [...boxes.members[c]!, ...services, ...hidden], true);
  }
}

/** Per box, the worst of `status` over the services inside it (any depth). */
export function boxWorst(boxes: Boxes, status: Uint8Array, out: Uint8Array): void {
  out.fill(0);
  for (let v = 0; v < status.length; v++)
    for (let b = boxes.tree.box[v]!; b >= 0; b = boxes.tree.parent[b]!)
      if (status[v]! > out[b]!) out[b] = status[v]!;
}
