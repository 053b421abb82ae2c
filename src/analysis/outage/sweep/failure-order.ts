// The order in which failures (and components, for the reach counts) are grouped into chunks
// of 128. A reach pass costs the union of its members' ancestors, and a down pass the union of
// their down sets, so members with many ancestors (platform services, which share most of
// them) should be chunked together.

import { sortByKey } from '../../graph/integer-sort.js';
import type { RankedGraph } from '../ranked-graph.js';

/**
 * Services ordered by an estimate of their number of ancestors (paths to the top of the graph,
 * capped at n) by its order of magnitude, largest first, then topologically.
 */
export function failureOrder(plan: RankedGraph): Int32Array {
  const { order, dependentStart, dependents } = plan;
  const n = order.length;
  const estimate = new Float64Array(n);
  const magnitude = new Int32Array(n);
  for (let r = n - 1; r >= 0; r--) {
    let paths = 1;
    for (let k = dependentStart[r]!; k < dependentStart[r + 1]!; k++)
      paths += estimate[dependents[k]!]!;
    estimate[r] = Math.min(paths, n);
    // Leading zeros of the estimate: larger estimates sort first.
    magnitude[order[r]!] = Math.clz32(Math.max(1, Math.floor(estimate[r]!)));
  }
  // The sort is stable, so within a magnitude the topological order stays.
  return sortByKey(order, magnitude, 32);
}
