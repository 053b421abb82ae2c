// analysis/gate/ — the CI gate behind `check`: policy rules, findings and their fingerprints,
// and the comparison with a baseline of accepted findings.
//
// `check`: the policy's rules evaluated over one analysis. Each finding names its rule,
// its subject (the ids its fingerprint is made of), a message with the chain that explains it,
// and the manifest line to fix — for a single point of failure, the dependency through which
// the failure arrives (one finding per single point of failure, listing the entry points it
// takes down: outage-findings.ts). Pure: graph, analysis (GateAnalysis) and policy in,
// findings out.

import { byCodeUnit } from '../../compare.js';
import { formatDuration } from '../../manifest/fields/duration.js';
import {
  DISRUPTION_KINDS,
  type DisruptionKind,
  type SourcePosition,
} from '../../manifest/types.js';
import type { CompiledGraph } from '../../model/compiled-graph.js';
import { ruleFor, type ResolvedRule } from '../../model/policy.js';
import type { GateAnalysis } from '../analysis-result.js';
import { SEVERITY_RANK, type Finding, type FindingSubject } from './check-result.js';
import { formatAvailability } from '../reliability/availability.js';
import { FailureChains, type FailureExplainer } from '../outage/failure-chains.js';
import { fingerprint } from './fingerprint.js';
import { listIds, q } from './id-list.js';
import { domainSpofFindings, spofFindings } from './outage-findings.js';

export type NewFinding = Omit<Finding, 'state'>;

/** Every finding of the policy, sorted by file, line, column, rule and fingerprint. */
export function evaluatePolicy(
  graph: CompiledGraph,
  analysis: GateAnalysis,
  rules: readonly ResolvedRule[],
  chains: FailureExplainer = new FailureChains(graph),
): NewFinding[] {
  const findings: NewFinding[] = [];
  const add = (
    rule: ResolvedRule,
    subject: FindingSubject,
    message: string,
    location: SourcePosition,
    entrypoints?: string[],
  ) => {
    const severity = rule.severity === 'error' ? 'error' : 'warn';
    const print = fingerprint(rule.rule, subject);
    const finding: NewFinding = {
      rule: rule.rule,
      severity,
      fingerprint: print,
      subject,
      message,
      location,
    };
    if (entrypoints !== undefined) finding.entrypoints = entrypoints;
    findings.push(finding);
  };
  spofFindings(graph, analysis, rules, chains, add);
  domainSpofFindings(graph, analysis, rules, chains, add);
  blastRadiusFindings(graph, analysis, rules, add);
  monitoringFindings(graph, analysis, rules, add);
  coldStartFindings(graph, analysis, rules, add);
  slaFindings(graph, rules, add);
  rtoFindings(graph, analysis, rules, add);
  availabilityFindings(graph, analysis, rules, add);
  objectiveFindings(graph, analysis, rules, add);
  dataFateFindings(graph, analysis, rules, add);
  return sortByPlace(findings);
}

type Add = (
  rule: ResolvedRule,
  subject: FindingSubject,
  message: string,
  location: SourcePosition,
) => void;

const LIMITS = [
  ['services', 'down', 'services down'],
  ['entrypoints', 'entrypointsDown', 'entry points down'],
  ['costPerHour', 'costPerHour', 'cost per hour'],
] as const satisfies ReadonlyArray<
  readonly [string, keyof GateAnalysis['blastRadius'][number], string]
>;

function blastRadiusFindings(
  graph: CompiledGraph,
  analysis: GateAnalysis,
  rules: readonly ResolvedRule[],
  add: Add,
): void {
  for (const radius of analysis.blastRadius) {
    const x = graph.index.get(radius.id)!;
    const rule = ruleFor(rules, 'max-blast-radius', x);
    if (rule?.max === undefined) continue;
    const over: string[] = [];
    for (const [limit, measure, label] of LIMITS) {
      const max = rule.max[limit];
      if (max !== undefined && radius[measure] > max) {
        over.push(`${label} ${radius[measure]} (limit ${max})`);
      }
    }
    if (over.length === 0) continue;
    const message = `${q(radius.id)} alone takes down too much: ${over.join(', ')}`;
    add(rule, { component: radius.id }, message, graph.services[x]!.position);
  }
}

