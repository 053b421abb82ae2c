// For every service, the entry points (in focus) that reach it along hard requirements, as
// bitsets: the only entry points a failure there can take down. One pass against the edges in
// reverse topological order; a strongly connected component is repeated until it is stable.

import type { SweepPlan } from '../outage/outage-sweep.js';
import { bitInWord, MASK_WIDTH, union, wordOf } from '../graph/bit-mask.js';

/** Bitsets larger than this many 32-bit words are not built (the caller does without). */
const MAX_WORDS = 1 << 24;

export interface EntryBitsets {
  /** Masks per set (bit-mask.ts: unsigned 32-bit words). */
  words: number;
  /** bit[e]: the bit of entry point e, -1 for services not in focus. */
  bit: Int32Array;
  /** above[v * words .. (v + 1) * words - 1]: entry points reaching service v. */
  above: Uint32Array;
}

export function entriesAbove(plan: SweepPlan, inFocus: Uint8Array): EntryBitsets | null {
  const { graph, order, component } = plan;
  const { n, usedByStart, usedBy, reqSoft, reqOwner } = graph;
  const bit = new Int32Array(n).fill(-1);
  let entries = 0;
  for (let v = 0; v < n; v++) if (inFocus[v]) bit[v] = entries++;
  const words = Math.max(1, Math.ceil(entries / MASK_WIDTH));
  if (words * n > MAX_WORDS) return null;
  const above = new Uint32Array(words * n);
  for (let v = 0; v < n; v++) {
    if (bit[v]! >= 0) above[v * words + wordOf(bit[v]!)] = bitInWord(bit[v]!);
  }
  let end = n;
  while (end > 0) {
    let begin = end - 1;
    while (begin > 0 && component[begin - 1] === component[end - 1]) begin--;
    let changed = true;
    while (changed) {
      changed = false;
      for (let r = begin; r < end; r++) {
        const v = order[r]!;
        for (let k = usedByStart[v]!; k < usedByStart[v + 1]!; k++) {
          if (reqSoft[usedBy[k]!]) continue;
          const u = reqOwner[usedBy[k]!]!;
          for (let w = 0; w < words; w++) {
            const merged = union(above[v * words + w]!, above[u * words + w]!);
            if (merged !== above[v * words + w]) {
              above[v * words + w] = merged;
              changed = true;
            }
          }
        }
      }
      if (end - begin === 1) break;
    }
    end = begin;
  }
  return { words, bit, above };
}
