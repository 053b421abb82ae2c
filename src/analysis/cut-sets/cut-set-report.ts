// The minimal cut sets of `analyze --order N` as the result shows them: per entry point in focus,
// how many of each order (exact while the budget lasts), and the sets of order three and more
// with the entry points each takes down (orders one and two are the SPOFs and the pairs). The
// single failures are known already (the sweep): they are order one, and conditioned out.
// Order two alone comes from the pair search, which is exact and usually much faster.

import type { AnalysisResult, CutSetEntry, CutSets } from '../analysis-result.js';
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
  takesDown: ReadonlyArray<readonly number[] | undefined>,
  listed = LISTED_CUT_SETS,
): CutSets {
  const { ids } = plan.graph;
  const byId = [...entries].sort((a, b) => (ids[a]! < ids[b]! ? -1 : ids[a]! > ids[b]! ? 1 : 0));
  // Dependencies first: entry points low in the graph share their families with the rest.
  const byRank = [...entries].sort((a, b) => plan.rank[a]! - plan.rank[b]!);
  const singles = new Map<number, number[]>(entries.map((e) => [e, []]));
  takesDown.forEach((down, x) => {
    for (const e of down ?? []) singles.get(e)?.push(x);
  });
  const singlesOf = (e: number) => singles.get(e)!;
  const search = minimalCutSets(plan, byRank, { order, budget, singlesOf });
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

/**
 * Order two needs no diagram: the counts are the SPOFs and the pairs of each entry point (the
 * pair search is exact and usually much faster); incomplete when the pair search was.
 */
export function cutSetsOfOrderTwo(
  plan: SweepPlan,
  entries: readonly number[],
  budget: number,
  takesDown: ReadonlyArray<readonly number[] | undefined>,
  found: Pick<AnalysisResult, 'pairs' | 'pairSearch'>,
): CutSets {
  const { ids, services } = plan.graph;
  const complete = found.pairSearch!.components.complete;
  const counts = new Map(entries.map((e) => [ids[e]!, [0, 0]]));
  takesDown.forEach((down, x) => {
    if (services[x]!.virtual === true) return;
    for (const e of down ?? []) if (e !== x) counts.get(ids[e]!)![0]!++;
  });
  for (const pair of found.pairs!) for (const e of pair.takesDown) counts.get(e)![1]!++;
  const entrypoints = [...counts.keys()]
    .sort()
    .map((id) => ({ id, counts: complete ? counts.get(id)! : null }));
  return { order: 2, budget, complete, nodes: 0, entrypoints, sets: [] };
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