function monitoringFindings(
  graph: CompiledGraph,
  analysis: GateAnalysis,
  rules: readonly ResolvedRule[],
  add: Add,
): void {
  for (const { monitor, target, via } of analysis.fateSharing) {
    const rule = ruleFor(rules, 'independent-monitoring', graph.index.get(target)!);
    if (rule === undefined) continue;
    const what = via.length === 1 ? q(via[0]!) : `any one of ${listIds(via)}`;
    const message = `monitor ${q(monitor)} goes blind together with ${q(target)} when ${what} fails`;
    const position = graph.services[graph.index.get(monitor)!]!.position;
    add(rule, { monitor, target }, message, position);
  }
}

function coldStartFindings(
  graph: CompiledGraph,
  analysis: GateAnalysis,
  rules: readonly ResolvedRule[],
  add: Add,
): void {
  for (const { cycle, blocks } of analysis.coldStartWitnesses) {
    // A cycle is judged by the most severe rule among the services it keeps from starting.
    let decisive: ResolvedRule | undefined;
    for (const id of blocks) {
      const rule = ruleFor(rules, 'cold-start', graph.index.get(id)!);
      if (rule && SEVERITY_RANK[rule.severity] > SEVERITY_RANK[decisive?.severity ?? 'off'])
        decisive = rule;
    }
    if (decisive === undefined) continue;
    const loop = [...cycle, cycle[0]!].map(q).join(' → ');
    const others = blocks.length - cycle.length;
    const also =
      others > 0 ? ` and keeps ${others} more service${others === 1 ? '' : 's'} from starting` : '';
    const message = `the cycle ${loop} can never cold-start${also}: ${listIds(blocks)}`;
    add(decisive, { cycle: [...cycle].sort() }, message, cycleLocation(graph, cycle));
  }
}

function slaFindings(graph: CompiledGraph, rules: readonly ResolvedRule[], add: Add): void {
  for (let v = 0; v < graph.n; v++) {
    const service = graph.services[v]!;
    if (service.sla !== undefined) continue;
    const rule = ruleFor(rules, 'no-unknown-sla', v);
    if (rule === undefined) continue;
    const message = `${q(service.id)} declares no sla (add one, or a default for its file)`;
    add(rule, { service: service.id }, message, service.position);
  }
}

/** Issue 7: an rto shorter than what the service's hard dependencies need to recover. */
function rtoFindings(
  graph: CompiledGraph,
  analysis: GateAnalysis,
  rules: readonly ResolvedRule[],
  add: Add,
): void {
  for (const violation of analysis.rtoViolations) {
    const { service, dependency, rto, recoveryTime, chain } = violation;
    const v = graph.index.get(service)!;
    const rule = ruleFor(rules, 'rto-consistency', v);
    if (rule === undefined) continue;
    const message =
      `${q(service)} has rto ${formatDuration(rto)}, but ${q(dependency)} needs ` +
      `${formatDuration(recoveryTime)} to recover: ${chain.map(q).join(' → ')}`;
    add(rule, { service, dependency }, message, graph.services[v]!.position);
  }
}

/** Whether any rule of the policy reads availability: without one, it need not be computed. */
export function readsAvailability(rules: readonly ResolvedRule[]): boolean {
  return rules.some((rule) => rule.rule === 'min-availability' && rule.severity !== 'off');
}

/** Whether any rule of the policy reads the blast radii: without one, they need not be counted. */
export function readsBlastRadius(rules: readonly ResolvedRule[]): boolean {
  return rules.some((rule) => rule.rule === 'max-blast-radius' && rule.severity !== 'off');
}

/**
 * Issue 7: an entry point whose availability from the SLAs is below the rule's `min` (for a
 * Monte Carlo estimate, the point estimate is compared; the message gives its interval).
 */
function availabilityFindings(
  graph: CompiledGraph,
  analysis: GateAnalysis,
  rules: readonly ResolvedRule[],
  add: Add,
): void {
  for (const [entrypoint, availability] of Object.entries(analysis.availability)) {
    const e = graph.index.get(entrypoint)!;
    const rule = ruleFor(rules, 'min-availability', e);
    if (rule?.min === undefined || availability.value * 100 >= rule.min) continue;
    const { method, interval, samples } = availability;
    const how =
      method === 'exact'
        ? 'exact'
        : `Monte Carlo over ${samples} samples, 95% interval ` +
          `${formatAvailability(interval![0])} – ${formatAvailability(interval![1])}`;
    const message =
      `entry point ${q(entrypoint)} can expect ${formatAvailability(availability.value)} ` +
      `availability (${how}), below the minimum of ${rule.min} %`;
    add(rule, { entrypoint }, message, graph.services[e]!.position);
  }
}

