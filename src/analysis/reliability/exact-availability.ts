// Exact availability of an entry point: its structure function built as a BDD and weighed.
// up(e) = (∧ of the variables of e's series closure) ∧ (∧ of the redundancy groups it owns), and
// a group is "at least quorum of its alternatives up", each alternative again a closure. The
// groups' functions are the greatest fixed point of these equations (Bekić: solving the series
// part first keeps the greatest fixed point), found per strongly connected component of the
// group graph by iterating from "true" until no function changes (at most one round per member
// and one more: each round that changes takes some state of some member from up to down).
// The entry point's single points of failure are conditioned out first: A = Π p(SPOF) × P(rest).

import { Bdd, BddBudgetExceeded, probability, support, TRUE } from './bdd.js';
import {
  SeriesClosures,
  WorkBudgetExceeded,
  type ReliabilityModel,
  type SeriesClosure,
} from './model.js';
import { stronglyConnectedComponents } from '../graph/strongly-connected-components.js';

export interface ExactBudget {
  /** Nodes one BDD manager may hold; an entry point that needs more is sampled instead. */
  nodes: number;
  /** Nodes created over all managers, after which no more is tried exactly. */
  totalNodes: number;
  /** Services visited by the series closures, in total. */
  closureWork: number;
  /** Entry points in a row beyond the budget after which no more is tried exactly. */
  failuresInARow: number;
}

export const EXACT_BUDGET: ExactBudget = {
  nodes: 1 << 18,
  totalNodes: 1 << 21,
  closureWork: 20_000_000,
  failuresInARow: 3,
};

export interface ExactAvailability {
  value: number;
  /** 1 − value, computed without cancellation (see probability's `complement`). */
  unavailability: number;
  /** Variables (levels) whose failure alone takes e down: A(e | x down) = 0 for each. */
  series: Int32Array;
  /** P(all of them up). */
  seriesUp: number;
  /** ∂A/∂p for each other variable that e depends on. */
  derivative: Map<number, number>;
}

/** Exact availabilities of entry points, sharing one BDD manager while it has room. */
export class ExactSolver {
  private readonly model: ReliabilityModel;
  private readonly budget: ExactBudget;
  readonly closures: SeriesClosures;
  private bdd: Bdd;
  private spent = 0;
  private exhausted = false;
  private failures = 0;
  /** Per manager: the function of each solved redundancy group, and of each alternative. */
  private groupFn = new Map<number, number>();
  private altFn = new Map<number, number>();
  /** Levels conditioned to "up" for the entry point being solved. */
  private fixed = new Set<number>();
  /** The groups of the component being solved, while their functions are provisional. */
  private provisional: Set<number> | null = null;

  constructor(model: ReliabilityModel, budget: ExactBudget = EXACT_BUDGET) {
    this.model = model;
    this.budget = budget;
    this.closures = new SeriesClosures(model, budget.closureWork);
    this.bdd = new Bdd(budget.nodes);
  }

  /**
   * A(e) exactly, or undefined when it is beyond the budget. `spofs`: levels of components
   * whose failure alone takes e down (any subset of them is correct; all of them is fastest):
   * A(e) = Π p over them × P(up(e) | they are up), and conditioning shrinks the BDD.
   */
  availability(e: number, spofs: ArrayLike<number> = []): ExactAvailability | undefined {
    if (this.exhausted) return undefined;
    for (let attempt = 0; attempt < 2; attempt++) {
      const fresh = this.bdd.size === 2;
      try {
        const result = this.solveEntry(e, spofs);
        this.failures = 0;
        return result;
      } catch (error) {
        if (error instanceof WorkBudgetExceeded) {
          this.exhausted = true;
          return undefined;
        }
        if (!(error instanceof BddBudgetExceeded)) throw error;
        this.reset();
        if (fresh || this.exhausted) break;
      }
    }
    if (++this.failures >= this.budget.failuresInARow) this.exhausted = true;
    return undefined;
  }

  private reset(): void {
    this.spent += this.bdd.size;
    if (this.spent >= this.budget.totalNodes) this.exhausted = true;
    this.bdd = new Bdd(
      Math.min(this.budget.nodes, Math.max(0, this.budget.totalNodes - this.spent)),
    );
    this.groupFn = new Map();
    this.altFn = new Map();
    this.provisional = null;
  }

  private solveEntry(e: number, spofs: ArrayLike<number>): ExactAvailability {
    const { up, down, serviceAt } = this.model;
    const closure = this.closures.of(e);
    // The groups' functions depend on what is conditioned: memoized for one entry point only.
    this.groupFn = new Map();
    this.altFn = new Map();
    this.fixed = new Set(closure.levels);
    for (let i = 0; i < spofs.length; i++) this.fixed.add(spofs[i]!);
    this.solveGroups(closure.groups);
    const series = Int32Array.from(this.fixed).sort();
    let seriesUp = 1;
    // log P(all up) = Σ log1p(−down): the unavailability follows by expm1, digits intact.
    let logUp = 0;
    for (const l of series) {
      seriesUp *= up[serviceAt[l]!]!;
      logUp += Math.log1p(-down[serviceAt[l]!]!);
    }
    // Groups that share no variable are independent: one BDD and one product term per cluster.
    const weighed = this.clusters(closure.groups).map((fs) => {
      let h = TRUE;
      for (const f of fs) h = this.bdd.and(h, f);
      return probability(
        this.bdd,
        h,
        (l) => up[serviceAt[l]!]!,
        (l) => down[serviceAt[l]!]!,
      );
    });
    const rest = weighed.reduce((product, c) => product * c.value, 1);
    for (const cluster of weighed) logUp += Math.log1p(-cluster.complement);
    const derivative = new Map<number, number>();
    for (const cluster of weighed) {
      const others = seriesUp * (rest / cluster.value);
      for (const [l, d] of cluster.derivative) derivative.set(l, others * d);
    }
    return {
      value: seriesUp * rest,
      unavailability: -Math.expm1(logUp),
      series,
      seriesUp,
      derivative,
    };
  }

