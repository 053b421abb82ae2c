// Every single failure at once: the down sets of 128 failures per chunk (down-sets.ts) and the
// reach counts per component (component-reach.ts), on this thread or shared out between
// threads (shared-sweep.ts), with the observer told the same things in the same order either way.

import type { RankedGraph } from '../ranked-graph.js';
import { reachCounts } from '../../graph/reach-counts.js';
import { componentsToCount, reachOfServices, type ComponentReach } from './component-reach.js';
import { DownSets, WIDTH, WORDS } from './down-sets.js';
import { downSetGraphOf } from './failure-edges.js';
import { failureOrder, reachOrder } from './failure-order.js';
import { HelpedSweep } from './helped-sweep.js';
import { runShared, workersAvailable, type SweepHelper, type WorkerGuard } from './shared-sweep.js';
import {
  deliverChunk,
  deliverRecord,
  listedBy,
  readBy,
  type SweepObserver,
  type SweepTotals,
} from './sweep-observer.js';
import type { DownRecord, SweepWork } from './sweep-work.js';

export interface SweepThreads {
  /** Threads to sweep on, this one included; 1 keeps the sweep on this thread. */
  count: number;
  /** Graphs of fewer services are swept on one thread (default SHARED_SWEEP_SERVICES). */
  minServices?: number;
  /** Failures per chunk, 1..128 (default 128; fewer only to test the split). */
  chunkSize?: number;
  /** Another worker script and patience, only to test a worker that never reports. */
  guard?: WorkerGuard;
  /**
   * A worker busy with other work (availability) that claims items too once it is free, from
   * the last one down, while this thread tells the observers its own chunks as it propagates
   * them (helped-sweep.ts): only the helper's are recorded and replayed, so a helper that is
   * never free costs this thread only the copy of the arrays into shared memory. From
   * SHARED_SWEEP_SERVICES (or `minServices` when given).
   */
  helper?: SweepHelper;
}

/** Below this many services starting a worker costs more than it saves. */
export const SHARED_SWEEP_SERVICES = 20_000;

/**
 * For every service x: the interesting services down when x alone fails (to `observer.down`,
 * x itself included), how many services are down and how many reach x; and on how many
 * threads that ran (a worker that failed does not count: its share ran on this thread). With
 * `reach: false` the reach counts, which only "degraded" is made of, are not taken
 * (`reachCount` is empty); with `down: false` on one thread, neither are the counts of services
 * down (`downCount` holds 1 for failures that take down nothing else, 0 for the others).
 */
export function singleFailureSweep(
  plan: RankedGraph,
  observer: SweepObserver,
  onProgress?: (done: number, total: number) => void,
  threads?: SweepThreads,
  { reach: counting, down: countingDown = true }: { reach: boolean; down?: boolean } = {
    reach: true,
  },
): SweepTotals & { threads: number } {
  const order = failureOrder(plan);
  const width = Math.max(1, Math.min(WIDTH, threads?.chunkSize ?? WIDTH));
  const reach = counting ? componentsToCount(plan, reachOrder(plan)) : undefined;
  let count = threadCount(plan, observer, threads);
  const downCount = new Int32Array(plan.order.length);
  let deliver: Deliver;
  let counts: Int32Array;
  if (count === 1 && helped(plan, threads)) {
    const work = sweepWork(plan, observer, order, width, reach, downCount);
    const split = new HelpedSweep(work, threads!.helper!, threads?.guard);
    const { shared } = split;
    deliver = helpedDelivery(plan, shared, split, observer);
    walkFailures(plan, order, width, observer, shared.downCount, deliver, onProgress);
    count = split.finish() ? 2 : 1;
    downCount.set(shared.downCount);
    const reachCount = reach ? reachOfServices(plan, reach, shared.reach) : new Int32Array(0);
    return { downCount, reachCount, threads: count };
  }
  // Shared between threads of its own (one thread with a helper was handled above).
  if (count > 1) {
    const work = sweepWork(plan, observer, order, width, reach, downCount);
    const { records, ran } = runShared(work, count, threads?.guard, threads?.helper);
    deliver = recorded(plan, work, records, observer);
    counts = work.reach;
    count = ran;
  } else {
    deliver = direct(plan, observer, countingDown ? downCount : undefined);
    counts = reach ? reachCounts(reach.condensation, reach.counted, seedOf) : new Int32Array(0);
  }
  walkFailures(plan, order, width, observer, downCount, deliver, onProgress);
  const reachCount = reach ? reachOfServices(plan, reach, counts) : new Int32Array(0);
  return { downCount, reachCount, threads: count };
}

/** Tells the observer about chunk number `item`, whose failures are chunk[0..size-1]. */
type Deliver = (item: number, chunk: Int32Array, size: number) => void;

/**
 * Failures in failure order, chunked by `width`; a failure that fails no other service's hard
 * requirement on its own (nothing requires it, or only soft or tolerant of its loss) takes down
 * only itself and needs no chunk.
 */