/**
 * An entry point whose estimated RTO or RPO exceeds its target for a kind of disruption, located
 * at the target in the manifest's policy.
 */
function objectiveFindings(
  graph: CompiledGraph,
  analysis: GateAnalysis,
  rules: readonly ResolvedRule[],
  add: Add,
): void {
  for (const [entrypoint, byKind] of Object.entries(analysis.objectives ?? {})) {
    const e = graph.index.get(entrypoint)!;
    const rule = ruleFor(rules, 'objectives', e);
    if (rule === undefined) continue;
    for (const kind of DISRUPTION_KINDS) {
      const estimate = byKind[kind];
      if (estimate.exceeds.length === 0) continue;
      const over: string[] = [];
      if (estimate.exceeds.includes('rto')) {
        const chain = estimate.rtoChain.map(q).join(' → ');
        over.push(
          `RTO ${formatDuration(estimate.rto)} > ${formatDuration(estimate.target!.rto!)} ` +
            `when ${estimate.rtoDisruption} fails: ${chain}`,
        );
      }
      if (estimate.exceeds.includes('rpo')) {
        const loss = estimate.rpo === null ? 'unbounded' : formatDuration(estimate.rpo);
        over.push(
          `RPO ${loss} > ${formatDuration(estimate.target!.rpo!)} when ` +
            `${estimate.rpoDisruption} fails (data of ${q(estimate.rpoDatastore!)})`,
        );
      }
      const message = `entry point ${q(entrypoint)} misses its ${kind} objective: ${over.join('; ')}`;
      add(rule, { entrypoint, kind }, message, targetPosition(graph, e, kind));
    }
  }
}

/** Where the target an entry point is held to for `kind` is written. */
function targetPosition(graph: CompiledGraph, e: number, kind: DisruptionKind): SourcePosition {
  const service = graph.services[e]!;
  const objectives = graph.objectives!;
  const tier = service.tier === undefined ? undefined : objectives.tiers[service.tier]?.[kind];
  return (tier ?? objectives.targets[kind])!.position;
}

/** A datastore whose every copy shares its domain, located at its copies. */
function dataFateFindings(
  graph: CompiledGraph,
  analysis: GateAnalysis,
  rules: readonly ResolvedRule[],
  add: Add,
): void {
  for (const { datastore, level, domain, copies } of analysis.dataSharesFate ?? []) {
    const v = graph.index.get(datastore)!;
    const rule = ruleFor(rules, 'data-shares-fate', v);
    if (rule === undefined) continue;
    const where = domain.slice(domain.lastIndexOf('=') + 1);
    const verb = copies.length === 1 ? 'is' : 'are';
    const message =
      `${listIds(copies)} ${verb} in ${where} with ${q(datastore)}: ` +
      `losing the ${level} loses all of it`;
    const service = graph.services[v]!;
    add(rule, { datastore, level }, message, service.copies![0]!.position);
  }
}

/** The hard requirement by which the cycle's first member needs the second. */
function cycleLocation(graph: CompiledGraph, cycle: readonly string[]): SourcePosition {
  const first = graph.services[graph.index.get(cycle[0]!)!]!;
  const next = cycle[1] ?? cycle[0]!;
  const requirement = first.dependsOn.find((r) => !r.soft && r.alternatives.includes(next));
  return requirement?.position ?? first.position;
}

/**
 * Sorted by file, line, column, rule and fingerprint. The places are read into columns of
 * numbers first (files by their rank in code-unit order), so that most comparisons read no
 * finding: on a large graph the findings are scattered over the heap.
 */
function sortByPlace(findings: readonly NewFinding[]): NewFinding[] {
  const n = findings.length;
  const files = [...new Set(findings.map((f) => f.location.file))].sort(byCodeUnit);
  const fileRank = new Map(files.map((file, i) => [file, i]));
  const file = new Int32Array(n);
  const line = new Float64Array(n);
  const column = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const { location } = findings[i]!;
    file[i] = fileRank.get(location.file)!;
    line[i] = location.line;
    column[i] = location.column;
  }
  const order = Array.from({ length: n }, (_, i) => i).sort(
    (a, b) =>
      file[a]! - file[b]! ||
      line[a]! - line[b]! ||
      column[a]! - column[b]! ||
      byCodeUnit(findings[a]!.rule, findings[b]!.rule) ||
      byCodeUnit(findings[a]!.fingerprint, findings[b]!.fingerprint),
  );
  return order.map((i) => findings[i]!);
}