  /**
   * The distinct functions of `groups`, in clusters of functions linked by shared variables,
   * each cluster's functions ordered by their top variable, clusters by their first one.
   */
  private clusters(groups: ArrayLike<number>): number[][] {
    const fs = [...new Set(Array.from(groups, (r) => this.groupFn.get(r)!))].filter(
      (f) => f !== TRUE,
    );
    const parent = fs.map((_, i) => i);
    const find = (i: number): number => {
      while (parent[i] !== i) i = parent[i] = parent[parent[i]!]!;
      return i;
    };
    const owner = new Map<number, number>();
    fs.forEach((f, i) => {
      for (const level of support(this.bdd, f)) {
        const j = owner.get(level);
        if (j === undefined) owner.set(level, i);
        else parent[find(i)] = find(j);
      }
    });
    const byRoot = new Map<number, number[]>();
    for (let i = 0; i < fs.length; i++) {
      const root = find(i);
      if (!byRoot.has(root)) byRoot.set(root, []);
      byRoot.get(root)!.push(fs[i]!);
    }
    const top = (f: number) => this.bdd.levelOf(f);
    return [...byRoot.values()]
      .map((cluster) => cluster.sort((a, b) => top(a) - top(b)))
      .sort((a, b) => top(a[0]!) - top(b[0]!));
  }

  /** Solves every redundancy group that `roots` need and that this manager has not solved. */
  private solveGroups(roots: ArrayLike<number>): void {
    const { groups, start, targets } = this.groupGraph(roots);
    if (groups.length === 0) return;
    const { components } = stronglyConnectedComponents(groups.length, start, targets);
    // Dependencies first: a component's successors are all solved before it.
    for (const members of components) {
      const ids = members.map((i) => groups[i]!);
      const selfLoop =
        members.length === 1 &&
        targets.subarray(start[members[0]!]!, start[members[0]! + 1]!).includes(members[0]!);
      for (const r of ids) this.groupFn.set(r, TRUE);
      // Alternatives that depend on this component's provisional functions are not memoized.
      this.provisional = members.length > 1 || selfLoop ? new Set(ids) : null;
      let changed = true;
      while (changed) {
        changed = false;
        for (const r of ids) {
          const f = this.groupFunction(r);
          if (f !== this.groupFn.get(r)) {
            this.groupFn.set(r, f);
            changed = true;
          }
        }
        if (this.provisional === null) break;
      }
      this.provisional = null;
    }
  }

  /** The unsolved groups reachable from `roots` through alternatives' closures, as a graph. */
  private groupGraph(roots: ArrayLike<number>) {
    const index = new Map<number, number>();
    const groups: number[] = [];
    const edges: number[][] = [];
    const visit = (r: number) => {
      if (this.groupFn.has(r) || index.has(r)) return;
      index.set(r, groups.length);
      groups.push(r);
    };
    for (let i = 0; i < roots.length; i++) visit(roots[i]!);
    const { altStart, alts } = this.model.graph;
    for (let head = 0; head < groups.length; head++) {
      const next: number[] = [];
      for (let a = altStart[groups[head]!]!; a < altStart[groups[head]! + 1]!; a++) {
        for (const g of this.closures.of(alts[a]!).groups) {
          visit(g);
          if (index.has(g)) next.push(index.get(g)!);
        }
      }
      edges.push(next);
    }
    const start = new Int32Array(groups.length + 1);
    for (let i = 0; i < groups.length; i++) start[i + 1] = start[i]! + edges[i]!.length;
    return { groups, start, targets: Int32Array.from(edges.flat()) };
  }

  /** "At least quorum of r's alternatives up", from the groups' current functions. */
  private groupFunction(r: number): number {
    const { altStart, alts, reqQuorum } = this.model.graph;
    const fs: number[] = [];
    for (let a = altStart[r]!; a < altStart[r + 1]!; a++) fs.push(this.alternative(alts[a]!));
    return this.bdd.atLeast(reqQuorum[r]!, fs);
  }

  /** up(a): the conjunction of its closure's variables and of its groups' functions. */
  private alternative(a: number): number {
    const known = this.altFn.get(a);
    if (known !== undefined) return known;
    const closure: SeriesClosure = this.closures.of(a);
    let f = this.bdd.conjunction(closure.levels.filter((l) => !this.fixed.has(l)));
    let stable = true;
    for (const g of closure.groups) {
      f = this.bdd.and(f, this.groupFn.get(g)!);
      if (this.provisional?.has(g)) stable = false;
    }
    if (stable) this.altFn.set(a, f);
    return f;
  }
}
