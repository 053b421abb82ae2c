// The order in which risks are listed: the costliest first, then the most entry points lost,
// then how many services go down and degrade. Ties are broken by id by the caller.

import { byCodeUnit } from '../compare.js';
import type { BlastRadius } from './analysis-result.js';

export function byRisk(a: BlastRadius, b: BlastRadius, aEntries: number, bEntries: number): number {
  return (
    b.costPerHour - a.costPerHour ||
    bEntries - aEntries ||
    b.down - a.down ||
    b.degraded - a.degraded
  );
}

/**
 * Each service's position in id order (by code unit), for breaking ties between services by
 * index instead of by comparing their ids: the identity when the ids are sorted already, as a
 * loaded manifest's services are.
 */
export function idOrder(ids: readonly string[]): Int32Array {
  const position = new Int32Array(ids.length);
  let sorted = true;
  for (let v = 0; v < ids.length; v++) {
    position[v] = v;
    if (v > 0 && !(ids[v - 1]! < ids[v]!)) sorted = false;
  }
  if (sorted) return position;
  const byId = Array.from(position).sort((a, b) => byCodeUnit(ids[a]!, ids[b]!));
  byId.forEach((v, i) => (position[v] = i));
  return position;
}

/** Blast radii as columns by service index: what `byRisk` reads, without an object each. */
export interface RiskColumns {
  readonly costPerHour: Float64Array;
  readonly down: Int32Array;
  readonly degraded: Int32Array;
}

/** Fewer items than this are sorted by comparing them; more, by counting. */
const COUNTED_FROM = 64;

/**
 * `items` (service indices) in place in the order of `byRisk`, `entries[x]` standing for x's entry
 * points, ties by `byId`: the keys are read from typed arrays, not from an object per service.
 * Many items (a million at a million services) are ordered by stable counting passes from the
 * least significant key to the most (id order, degraded, down, entry points, cost), the costs
 * replaced by their rank among the distinct costs: linear passes instead of a comparison sort
 * that calls back into JavaScript twenty million times. The order is the comparison sort's.
 */
export function sortByRisk(
  items: number[],
  columns: RiskColumns,
  entries: Int32Array,
  byId: Int32Array,
): number[] {
  if (items.length < COUNTED_FROM || !sortByCounting(items, columns, entries, byId)) {
    const { costPerHour, down, degraded } = columns;
    items.sort(
      (x, y) =>
        costPerHour[y]! - costPerHour[x]! ||
        entries[y]! - entries[x]! ||
        down[y]! - down[x]! ||
        degraded[y]! - degraded[x]! ||
        byId[x]! - byId[y]!,
    );
  }
  return items;
}

/**
 * The counting passes; false (items untouched) when a cost is not finite or a key spans far
 * more values than there are items, where counting would cost more than comparing.
 */
function sortByCounting(
  items: number[],
  { costPerHour, down, degraded }: RiskColumns,
  entries: Int32Array,
  byId: Int32Array,
): boolean {
  const count = items.length;
  const costRank = costRanks(items, costPerHour);
  if (costRank === null) return false;
  // Items already in id order (as callers that list services by index hand them, the ids of a
  // loaded manifest being sorted) need no pass by id: it would leave them as they are.
  const passes: Array<[Int32Array, boolean]> = inOrder(items, byId) ? [] : [[byId, false]];
  passes.push([degraded, true], [down, true], [entries, true], [costRank, true]);
  const widest = 8 * count + 1024;
  const range = new Int32Array(2);
  let span = 0;
  for (const [key] of passes) {
    keyRange(items, key, range);
    span = Math.max(span, range[1]! - range[0]! + 1);
  }
  if (span > widest) return false;
  let from = Int32Array.from(items);
  let to = new Int32Array(count);
  // One array of counts for every pass (typed arrays allocated add to the collector's pace).
  const slots = new Int32Array(span + 1);
  for (const [key, descending] of passes) {
    if (countingPass(from, to, key, descending, slots, range)) [from, to] = [to, from];
  }
  for (let i = 0; i < count; i++) items[i] = from[i]!;
  return true;
}

/** Whether the items' keys increase strictly from first to last. */
function inOrder(items: readonly number[], key: Int32Array): boolean {
  for (let i = 1; i < items.length; i++) if (!(key[items[i - 1]!]! < key[items[i]!]!)) return false;
  return true;
}

/**
 * Each item's cost as its rank among the items' distinct costs (by service index), or null when
 * a cost is not finite. -0 ranks with 0, as the comparison treats them.
 */
function costRanks(items: readonly number[], costPerHour: Float64Array): Int32Array | null {
  const costs = new Float64Array(items.length);
  for (let i = 0; i < items.length; i++) {
    const cost = costPerHour[items[i]!]! + 0;
    if (!Number.isFinite(cost)) return null;
    costs[i] = cost;
  }
  costs.sort();
  let distinct = 0;
  for (let i = 0; i < costs.length; i++)
    if (i === 0 || costs[i] !== costs[distinct - 1]) costs[distinct++] = costs[i]!;
  const rank = new Int32Array(costPerHour.length);
  for (const x of items) {
    const cost = costPerHour[x]! + 0;
    let low = 0;
    let high = distinct - 1;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (costs[middle]! < cost) low = middle + 1;
      else high = middle;
    }
    rank[x] = low;
  }
  return rank;
}

/** The smallest and largest key over the items, in `range` (its words 0 and 1). */
function keyRange(items: ArrayLike<number>, key: Int32Array, range: Int32Array): Int32Array {
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < items.length; i++) {
    const k = key[items[i]!]!;
    if (k < min) min = k;
    if (k > max) max = k;
  }
  range[0] = min;
  range[1] = max;
  return range;
}

/**
 * One stable counting pass of `from` into `to` by `key` (largest first when `descending`), its
 * counts in `slots` (at least the keys' span plus one long) and the keys' range in `range`;
 * false, and nothing written, when every item has the same key.
 */
function countingPass(
  from: Int32Array,
  to: Int32Array,
  key: Int32Array,
  descending: boolean,
  slots: Int32Array,
  range: Int32Array,
): boolean {
  keyRange(from, key, range);
  const min = range[0]!;
  const max = range[1]!;
  if (min === max) return false;
  const slot = slots.subarray(0, max - min + 2).fill(0);
  const bucketOf = (x: number): number => (descending ? max - key[x]! : key[x]! - min);
  for (let i = 0; i < from.length; i++) slot[bucketOf(from[i]!) + 1]!++;
  for (let b = 1; b < slot.length; b++) slot[b]! += slot[b - 1]!;
  for (let i = 0; i < from.length; i++) {
    const x = from[i]!;
    to[slot[bucketOf(x)]!++] = x;
  }
  return true;
}
