// One what-if outage (`simulate`): every service's status, the chain from each down or
// degraded service to a failed one, the entry points lost and the cost per hour of the outage;
// for an outage of a given length, the moment each service goes down and the entry points' order.

import type { CompiledGraph } from '../../model/compiled-graph.js';
import type { GuardResult } from './guard.js';
import { shortenedChain } from './failure-chains.js';
import { outageAt, type OutageState } from './time/outage-at.js';
import { DEGRADED, DOWN, FAILED, Propagator } from './propagate.js';
import { outageTimeline, type Timeline } from './time/timeline.js';

export interface LostGroup {
  quorum: number;
  alternatives: string[];
  down: string[];
}

export interface SimulationResult {
  failed: string[];
  /** Down because a hard requirement is unmet; excludes the failed ones. */
  down: string[];
  degraded: string[];
  up: string[];
  /** Every entry point of the manifest. */
  entrypoints: string[];
  /** Entry points failed or down. */
  entrypointsDown: string[];
  /** Entry points degraded. */
  entrypointsDegraded: string[];
  /** Sum of `cost_per_hour` over failed and down services. */
  costPerHour: number;
  /**
   * For each down or degraded service, the ids from it to a failed one, both ends included.
   * A chain longer than MAX_CHAIN ids keeps its first MAX_CHAIN - 2, then "…", then the
   * failed one: a chain of 200,000 services must not cost 200,000² ids.
   */
  why: Record<string, string[]>;
  /** For each down or degraded service, the next id on its chain (the full chain, linearly). */
  cause: Record<string, string>;
  /**
   * For each service down because a failover or quorum group lost too many alternatives: the
   * group, and which of its alternatives are down (`why` follows only the last one to go).
   */
  groupsLost: Record<string, LostGroup>;
  /** With a duration: the outage's length in seconds. */
  duration?: number;
  /** With a duration: seconds from the start at which each failed or down service went down. */
  downAt?: Record<string, number>;
  /** With a duration: the entry points failed or down, in the order they went down (ties: as reached). */
  timeline?: TimelineEntry[];
}

/** One entry point going down during an outage of a given length. */
export interface TimelineEntry {
  id: string;
  downAt: number;
  /** True when the scenario failed it directly. */
  failed: boolean;
  /** The service whose loss took it down (for a group, the alternative whose loss left too few). */
  after?: string;
  /**
   * The nearest tolerance on its chain that ran out: `service` rode out losing `lost` for
   * `tolerated` seconds (the entry point itself, or a service it lost in turn).
   */
  expired?: ExpiredTolerance;
}

export interface ExpiredTolerance {
  service: string;
  lost: string;
  tolerated: number;
}

/**
 * Simulates `failed` going down at once; with `duration` (seconds, more than 0), as an outage of
 * that length, where tolerances may ride it out. Without it, an outage that never ends.
 */
export function simulate(
  graph: CompiledGraph,
  failed: readonly number[],
  options: { duration?: number } = {},
): SimulationResult {
  if (options.duration !== undefined) {
    const timeline = outageTimeline(graph, failed);
    const result = describe(outageAt(graph, timeline, failed, options.duration));
    return { ...result, ...timed(graph, timeline, options.duration) };
  }
  const propagator = new Propagator(graph);
  propagator.run(failed);
  return describe(propagator);
}

function timed(
  graph: CompiledGraph,
  timeline: Timeline,
  duration: number,
): Pick<SimulationResult, 'duration' | 'downAt' | 'timeline'> {
  const downAt = Object.create(null) as Record<string, number>;
  const entries: TimelineEntry[] = [];
  for (const v of timeline.order) {
    const moment = timeline.downAt[v]!;
    if (!(moment < duration)) break;
    downAt[graph.ids[v]!] = moment;
    if (!graph.entry[v]) continue;
    const cause = timeline.cause[v]!;
    const entry: TimelineEntry = { id: graph.ids[v]!, downAt: moment, failed: cause === -1 };
    if (cause !== -1) entry.after = graph.ids[cause]!;
    const expired = expiredTolerance(graph, timeline, v);
    if (expired) entry.expired = expired;
    entries.push(entry);
  }
  return { duration, downAt: sortedKeys(downAt), timeline: entries };
}

