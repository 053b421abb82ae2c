// Minimal cut sets of any order: for each entry point, the minimal sets of at most `order`
// components whose joint failure takes it down. Bottom-up over the hard dependencies in
// topological order, each service gets the family of minimal sets that take it down, as a ZBDD
// cut at `order` members: its own failure, or the loss of one of its hard requirements — a
// requirement is lost once `need` of its alternatives are down (the union over choices of the
// product of their families). The down set is the least fixed point of these rules, so a strongly
// connected component starts from its members' own failures and is iterated until no family
// changes (families only grow, and there are finitely many). Cutting at `order` is exact: a
// set's minimality depends only on its subsets, which are smaller. An entry point's single
// points of failure are conditioned out first (they never fail): no larger minimal cut set
// holds one, and without them the families stay near the size of the answer. Fault Tree Handbook
// (NUREG-0492, 1981, ch. VII) for cut sets; Rauzy 1993/2001 for computing them with diagrams.

import type { SweepPlan } from '../outage/outage-sweep.js';
import { BASE, EMPTY, Zbdd, ZbddBudgetExceeded } from './zbdd.js';

export interface CutSetOptions {
  /** The largest cut sets wanted (members). */
  order: number;
  /** Diagram nodes the search may create before it stops and says so. */
  budget: number;
  /** The services whose failure alone takes entry point e down (e itself may be among them). */
  singlesOf(e: number): ArrayLike<number>;
}

export interface EntryCutSets {
  entry: number;
  /** counts[s - 1]: minimal cut sets of s components, s = 1 .. order. */
  counts: number[];
  /** The cut sets of two or more members, in `zbdd` (variable x is service `serviceOf[x]`). */
  family: number;
}

export interface CutSetSearch {
  zbdd: Zbdd;
  /** Services by variable. */
  serviceOf: Int32Array;
  /** Entry points solved, in the order given. */
  solved: EntryCutSets[];
  /** Entry points left when the budget ran out, in the order given; none when complete. */
  unsolved: number[];
}

/** The minimal cut sets of `entries` (services), each without the entry point's own failure. */
export function minimalCutSets(
  plan: SweepPlan,
  entries: readonly number[],
  options: CutSetOptions,
): CutSetSearch {
  const builder = new FamilyBuilder(plan, options);
  const solved: EntryCutSets[] = [];
  let at = 0;
  try {
    for (; at < entries.length; at++) solved.push(builder.solve(entries[at]!));
  } catch (error) {
    if (!(error instanceof ZbddBudgetExceeded)) throw error;
  }
  const serviceOf = new Int32Array(plan.order.length);
  for (let r = 0; r < plan.order.length; r++) serviceOf[builder.variable(r)] = plan.order[r]!;
  return { zbdd: builder.zbdd, serviceOf, solved, unsolved: entries.slice(at) };
}

class FamilyBuilder {
  readonly zbdd: Zbdd;
  private readonly plan: SweepPlan;
  private readonly order: number;
  /** family[r]: the minimal sets that take rank r down, for the entry point being solved. */
  private readonly family: Int32Array;
  /** Whether family[r] is computed for the entry point being solved (= `entryEpoch`). */
  private readonly known: Int32Array;
  /** Ranks conditioned out for the entry point being solved (= `entryEpoch`). */
  private readonly never: Int32Array;
  private readonly seen: Int32Array;
  private readonly singlesOf: (e: number) => ArrayLike<number>;
  private epoch = 0;
  private entryEpoch = 0;

  constructor(plan: SweepPlan, options: CutSetOptions) {
    this.plan = plan;
    this.order = options.order;
    this.zbdd = new Zbdd(options.budget);
    this.family = new Int32Array(plan.order.length);
    this.known = new Int32Array(plan.order.length);
    this.never = new Int32Array(plan.order.length);
    this.seen = new Int32Array(plan.order.length);
    this.singlesOf = options.singlesOf;
  }

  /** Deepest services last: families of shared dependencies then share their tails. */
  variable(rank: number): number {
    return this.plan.order.length - 1 - rank;
  }

