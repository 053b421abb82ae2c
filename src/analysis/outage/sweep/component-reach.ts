// For every service: how many services reach it (itself included). Members of one strongly
// connected component share the count, so it is taken per component: a component nothing else
// depends on is reached by its members alone; one with a single dependent component d by its
// members and whatever reaches d (disjoint, the condensation being acyclic); the others by the
// bit-parallel passes of graph/reach-counts.ts, chunked in failure order.

import { condense, type Condensation } from '../../graph/reach-counts.js';
import type { RankedGraph } from '../ranked-graph.js';

const condensations = new WeakMap<RankedGraph, Condensation>();

/** The plan's condensation (one node per strongly connected component), computed once. */
export function condensationOf(plan: RankedGraph): Condensation {
  let condensation = condensations.get(plan);
  if (!condensation) {
    condensation = condense(plan.component, plan.dependentStart, plan.dependents);
    condensations.set(plan, condensation);
  }
  return condensation;
}

export interface ComponentReach {
  readonly condensation: Condensation;
  /** The components the passes count, in pass order. */
  readonly counted: Int32Array;
  /** position[c]: where component c is in `counted`, or -1. */
  readonly position: Int32Array;
}

/** The components that need a pass: those with two or more dependent components. */
export function componentsToCount(plan: RankedGraph, order: Int32Array): ComponentReach {
  const condensation = condensationOf(plan);
  const { count, dependentStart } = condensation;
  const counted = new Int32Array(count);
  const position = new Int32Array(count).fill(-1);
  let passes = 0;
  for (const x of order) {
    const c = condensation.of[plan.rank[x]!]!;
    if (position[c] !== -1 || dependentStart[c + 1]! - dependentStart[c]! < 2) continue;
    position[c] = passes;
    counted[passes++] = c;
  }
  return { condensation, counted: counted.subarray(0, passes), position };
}

/** Reach per service, from the passes' counts (by position in `counted`). */
export function reachOfServices(
  plan: RankedGraph,
  { condensation, position }: ComponentReach,
  counts: Int32Array,
): Int32Array {
  const { count, size, dependentStart, dependents } = condensation;
  const byComponent = new Int32Array(count);
  // Dependents come later in the condensation: from the last component back, each is known
  // before anything it depends on needs it.
  for (let c = count - 1; c >= 0; c--) {
    const first = dependentStart[c]!;
    const last = dependentStart[c + 1]!;
    if (last === first) byComponent[c] = size[c]!;
    else if (last - first === 1) byComponent[c] = size[c]! + byComponent[dependents[first]!]!;
    else byComponent[c] = counts[position[c]!]!;
  }
  const n = plan.order.length;
  const reach = new Int32Array(n);
  for (let x = 0; x < n; x++) reach[x] = byComponent[condensation.of[plan.rank[x]!]!]!;
  return reach;
}
