// The one sweep over every single failure that `check` runs, reading only what its rules read:
// the entry points each component takes down; the blast radii (services and entry points down,
// cost) only when a rule limits them; fate sharing and the chains of the no-spof findings told
// as it goes. The reach counts, which only "degraded" is made of, are not taken: no rule reads
// them.

import type { ChunkObserver, SweepPlan } from '../outage/outage-sweep.js';
import { singleFailureSweep, type SweepThreads } from '../outage/sweep/single-failure-sweep.js';
import { DownLists } from '../outage/sweep/down-lists.js';
import type { SweptChains } from './swept-chains.js';

export interface GateSweepOptions {
  /** Whether to count the blast radii. */
  radii: boolean;
  /** Fate sharing's observer of the sweep's chunks. */
  fate: ChunkObserver;
  /** The chains of the no-spof findings, told during the sweep. */
  chains?: SweptChains;
  onProgress?: (done: number, total: number) => void;
  /** A helper thread that claims chunks from the end (single-failure-sweep.ts). */
  threads?: SweepThreads;
}

export interface GateSweep {
  /** takesDown[x]: the entry points other than x that x's failure takes down, ascending. */
  takesDown: Array<number[] | undefined>;
  /** Per component, when asked for: services down besides it, entry points down, cost. */
  radii?: { down: Int32Array; entrypointsDown: Int32Array; costPerHour: Float64Array };
}

export function sweepForGate(plan: SweepPlan, options: GateSweepOptions): GateSweep {
  const { graph } = plan;
  const { entry, costPerHour } = graph;
  const { radii, chains } = options;
  const interesting = new Uint8Array(graph.n);
  for (let v = 0; v < graph.n; v++) {
    if (entry[v] || (radii && costPerHour[v] !== 0) || chains?.explained[v]) interesting[v] = 1;
  }
  const entries = new DownLists(graph.n);
  const cost = new Float64Array(radii ? graph.n : 0);
  const entrypointsDown = new Int32Array(radii ? graph.n : 0);
  const totals = singleFailureSweep(
    plan,
    {
      interesting,
      down(x, v) {
        if (radii) {
          cost[x]! += costPerHour[v]!;
          if (entry[v]) entrypointsDown[x]!++;
        }
        if (chains?.explained[v]) chains.down(x, v);
        if (entry[v] && v !== x) entries.add(x, v);
      },
      chunks: entries.flushingBefore(
        chains ? withChains(options.fate, chains.chunks) : options.fate,
        graph.n,
      ),
    },
    options.onProgress,
    options.threads,
    { reach: false, down: radii },
  );
  entries.flush();
  const takesDown = entries.lists;
  if (!radii) return { takesDown };
  const down = totals.downCount;
  for (let x = 0; x < graph.n; x++) down[x]!--;
  return { takesDown, radii: { down, entrypointsDown, costPerHour: cost } };
}

/**
 * Fate sharing and the chains as one chunk observer: the chains read every service but need no
 * list of what went down, so only fate sharing's services are listed.
 */
function withChains(fate: ChunkObserver, chains: ChunkObserver): ChunkObserver {
  return {
    reads: chains.reads,
    lists: fate.lists ?? fate.reads,
    seen: (chunk, size, down, downOf, byRank) => {
      fate.seen(chunk, size, down, downOf, byRank);
      chains.seen(chunk, size, down, downOf, byRank);
    },
  };
}