  solve(entry: number): EntryCutSets {
    const { plan, zbdd } = this;
    const r = plan.rank[entry]!;
    const epoch = ++this.entryEpoch;
    const singles = this.singlesOf(entry);
    let spofs = 0;
    for (let i = 0; i < singles.length; i++) {
      const x = singles[i]!;
      this.never[plan.rank[x]!] = epoch;
      if (x !== entry && plan.graph.services[x]!.virtual !== true) spofs++;
    }
    this.never[r] = epoch;
    this.computeBelow(r);
    const lost = this.lostFamily(r);
    const counts = zbdd.countBySize(lost, this.order).slice(1);
    counts[0] = spofs;
    return { entry, counts, family: lost };
  }

  /** Families for every rank that `top` needs along hard requirements, dependencies first. */
  private computeBelow(top: number): void {
    const region = this.hardClosure(top);
    const { component } = this.plan;
    let begin = 0;
    while (begin < region.length) {
      let end = begin + 1;
      while (end < region.length && component[region[end]!] === component[region[begin]!]) end++;
      for (let k = begin; k < end; k++) {
        this.family[region[k]!] = this.own(region[k]!);
        this.known[region[k]!] = this.entryEpoch;
      }
      for (let changed = true; changed;) {
        changed = false;
        for (let k = begin; k < end; k++) {
          const r = region[k]!;
          const next = this.downFamily(r);
          if (next !== this.family[r]) {
            this.family[r] = next;
            changed = end - begin > 1;
          }
        }
      }
      begin = end;
    }
  }

  /** Ranks reachable from `top` along hard requirements whose family is not known, ascending. */
  private hardClosure(top: number): Int32Array {
    const { reqStart, reqSoft, altStart, alts } = this.plan;
    const epoch = ++this.epoch;
    const queue = [top];
    this.seen[top] = epoch;
    for (let head = 0; head < queue.length; head++) {
      const u = queue[head]!;
      for (let q = reqStart[u]!; q < reqStart[u + 1]!; q++) {
        if (reqSoft[q]) continue;
        for (let a = altStart[q]!; a < altStart[q + 1]!; a++) {
          const w = alts[a]!;
          if (this.seen[w] === epoch || this.known[w] === this.entryEpoch) continue;
          this.seen[w] = epoch;
          queue.push(w);
        }
      }
    }
    return Int32Array.from(queue.filter((r) => this.known[r] !== this.entryEpoch)).sort();
  }

  /** {{r}} for a component, nothing for a virtual service or one conditioned out. */
  private own(r: number): number {
    const virtual = this.plan.graph.services[this.plan.order[r]!]!.virtual === true;
    if (virtual || this.never[r] === this.entryEpoch) return EMPTY;
    return this.zbdd.single(this.variable(r));
  }

  private downFamily(r: number): number {
    const zbdd = this.zbdd;
    return zbdd.minimal(zbdd.union(this.own(r), this.lostFamily(r)));
  }

  /** The minimal sets that lose one of r's hard requirements. */
  private lostFamily(r: number): number {
    const { reqStart, reqSoft, reqQuorum, altStart, alts } = this.plan;
    const zbdd = this.zbdd;
    let lost = EMPTY;
    for (let q = reqStart[r]!; q < reqStart[r + 1]!; q++) {
      if (reqSoft[q]) continue;
      const first = altStart[q]!;
      const last = altStart[q + 1]!;
      const need = last - first - reqQuorum[q]! + 1;
      // atLeast[j]: sets that take down j of the alternatives seen so far.
      const atLeast = new Int32Array(need + 1).fill(EMPTY);
      atLeast[0] = BASE;
      for (let a = first; a < last; a++) {
        const down = this.family[alts[a]!]!;
        for (let j = Math.min(need, a - first + 1); j >= 1; j--) {
          const more = zbdd.join(atLeast[j - 1]!, down, this.order);
          atLeast[j] = zbdd.minimal(zbdd.union(atLeast[j]!, more));
        }
      }
      lost = zbdd.union(lost, atLeast[need]!);
    }
    return zbdd.minimal(lost);
  }
}
