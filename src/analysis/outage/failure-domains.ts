// Failure domains (docs/semantics.md, "Failure domains"): the cumulative prefixes of each service's
// provider, region and zone labels. Each domain is failed whole to find the entry points it takes
// down, including those that no single component of it does ("multi-AZ but single-region").

import { byCodeUnit } from '../../compare.js';
import type { CompiledGraph } from '../../model/compiled-graph.js';
import type {
  BlastRadius,
  DomainBlastRadius,
  DomainLevel,
  DomainSpof,
} from '../analysis-result.js';
import type { OutageLength } from './time/outage-length.js';
import { entrypointsAndCosts, outageSweep, type SweepPlan } from './outage-sweep.js';

const LABELS = ['provider', 'region', 'zone'] as const;

export interface FailureDomain {
  domain: string;
  level: DomainLevel;
  /** Member services, ascending. */
  members: number[];
}

export function failureDomains(graph: CompiledGraph): FailureDomain[] {
  const byKey = new Map<string, FailureDomain>();
  for (let v = 0; v < graph.n; v++) {
    const service = graph.services[v]!;
    const parts: string[] = [];
    for (const label of LABELS) {
      const value = service[label];
      if (value === undefined) continue;
      parts.push(`${label}=${value}`);
      const domain = parts.join(',');
      const entry = byKey.get(domain);
      if (entry) entry.members.push(v);
      else byKey.set(domain, { domain, level: label, members: [v] });
    }
  }
  return [...byKey.values()].sort((a, b) => byCodeUnit(a.domain, b.domain));
}

export interface DomainAnalysis {
  spofs: DomainSpof[];
  blastRadius: DomainBlastRadius[];
  /** Entry points (in focus) each domain takes down, by domain name. */
  takesDown: Map<string, number[]>;
}

/**
 * Fails each domain whole, all of them in one outage sweep. `componentTakesDown[x]` (from the
 * single failures) tells which entry points a member already takes down alone, for
 * `onlyAsDomain`. With `length`, each domain fails for that long instead of for ever.
 */
export function analyzeFailureDomains(
  plan: SweepPlan,
  domains: readonly FailureDomain[],
  inFocus: Uint8Array,
  componentTakesDown: ReadonlyArray<number[] | undefined>,
  length?: OutageLength,
): DomainAnalysis {
  const { graph } = plan;
  const cost = new Float64Array(domains.length);
  const lost: number[][] = domains.map(() => []);
  const interesting = entrypointsAndCosts(graph, inFocus);
  const watch = length?.watch;
  if (watch) for (let v = 0; v < graph.n; v++) interesting[v]! |= watch[v]!;
  const watched = new Uint8Array(watch ? domains.length : 0);
  const totals = outageSweep(
    length?.plan ?? plan,
    domains.map((d) => d.members),
    {
      interesting,
      down(d, v) {
        if (watch?.[v]) watched[d] = 1;
        cost[d]! += graph.costPerHour[v]!;
        if (inFocus[v]) lost[d]!.push(v);
      },
    },
  );
  for (let d = 0; d < watched.length; d++) {
    if (!watched[d]) continue;
    const timed = length!.settle(domains[d]!.members);
    totals.downCount[d] = timed.down;
    cost[d] = timed.costPerHour;
    lost[d] = timed.entries;
  }
  const result: DomainAnalysis = { spofs: [], blastRadius: [], takesDown: new Map() };
  domains.forEach(({ domain, level, members }, d) => {
    const radius: BlastRadius = {
      down: totals.downCount[d]! - members.length,
      degraded: totals.reachCount[d]! - totals.downCount[d]!,
      entrypointsDown: lost[d]!.length,
      costPerHour: cost[d]!,
    };
    result.blastRadius.push({ domain, level, services: members.length, ...radius });
    const entries = lost[d]!.sort((a, b) => a - b);
    if (entries.length === 0) return;
    result.takesDown.set(domain, entries);
    const bySingle = new Set<number>();
    for (const m of members) for (const e of componentTakesDown[m] ?? []) bySingle.add(e);
    result.spofs.push({
      domain,
      level,
      services: members.length,
      takesDown: entries.map((v) => graph.ids[v]!),
      onlyAsDomain: entries.filter((v) => !bySingle.has(v)).map((v) => graph.ids[v]!),
      blastRadius: radius,
    });
  });
  return result;
}
