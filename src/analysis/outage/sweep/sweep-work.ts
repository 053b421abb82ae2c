// The single-failure sweep cut into items that threads share out: the down-set chunks (128
// failures each) and the reach-count passes (128 components each). An item depends only on
// the graph and writes only its own labels' places, so threads may claim items in any split
// and the results are the same whoever ran them. Everything here is typed arrays, which a
// worker thread receives shared, not copied.

import { REACH_WIDTH, ReachPasses, type CondensationEdges } from '../../graph/reach-counts.js';
import { DownSets, WORDS } from './down-sets.js';
import type { DownSetGraph } from './failure-edges.js';

export interface SweepWork {
  readonly graph: DownSetGraph;
  /** Services whose masks the observers read (1 = yes): recorded for the main thread. */
  readonly report: Uint8Array;
  /** Down item i fails chunkLabels[chunkStart[i] .. chunkStart[i+1]-1], one service each. */
  readonly chunkLabels: Int32Array;
  readonly chunkStart: Int32Array;
  /** The condensation the reach passes walk (see graph/reach-counts.ts). */
  readonly componentSize: Int32Array;
  readonly componentDependentStart: Int32Array;
  readonly componentDependents: Int32Array;
  /** Components whose reach the passes count, 128 a pass. */
  readonly reachLabels: Int32Array;
  /** Out: services down per failed service (written for the chunks' labels). */
  readonly downCount: Int32Array;
  /** Out: reach count per position of reachLabels. */
  readonly reach: Int32Array;
}

/**
 * What one thread's down items left for the observers, item by item: for every service of
 * `report` down in the item's chunk, in rank order, the service and its WORDS mask words.
 */
export interface DownRecord {
  /** The down items this thread ran, in the order it ran them. */
  readonly items: Int32Array;
  /** Entries of items[j]: entries[entryStart[j] .. entryStart[j+1]-1], 1 + WORDS ints each. */
  readonly entryStart: Int32Array;
  readonly entries: Int32Array;
}

export function downItems(work: SweepWork): number {
  return work.chunkStart.length - 1;
}

export function itemCount(work: SweepWork): number {
  return downItems(work) + Math.ceil(work.reachLabels.length / REACH_WIDTH);
}

/**
 * Runs the items `claim` hands out, in its order, until it gives -1; returns what its
 * down items left for the observers.
 */
export function runClaimed(work: SweepWork, claim: () => number): DownRecord {
  const down = downItems(work);
  const one = new Int32Array(1);
  let sets: DownSets | undefined;
  const items: number[] = [];
  const entryStart: number[] = [0];
  let entries = new Int32Array(1024);
  let length = 0;
  let passes: ReachPasses | undefined;
  const seed = new Int32Array(1);
  const seeds = (c: number): Int32Array => {
    seed[0] = c;
    return seed;
  };
  for (let item = claim(); item >= 0; item = claim()) {
    if (item >= down) {
      passes ??= new ReachPasses(condensationOf(work));
      passes.run(work.reachLabels, (item - down) * REACH_WIDTH, seeds, work.reach);
      continue;
    }
    const first = work.chunkStart[item]!;
    const size = work.chunkStart[item + 1]! - first;
    const chunk = work.chunkLabels.subarray(first, first + size);
    sets ??= new DownSets(
      work.graph,
      (x) => {
        one[0] = x;
        return one;
      },
      work.report,
    );
    sets.propagate(chunk, size);
    sets.countDown(chunk, size, work.downCount);
    const { masks } = sets;
    const region = sets.downRanks(work.report);
    for (let k = 0; k < region.length; k++) {
      const v = work.graph.order[region[k]!]!;
      if (length + 1 + WORDS > entries.length) {
        const grown = new Int32Array(2 * entries.length);
        grown.set(entries);
        entries = grown;
      }
      entries[length++] = v;
      for (let w = 0; w < WORDS; w++) entries[length++] = masks[WORDS * region[k]! + w]!;
    }
    sets.clear();
    items.push(item);
    entryStart.push(length);
  }
  return {
    items: Int32Array.from(items),
    entryStart: Int32Array.from(entryStart),
    // A view, not a copy: the buffer moves to the main thread whole (a copy of tens of
    // megabytes when the observers read every service, as check's chains do).
    entries: entries.subarray(0, length),
  };
}

function condensationOf(work: SweepWork): CondensationEdges {
  return {
    count: work.componentSize.length,
    size: work.componentSize,
    dependentStart: work.componentDependentStart,
    dependents: work.componentDependents,
  };
}
