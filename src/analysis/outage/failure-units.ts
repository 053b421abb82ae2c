// What can fail as one: a component, or a failure domain (all its members at once). Pairs of
// failures and chaos sampling both draw from these units.

import type { CompiledGraph } from '../../model/compiled-graph.js';
import type { FailureDomain } from './failure-domains.js';

export interface FailureUnits {
  /** Units are 0..count-1. */
  readonly count: number;
  /** A service id, or a domain's name. */
  name(unit: number): string;
  /** The services that fail when the unit fails. */
  members(unit: number): ArrayLike<number>;
  /** False for what cannot fail by itself (a virtual service). */
  eligible(unit: number): boolean;
}

/** Every service is a unit of its own (unit v is service v). */
export function componentUnits(graph: CompiledGraph): FailureUnits {
  return {
    count: graph.n,
    name: (v) => graph.ids[v]!,
    members: (v) => [v],
    eligible: (v) => graph.services[v]!.virtual !== true,
  };
}

/** Every failure domain is a unit (unit d is domains[d]). */
export function domainUnits(domains: readonly FailureDomain[]): FailureUnits {
  return {
    count: domains.length,
    name: (d) => domains[d]!.domain,
    members: (d) => domains[d]!.members,
    eligible: () => true,
  };
}
