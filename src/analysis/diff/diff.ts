// analysis/diff/ — what a change to the manifest adds and removes, and the neighbourhood of SPOFs
// to draw it with.
//
// `diff`: the risk a new manifest adds to and removes from an old one, by comparing
// the analyses of both — SPOF pairs as sets, blast radii by component. Pure: plain data out.

import { byCodeUnit } from '../../compare.js';
import type { AnalysisResult, BlastRadius, ComponentBlastRadius } from '../analysis-result.js';
import type {
  BlastRadiusChange,
  DiffGate,
  DiffResult,
  DiffSide,
  DomainSpofPair,
  FailOn,
  IdChanges,
  PairChanges,
  SpofPair,
} from './diff-result.js';
import { FAIL_ON } from './diff-result.js';
import { changedNeighbourhood } from './neighbourhood.js';
import type { CompiledGraph } from '../../model/compiled-graph.js';

/** One side of the comparison: where it came from, its compiled graph and its analysis. */
export interface DiffInput {
  source: string;
  /** False when the manifest did not exist there; graph and analysis are then of no services. */
  exists: boolean;
  graph: CompiledGraph;
  analysis: AnalysisResult;
}

export function diff(
  before: DiffInput,
  after: DiffInput,
  failOn: readonly FailOn[] = [],
): DiffResult {
  const old = before.analysis;
  const now = after.analysis;
  const spofs = pairChanges(old.spofs, now.spofs, (s) => s.id, spofPair);
  const domainSpofs = pairChanges(old.domainSpofs, now.domainSpofs, (d) => d.domain, domainPair);
  const riskBefore = atRisk(old);
  const riskAfter = atRisk(now);
  const newlyAtRisk = setDifference(riskAfter, riskBefore);
  return {
    before: side(before, riskBefore.size),
    after: side(after, riskAfter.size),
    services: idChanges(before.graph.ids, after.graph.ids),
    entrypoints: idChanges(old.entrypoints, now.entrypoints),
    spofs,
    domainSpofs,
    blastRadius: blastRadiusChanges(old.blastRadius, now.blastRadius),
    newlyAtRisk,
    noLongerAtRisk: setDifference(riskBefore, riskAfter),
    neighbourhood: changedNeighbourhood(before.graph, after.graph, spofs.added),
    gate: gate(failOn, {
      'new-spof': spofs.added.length > 0,
      'new-domain-spof': domainSpofs.added.length > 0,
      'new-risk': newlyAtRisk.length > 0,
    }),
  };
}

function side(input: DiffInput, entrypointsAtRisk: number): DiffSide {
  const { analysis } = input;
  return {
    source: input.source,
    manifest: analysis.manifest,
    exists: input.exists,
    services: input.graph.n,
    entrypoints: analysis.entrypoints.length,
    entrypointsAtRisk,
    spofPairs: analysis.spofs.reduce((sum, s) => sum + s.takesDown.length, 0),
    domainSpofPairs: analysis.domainSpofs.reduce((sum, d) => sum + d.takesDown.length, 0),
  };
}

function spofPair(entrypoint: string, component: string): SpofPair {
  return { entrypoint, component };
}

function domainPair(entrypoint: string, domain: string): DomainSpofPair {
  return { entrypoint, domain };
}

/** Entry points with a component or failure-domain SPOF, as in analyze's summary. */
function atRisk(analysis: AnalysisResult): Set<string> {
  return new Set([
    ...analysis.spofs.flatMap((s) => s.takesDown),
    ...analysis.domainSpofs.flatMap((d) => d.takesDown),
  ]);
}

/**
 * (entry point, cause) pairs in `after` and not `before` (added) and the reverse, sorted by
 * entry point, then cause. Compared cause by cause: a cause whose list of entry points did not
 * change costs one pass over it, and no pair is built for it (B at 100,000 services has
 * millions of pairs).
 */
function pairChanges<C extends { takesDown: readonly string[] }, T>(
  before: readonly C[],
  after: readonly C[],
  cause: (c: C) => string,
  pair: (entrypoint: string, cause: string) => T,
): PairChanges<T> {
  return {
    added: pairsMissing(after, before, cause, pair),
    removed: pairsMissing(before, after, cause, pair),
  };
}

/** The pairs of `from` that `other` does not have, sorted. */
function pairsMissing<C extends { takesDown: readonly string[] }, T>(
  from: readonly C[],
  other: readonly C[],
  cause: (c: C) => string,
  pair: (entrypoint: string, cause: string) => T,
): T[] {
  const otherLists = new Map(other.map((c) => [cause(c), c.takesDown]));
  const missing: Array<[string, string]> = [];
  for (const c of from) {
    const id = cause(c);
    const elsewhere = otherLists.get(id) ?? [];
    if (sameList(c.takesDown, elsewhere)) continue;
    const there = new Set(elsewhere);
    for (const entrypoint of c.takesDown)
      if (!there.has(entrypoint)) missing.push([entrypoint, id]);
  }
  missing.sort(([e1, c1], [e2, c2]) => byCodeUnit(e1, e2) || byCodeUnit(c1, c2));
  return missing.map(([entrypoint, id]) => pair(entrypoint, id));
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

function idChanges(before: readonly string[], after: readonly string[]): IdChanges {
  return {
    added: setDifference(new Set(after), new Set(before)),
    removed: setDifference(new Set(before), new Set(after)),
  };
}

function setDifference(a: ReadonlySet<string>, b: ReadonlySet<string>): string[] {
  return [...a].filter((id) => !b.has(id)).sort(byCodeUnit);
}

const ZERO: BlastRadius = { down: 0, degraded: 0, entrypointsDown: 0, costPerHour: 0 };

/**
 * Components whose blast radius differs, and added or removed components whose blast radius is
 * not zero; the largest change first (cost, entry points, down, degraded), ties by id.
 */
function blastRadiusChanges(
  before: readonly ComponentBlastRadius[],
  after: readonly ComponentBlastRadius[],
): BlastRadiusChange[] {
  const old = new Map(before.map((b) => [b.id, radiusOf(b)]));
  const now = new Map(after.map((b) => [b.id, radiusOf(b)]));
  const changes: BlastRadiusChange[] = [];
  for (const id of new Set([...old.keys(), ...now.keys()])) {
    const was = old.get(id) ?? null;
    const is = now.get(id) ?? null;
    const delta = difference(is ?? ZERO, was ?? ZERO);
    const changed = was && is ? !isZero(delta) : !isZero(was ?? is!);
    if (changed) changes.push({ id, before: was, after: is, delta });
  }
  return changes.sort((a, b) => bySizeOfChange(a.delta, b.delta) || byCodeUnit(a.id, b.id));
}

function radiusOf(b: ComponentBlastRadius): BlastRadius {
  return {
    down: b.down,
    degraded: b.degraded,
    entrypointsDown: b.entrypointsDown,
    costPerHour: b.costPerHour,
  };
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
