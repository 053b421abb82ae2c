// Failure domains (SPEC §3): the cumulative prefixes of each service's provider, region and zone
// labels. Each domain is failed whole to find the entry points it takes down, including those
// that no single component of it does ("multi-AZ but single-region").

import type { CompiledGraph } from '../model/compiled-graph.js';
import type { DomainBlastRadius, DomainLevel, DomainSpof } from './analysis-result.js';
import { Propagator } from './propagate.js';
import { measure } from './single-failures.js';

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
  return [...byKey.values()].sort((a, b) =>
    a.domain < b.domain ? -1 : a.domain > b.domain ? 1 : 0,
  );
}

export interface DomainAnalysis {
  spofs: DomainSpof[];
  blastRadius: DomainBlastRadius[];
  /** Entry points (in focus) each domain takes down, by domain name. */
  takesDown: Map<string, number[]>;
}

/**
 * Fails each domain whole. `componentTakesDown[x]` (from the single-failure sweep) tells which
 * entry points a member already takes down alone, for `onlyAsDomain`.
 */
export function analyzeFailureDomains(
  graph: CompiledGraph,
  domains: readonly FailureDomain[],
  inFocus: Uint8Array,
  componentTakesDown: ReadonlyArray<number[] | undefined>,
): DomainAnalysis {
  const propagator = new Propagator(graph);
  const result: DomainAnalysis = { spofs: [], blastRadius: [], takesDown: new Map() };
  for (const { domain, level, members } of domains) {
    propagator.run(members);
    const radius = measure(graph, propagator, inFocus);
    result.blastRadius.push({ domain, level, services: members.length, ...radius });
    const lost: number[] = [];
    for (let i = 0; i < propagator.downCount; i++) {
      const v = propagator.touched[i]!;
      if (inFocus[v]) lost.push(v);
    }
    if (lost.length === 0) continue;
    lost.sort((a, b) => a - b);
    result.takesDown.set(domain, lost);
    const bySingle = new Set<number>();
    for (const m of members) for (const e of componentTakesDown[m] ?? []) bySingle.add(e);
    result.spofs.push({
      domain,
      level,
      services: members.length,
      takesDown: lost.map((v) => graph.ids[v]!),
      onlyAsDomain: lost.filter((v) => !bySingle.has(v)).map((v) => graph.ids[v]!),
      blastRadius: radius,
    });
  }
  return result;
}
