// Every single failure, exactly (SPEC §3): the blast radius of each component and the entry
// points it takes down alone — its SPOF status — from one bit-parallel sweep.

import type { BlastRadius } from './analysis-result.js';
import { singleFailureSweep, type SweepObserver, type SweepPlan } from './single-failure-sweep.js';

export interface SingleFailureRecord {
  blastRadius: BlastRadius[];
  /** takesDown[x]: entry points in focus other than x that x's failure takes down, ascending. */
  takesDown: Array<number[] | undefined>;
}

/**
 * Sweeps every single failure, recording blast radii and SPOFs; `extra` observers (fate
 * sharing) see the same sweep.
 */
export function recordSingleFailures(
  plan: SweepPlan,
  inFocus: Uint8Array,
  extra: readonly SweepObserver[] = [],
  onProgress?: (done: number, total: number) => void,
): SingleFailureRecord {
  const { graph } = plan;
  const cost = new Float64Array(graph.n);
  const entrypointsDown = new Int32Array(graph.n);
  const takesDown: Array<number[] | undefined> = new Array(graph.n);
  const totals = singleFailureSweep(
    plan,
    {
      down(x, v) {
        for (const observer of extra) observer.down(x, v);
        cost[x]! += graph.costPerHour[v]!;
        if (!inFocus[v]) return;
        entrypointsDown[x]!++;
        if (v === x) return;
        const list = takesDown[x];
        if (list) list.push(v);
        else takesDown[x] = [v];
      },
      chunk(chunk, size, downMask) {
        for (const observer of extra) observer.chunk?.(chunk, size, downMask);
      },
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
