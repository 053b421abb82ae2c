// Many outages at once, exactly: for 128 outages at a time (single failures, or whole failure
// domains), bit masks of "down in outage i" (four 32-bit words per service) are propagated from
// the failed services outward, settling in topological order (dependencies first; strongly
// connected components iterated to their least fixed point) only the services that something
// down requires. The counts of services reaching each outage (what "degraded" is made of) are
// transitive-closure counts, taken apart from the quorums over the condensation of the graph
// (graph/reach-counts.ts).

import type { CompiledGraph } from '../../model/compiled-graph.js';
import { rankGraph, type RankedGraph } from './ranked-graph.js';
import { reachCounts, type Condensation } from '../graph/reach-counts.js';
import { condensationOf } from './sweep/component-reach.js';
import { DownSets, WIDTH } from './sweep/down-sets.js';
import { downSetGraphOf } from './sweep/failure-edges.js';
import {
  deliverChunk,
  listedBy,
  type SweepObserver,
  type SweepTotals,
} from './sweep/sweep-observer.js';

export {
  entrypointsAndCosts,
  type ChunkObserver,
  type RankedMasks,
  type SweepObserver,
  type SweepTotals,
} from './sweep/sweep-observer.js';

/** What the sweeps need of a graph, computed once: the graph in topological order. */
export type SweepPlan = RankedGraph;

export function planSweep(graph: CompiledGraph): SweepPlan {
  return rankGraph(graph);
}

/**
 * Outage `label` fails the services `outages[label]`: to `observer.down`, every interesting
 * service failed or down in it, and the totals per outage.
 */
export function outageSweep(
  plan: SweepPlan,
  outages: ReadonlyArray<ArrayLike<number>>,
  observer: SweepObserver,
): SweepTotals {
  return outageSweepOf(plan, outages.length, (label) => outages[label]!, observer);
}

/**
 * Like `outageSweep`, for `count` outages whose members are produced on demand (`members` may
 * reuse its returned array: each result is read before the next call). For large families of
 * outages, such as pairs of failures, that no one wants to hold as arrays. With
 * `counts: false` the totals are left at zero, which saves the counting.
 */
export function outageSweepOf(
  plan: SweepPlan,
  count: number,
  members: (label: number) => ArrayLike<number>,
  observer: SweepObserver,
  { counts }: { counts: boolean } = { counts: true },
): SweepTotals {
  const totals: SweepTotals = {
    downCount: new Int32Array(count),
    reachCount: new Int32Array(count),
  };
  const sets = new DownSets(downSetGraphOf(plan), members, listedBy(observer));
  const chunk = new Int32Array(WIDTH);
  for (let begin = 0; begin < count; begin += WIDTH) {
    const size = Math.min(WIDTH, count - begin);
    for (let bit = 0; bit < size; bit++) chunk[bit] = begin + bit;
    sets.propagate(chunk, size);
    if (counts) sets.countDown(chunk, size, totals.downCount);
    deliverChunk(plan, sets, chunk, size, observer);
    sets.clear();
  }
  if (counts) {
    const condensation = condensationOf(plan);
    const seeds = new ComponentsOf(plan, condensation, members);
    totals.reachCount = reachCounts(
      condensation,
      Int32Array.from({ length: count }, (_, label) => label),
      (label) => seeds.of(label),
    );
  }
  return totals;
}

/** The components of an outage's failed services, in a buffer reused from call to call. */
class ComponentsOf {
  private buffer = new Int32Array(16);
  constructor(
    private readonly plan: SweepPlan,
    private readonly condensation: Condensation,
    private readonly members: (label: number) => ArrayLike<number>,
  ) {}

  of(label: number): Int32Array {
    const members = this.members(label);
    if (members.length > this.buffer.length) this.buffer = new Int32Array(2 * members.length);
    for (let i = 0; i < members.length; i++)
      this.buffer[i] = this.condensation.of[this.plan.rank[members[i]!]!]!;
    return this.buffer.subarray(0, members.length);
  }
}
