// The neighbourhood of SPOF pairs: for each (entry point, component) pair, the hard-dependency
// paths from the entry point to the component, bounded for a small picture — of the pairs a
// diff adds, or of every pair (the risky part of the graph, for the review report).
// Explicit queues, no recursion: a chain of 200,000 services is a legal manifest.

import { byCodeUnit } from '../../compare.js';
import type { AnalysisResult } from '../analysis-result.js';
import type { CompiledGraph } from '../../model/compiled-graph.js';
import type { ComparedGraph } from './compared-side.js';
import type { Neighbourhood, SpofPair } from './diff-result.js';

/** The picture's bounds: a reviewer reads ~40 boxes, and Mermaid lays them out quickly. */
export const MAX_NODES = 40;
export const MAX_EDGES = 80;
/** Pairs tried at most; the rest are left out (each try costs two walks of the graph). */
const MAX_TRIES = 64;

interface Picture {
  nodes: Set<number>;
  spofs: Set<number>;
  /** `from,to` → [from, to], indices in the new graph. */
  edges: Map<string, [number, number]>;
}

/**
 * Every hard path from each pair's entry point to its component (the services reachable from
 * the entry point that reach the component), or one shortest path when all of them do not fit,
 * or nothing when that does not fit either. Pairs are taken in the given (sorted) order.
 */
export function changedNeighbourhood(
  before: ComparedGraph,
  after: ComparedGraph,
  added: readonly SpofPair[],
): Neighbourhood {
  const picture: Picture = { nodes: new Set(), spofs: new Set(), edges: new Map() };
  let drawn = 0;
  let shortened = 0;
  let leftOut = 0;
  let reach: { from: number; parent: Int32Array } | undefined;
  for (let i = 0; i < added.length; i++) {
    if (i >= MAX_TRIES || picture.nodes.size >= MAX_NODES) {
      leftOut += added.length - i;
      break;
    }
    const entry = after.index.get(added[i]!.entrypoint)!;
    const component = after.index.get(added[i]!.component)!;
    if (reach?.from !== entry) reach = { from: entry, parent: forwardReach(after, entry) };
    const members = pathMembers(after, reach.parent, component);
    if (tryAdd(picture, members, edgesAmong(after, members), component)) drawn++;
    else if (tryAdd(picture, ...shortestPath(reach.parent, entry, component), component))
      shortened++;
    else leftOut++;
  }
  return { ...describe(picture, before, after), drawn, shortened, leftOut };
}

/** BFS over hard edges from `start`: parent[v] is v's predecessor, −1 if unreached (start: itself). */
function forwardReach(graph: ComparedGraph, start: number): Int32Array {
  const parent = new Int32Array(graph.n).fill(-1);
  parent[start] = start;
  const queue = [start];
  for (let head = 0; head < queue.length; head++) {
    const v = queue[head]!;
    forEachHardDependency(graph, v, (u) => {
      if (parent[u] !== -1) return;
      parent[u] = v;
      queue.push(u);
    });
  }
  return parent;
}

/** The services reached from the entry point (parent ≠ −1) that reach `target` over hard edges. */
function pathMembers(graph: ComparedGraph, parent: Int32Array, target: number): number[] {
  if (parent[target] === -1) return [];
  const seen = new Uint8Array(graph.n);
  seen[target] = 1;
  const queue = [target];
  for (let head = 0; head < queue.length; head++) {
    const u = queue[head]!;
    for (let k = graph.usedByStart[u]!; k < graph.usedByStart[u + 1]!; k++) {
      const r = graph.usedBy[k]!;
      const owner = graph.reqOwner[r]!;
      if (graph.reqSoft[r] || seen[owner] || parent[owner] === -1) continue;
      seen[owner] = 1;
      queue.push(owner);
    }
  }
  return queue;
}

function edgesAmong(graph: ComparedGraph, members: readonly number[]): Array<[number, number]> {
  const inside = new Set(members);
  const edges: Array<[number, number]> = [];
  for (const v of members) {
    forEachHardDependency(graph, v, (u) => {
      if (inside.has(u)) edges.push([v, u]);
    });
  }
  return edges;
}

function shortestPath(
  parent: Int32Array,
  entry: number,
  target: number,
): [number[], Array<[number, number]>] {
  if (parent[target] === -1) return [[], []];
  const nodes = [target];
  const edges: Array<[number, number]> = [];
  for (let v = target; v !== entry; v = parent[v]!) {
    edges.push([parent[v]!, v]);
    nodes.push(parent[v]!);
  }
  return [nodes, edges];
}

/** Adds the nodes and edges if the picture stays within its bounds; says whether it did. */
function tryAdd(
  picture: Picture,
  nodes: readonly number[],
  edges: ReadonlyArray<[number, number]>,
  spof: number,
): boolean {
  if (nodes.length === 0) return false;
  const newNodes = nodes.filter((v) => !picture.nodes.has(v)).length;
  const newEdges = new Set(edges.map(([u, v]) => `${u},${v}`).filter((e) => !picture.edges.has(e)))
    .size;
  if (picture.nodes.size + newNodes > MAX_NODES || picture.edges.size + newEdges > MAX_EDGES)
    return false;
  for (const v of nodes) picture.nodes.add(v);
  for (const [u, v] of edges) picture.edges.set(`${u},${v}`, [u, v]);
  picture.spofs.add(spof);
  return true;
}

/** The picture as sorted plain data, each node and edge marked new when the old graph lacks it. */
function describe(
  picture: Picture,
  before: ComparedGraph,
  after: ComparedGraph,
): Pick<Neighbourhood, 'nodes' | 'edges'> {
  const id = (v: number) => after.ids[v]!;
  const nodes = [...picture.nodes]
    .map((v) => ({
      id: id(v),
      entrypoint: after.entry[v] === 1,
      spof: picture.spofs.has(v),
      added: !before.index.has(id(v)),
    }))
    .sort((a, b) => byCodeUnit(a.id, b.id));
  const edges = [...picture.edges.values()]
    .map(([u, v]) => ({ from: id(u), to: id(v), added: !hasHardEdge(before, id(u), id(v)) }))
    .sort((a, b) => byCodeUnit(a.from, b.from) || byCodeUnit(a.to, b.to));
  return { nodes, edges };
}

function hasHardEdge(graph: ComparedGraph, from: string, to: string): boolean {
  const v = graph.index.get(from);
  const u = graph.index.get(to);
  if (v === undefined || u === undefined) return false;
  let found = false;
  forEachHardDependency(graph, v, (w) => {
    if (w === u) found = true;
  });
  return found;
}

/** Calls `visit` with each alternative of each hard requirement of v (repeats possible). */
function forEachHardDependency(graph: ComparedGraph, v: number, visit: (u: number) => void): void {
  for (let r = graph.reqStart[v]!; r < graph.reqStart[v + 1]!; r++) {
    if (graph.reqSoft[r]) continue;
    for (let k = graph.altStart[r]!; k < graph.altStart[r + 1]!; k++) visit(graph.alts[k]!);
  }
}

/** The paths from entry points to their costliest single points of failure, bounded (nothing is new). */
export function spofNeighbourhood(graph: CompiledGraph, result: AnalysisResult): Neighbourhood {
  const pairs: SpofPair[] = result.spofs.flatMap((spof) =>
    spof.takesDown.map((entrypoint) => ({ entrypoint, component: spof.id })),
  );
  return changedNeighbourhood(graph, graph, pairs);
}
