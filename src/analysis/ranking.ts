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
