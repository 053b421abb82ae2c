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
  const spofs = pairChanges(spofPairs(old), spofPairs(now), (p) => [p.entrypoint, p.component]);
  const domainSpofs = pairChanges(domainPairs(old), domainPairs(now), (p) => [
    p.entrypoint,
    p.domain,
  ]);
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

function spofPairs(analysis: AnalysisResult): SpofPair[] {
  return analysis.spofs.flatMap((s) =>
    s.takesDown.map((entrypoint) => ({ entrypoint, component: s.id })),
  );
}

function domainPairs(analysis: AnalysisResult): DomainSpofPair[] {
  return analysis.domainSpofs.flatMap((d) =>
    d.takesDown.map((entrypoint) => ({ entrypoint, domain: d.domain })),
  );
}

/** Entry points with a component or failure-domain SPOF, as in analyze's summary. */
function atRisk(analysis: AnalysisResult): Set<string> {
  return new Set([
    ...analysis.spofs.flatMap((s) => s.takesDown),
    ...analysis.domainSpofs.flatMap((d) => d.takesDown),
  ]);
}

/** Pairs in `after` and not `before` (added) and the reverse, sorted by their two ids. */
function pairChanges<T>(
  before: readonly T[],
  after: readonly T[],
  key: (pair: T) => [string, string],
): PairChanges<T> {
  // Ids never hold a NUL, so the joined key is unambiguous.
  const joined = (pair: T) => key(pair).join('\u0000');
  const order = (a: T, b: T) => {
    const [a1, a2] = key(a);
    const [b1, b2] = key(b);
    return byCodeUnit(a1, b1) || byCodeUnit(a2, b2);
  };
  const beforeKeys = new Set(before.map(joined));
  const afterKeys = new Set(after.map(joined));
  return {
    added: after.filter((p) => !beforeKeys.has(joined(p))).sort(order),
    removed: before.filter((p) => !afterKeys.has(joined(p))).sort(order),
  };
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
