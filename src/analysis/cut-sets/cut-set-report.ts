// The minimal cut sets of `analyze --order N` as the result shows them: per entry point in focus,
// how many of each order (exact while the budget lasts), and the sets of order three and more
// with the entry points each takes down (orders one and two are the SPOFs and the pairs).

import type { CutSetEntry, CutSets } from '../analysis-result.js';
import type { SweepPlan } from '../outage/outage-sweep.js';
import { minimalCutSets } from './minimal-cut-sets.js';

/** Diagram nodes the cut-set search may create by default (`--cut-budget`). */
export const DEFAULT_CUT_BUDGET = 4_000_000;

/** Sets of order three and more listed at most; beyond, only their counts are given. */
export const LISTED_CUT_SETS = 100_000;

export function cutSetReport(
  plan: SweepPlan,
  entries: readonly number[],
  order: number,
  budget: number,
  listed = LISTED_CUT_SETS,
): CutSets {
  const { ids } = plan.graph;
  const byId = [...entries].sort((a, b) => (ids[a]! < ids[b]! ? -1 : ids[a]! > ids[b]! ? 1 : 0));
  // Dependencies first: entry points low in the graph share their families with the rest.
  const byRank = [...entries].sort((a, b) => plan.rank[a]! - plan.rank[b]!);
  const search = minimalCutSets(plan, byRank, { order, budget });
  const counts = new Map(search.solved.map((s) => [s.entry, s.counts]));
  const entrypoints: CutSetEntry[] = byId.map((e) => ({
    id: ids[e]!,
    counts: counts.get(e) ?? null,
  }));
  let larger = 0;
  for (const s of search.solved) for (let k = 2; k < order; k++) larger += s.counts[k]!;
  const sets = larger > listed ? null : listLarger(search, ids);
  return {
    order,
    budget,
    complete: search.unsolved.length === 0,
    nodes: search.zbdd.size,
    entrypoints,
    sets,
  };
}

/** Sets of three or more members, with their entry points; most entry points first, then ids. */
function listLarger(
  search: ReturnType<typeof minimalCutSets>,
  ids: readonly string[],
): CutSets['sets'] {
  const takes = new Map<string, { ids: string[]; takesDown: string[] }>();
  for (const { entry, family } of search.solved) {
    search.zbdd.forEachSet(family, (members) => {
      if (members.length < 3) return;
      const names = members.map((x) => ids[search.serviceOf[x]!]!).sort();
      const key = names.join('\n');
      let found = takes.get(key);
      if (found === undefined) takes.set(key, (found = { ids: names, takesDown: [] }));
      found.takesDown.push(ids[entry]!);
    });
  }
  const list = [...takes.values()];
  for (const s of list) s.takesDown.sort();
  const compare = (a: string[], b: string[]) => {
    for (let i = 0; i < Math.min(a.length, b.length); i++) {
      if (a[i] !== b[i]) return a[i]! < b[i]! ? -1 : 1;
    }
    return a.length - b.length;
  };
  return list.sort(
    (a, b) =>
      b.takesDown.length - a.takesDown.length ||
      a.ids.length - b.ids.length ||
      compare(a.ids, b.ids),
  );
}