function walkFailures(
  plan: RankedGraph,
  order: Int32Array,
  width: number,
  observer: SweepObserver,
  downCount: Int32Array,
  deliver: Deliver,
  onProgress?: (done: number, total: number) => void,
): void {
  const n = order.length;
  const { takesOthers } = downSetGraphOf(plan);
  const chunk = new Int32Array(width);
  let size = 0;
  let item = 0;
  let done = 0;
  for (const x of order) {
    done++;
    if (!takesOthers[plan.rank[x]!]) {
      downCount[x] = 1;
      if (observer.interesting[x]) observer.down(x, x);
      continue;
    }
    chunk[size++] = x;
    if (size === width) {
      deliver(item++, chunk, size);
      size = 0;
      onProgress?.(done, n);
    }
  }
  if (size > 0) deliver(item, chunk, size);
}

/** Propagates each chunk here, as it comes. */
function direct(plan: RankedGraph, observer: SweepObserver, downCount?: Int32Array): Deliver {
  const one = new Int32Array(1);
  const sets = new DownSets(
    downSetGraphOf(plan),
    (x) => {
      one[0] = x;
      return one;
    },
    listedBy(observer),
  );
  return (_item, chunk, size) => {
    sets.propagate(chunk, size);
    if (downCount) sets.countDown(chunk, size, downCount);
    deliverChunk(plan, sets, chunk, size, observer);
    sets.clear();
  };
}

/**
 * Propagates each chunk here as it comes, when this thread claims it (counting into the
 * shared work's counts), else replays it from the helper's record.
 */
function helpedDelivery(
  plan: RankedGraph,
  shared: SweepWork,
  split: HelpedSweep,
  observer: SweepObserver,
): Deliver {
  const here = direct(plan, observer, shared.downCount);
  let replay: Deliver | undefined;
  return (item, chunk, size) => {
    if (split.runsHere(item)) here(item, chunk, size);
    else (replay ??= recorded(plan, shared, [split.record()], observer))(item, chunk, size);
  };
}

/** Replays each chunk from the record of the thread that propagated it. */
function recorded(
  plan: RankedGraph,
  work: SweepWork,
  records: DownRecord[],
  observer: SweepObserver,
): Deliver {
  const items = work.chunkStart.length - 1;
  const recordOf = new Int32Array(items);
  const indexOf = new Int32Array(items);
  records.forEach((record, r) => {
    record.items.forEach((item, j) => {
      recordOf[item] = r;
      indexOf[item] = j;
    });
  });
  const scratch = new Int32Array(observer.chunks ? WORDS * plan.order.length : 0);
  return (item, chunk, size) => {
    const record = records[recordOf[item]!]!;
    const j = indexOf[item]!;
    const from = record.entryStart[j]!;
    const to = record.entryStart[j + 1]!;
    deliverRecord(plan, record.entries, from, to, chunk, size, observer, scratch);
  };
}

function sweepWork(
  plan: RankedGraph,
  observer: SweepObserver,
  order: Int32Array,
  width: number,
  reach: ComponentReach | undefined,
  downCount: Int32Array,
): SweepWork {
  const n = order.length;
  const { takesOthers } = downSetGraphOf(plan);
  const chunkLabels = new Int32Array(n);
  const chunkStart = [0];
  let length = 0;
  for (const x of order) {
    if (!takesOthers[plan.rank[x]!]) continue;
    chunkLabels[length++] = x;
    if (length - chunkStart[chunkStart.length - 1]! === width) chunkStart.push(length);
  }
  if (length > chunkStart[chunkStart.length - 1]!) chunkStart.push(length);
  const report = readBy(observer);
  const none = new Int32Array(0);
  const counted = reach?.counted ?? none;
  return {
    graph: downSetGraphOf(plan),
    report,
    chunkLabels: chunkLabels.subarray(0, length),
    chunkStart: Int32Array.from(chunkStart),
    componentSize: reach?.condensation.size ?? none,
    componentDependentStart: reach?.condensation.dependentStart ?? Int32Array.of(0),
    componentDependents: reach?.condensation.dependents ?? none,
    reachLabels: counted,
    downCount,
    reach: new Int32Array(counted.length),
  };
}

function threadCount(
  plan: RankedGraph,
  observer: SweepObserver,
  threads: SweepThreads | undefined,
): number {
  if (!threads || threads.count <= 1) return 1;
  return shareable(plan, threads) ? threads.count : 1;
}

/** Whether a helper is offered the sweep of `plan` (this thread sweeping alone otherwise). */
function helped(plan: RankedGraph, threads: SweepThreads | undefined): boolean {
  if (threads?.helper === undefined) return false;
  return shareable(plan, threads);
}

/** Whether the sweep of `plan` is large enough to share, and workers can run here. */
function shareable(plan: RankedGraph, threads: SweepThreads): boolean {
  return plan.order.length >= (threads.minServices ?? SHARED_SWEEP_SERVICES) && workersAvailable();
}

const seed = new Int32Array(1);
function seedOf(c: number): Int32Array {
  seed[0] = c;
  return seed;
}