/** The first tolerance along v's chain of causes (at most MAX_CHAIN steps: chains can be long). */
function expiredTolerance(
  graph: CompiledGraph,
  timeline: Timeline,
  v: number,
): ExpiredTolerance | undefined {
  for (let hop = v, steps = 0; timeline.cause[hop]! !== -1 && steps < MAX_CHAIN; steps++) {
    const tolerated = graph.reqTolerance[timeline.requirement[hop]!]!;
    const lost = timeline.cause[hop]!;
    if (tolerated > 0) return { service: graph.ids[hop]!, lost: graph.ids[lost]!, tolerated };
    hop = lost;
  }
  return undefined;
}

function sortedKeys(record: Record<string, number>): Record<string, number> {
  const sorted = Object.create(null) as Record<string, number>;
  for (const key of Object.keys(record).sort()) sorted[key] = record[key]!;
  return sorted;
}

function describe(propagator: OutageState): SimulationResult {
  const graph = propagator.graph;
  const result: SimulationResult = {
    failed: [],
    down: [],
    degraded: [],
    up: [],
    entrypoints: [],
    entrypointsDown: [],
    entrypointsDegraded: [],
    costPerHour: 0,
    why: Object.create(null) as Record<string, string[]>,
    cause: Object.create(null) as Record<string, string>,
    groupsLost: Object.create(null) as Record<string, LostGroup>,
  };
  const root = chainRoots(propagator);
  // Services are numbered in sorted-id order, so walking 0..n-1 yields sorted lists.
  for (let v = 0; v < graph.n; v++) {
    const id = graph.ids[v]!;
    const status = propagator.status(v);
    if (graph.entry[v]) result.entrypoints.push(id);
    if (status === FAILED || status === DOWN) {
      (status === FAILED ? result.failed : result.down).push(id);
      result.costPerHour += graph.costPerHour[v]!;
      if (graph.entry[v]) result.entrypointsDown.push(id);
    } else if (status === DEGRADED) {
      result.degraded.push(id);
      if (graph.entry[v]) result.entrypointsDegraded.push(id);
    } else {
      result.up.push(id);
    }
    if (status === DOWN || status === DEGRADED) {
      result.why[id] = chain(propagator, v, root[v]!);
      result.cause[id] = graph.ids[propagator.cause(v)]!;
      const lost = lostGroup(propagator, v);
      if (lost) result.groupsLost[id] = lost;
    }
  }
  return result;
}

function lostGroup(propagator: OutageState, v: number): LostGroup | undefined {
  const graph = propagator.graph;
  const r = propagator.failedRequirement(v);
  if (r === -1 || !graph.reqGroup[r]) return undefined;
  const alternatives: string[] = [];
  const down: string[] = [];
  for (let a = graph.altStart[r]!; a < graph.altStart[r + 1]!; a++) {
    const u = graph.alts[a]!;
    alternatives.push(graph.ids[u]!);
    const status = propagator.status(u);
    if (status === DOWN || status === FAILED) down.push(graph.ids[u]!);
  }
  return { quorum: graph.reqQuorum[r]!, alternatives, down };
}

export const MAX_CHAIN = 32;

/**
 * The failed end of every chain, in one pass: a service's cause was reached before it, so
 * walking the services in the order the propagation reached them sees each cause first.
 */
function chainRoots(propagator: OutageState): Int32Array {
  const root = new Int32Array(propagator.graph.n);
  for (let i = 0; i < propagator.touchedCount; i++) {
    const v = propagator.touched[i]!;
    const next = propagator.cause(v);
    root[v] = next === -1 ? v : root[next]!;
  }
  return root;
}

function chain(propagator: OutageState, start: number, root: number): string[] {
  const ids = propagator.graph.ids;
  return shortenedChain(
    start,
    (v) => propagator.cause(v),
    root,
    MAX_CHAIN,
    (v) => ids[v]!,
  );
}

/** What `simulate` reports: the scenario, its result (the outage's fields at the top) and the guard. */
export interface SimulateReport extends SimulationResult {
  manifest: string | null;
  scenario: string[];
  guard?: GuardResult;
}
