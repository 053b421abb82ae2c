// The minimal cut sets of `analyze --order N` as the result shows them: per entry point in focus,
// how many of each order (exact while the budget lasts), and the sets that the SPOFs and the
// pairs do not already list — of order three and more, or with a failure domain that is an event
// of its own (`domains:`) — with the entry points each takes down. The single failures are known
// already (the sweeps): they are order one, and conditioned out. Order two alone needs no diagram
// (order-two-cut-sets.ts).

import type { CutSetEntry, CutSets, LargerCutSet } from '../analysis-result.js';
import type { FailureDomain } from '../outage/failure-domains.js';
import type { SweepPlan } from '../outage/outage-sweep.js';
import { ListedCutSets } from './listed-cut-sets.js';
import { minimalCutSets, type CutSetSearch } from './minimal-cut-sets.js';

/** Cut sets listed at most (with their entry points); beyond, only their counts are given. */
export const LISTED_CUT_SETS = 100_000;

/** What the diagram search is given beside the graph. */
export interface CutSetRequest {
  order: number;
  budget: number;
  /** takesDown[x]: the entry points (in focus) service x takes down alone. */
  takesDown: ReadonlyArray<readonly number[] | undefined>;
  /** Failure domains that are events of their own (the manifest's `domains:`), by name. */
  domains: readonly FailureDomain[];
  /** The entry points (in focus) each domain takes down alone, by domain name. */
  domainTakesDown: ReadonlyMap<string, readonly number[]>;
  /** Sets listed at most (LISTED_CUT_SETS). */
  listed: number;
}

export function cutSetReport(
  plan: SweepPlan,
  entries: readonly number[],
  request: CutSetRequest,
): CutSets {
  const { order, budget, domains } = request;
  const { ids } = plan.graph;
  const byId = [...entries].sort((a, b) => (ids[a]! < ids[b]! ? -1 : ids[a]! > ids[b]! ? 1 : 0));
  // Dependencies first: entry points low in the graph share their families with the rest.
  const byRank = [...entries].sort((a, b) => plan.rank[a]! - plan.rank[b]!);
  const singles = singleEvents(entries, request);
  const search = minimalCutSets(plan, byRank, {
    order,
    budget,
    domains: domains.map((d) => d.members),
    singlesOf: (e) => singles.get(e)!,
  });
  const counts = new Map(search.solved.map((s) => [s.entry, s.counts]));
  const entrypoints: CutSetEntry[] = byId.map((e) => ({
    id: ids[e]!,
    counts: counts.get(e) ?? null,
  }));
  const listing = new SetListing(search, ids, domains);
  const sets = listing.count(singles) > request.listed ? null : listing.list(singles);
  return {
    order,
    budget,
    complete: search.unsolved.length === 0,
    nodes: search.zbdd.size,
    domains: domains.map((d) => d.domain),
    entrypoints,
    sets,
  };
}

/** The services and the domains that take each entry point down alone. */
function singleEvents(
  entries: readonly number[],
  request: CutSetRequest,
): Map<number, { services: number[]; domains: number[] }> {
  const singles = new Map(
    entries.map((e) => [e, { services: [] as number[], domains: [] as number[] }]),
  );
  request.takesDown.forEach((down, x) => {
    for (const e of down ?? []) singles.get(e)?.services.push(x);
  });
  request.domains.forEach((d, k) => {
    for (const e of request.domainTakesDown.get(d.domain) ?? []) singles.get(e)?.domains.push(k);
  });
  return singles;
}

/**
 * The sets that neither `spofs` nor `pairs` list: three or more members, or a domain among them;
 * with their entry points, most entry points first, then fewer members, then names.
 */
class SetListing {
  /** Variables from here on are domains. */
  private readonly firstDomain: number;

  constructor(
    private readonly search: CutSetSearch,
    private readonly ids: readonly string[],
    private readonly domains: readonly FailureDomain[],
  ) {
    this.firstDomain = search.serviceOf.length;
  }

  /** How many (set, entry point) the list would hold, without listing them. */
  count(singles: ReadonlyMap<number, { domains: readonly number[] }>): number {
    let total = 0;
    for (const { entry, counts, family } of this.search.solved) {
      for (let k = 2; k < counts.length; k++) total += counts[k]!;
      if (this.domains.length === 0 || counts.length < 2) continue;
      const ofComponents = this.search.zbdd.countBySize(family, 2, this.firstDomain)[2]!;
      total += counts[1]! - ofComponents + singles.get(entry)!.domains.length;
    }
    return total;
  }

  list(singles: ReadonlyMap<number, { domains: readonly number[] }>): LargerCutSet[] {
    const listed = new ListedCutSets();
    for (const { entry, family } of this.search.solved) {
      const id = this.ids[entry]!;
      for (const d of singles.get(entry)!.domains) listed.add([], [this.domains[d]!.domain], id);
      this.search.zbdd.forEachSet(family, (members) => {
        const last = members[members.length - 1]!;
        if (members.length < 3 && last < this.firstDomain) return;
        listed.add(...this.names(members), id);
      });
    }
    return listed.sorted();
  }

  /** A set's components and domains by name, each sorted. */
  private names(members: readonly number[]): [string[], string[]] {
    const ids: string[] = [];
    const domains: string[] = [];
    for (const x of members) {
      if (x < this.firstDomain) ids.push(this.ids[this.search.serviceOf[x]!]!);
      else domains.push(this.domains[x - this.firstDomain]!.domain);
    }
    return [ids.sort(), domains.sort()];
  }
}
