// Node positions for the report's interactive graph, computed once at report time so the page
// opens without laying anything out: ForceAtlas2 (Jacomy et al., PLoS ONE 2014) from a layered
// start (entry points on top, each service one row below its nearest dependent). Deterministic:
// the start comes from the graph alone, the iteration count from its size.

import graphology from 'graphology';
import forceAtlas2Module from 'graphology-layout-forceatlas2';
import type { CompiledGraph } from '../../model/compiled-graph.js';

// A CommonJS module: Node's default export is module.exports, the function the typings call
// `default`.
const forceAtlas2 = forceAtlas2Module as unknown as typeof forceAtlas2Module.default;

export interface ForceLayout {
  /** Position of service v: (x[v], y[v]), rounded to one decimal, y growing downwards. */
  x: Float64Array;
  y: Float64Array;
  iterations: number;
}

/** Work budget: iterations × (services + edges) stays near this, so big graphs stay fast. */
const WORK = 2_000_000;
const MAX_ITERATIONS = 300;
/** Fewer iterations than this do not untangle anything: such graphs keep the layered start. */
const MIN_ITERATIONS = 10;
const SPACING = 10;

export function forceLayout(graph: CompiledGraph): ForceLayout {
  const start = layeredStart(graph, layers(graph));
  const iterations = Math.min(MAX_ITERATIONS, Math.round(WORK / (graph.n + graph.alts.length + 1)));
  if (graph.n === 0 || iterations < MIN_ITERATIONS) return { ...rounded(start), iterations: 0 };
  const network = new graphology.UndirectedGraph();
  for (let v = 0; v < graph.n; v++)
    network.addNode(String(v), { x: start.x[v]!, y: start.y[v]!, size: 1 });
  for (let r = 0; r < graph.reqOwner.length; r++) {
    const owner = String(graph.reqOwner[r]!);
    for (let k = graph.altStart[r]!; k < graph.altStart[r + 1]!; k++)
      network.mergeEdge(owner, String(graph.alts[k]!));
  }
  forceAtlas2.assign(network, {
    iterations,
    settings: {
      ...forceAtlas2.inferSettings(graph.n),
      // Barnes–Hut with a coarse θ: a third of the cost of θ = 0.5 at 5,000 services.
      barnesHutOptimize: graph.n > 1000,
      barnesHutTheta: 1.2,
      strongGravityMode: true,
      gravity: 0.05,
      scalingRatio: 20,
    },
  });
  network.forEachNode((key, attributes) => {
    start.x[Number(key)] = attributes['x'] as number;
    start.y[Number(key)] = attributes['y'] as number;
  });
  return { ...rounded(start), iterations };
}

/** One decimal is plenty on screen, and keeps the page data short. */
function rounded(p: { x: Float64Array; y: Float64Array }): { x: Float64Array; y: Float64Array } {
  return { x: p.x.map((c) => Math.round(c * 10) / 10), y: p.y.map((c) => Math.round(c * 10) / 10) };
}

/**
 * Breadth-first depth from the entry points along dependencies; services no entry point reaches
 * go one row below the deepest.
 */
function layers(graph: CompiledGraph): Int32Array {
  const layer = new Int32Array(graph.n).fill(-1);
  const queue: number[] = [];
  for (let v = 0; v < graph.n; v++) {
    if (graph.entry[v]) {
      layer[v] = 0;
      queue.push(v);
    }
  }
  for (let head = 0; head < queue.length; head++) {
    const v = queue[head]!;
    for (let r = graph.reqStart[v]!; r < graph.reqStart[v + 1]!; r++) {
      for (let k = graph.altStart[r]!; k < graph.altStart[r + 1]!; k++) {
        const u = graph.alts[k]!;
        if (layer[u] !== -1) continue;
        layer[u] = layer[v]! + 1;
        queue.push(u);
      }
    }
  }
  const deepest = queue.length === 0 ? 0 : layer[queue[queue.length - 1]!]!;
  for (let v = 0; v < graph.n; v++) if (layer[v] === -1) layer[v] = deepest + 1;
  return layer;
}

/** Rows by layer, each row centred, with a small fixed wobble so no two nodes coincide. */
function layeredStart(
  graph: CompiledGraph,
  layer: Int32Array,
): { x: Float64Array; y: Float64Array } {
  const rowSize = new Map<number, number>();
  for (let v = 0; v < graph.n; v++) rowSize.set(layer[v]!, (rowSize.get(layer[v]!) ?? 0) + 1);
  const seen = new Map<number, number>();
  const x = new Float64Array(graph.n);
  const y = new Float64Array(graph.n);
  for (let v = 0; v < graph.n; v++) {
    const row = layer[v]!;
    const rank = seen.get(row) ?? 0;
    seen.set(row, rank + 1);
    const width = Math.sqrt(rowSize.get(row)!) * SPACING * 4;
    x[v] = (rank / Math.max(1, rowSize.get(row)! - 1) - 0.5) * width + wobble(v);
    y[v] = row * SPACING * 3 + wobble(v + 7919);
  }
  return { x, y };
}

/** A deterministic pseudo-random offset in [-1, 1) (an integer hash, no global state). */
function wobble(seed: number): number {
  let h = Math.imul(seed ^ 0x9e3779b9, 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  h ^= h >>> 16;
  return ((h >>> 0) / 0x100000000) * 2 - 1;
}
