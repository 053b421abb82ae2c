// analysis/diff/ — what a change to the manifest adds and removes, and the neighbourhood of SPOFs
// to draw it with.
//
// `diff`: the risk a new manifest adds to and removes from an old one, by comparing what the
// analyses of both found (each side in columns, entry points by number) — SPOF pairs as sets,
// blast radii by component. Pure: plain data out.

import { byCodeUnit } from '../../compare.js';
import type { BlastRadius } from '../analysis-result.js';
import type { BlastRadiusColumns, CausedOutages, ComparedSide } from './compared-side.js';
import type {
  BlastRadiusChange,
  DiffGate,
  DiffResult,
  DiffSide,
  DomainSpofPair,
  FailOn,
  PairChanges,
  SpofPair,
} from './diff-result.js';
import { FAIL_ON } from './diff-result.js';
import { changedNeighbourhood } from './neighbourhood.js';

export function diff(
  before: ComparedSide,
  after: ComparedSide,
  failOn: readonly FailOn[] = [],
): DiffResult {
  const beforeToAfter = entryNumbersIn(before.entrypoints, after.entrypoints);
  const afterToBefore = entryNumbersIn(after.entrypoints, before.entrypoints);
  const spofs = pairChanges(before, after, 'spofs', beforeToAfter, afterToBefore, spofPair);
  const domainSpofs = pairChanges(
    before,
    after,
    'domainSpofs',
    beforeToAfter,
    afterToBefore,
    domainPair,
  );
  const riskBefore = atRisk(before);
  const riskAfter = atRisk(after);
  const newlyAtRisk = onlyAtRisk(after, riskAfter, riskBefore, afterToBefore);
  // The usual change keeps every service: then services are compared by number, not by id.
  const sameServices = sameIds(before.graph.ids, after.graph.ids);
  return {
    before: side(before, count(riskBefore)),
    after: side(after, count(riskAfter)),
    services: sameServices
      ? { added: [], removed: [] }
      : {
          added: missingFrom(after.graph.ids, before.graph.index),
          removed: missingFrom(before.graph.ids, after.graph.index),
        },
    entrypoints: {
      added: unmatched(after.entrypoints, afterToBefore),
      removed: unmatched(before.entrypoints, beforeToAfter),
    },
    spofs,
    domainSpofs,
    blastRadius: blastRadiusChanges(
      before.blastRadius,
      after.blastRadius,
      sameServices ? after.graph.n : null,
    ),
    newlyAtRisk,
    noLongerAtRisk: onlyAtRisk(before, riskBefore, riskAfter, beforeToAfter),
    neighbourhood: changedNeighbourhood(before.graph, after.graph, spofs.added),
    gate: gate(failOn, {
      'new-spof': spofs.added.length > 0,
      'new-domain-spof': domainSpofs.added.length > 0,
      'new-risk': newlyAtRisk.length > 0,
    }),
  };
}

function side(input: ComparedSide, entrypointsAtRisk: number): DiffSide {
  return {
    source: input.source,
    manifest: input.manifest,
    exists: input.exists,
    services: input.graph.n,
    entrypoints: input.entrypoints.length,
    entrypointsAtRisk,
    spofPairs: input.spofs.entrypoints.length,
    domainSpofPairs: input.domainSpofs.entrypoints.length,
  };
}

function spofPair(entrypoint: string, component: string): SpofPair {
  return { entrypoint, component };
}

function domainPair(entrypoint: string, domain: string): DomainSpofPair {
  return { entrypoint, domain };
}

/** For each entry point of `from`, its number in `to`'s list, or −1 when `to` lacks it. */
function entryNumbersIn(from: readonly string[], to: readonly string[]): Int32Array {
  const numberIn = new Map<string, number>();
  to.forEach((id, i) => numberIn.set(id, i));
  const numbers = new Int32Array(from.length);
  for (let i = 0; i < from.length; i++) numbers[i] = numberIn.get(from[i]!) ?? -1;
  return numbers;
}

