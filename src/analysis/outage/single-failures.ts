// Every single failure, exactly (docs/semantics.md, "Single points of failure"): the blast radius
// of each component and the entry points it takes down alone — its SPOF status — from one
// bit-parallel sweep; for an outage of a given length, the few failures whose tolerances matter
// settled again in time (outage-length.ts).

import type { OutageLength } from './time/outage-length.js';
import { entrypointsAndCosts, type ChunkObserver, type SweepPlan } from './outage-sweep.js';
import { singleFailureSweep, type SweepThreads } from './sweep/single-failure-sweep.js';
import { DownLists } from './sweep/down-lists.js';

export interface SingleFailureRecord {
  blastRadius: BlastRadii;
  /** takesDown[x]: entry points in focus other than x that x's failure takes down, ascending. */
  takesDown: Array<number[] | undefined>;
}

/**
 * Every component's blast radius as columns by service index (the fields of BlastRadius):
 * the rankings sort indices by them, and only what is listed becomes an object.
 */
export interface BlastRadii {
  /** Services down when x fails alone, x not counted. */
  down: Int32Array;
  /** Services degraded when x fails alone. */
  degraded: Int32Array;
  /** Entry points in focus down, x counted if it is one. */
  entrypointsDown: Int32Array;
  /** Sum of cost_per_hour over x and the services down with it. */
  costPerHour: Float64Array;
}

export interface SingleFailureOptions {
  /** Fate sharing: sees each chunk of the same sweep. */
  chunks?: ChunkObserver;
  /** Threads the sweep may use (one unless said). */
  threads?: SweepThreads;
  onProgress?: (done: number, total: number) => void;
  /** Failures that last this long instead of for ever. */
  length?: OutageLength;
}

/** Sweeps every single failure, recording blast radii and SPOFs. */
export function recordSingleFailures(
  plan: SweepPlan,
  inFocus: Uint8Array,
  { chunks, onProgress, length, threads }: SingleFailureOptions = {},
): SingleFailureRecord {
  const { graph } = plan;
  const interesting = entrypointsAndCosts(graph, inFocus);
  const watch = length?.watch;
  if (watch) for (let v = 0; v < graph.n; v++) interesting[v]! |= watch[v]!;
  /** watched[x] = 1: x's failure reached a watched service, so it is settled in time. */
  const watched = new Uint8Array(watch ? graph.n : 0);
  const cost = new Float64Array(graph.n);
  const entrypointsDown = new Int32Array(graph.n);
  const entries = new DownLists(graph.n);
  const totals = singleFailureSweep(
    length?.plan ?? plan,
    {
      interesting,
      down(x, v) {
        if (watch?.[v] && v !== x) watched[x] = 1;
        cost[x]! += graph.costPerHour[v]!;
        if (!inFocus[v]) return;
        entrypointsDown[x]!++;
        if (v !== x) entries.add(x, v);
      },
      chunks: entries.flushingBefore(chunks, graph.n),
    },
    onProgress,
    threads,
  );
  entries.flush();
  const takesDown = entries.lists;
  for (let x = 0; x < watched.length; x++) {
    if (!watched[x]) continue;
    const timed = length!.settle([x]);
    totals.downCount[x] = timed.down;
    cost[x] = timed.costPerHour;
    entrypointsDown[x] = timed.entries.length;
    const others = timed.entries.filter((e) => e !== x).sort((a, b) => a - b);
    takesDown[x] = others.length > 0 ? others : undefined;
  }
  const down = new Int32Array(graph.n);
  const degraded = new Int32Array(graph.n);
  for (let x = 0; x < graph.n; x++) {
    down[x] = totals.downCount[x]! - 1;
    degraded[x] = totals.reachCount[x]! - totals.downCount[x]!;
  }
  return { blastRadius: { down, degraded, entrypointsDown, costPerHour: cost }, takesDown };
}
