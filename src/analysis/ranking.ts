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

/**
 * `items` (service indices) in place in the order of `byRisk`, `entries[x]` standing for x's entry
 * points, ties by `byId`: the keys are read from typed arrays, not from an object per service.
 */
export function sortByRisk(
  items: number[],
  { costPerHour, down, degraded }: RiskColumns,
  entries: Int32Array,
  byId: Int32Array,
): number[] {
  return items.sort(
    (x, y) =>
      costPerHour[y]! - costPerHour[x]! ||
      entries[y]! - entries[x]! ||
      down[y]! - down[x]! ||
      degraded[y]! - degraded[x]! ||
      byId[x]! - byId[y]!,
  );
}