function sameIds(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** The ids of `ids` that `index` lacks, sorted. */
function missingFrom(ids: readonly string[], index: ReadonlyMap<string, number>): string[] {
  return ids.filter((id) => !index.has(id)).sort(byCodeUnit);
}

/** The entry points with no number on the other side, sorted. */
function unmatched(entrypoints: readonly string[], numbers: Int32Array): string[] {
  return entrypoints.filter((_, i) => numbers[i]! < 0).sort(byCodeUnit);
}

/** 1 for each entry point with a component or failure-domain SPOF, as in analyze's summary. */
function atRisk(input: ComparedSide): Uint8Array {
  const risk = new Uint8Array(input.entrypoints.length);
  for (const e of input.spofs.entrypoints) risk[e] = 1;
  for (const e of input.domainSpofs.entrypoints) risk[e] = 1;
  return risk;
}

function count(flags: Uint8Array): number {
  let total = 0;
  for (const flag of flags) total += flag;
  return total;
}

/** Entry points of `input` at risk there and not on the other side (or absent there), sorted. */
function onlyAtRisk(
  input: ComparedSide,
  risk: Uint8Array,
  otherRisk: Uint8Array,
  numbersThere: Int32Array,
): string[] {
  const only: string[] = [];
  for (let i = 0; i < risk.length; i++) {
    const there = numbersThere[i]!;
    if (risk[i] && (there < 0 || !otherRisk[there])) only.push(input.entrypoints[i]!);
  }
  return only.sort(byCodeUnit);
}

/**
 * (entry point, cause) pairs in `after` and not `before` (added) and the reverse, sorted by
 * entry point, then cause. Compared cause by cause: a cause whose list of entry points did not
 * change costs one pass over it, and no pair is built for it (B at 100,000 services has
 * millions of pairs).
 */
function pairChanges<T>(
  before: ComparedSide,
  after: ComparedSide,
  which: 'spofs' | 'domainSpofs',
  beforeToAfter: Int32Array,
  afterToBefore: Int32Array,
  pair: (entrypoint: string, cause: string) => T,
): PairChanges<T> {
  return {
    added: pairsMissing(after, before, which, beforeToAfter, pair),
    removed: pairsMissing(before, after, which, afterToBefore, pair),
  };
}

/**
 * The pairs of `from` that `other` does not have, sorted; `otherToFrom` numbers the other
 * side's entry points in `from`'s list. Entry points are distinct within a side, so two lists
 * name the same entry points in the same order exactly when their numbers agree.
 */
function pairsMissing<T>(
  from: ComparedSide,
  other: ComparedSide,
  which: 'spofs' | 'domainSpofs',
  otherToFrom: Int32Array,
  pair: (entrypoint: string, cause: string) => T,
): T[] {
  const mine = from[which];
  const theirs = other[which];
  const otherCause = new Map<string, number>();
  theirs.causes.forEach((id, i) => otherCause.set(id, i));
  const there = new Uint8Array(from.entrypoints.length);
  const missing: Array<[string, string]> = [];
  for (let i = 0; i < mine.causes.length; i++) {
    const id = mine.causes[i]!;
    const j = otherCause.get(id);
    const [start, end] = [mine.start[i]!, mine.start[i + 1]!];
    const [otherStart, otherEnd] =
      j === undefined ? [0, 0] : [theirs.start[j]!, theirs.start[j + 1]!];
    if (sameRun(mine, start, end, theirs, otherStart, otherEnd, otherToFrom)) continue;
    mark(there, theirs.entrypoints, otherStart, otherEnd, otherToFrom, 1);
    for (let k = start; k < end; k++) {
      const e = mine.entrypoints[k]!;
      if (!there[e]) missing.push([from.entrypoints[e]!, id]);
    }
    mark(there, theirs.entrypoints, otherStart, otherEnd, otherToFrom, 0);
  }
  missing.sort(([e1, c1], [e2, c2]) => byCodeUnit(e1, e2) || byCodeUnit(c1, c2));
  return missing.map(([entrypoint, id]) => pair(entrypoint, id));
}

/** Whether mine[start..end) and theirs[otherStart..otherEnd) name the same entry points in order. */
function sameRun(
  mine: CausedOutages,
  start: number,
  end: number,
  theirs: CausedOutages,
  otherStart: number,
  otherEnd: number,
  otherToFrom: Int32Array,
): boolean {
  if (end - start !== otherEnd - otherStart) return false;
  for (let k = 0; k < end - start; k++) {
    if (otherToFrom[theirs.entrypoints[otherStart + k]!] !== mine.entrypoints[start + k])
      return false;
  }
  return true;
}

/** Sets (1) or clears (0) the flags of the other side's entry points that `from` has. */
function mark(
  flags: Uint8Array,
  entrypoints: Int32Array,
  start: number,
  end: number,
  otherToFrom: Int32Array,
  value: number,
): void {
  for (let k = start; k < end; k++) {
    const e = otherToFrom[entrypoints[k]!]!;
    if (e >= 0) flags[e] = value;
  }
}

const ZERO: BlastRadius = { down: 0, degraded: 0, entrypointsDown: 0, costPerHour: 0 };

/**
 * Components whose blast radius differs, and added or removed components whose blast radius is
 * not zero; the largest change first (cost, entry points, down, degraded), ties by id. With
 * `services` (both sides have the same services, numbered alike), rows are paired by service
 * number instead of by id when every row is a service's.
 */
function blastRadiusChanges(
  before: BlastRadiusColumns,
  after: BlastRadiusColumns,
  services: number | null,
): BlastRadiusChange[] {
  const changes: BlastRadiusChange[] = [];
  /** Rows j (before) and i (after) of one component; −1 when that side lacks it. */
  const consider = (j: number, i: number) => {
    if (j >= 0 && i >= 0 && sameRadius(before, j, after, i)) return;
    const was = j >= 0 ? radiusAt(before, j) : null;
    const is = i >= 0 ? radiusAt(after, i) : null;
    const delta = difference(is ?? ZERO, was ?? ZERO);
    const changed = was && is ? !isZero(delta) : !isZero(was ?? is!);
    const id = i >= 0 ? after.ids[i]! : before.ids[j]!;
    if (changed) changes.push({ id, before: was, after: is, delta });
  };
  const allServices = (c: BlastRadiusColumns) => c.service.every((v) => v >= 0);
  if (services !== null && allServices(before) && allServices(after)) {
    const old = rowsByService(before, services);
    const now = rowsByService(after, services);
    for (let v = 0; v < services; v++) if (old[v]! >= 0 || now[v]! >= 0) consider(old[v]!, now[v]!);
  } else {
    const old = rowsById(before);
    const now = rowsById(after);
    for (const [id, i] of now) consider(old.get(id) ?? -1, i);
    for (const [id, j] of old) if (!now.has(id)) consider(j, -1);
  }
  return changes.sort((a, b) => bySizeOfChange(a.delta, b.delta) || byCodeUnit(a.id, b.id));
}

/** Each service's row, −1 for none (the last, were a service listed twice). */
function rowsByService(columns: BlastRadiusColumns, services: number): Int32Array {
  const rows = new Int32Array(services).fill(-1);
  columns.service.forEach((v, i) => (rows[v] = i));
  return rows;
}

/** Each component's row (the last, were an id listed twice). */
function rowsById(columns: BlastRadiusColumns): Map<string, number> {
  const rows = new Map<string, number>();
  columns.ids.forEach((id, i) => rows.set(id, i));
  return rows;
}

function radiusAt(columns: BlastRadiusColumns, i: number): BlastRadius {
  return {
    down: columns.down[i]!,
    degraded: columns.degraded[i]!,
    entrypointsDown: columns.entrypointsDown[i]!,
    costPerHour: columns.costPerHour[i]!,
  };
}

/** Equal finite figures: their delta is zero, no need to build it. */
function sameRadius(a: BlastRadiusColumns, i: number, b: BlastRadiusColumns, j: number): boolean {
  return (
    Number.isFinite(a.costPerHour[i]!) &&
    a.down[i] === b.down[j] &&
    a.degraded[i] === b.degraded[j] &&
    a.entrypointsDown[i] === b.entrypointsDown[j] &&
    a.costPerHour[i] === b.costPerHour[j]
  );
}

function difference(a: BlastRadius, b: BlastRadius): BlastRadius {
  return {
    down: a.down - b.down,
    degraded: a.degraded - b.degraded,
    entrypointsDown: a.entrypointsDown - b.entrypointsDown,
    // Sums of decimal costs: round away the binary noise (0.1 + 0.2 − 0.3).
    costPerHour: Math.round((a.costPerHour - b.costPerHour) * 1e6) / 1e6,
  };
}

function isZero(b: BlastRadius): boolean {
  return b.down === 0 && b.degraded === 0 && b.entrypointsDown === 0 && b.costPerHour === 0;
}

function bySizeOfChange(a: BlastRadius, b: BlastRadius): number {
  const abs = Math.abs;
  return (
    abs(b.costPerHour) - abs(a.costPerHour) ||
    abs(b.entrypointsDown) - abs(a.entrypointsDown) ||
    abs(b.down) - abs(a.down) ||
    abs(b.degraded) - abs(a.degraded)
  );
}

function gate(failOn: readonly FailOn[], matched: Record<FailOn, boolean>): DiffGate {
  const asked = FAIL_ON.filter((condition) => failOn.includes(condition));
  const triggered = asked.filter((condition) => matched[condition]);
  return { failOn: asked, triggered, passed: triggered.length === 0 };
}
