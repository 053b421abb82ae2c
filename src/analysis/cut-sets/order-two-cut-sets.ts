// Minimal cut sets of order two without a diagram: the SPOFs and the pairs of each entry point
// (the pair search is exact and usually much faster than the diagram). When the manifest gives
// failure domains an sla of their own, they are members too: those that take an entry point down
// alone are of order one, and one more pair search, over components and those domains together,
// finds the pairs with a domain in them. Incomplete when a pair search was.

import type { AnalysisResult, CutSets } from '../analysis-result.js';
import type { FailureDomain } from '../outage/failure-domains.js';
import type { SweepPlan } from '../outage/outage-sweep.js';
import { ListedCutSets } from './listed-cut-sets.js';
import { domainEventUnits, minimalPairs } from './pair-cuts.js';

export interface OrderTwoRequest {
  /** Diagram nodes the search may create (`--cut-budget`), reported. */
  budget: number;
  /** Candidate pairs the pair search over domains and components may check. */
  pairBudget: number;
  /** takesDown[x]: the entry points (in focus) service x takes down alone. */
  takesDown: ReadonlyArray<readonly number[] | undefined>;
  /** The pairs of components, found already. */
  found: Pick<AnalysisResult, 'pairs' | 'pairSearch'>;
  /** Failure domains that are events of their own (the manifest's `domains:`). */
  domains: readonly FailureDomain[];
  /** The entry points (in focus) each domain takes down alone, by domain name. */
  domainTakesDown: ReadonlyMap<string, readonly number[]>;
  /** Sets listed at most. */
  listed: number;
}

export function cutSetsOfOrderTwo(
  plan: SweepPlan,
  entries: readonly number[],
  request: OrderTwoRequest,
): CutSets {
  const { ids, services } = plan.graph;
  const { takesDown, found, domains } = request;
  const counts = new Map(entries.map((e) => [ids[e]!, [0, 0]]));
  takesDown.forEach((down, x) => {
    if (services[x]!.virtual === true) return;
    for (const e of down ?? []) if (e !== x) counts.get(ids[e]!)![0]!++;
  });
  for (const pair of found.pairs!) for (const e of pair.takesDown) counts.get(e)![1]!++;
  const listed = new ListedCutSets();
  let complete = found.pairSearch!.components.complete;
  if (domains.length > 0) {
    for (const { domain } of domains) {
      for (const e of request.domainTakesDown.get(domain) ?? []) {
        counts.get(ids[e]!)![0]!++;
        listed.add([], [domain], ids[e]!);
      }
    }
    complete = domainPairs(plan, entries, request, counts, listed) && complete;
  }
  const entrypoints = [...counts.keys()]
    .sort()
    .map((id) => ({ id, counts: complete ? counts.get(id)! : null }));
  const sets = listed.size > request.listed ? null : listed.sorted();
  const names = domains.map((d) => d.domain);
  return {
    order: 2,
    budget: request.budget,
    complete,
    nodes: 0,
    domains: names,
    entrypoints,
    sets,
  };
}

/** Counts and lists the minimal pairs with a domain in them; whether that search was complete. */
function domainPairs(
  plan: SweepPlan,
  entries: readonly number[],
  request: OrderTwoRequest,
  counts: Map<string, number[]>,
  listed: ListedCutSets,
): boolean {
  const { ids, n } = plan.graph;
  const inFocus = new Uint8Array(n);
  for (const e of entries) inFocus[e] = 1;
  const units = domainEventUnits(plan, request.domains);
  const { pairs, totals } = minimalPairs(plan, units, inFocus, request.pairBudget);
  for (const { a, b, entries: lost } of pairs) {
    const members = [a, b].filter((u) => u < n).map((u) => units.name(u));
    const domains = [a, b].filter((u) => u >= n).map((u) => units.name(u));
    for (const e of lost) {
      counts.get(ids[e]!)![1]!++;
      listed.add(members.sort(), domains.sort(), ids[e]!);
    }
  }
  return totals.complete;
}
