// Failure domains as common causes: a domain the manifest gives its own sla (`domains:`) is one
// more independent event, down with probability 1 − sla/100, that takes every member down at
// once whatever the members' own states — the beta-factor idea of common-cause failure, where
// part of what fails a redundant group is one shock to all of it.

import type { CompiledGraph } from '../../model/compiled-graph.js';
import { failureDomains } from '../outage/failure-domains.js';
import type { CommonCause } from './structure.js';

/** The graph's domains with an sla, with their members (ascending), by name. */
export function commonCauses(graph: CompiledGraph): CommonCause[] {
  const declared = graph.commonCauses ?? [];
  if (declared.length === 0) return [];
  const members = new Map(failureDomains(graph).map((d) => [d.domain, d.members]));
  return declared.flatMap((d) => {
    const of = members.get(d.domain);
    if (of === undefined) return [];
    return [{ id: d.domain, up: d.sla / 100, down: (100 - d.sla) / 100, members: of }];
  });
}
