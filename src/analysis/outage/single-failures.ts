// Every single failure, exactly (docs/semantics.md, "Single points of failure"): the blast radius
// of each component and the entry points it takes down alone — its SPOF status — from one
// bit-parallel sweep.

import type { BlastRadius } from '../analysis-result.js';
import type { CompiledGraph } from '../../model/compiled-graph.js';
import { singleFailureSweep, type SweepObserver, type SweepPlan } from './outage-sweep.js';

export interface SingleFailureRecord {
  blastRadius: BlastRadius[];
  /** takesDown[x]: entry points in focus other than x that x's failure takes down, ascending. */
  takesDown: Array<number[] | undefined>;
}

/**
 * Sweeps every single failure, recording blast radii and SPOFs; `onChunk` (fate sharing) sees
 * each chunk of the same sweep.
 */
export function recordSingleFailures(
  plan: SweepPlan,
  inFocus: Uint8Array,
  onChunk?: SweepObserver['chunk'],
  onProgress?: (done: number, total: number) => void,
): SingleFailureRecord {
  const { graph } = plan;
  const interesting = entrypointsAndCosts(graph, inFocus);
  const cost = new Float64Array(graph.n);
  const entrypointsDown = new Int32Array(graph.n);
  const takesDown: Array<number[] | undefined> = new Array(graph.n);
  const totals = singleFailureSweep(
    plan,
    {
      interesting,
      down(x, v) {
        cost[x]! += graph.costPerHour[v]!;
        if (!inFocus[v]) return;
        entrypointsDown[x]!++;
        if (v === x) return;
        const list = takesDown[x];
        if (list) list.push(v);
        else takesDown[x] = [v];
      },
      chunk: onChunk,
    },
    onProgress,
  );
  const blastRadius: BlastRadius[] = new Array(graph.n);
  for (let x = 0; x < graph.n; x++) {
    takesDown[x]?.sort((a, b) => a - b);
    blastRadius[x] = {
      down: totals.downCount[x]! - 1,
      degraded: totals.reachCount[x]! - totals.downCount[x]!,
      entrypointsDown: entrypointsDown[x]!,
      costPerHour: cost[x]!,
    };
  }
  return { blastRadius, takesDown };
}

/** The services a blast radius needs one by one: entry points in focus and costed services. */
export function entrypointsAndCosts(graph: CompiledGraph, inFocus: Uint8Array): Uint8Array {
  const interesting = new Uint8Array(graph.n);
  for (let v = 0; v < graph.n; v++) {
    if (inFocus[v] || graph.costPerHour[v] !== 0) interesting[v] = 1;
  }
  return interesting;
}
