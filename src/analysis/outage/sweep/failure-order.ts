// The orders in which failures (for the down sets) and components (for the reach counts) are
// grouped into chunks of 128. A chunk costs the union of what its members reach, so members
// whose sets overlap most should travel together. Any order gives the same results; only the
// work changes.

import { sortByKey } from '../../graph/integer-sort.js';
import type { RankedGraph } from '../ranked-graph.js';
import { downSetGraphOf } from './failure-edges.js';

/**
 * Services ordered by an estimate of their number of ancestors (paths to the top of the graph,
 * capped at n) by its order of magnitude, largest first, then in the order a depth-first search
 * down the requirements from the top first meets them: components with many ancestors
 * (platform services, which share most of them) are counted together, and within a magnitude
 * the services the search meets one after another sit below the same dependents, so their
 * ancestors overlap (on B 100k the passes visit ~4% fewer components than topologically).
 */
export function reachOrder(plan: RankedGraph): Int32Array {
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
  // The sort is stable, so within a magnitude the search's order stays.
  return sortByKey(searchOrder(plan), magnitude, 32);
}

/**
 * Services in the preorder of a depth-first search along requirements (every alternative, soft
 * ones too), started from each rank not yet met, the last rank first.
 */
function searchOrder(plan: RankedGraph): Int32Array {
  const { order, reqStart, altStart, alts } = plan;
  const n = order.length;
  const met = new Uint8Array(n);
  const result = new Int32Array(n);
  const stack = new Int32Array(n);
  /** next[k]: the next alternative of stack[k]'s requirements to follow. */
  const next = new Int32Array(n);
  let length = 0;
  for (let top = n - 1; top >= 0; top--) {
    if (met[top]) continue;
    met[top] = 1;
    result[length++] = order[top]!;
    let depth = 0;
    stack[depth] = top;
    next[depth++] = altStart[reqStart[top]!]!;
    while (depth > 0) {
      const r = stack[depth - 1]!;
      const a = next[depth - 1]!;
      if (a === altStart[reqStart[r + 1]!]!) {
        depth--;
        continue;
      }
      next[depth - 1] = a + 1;
      const u = alts[a]!;
      if (met[u]) continue;
      met[u] = 1;
      result[length++] = order[u]!;
      stack[depth] = u;
      next[depth++] = altStart[reqStart[u]!]!;
    }
  }
  return result;
}

/**
 * Services ordered so that failures whose down sets are alike come next to each other: by the
 * highest rank their failure reaches along the requirements that fail outright (highest first),
 * then by a min-hash of that same set (the least of a fixed pseudo-random value over its
 * members: two sets share it with probability their Jaccard similarity), then topologically.
 * Both keys are taken over what the failure reaches through the edges to later ranks, one pass
 * from the last rank back; the edges inside a cycle and the tolerant groups are left out, which
 * only makes the grouping coarser.
 */
export function failureOrder(plan: RankedGraph): Int32Array {
  const { order } = plan;
  const { breakStart, breaks } = downSetGraphOf(plan);
  const n = order.length;
  // Values in 0 .. span-1, span a power of two of at least 2n: ties are rare, and the radix
  // sort takes as few passes as the graph's size needs.
  const span = 2 ** Math.max(1, Math.ceil(Math.log2(2 * n)));
  const highest = new Int32Array(n);
  const least = new Int32Array(n);
  const top = new Int32Array(n);
  const sample = new Int32Array(n);
  for (let r = n - 1; r >= 0; r--) {
    let high = r;
    let low = mix(r) & (span - 1);
    for (let e = breakStart[r]!; e < breakStart[r + 1]!; e++) {
      const d = breaks[e]!;
      if (d <= r) continue;
      if (highest[d]! > high) high = highest[d]!;
      if (least[d]! < low) low = least[d]!;
    }
    highest[r] = high;
    least[r] = low;
    top[order[r]!] = n - 1 - high;
    sample[order[r]!] = low;
  }
  // Stable sorts, least significant key first.
  return sortByKey(sortByKey(order, sample, span), top, n);
}

/** A fixed pseudo-random value in 0 .. 2^31 - 1 for rank r (an integer hash finaliser). */
function mix(r: number): number {
  let h = Math.imul(r ^ 0x5bd1e995, 0x9e3779b1);
  h ^= h >>> 15;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  return h >>> 1;
}
