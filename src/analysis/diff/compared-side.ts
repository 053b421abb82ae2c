// One side of a diff as the comparison reads it: the parts of a manifest's analysis and graph
// that `diff` compares, held in columns. Lists of entry points become numbers into the side's
// entry point list, so a side computed on another thread comes back as a few typed arrays and
// string lists instead of millions of strings, and the comparison works on numbers.

import type { AnalysisResult } from '../analysis-result.js';
import type { CompiledGraph } from '../../model/compiled-graph.js';

/** The graph the changed neighbourhood walks: ids and hard dependencies in both directions. */
export type ComparedGraph = Pick<
  CompiledGraph,
  | 'n'
  | 'ids'
  | 'index'
  | 'entry'
  | 'reqStart'
  | 'reqOwner'
  | 'reqSoft'
  | 'altStart'
  | 'alts'
  | 'usedByStart'
  | 'usedBy'
>;

/**
 * Causes (components or failure domains) and the entry points each takes down: cause i takes
 * down `entrypoints[start[i]] .. entrypoints[start[i+1]-1]`, numbers into the side's entry
 * point list, in the analysis's order.
 */
export interface CausedOutages {
  causes: string[];
  start: Int32Array;
  entrypoints: Int32Array;
}

/** Every component's blast radius, in the analysis's order, one column per figure. */
export interface BlastRadiusColumns {
  ids: string[];
  /** The row's service number in the side's graph, −1 for an id that is not a service. */
  service: Int32Array;
  down: Float64Array;
  degraded: Float64Array;
  entrypointsDown: Float64Array;
  costPerHour: Float64Array;
}

export interface ComparedSide {
  source: string;
  /** False when the manifest did not exist there; the side then has no services. */
  exists: boolean;
  /** The manifest's `name`, or null. */
  manifest: string | null;
  graph: ComparedGraph;
  entrypoints: string[];
  spofs: CausedOutages;
  domainSpofs: CausedOutages;
  blastRadius: BlastRadiusColumns;
}

/** The side of `graph` and its analysis that the comparison reads. */
export function comparedSide(
  source: string,
  exists: boolean,
  graph: ComparedGraph,
  analysis: Pick<
    AnalysisResult,
    'manifest' | 'entrypoints' | 'spofs' | 'domainSpofs' | 'blastRadius'
  >,
): ComparedSide {
  const entryNumber = new Map<string, number>();
  analysis.entrypoints.forEach((id, i) => entryNumber.set(id, i));
  return {
    source,
    exists,
    manifest: analysis.manifest,
    graph,
    entrypoints: analysis.entrypoints,
    spofs: causedOutages(
      analysis.spofs.map((s) => s.id),
      analysis.spofs,
      entryNumber,
    ),
    domainSpofs: causedOutages(
      analysis.domainSpofs.map((d) => d.domain),
      analysis.domainSpofs,
      entryNumber,
    ),
    blastRadius: blastRadiusColumns(analysis.blastRadius, graph.index),
  };
}

function causedOutages(
  causes: string[],
  lists: ReadonlyArray<{ takesDown: readonly string[] }>,
  entryNumber: ReadonlyMap<string, number>,
): CausedOutages {
  const start = new Int32Array(lists.length + 1);
  for (let i = 0; i < lists.length; i++) start[i + 1] = start[i]! + lists[i]!.takesDown.length;
  const entrypoints = new Int32Array(start[lists.length]!);
  let k = 0;
  for (const { takesDown } of lists) {
    for (const id of takesDown) {
      const number = entryNumber.get(id);
      if (number === undefined) throw new Error(`${id} is taken down but is no entry point`);
      entrypoints[k++] = number;
    }
  }
  return { causes, start, entrypoints };
}

function blastRadiusColumns(
  radii: AnalysisResult['blastRadius'],
  index: ReadonlyMap<string, number>,
): BlastRadiusColumns {
  const n = radii.length;
  const columns: BlastRadiusColumns = {
    ids: new Array<string>(n),
    service: new Int32Array(n),
    down: new Float64Array(n),
    degraded: new Float64Array(n),
    entrypointsDown: new Float64Array(n),
    costPerHour: new Float64Array(n),
  };
  for (let i = 0; i < n; i++) {
    const b = radii[i]!;
    columns.ids[i] = b.id;
    columns.service[i] = index.get(b.id) ?? -1;
    columns.down[i] = b.down;
    columns.degraded[i] = b.degraded;
    columns.entrypointsDown[i] = b.entrypointsDown;
    columns.costPerHour[i] = b.costPerHour;
  }
  return columns;
}

/** A side as it travels between threads: no id index (rebuilt on arrival, cheaper than copied). */
export type SideMessage = Omit<ComparedSide, 'graph'> & { graph: Omit<ComparedGraph, 'index'> };

/**
 * The side as a message for another thread, and the buffers to move rather than copy: its
 * typed arrays, which this thread must not read afterwards. The graph keeps only what the
 * comparison reads (not its services).
 */
export function sideMessage(side: ComparedSide): { message: SideMessage; transfer: ArrayBuffer[] } {
  const g = side.graph;
  const graph = {
    n: g.n,
    ids: g.ids,
    entry: g.entry,
    reqStart: g.reqStart,
    reqOwner: g.reqOwner,
    reqSoft: g.reqSoft,
    altStart: g.altStart,
    alts: g.alts,
    usedByStart: g.usedByStart,
    usedBy: g.usedBy,
  };
  const { spofs, domainSpofs, blastRadius: b } = side;
  const arrays = [
    ...Object.values(graph).filter((v) => ArrayBuffer.isView(v)),
    spofs.start,
    spofs.entrypoints,
    domainSpofs.start,
    domainSpofs.entrypoints,
    b.service,
    b.down,
    b.degraded,
    b.entrypointsDown,
    b.costPerHour,
  ];
  const transfer = new Set<ArrayBuffer>();
  for (const a of arrays) if (a.buffer instanceof ArrayBuffer) transfer.add(a.buffer);
  return { message: { ...side, graph }, transfer: [...transfer] };
}

/** The side a message carried, its id index rebuilt. */
export function sideOfMessage(message: SideMessage): ComparedSide {
  const index = new Map<string, number>();
  message.graph.ids.forEach((id, i) => index.set(id, i));
  return { ...message, graph: { ...message.graph, index } };
}
