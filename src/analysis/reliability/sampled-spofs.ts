// The single points of failure of the sampled entry points, ranked without sampling more: each
// has A(x down) = 0, so its Birnbaum importance A / p follows from A alone. At every entry point
// their criticality (A/p)(1 − p)/Q is in the order of the odds of their failure (1 − p)/p, so
// the components are taken once, by odds, and each entry point keeps only those that can still
// reach its first `limit`:
// - Of components with the very same p (equal in every measure, so ranked by id), no more than
//   `limit`, taken in id order: the rest rank below `limit` equals.
// - None once the odds fall below the limit-th's by more than CLOSED (relative): the ranking
//   (spofImportance) stops there anyway, its criticality being below the lowest of the first
//   `limit` by more than its own margin, and the walk over the components ends when every
//   entry point is so closed.

import { byCodeUnit } from '../../compare.js';
import type { ImportanceInput } from './importance.js';
import { ALWAYS_UP, type FaultStructure } from './structure.js';

/** Relative margin of the ranking's own cut (criticality below the lowest by more). */
const RANKING_MARGIN = 1e-6;
/**
 * Relative margin by odds past which an entry point takes no more: ten times the ranking's, so
 * that the odds and the criticality (each a few roundings from the other) cannot disagree.
 */
const CLOSED = 10 * RANKING_MARGIN;

/**
 * The entry points component x takes down alone, increasing (as recordSingleFailures gives
 * them), undefined when it takes none: read for the few thousand components that rank, so a
 * worker thread reads them where they were posted instead of rebuilding every list.
 */
export type TakesDownAt = (x: number) => ArrayLike<number> | undefined;

/**
 * For each sampled entry point (in the order given), the components whose failure alone takes it
 * down and that can fail by themselves: by odds of failure, highest first (p, then id, on a tie),
 * those that can reach its first `limit`.
 */
export function sampledSpofs(
  structure: FaultStructure,
  ids: readonly string[],
  sampled: readonly number[],
  takesDown: TakesDownAt,
  limit: number,
): number[][] {
  const n = structure.eventOf.length;
  const failing: number[] = [];
  for (let x = 0; x < n; x++)
    if (structure.eventOf[x] !== ALWAYS_UP && takesDown(x) !== undefined) failing.push(x);
  const up = Float64Array.from(failing, (x) => structure.events[-1 - structure.eventOf[x]!]!.up);
  // As criticality reads it (from 1 − up), so the two orders agree but for rounding.
  const odds = up.map((p) => (1 - p) / p);
  let idsSorted = true;
  for (let i = 1; i < failing.length && idsSorted; i++)
    idsSorted = ids[failing[i - 1]!]! < ids[failing[i]!]!;
  const byId = idsSorted
    ? (i: number, j: number) => i - j
    : (i: number, j: number) => byCodeUnit(ids[failing[i]!]!, ids[failing[j]!]!);
  const order = Int32Array.from(failing.keys()).sort(
    (i, j) => odds[j]! - odds[i]! || up[i]! - up[j]! || byId(i, j),
  );
  const m = sampled.length;
  const place = new Int32Array(n).fill(-1);
  sampled.forEach((e, i) => (place[e] = i));
  const lists: number[][] = Array.from({ length: m }, () => []);
  // Per entry point: p of its last run of equal p and that run's length; the odds of its
  // limit-th component once it has them; whether it takes no more.
  const runUp = new Float64Array(m).fill(NaN);
  const runLength = new Int32Array(m);
  const limitOdds = new Float64Array(m);
  const closed = new Uint8Array(m);
  let open = m;
  for (let k = 0; k < order.length && open > 0; k++) {
    const i = order[k]!;
    const x = failing[i]!;
    const p = up[i]!;
    const o = odds[i]!;
    const lost = takesDown(x)!;
    for (let j = 0; j < lost.length; j++) {
      const at = place[lost[j]!]!;
      if (at < 0 || closed[at]) continue;
      const list = lists[at]!;
      if (list.length >= limit && o < limitOdds[at]! * (1 - CLOSED)) {
        closed[at] = 1;
        open--;
        continue;
      }
      if (p !== runUp[at]) {
        runUp[at] = p;
        runLength[at] = 0;
      }
      if (runLength[at]! >= limit) continue;
      runLength[at]!++;
      list.push(x);
      if (list.length === limit) limitOdds[at] = o;
    }
  }
  return lists;
}

/**
 * The inputs to rank of one sampled entry point from its single points of failure (as
 * sampledSpofs orders them): those past the limit-th that fall clearly below the lowest of the
 * first `limit` could never be ranked, and are left out.
 */
export function spofImportance(
  structure: FaultStructure,
  spofs: readonly number[],
  value: number,
  unavailability: number,
  limit: number,
): ImportanceInput[] {
  const inputs: ImportanceInput[] = [];
  let lowest = Infinity;
  for (const x of spofs) {
    const event = structure.events[-1 - structure.eventOf[x]!]!;
    const birnbaum = value / event.up;
    const criticality = (birnbaum * (1 - event.up)) / unavailability;
    if (inputs.length >= limit && criticality < lowest * (1 - RANKING_MARGIN)) break;
    if (inputs.length < limit) lowest = Math.min(lowest, criticality);
    inputs.push({ id: event.id, up: event.up, down: event.down, birnbaum });
  }
  return inputs;
}
