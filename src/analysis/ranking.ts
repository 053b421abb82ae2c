// The order in which risks are listed: the costliest first, then the most entry points lost,
// then how many services go down and degrade. Ties are broken by id by the caller.

import type { BlastRadius } from './analysis-result.js';

export function byRisk(a: BlastRadius, b: BlastRadius, aEntries: number, bEntries: number): number {
  return (
    b.costPerHour - a.costPerHour ||
    bEntries - aEntries ||
    b.down - a.down ||
    b.degraded - a.degraded
  );
}
