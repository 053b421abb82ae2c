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
// holds one, and without them the families stay near the size of the answer. A failure domain
// given as an event of its own (common cause) is one more member: it takes each of its services
// down, so it is in their own families beside their own failures. Fault Tree Handbook
// (NUREG-0492, 1981, ch. VII) for cut sets; Rauzy 1993/2001 for computing them with diagrams.

import type { SweepPlan } from '../outage/outage-sweep.js';
import { BASE, EMPTY, Zbdd, ZbddBudgetExceeded } from './zbdd.js';

export interface CutSetOptions {
  /** The largest cut sets wanted (members). */
  order: number;
  /** Diagram nodes the search may create before it stops and says so. */
  budget: number;
  /** Failure domains that fail as one event each: their member services. */
  domains: readonly ArrayLike<number>[];
  /**
   * The events whose failure alone takes entry point e down: services (e itself may be among
   * them) and domains (indices into `domains`).
   */
  singlesOf(e: number): SingleEvents;
}

export interface SingleEvents {
  services: ArrayLike<number>;
  domains: ArrayLike<number>;
}

export interface EntryCutSets {
  entry: number;
  /** counts[s - 1]: minimal cut sets of s members (components and domains), s = 1 .. order. */
  counts: number[];
  /**
   * The cut sets of two or more members, in `zbdd`: variable x < serviceOf.length is service
   * `serviceOf[x]`, a larger one is domain x − serviceOf.length.
   */
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
  /** Variables conditioned out for the entry point being solved (= `entryEpoch`). */
  private readonly never: Int32Array;
  /** The domains of rank r: domainsAt[domainStart[r] .. domainStart[r + 1] - 1]. */
  private readonly domainStart: Int32Array;
  private readonly domainsAt: Int32Array;
  private readonly seen: Int32Array;
  private readonly singlesOf: (e: number) => SingleEvents;
  private epoch = 0;
  private entryEpoch = 0;

  constructor(plan: SweepPlan, options: CutSetOptions) {
    this.plan = plan;
    this.order = options.order;
    this.zbdd = new Zbdd(options.budget);
    this.family = new Int32Array(plan.order.length);
    this.known = new Int32Array(plan.order.length);
    this.never = new Int32Array(plan.order.length + options.domains.length);
    this.seen = new Int32Array(plan.order.length);
    this.singlesOf = options.singlesOf;
    [this.domainStart, this.domainsAt] = domainsByRank(plan, options.domains);
  }

  /** Deepest services last: families of shared dependencies then share their tails. */
  variable(rank: number): number {
    return this.plan.order.length - 1 - rank;
  }

  /** Domains after every service. */
  private domainVariable(d: number): number {
    return this.plan.order.length + d;
  }

  solve(entry: number): EntryCutSets {
    const { plan, zbdd } = this;
    const r = plan.rank[entry]!;
    const epoch = ++this.entryEpoch;
    const singles = this.singlesOf(entry);
    let spofs = singles.domains.length;
    for (let i = 0; i < singles.services.length; i++) {
      const x = singles.services[i]!;
      this.never[this.variable(plan.rank[x]!)] = epoch;
      if (x !== entry && plan.graph.services[x]!.virtual !== true) spofs++;
    }
    for (let i = 0; i < singles.domains.length; i++)
      this.never[this.domainVariable(singles.domains[i]!)] = epoch;
    this.never[this.variable(r)] = epoch;
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

  /**
   * The events that take rank r down by themselves: {r} for a component (not for a virtual
   * service), {d} for each of its domains; none that is conditioned out.
   */
  private own(r: number): number {
    const { zbdd, never, entryEpoch } = this;
    const virtual = this.plan.graph.services[this.plan.order[r]!]!.virtual === true;
    const x = this.variable(r);
    let own = virtual || never[x] === entryEpoch ? EMPTY : zbdd.single(x);
    for (let k = this.domainStart[r]!; k < this.domainStart[r + 1]!; k++) {
      const y = this.domainVariable(this.domainsAt[k]!);
      if (never[y] !== entryEpoch) own = zbdd.union(own, zbdd.single(y));
    }
    return own;
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

/** The domains of each rank, as compressed rows: [start, domains]. */
function domainsByRank(
  plan: SweepPlan,
  domains: readonly ArrayLike<number>[],
): [Int32Array, Int32Array] {
  const start = new Int32Array(plan.order.length + 1);
  for (const members of domains) {
    for (let i = 0; i < members.length; i++) start[plan.rank[members[i]!]! + 1]!++;
  }
  for (let r = 0; r < plan.order.length; r++) start[r + 1]! += start[r]!;
  const fill = start.slice(0, plan.order.length);
  const at = new Int32Array(start[plan.order.length]!);
  domains.forEach((members, d) => {
    for (let i = 0; i < members.length; i++) at[fill[plan.rank[members[i]!]!]!++] = d;
  });
  return [start, at];
}
