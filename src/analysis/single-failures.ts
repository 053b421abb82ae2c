// Every single failure, propagated one after the other on one Propagator: the exact blast radius
// of each component and the entry points it takes down alone (its SPOF status, SPEC §3).
// Cost: the sum over components of what each failure reaches — no approximation.

import type { CompiledGraph } from '../model/compiled-graph.js';
import type { BlastRadius } from './analysis-result.js';
import { Propagator } from './propagate.js';

/** Called once per component after its failure was propagated (degraded included). */
export type SingleFailureObserver = (failed: number, propagator: Propagator) => void;

export function sweepSingleFailures(
  graph: CompiledGraph,
  observers: readonly SingleFailureObserver[],
): void {
  const propagator = new Propagator(graph);
  const failed = new Int32Array(1);
  for (let x = 0; x < graph.n; x++) {
    failed[0] = x;
    propagator.run(failed);
    for (const observe of observers) observe(x, propagator);
  }
}

export interface SingleFailureRecord {
  blastRadius: BlastRadius[];
  /** takesDown[x]: entry points in focus other than x that x's failure takes down, ascending. */
  takesDown: Array<number[] | undefined>;
}

/** An observer that records every component's blast radius and the entry points it takes down. */
export function recordSingleFailures(
  graph: CompiledGraph,
  inFocus: Uint8Array,
): { observer: SingleFailureObserver; record: SingleFailureRecord } {
  const record: SingleFailureRecord = {
    blastRadius: new Array(graph.n),
    takesDown: new Array(graph.n),
  };
  const observer: SingleFailureObserver = (x, propagator) => {
    record.blastRadius[x] = measure(graph, propagator, inFocus);
    const lost: number[] = [];
    for (let i = 0; i < propagator.downCount; i++) {
      const v = propagator.touched[i]!;
      if (v !== x && inFocus[v]) lost.push(v);
    }
    if (lost.length > 0) record.takesDown[x] = lost.sort((a, b) => a - b);
  };
  return { observer, record };
}

/** Blast radius of the outage last propagated (failed services are not counted as down). */
export function measure(
  graph: CompiledGraph,
  propagator: Propagator,
  inFocus: Uint8Array,
): BlastRadius {
  let failed = 0;
  let entrypointsDown = 0;
  let costPerHour = 0;
  for (let i = 0; i < propagator.downCount; i++) {
    const v = propagator.touched[i]!;
    if (propagator.cause(v) === -1) failed++;
    if (inFocus[v]) entrypointsDown++;
    costPerHour += graph.costPerHour[v]!;
  }
  return {
    down: propagator.downCount - failed,
    degraded: propagator.touchedCount - propagator.downCount,
    entrypointsDown,
    costPerHour,
  };
}
