// The findings of `no-spof` and `no-domain-spof`, grouped the way a reviewer reads them: one per
// single point of failure (a component, or a whole failure domain) and rule, naming every entry
// point in the rule's scope that it takes down. Its severity is the worst among those entry
// points; it points at the `depends_on` line through which the failure reaches the most critical
// of them (worst severity, then first by id), and tells that one's chain (swept-chains.ts tells
// those of components during the sweep, at the cost of what that entry point needs of the
// outage; otherwise one propagation per finding, stopped once that entry point is down), and
// O(1) words per finding besides its list.

import { byCodeUnit } from '../../compare.js';
import type { SourcePosition } from '../../manifest/types.js';
import { entryPoints, type CompiledGraph } from '../../model/compiled-graph.js';
import { ruleFor, type ResolvedRule } from '../../model/policy.js';
import type { GateAnalysis } from '../analysis-result.js';
import { SEVERITY_RANK, type FindingSubject } from './check-result.js';
import type { FailureExplainer } from '../outage/failure-chains.js';
import { failureDomains } from '../outage/failure-domains.js';
import { listIds, q } from './id-list.js';

/** Adds one finding; `entrypoints` (sorted) are the entry points it covers. */
export type AddOutageFinding = (
  rule: ResolvedRule,
  subject: FindingSubject,
  message: string,
  location: SourcePosition,
  entrypoints: string[],
) => void;

export function spofFindings(
  graph: CompiledGraph,
  analysis: GateAnalysis,
  rules: readonly ResolvedRule[],
  chains: FailureExplainer,
  add: AddOutageFinding,
): void {
  const covers = new NoSpofCoverage(graph, rules);
  for (const { component: x, takesDown } of analysis.spofs) {
    const covered = covers.of(takesDown);
    if (covered === undefined) continue;
    const { entry, e } = covered;
    const id = graph.ids[x]!;
    const explained = chains.explain([x], e);
    const how = explained.chain;
    const message =
      covered.entrypoints.length === 1
        ? `entry point ${q(entry)} goes down when ${q(id)} fails alone: ${how}`
        : `${covered.entrypoints.length} entry points go down when ${q(id)} fails alone ` +
          `(${listIds(covered.entrypoints)}); for ${q(entry)}: ${how}`;
    const location = explained.location ?? graph.services[e]!.position;
    add(covered.rule, { component: id }, message, location, covered.entrypoints);
  }
}

/** The no-spof rule of each entry point (undefined: none, or off), looked up once. */
function noSpofRules(
  graph: CompiledGraph,
  rules: readonly ResolvedRule[],
): Array<ResolvedRule | undefined> {
  const ruleOf = new Array<ResolvedRule | undefined>(graph.n);
  for (const e of entryPoints(graph)) ruleOf[e] = ruleFor(rules, 'no-spof', e);
  return ruleOf;
}

/**
 * The entry points a no-spof finding may explain, most critical first as `coverage` picks them:
 * worst severity, then first by id. The finding about a component explains the first of them
 * it takes down.
 */
export function spofPriority(graph: CompiledGraph, rules: readonly ResolvedRule[]): number[] {
  const ruleOf = noSpofRules(graph, rules);
  const rank = (e: number) => SEVERITY_RANK[ruleOf[e]!.severity];
  return entryPoints(graph)
    .filter((e) => ruleOf[e] !== undefined)
    .sort((a, b) => rank(b) - rank(a) || byCodeUnit(graph.ids[a]!, graph.ids[b]!));
}

/**
 * `coverage` for no-spof, with each entry point's rule and rank worked out once: O(1) per entry
 * point taken down, and the list sorted by id as numbers (places in id order).
 */
class NoSpofCoverage {
  private readonly graph: CompiledGraph;
  private readonly ruleOf: Array<ResolvedRule | undefined>;
  /** By graph index: an entry point's place in id order. */
  private readonly place: Int32Array;
  /** The entry points in id order. */
  private readonly byId: number[];
  /** By place: the position in spofPriority, or -1 when no rule covers it. */
  private readonly position: Int32Array;
  private buffer = new Int32Array(64);

