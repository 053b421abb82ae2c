// The grace of a single point of failure: how long it can be down before the first entry point it
// takes down goes down, when tolerances ride part of the outage out. One timeline per SPOF (or
// failure domain that is one), each costing only the services and requirements its outage
// reaches, so the whole pass is near-linear in the size of the SPOF relation's blast radii.
// Computed only when some requirement tolerates anything: otherwise every grace is 0.

import type { CompiledGraph } from '../../../model/compiled-graph.js';
import type { ComponentSpof, DomainSpof } from '../../analysis-result.js';
import type { FailureDomain } from '../failure-domains.js';
import { OutageClock } from './timeline.js';

export function hasTolerances(graph: CompiledGraph): boolean {
  // A loop, not `some`: its callback would box every double it is handed.
  const { reqTolerance } = graph;
  for (let r = 0; r < reqTolerance.length; r++) if (reqTolerance[r]! > 0) return true;
  return false;
}

/**
 * Adds `grace` (seconds) to every SPOF (`takesDown[i]`: the entry points of `spofs[i]`, as
 * indices) and domain SPOF, in place, when tolerances exist.
 */
export function addGrace(
  graph: CompiledGraph,
  { spofs, takesDown }: { spofs: ComponentSpof[]; takesDown: ReadonlyArray<readonly number[]> },
  domainAnalysis: { spofs: DomainSpof[]; takesDown: ReadonlyMap<string, readonly number[]> },
  domains: readonly FailureDomain[],
): void {
  if (!hasTolerances(graph)) return;
  const clock = new OutageClock(graph);
  const graceOf = (failed: ArrayLike<number>, lost: readonly number[]): number => {
    clock.run(failed);
    let first = Number.POSITIVE_INFINITY;
    for (const e of lost) first = Math.min(first, clock.downAt[e]!);
    return first;
  };
  spofs.forEach((spof, i) => (spof.grace = graceOf([graph.index.get(spof.id)!], takesDown[i]!)));
  const members = new Map(domains.map((d) => [d.domain, d.members]));
  for (const spof of domainAnalysis.spofs) {
    const lost = domainAnalysis.takesDown.get(spof.domain)!;
    spof.grace = graceOf(members.get(spof.domain)!, lost);
  }
}