  constructor(graph: CompiledGraph, rules: readonly ResolvedRule[]) {
    this.graph = graph;
    this.ruleOf = noSpofRules(graph, rules);
    this.byId = entryPoints(graph).sort((a, b) => byCodeUnit(graph.ids[a]!, graph.ids[b]!));
    this.place = new Int32Array(graph.n);
    this.byId.forEach((e, k) => (this.place[e] = k));
    this.position = new Int32Array(this.byId.length).fill(-1);
    spofPriority(graph, rules).forEach((e, i) => (this.position[this.place[e]!] = i));
  }

  /** `takesDown`: entry points by graph index. */
  of(takesDown: readonly number[]): Coverage | undefined {
    if (this.buffer.length < takesDown.length) this.buffer = new Int32Array(2 * takesDown.length);
    const { buffer, position, place } = this;
    let count = 0;
    let best = -1;
    for (let i = 0; i < takesDown.length; i++) {
      const k = place[takesDown[i]!]!;
      const at = position[k]!;
      if (at < 0) continue;
      buffer[count++] = k;
      if (best < 0 || at < position[best]!) best = k;
    }
    if (best < 0) return undefined;
    const places = buffer.subarray(0, count).sort();
    const entrypoints = new Array<string>(count);
    for (let i = 0; i < count; i++) entrypoints[i] = this.graph.ids[this.byId[places[i]!]!]!;
    const e = this.byId[best]!;
    return { rule: this.ruleOf[e]!, entry: this.graph.ids[e]!, e, entrypoints };
  }
}

export function domainSpofFindings(
  graph: CompiledGraph,
  analysis: GateAnalysis,
  rules: readonly ResolvedRule[],
  chains: FailureExplainer,
  add: AddOutageFinding,
): void {
  if (analysis.domainSpofs.length === 0) return;
  const members = new Map(failureDomains(graph).map((d) => [d.domain, d.members]));
  for (const domain of analysis.domainSpofs) {
    const covered = coverage(graph, domain.takesDown, (e) =>
      ruleFor(rules, 'no-domain-spof', e, domain.level),
    );
    if (covered === undefined) continue;
    const { entry, e } = covered;
    const explained = chains.explain(members.get(domain.domain)!, e);
    const how = explained.location === undefined ? 'it runs there itself' : explained.chain;
    const onlyAsDomain = new Set(domain.onlyAsDomain);
    const only = covered.entrypoints.filter((id) => onlyAsDomain.has(id)).length;
    let message: string;
    if (covered.entrypoints.length === 1) {
      const though = only > 0 ? ', though no single component of it does' : '';
      message = `entry point ${q(entry)} goes down when ${domain.domain} fails${though}: ${how}`;
    } else {
      const though =
        only === 0
          ? ''
          : only === covered.entrypoints.length
            ? ', though no single component of it takes any of them down'
            : `, ${only} of them though no single component of it does`;
      message =
        `${covered.entrypoints.length} entry points go down when ${domain.domain} fails${though} ` +
        `(${listIds(covered.entrypoints)}); for ${q(entry)}: ${how}`;
    }
    const location = explained.location ?? graph.services[e]!.position;
    add(covered.rule, { domain: domain.domain }, message, location, covered.entrypoints);
  }
}

interface Coverage {
  /** The rule of the most critical entry point: its severity is the finding's. */
  rule: ResolvedRule;
  /** The most critical entry point, by id and index: where the finding points. */
  entry: string;
  e: number;
  /** Every entry point a rule covers, sorted by id. */
  entrypoints: string[];
}

/** Which of the entry points `takesDown` a rule covers, and the most critical of them. */
function coverage(
  graph: CompiledGraph,
  takesDown: readonly string[],
  ruleOf: (e: number) => ResolvedRule | undefined,
): Coverage | undefined {
  let best: Coverage | undefined;
  const entrypoints: string[] = [];
  for (const entry of takesDown) {
    const e = graph.index.get(entry)!;
    const rule = ruleOf(e);
    if (rule === undefined) continue;
    entrypoints.push(entry);
    const rank = SEVERITY_RANK[rule.severity];
    const bestRank = best === undefined ? 0 : SEVERITY_RANK[best.rule.severity];
    if (
      best === undefined ||
      rank > bestRank ||
      (rank === bestRank && byCodeUnit(entry, best.entry) < 0)
    )
      best = { rule, entry, e, entrypoints };
  }
  if (best !== undefined) entrypoints.sort(byCodeUnit);
  return best;
}
