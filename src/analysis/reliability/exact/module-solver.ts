// Exact probabilities of the modules of a fault structure, inputs first, each module once for
// every root that needs it. A module is a function of its leaves (events, and the modules just
// below it, independent of each other by definition), solved in closed form when it is one AND
// or at-least-k gate over distinct leaves, else as a BDD over its own gates with its leaves as
// variables, in the order of variable-order.ts (Rauzy, "New algorithms for fault trees
// analysis", 1993). Each solution keeps ∂P/∂leaf, so the Birnbaum importance of any event for
// any root is a product along the module tree (the chain rule).

import { Bdd, BddBudgetExceeded, probability, TRUE } from './bdd.js';
import type { Modules } from './modules.js';
import { RefMarks } from './ref-marks.js';
import { AND, CYCLE, type FaultStructure, type Ref } from '../structure.js';
import { variableOrder } from './variable-order.js';

export interface ModuleSolution {
  /** P(up) and P(down), the latter with its own digits. */
  p: number;
  q: number;
  /** Leaves (events as −1 − x, module gates) and ∂p/∂(their p). */
  leaves: Int32Array;
  derivative: Float64Array;
}

export interface SolverBudget {
  /** Nodes one module's BDD may hold. */
  nodes: number;
  /** Nodes over all modules' BDDs, after which a module that needs a BDD is left unsolved. */
  totalNodes: number;
}

export const SOLVER_BUDGET: SolverBudget = { nodes: 1 << 22, totalNodes: 1 << 24 };

/**
 * The budget for `roots` entry points: one root may use all of SOLVER_BUDGET.nodes in one BDD
 * (a fault tree), many share it (a service graph, where a cluster that large is better sampled
 * than waited for), never below 2^16 nodes each.
 */
export function budgetFor(roots: number): SolverBudget {
  const share = Math.floor(SOLVER_BUDGET.nodes / Math.max(1, roots));
  return { ...SOLVER_BUDGET, nodes: Math.max(1 << 16, share) };
}

/** Inputs of a closed-form at-least-k gate beyond which its BDD is cheaper. */
const CLOSED_FORM_WIDTH = 64;

export class ModuleSolver {
  /** solution[g] for each solved unit; undefined when unsolved (beyond the budget). */
  readonly solution: (ModuleSolution | undefined)[];
  private spent = 0;
  /** Per gate, the BDD node of its function in the module being solved (valid when stamped). */
  private readonly fn: Int32Array;
  private readonly stamp: Int32Array;
  private epoch = 0;
  /** Cluster solutions by their tops and the series leaves fixed in them. */
  private readonly memo = new Map<string, ModuleSolution>();
  /** The leaves of the unit being solved that it needs in series (fixed up in its clusters). */
  private readonly inSeries: RefMarks;
  /** Leaves met, and series leaves met, by the walk of one cluster. */
  private readonly leafMet: RefMarks;
  private readonly fixedMet: RefMarks;
  /** Scratch of combine: each part's P, and the product of the others'. */
  private factors = new Float64Array(16);
  private others = new Float64Array(16);
  /**
   * Leaves of the smallest cluster whose BDD went beyond the budget: a cluster at least half as
   * large is sampled without trying, so a graph of many similar entry points pays about once.
   */
  private failedAt = Infinity;

  constructor(
    private readonly structure: FaultStructure,
    private readonly modules: Modules,
    private readonly budget: SolverBudget = SOLVER_BUDGET,
  ) {
    const gates = structure.kind.length;
    this.solution = new Array<ModuleSolution | undefined>(gates);
    this.fn = new Int32Array(gates);
    this.stamp = new Int32Array(gates);
    const events = structure.events.length;
    this.inSeries = new RefMarks(gates, events);
    this.leafMet = new RefMarks(gates, events);
    this.fixedMet = new RefMarks(gates, events);
  }

  /** Solves every module, inputs first. */
  solveModules(): void {
    for (const g of this.modules.postorder) if (this.modules.isModule[g]) this.solve(g);
  }

  /**
   * Solves gate g as a unit (a module, or a root that shares parts with other roots). What g
   * needs in series (leaves reached through AND gates only) is factored out:
   * P(g) = Π p(series) × P(the rest | the series leaves up), and that rest falls apart into
   * clusters of gates that share nothing once those leaves are fixed, each its own BDD,
   * remembered for every unit that meets the same cluster under the same conditions.
   */
  solve(g: number): ModuleSolution | undefined {
    if (this.solution[g] !== undefined) return this.solution[g];
    // A budget of nothing: every entry point that can fail is sampled.
    if (this.budget.nodes <= 0) return undefined;
    const split = this.seriesSplit(g);
    if (split === undefined) return undefined;
    const parts: ModuleSolution[] = [];
    const { complex } = split;
    if (complex.length === 1) {
      const part = this.cluster(complex, this.inSeries);
      if (part === undefined) return undefined;
      parts.push(part);
    } else
      for (const cluster of this.clusters(complex, this.inSeries)) {
        const part = this.cluster(cluster, this.inSeries);
        if (part === undefined) return undefined;
        parts.push(part);
      }
    this.solution[g] = this.combine(split.series, parts);
    return this.solution[g];
  }

  /** P and Q of a leaf. */
  private leaf(c: Ref): [number, number] {
    if (c < 0) {
      const e = this.structure.events[-1 - c]!;
      return [e.up, e.down];
    }
    const s = this.solution[c]!;
    return [s.p, s.q];
  }

  private isLeaf(c: Ref): boolean {
    return c < 0 || this.modules.isModule[c] === 1;
  }

  /**
   * The leaves g needs in series (through AND gates of its own only), and the other gates so
   * reached; undefined when a module it needs is unsolved.
   */
  private seriesSplit(g: number) {
    const { kind, childStart, children } = this.structure;
    const epoch = ++this.epoch;
    const series: Ref[] = [];
    const { inSeries } = this;
    inSeries.clear();
    const complex: number[] = [];
    const stack = [g];
    this.stamp[g] = epoch;
    while (stack.length > 0) {
      const h = stack.pop()!;
      if (kind[h] !== AND) {
        complex.push(h);
        continue;
      }
      for (let j = childStart[h]!; j < childStart[h + 1]!; j++) {
        const c = children[j]!;
        if (this.isLeaf(c)) {
          if (c >= 0 && c !== g && this.solution[c] === undefined) return undefined;
          if (c >= 0 && c === g) continue;
          if (inSeries.add(c)) series.push(c);
        } else if (this.stamp[c] !== epoch) {
          this.stamp[c] = epoch;
          stack.push(c);
        }
      }
    }
    return { series, complex };
  }

  /**
   * The complex gates in groups that share a gate or a leaf below them (the series leaves,
   * fixed up, count as shared by nobody), each group's tops in the order given.
   */
  private clusters(complex: readonly number[], inSeries: RefSet): number[][] {
    if (complex.length <= 1) return complex.length === 0 ? [] : [[...complex]];
    const { childStart, children } = this.structure;
    const epoch = ++this.epoch;
    const parent = complex.map((_, i) => i);
    const find = (i: number): number => {
      while (parent[i] !== i) i = parent[i] = parent[parent[i]!]!;
      return i;
    };
    const ownerOf = new Map<number, number>();
    const meet = (key: number, i: number) => {
      const j = ownerOf.get(key);
      if (j === undefined) ownerOf.set(key, i);
      else parent[find(i)] = find(j);
    };
    complex.forEach((top, i) => {
      const stack = [top];
      if (this.stamp[top] === epoch) meet(top, i);
      this.stamp[top] = epoch;
      ownerOf.set(top, find(i));
      while (stack.length > 0) {
        const h = stack.pop()!;
        for (let j = childStart[h]!; j < childStart[h + 1]!; j++) {
          const c = children[j]!;
          if (inSeries.has(c)) continue;
          // Leaves are keyed below −1 so they never collide with gate numbers.
          if (this.isLeaf(c)) meet(c < 0 ? c : -0x40000000 - c, i);
          else if (this.stamp[c] === epoch) meet(c, i);
          else {
            this.stamp[c] = epoch;
            ownerOf.set(c, i);
            stack.push(c);
          }
        }
      }
    });
    const byRoot = new Map<number, number[]>();
    complex.forEach((top, i) => {
      const root = find(i);
      if (!byRoot.has(root)) byRoot.set(root, []);
      byRoot.get(root)!.push(top);
    });
    return [...byRoot.values()];
  }

  /** P(all of `tops` up | the series leaves up), by closed form or BDD, remembered. */
  private cluster(tops: readonly number[], inSeries: RefSet) {
    const unit = this.unit(tops, inSeries);
    // A module below that is beyond the budget leaves this cluster unsolved too.
    if (unit.leaves.some((c) => c >= 0 && this.solution[c] === undefined)) return undefined;
    const key = `${tops.join(',')}|${unit.fixed.join(',')}`;
    const known = this.memo.get(key);
    if (known !== undefined) return known;
    const solved =
      (tops.length === 1 && unit.gates.length === 1 && unit.fixed.length === 0
        ? this.closedForm(tops[0]!)
        : undefined) ?? this.diagram(tops, unit.gates, unit.leaves, inSeries);
    if (solved !== undefined) this.memo.set(key, solved);
    return solved;
  }

  /**
   * The gates below `tops` in postorder (inputs first), stopping at leaves; the leaves in the
   * order a depth-first walk first meets them; and the series leaves met (fixed up).
   */
  private unit(tops: readonly number[], inSeries: RefSet) {
    const { childStart, children } = this.structure;
    const epoch = ++this.epoch;
    const gates: number[] = [];
    const leaves: Ref[] = [];
    const fixed: Ref[] = [];
    const { leafMet, fixedMet } = this;
    leafMet.clear();
    fixedMet.clear();
    for (const top of tops) {
      if (this.stamp[top] === epoch) continue;
      this.stamp[top] = epoch;
      const stack = [top];
      const cursor = [childStart[top]!];
      while (stack.length > 0) {
        const at = stack.length - 1;
        const h = stack[at]!;
        if (cursor[at]! === childStart[h + 1]!) {
          stack.pop();
          cursor.pop();
          gates.push(h);
          continue;
        }
        const c = children[cursor[at]!]!;
        cursor[at]!++;
        if (inSeries.has(c)) {
          if (fixedMet.add(c)) fixed.push(c);
        } else if (this.isLeaf(c)) {
          if (leafMet.add(c)) leaves.push(c);
        } else if (this.stamp[c] !== epoch) {
          this.stamp[c] = epoch;
          stack.push(c);
          cursor.push(childStart[c]!);
        }
      }
    }
    return { gates, leaves, fixed: fixed.sort((x, y) => x - y) };
  }

  /** An AND or at-least-k gate over distinct leaves, else undefined. */
  private closedForm(g: number): ModuleSolution | undefined {
    const { kind, childStart, children } = this.structure;
    if (kind[g] === CYCLE) return undefined;
    const leaves = children.slice(childStart[g]!, childStart[g + 1]!);
    if (new Set(leaves).size !== leaves.length) return undefined;
    const ps = Array.from(leaves, (c) => this.leaf(c));
    if (kind[g] === AND) return andOf(leaves, ps);
    if (leaves.length > CLOSED_FORM_WIDTH) return undefined;
    return atLeastOf(this.structure.k[g]!, leaves, ps);
  }

  /** AND of `tops` by a BDD over their leaves, series leaves fixed up; undefined beyond the budget. */
  private diagram(
    tops: readonly number[],
    gates: readonly number[],
    leaves: readonly Ref[],
    inSeries: RefSet,
  ): ModuleSolution | undefined {
    const room = Math.min(this.budget.nodes, this.budget.totalNodes - this.spent);
    if (room <= 0 || 2 * leaves.length >= this.failedAt) return undefined;
    const bdd = new Bdd(room, 64);
    const ordered = variableOrder(this.structure, tops, gates, leaves);
    const levelOf = new Map(ordered.map((c, l) => [c, l]));
    const position = new Map(leaves.map((c, i) => [c, i]));
    try {
      this.build(bdd, gates, levelOf, inSeries);
      const tf = tops.map((t) => this.fn[t]!).sort((a, b) => bdd.levelOf(b) - bdd.levelOf(a));
      let f = TRUE;
      for (const x of tf) f = bdd.and(f, x);
      const pq = ordered.map((c) => this.leaf(c));
      const weighed = probability(
        bdd,
        f,
        (l) => pq[l]![0],
        (l) => pq[l]![1],
      );
      const derivative = new Float64Array(leaves.length);
      weighed.derivative.forEach((d, l) => (derivative[position.get(ordered[l]!)!] = d));
      return {
        p: weighed.value,
        q: weighed.complement,
        leaves: Int32Array.from(leaves),
        derivative,
      };
    } catch (error) {
      if (!(error instanceof BddBudgetExceeded)) throw error;
      this.failedAt = Math.min(this.failedAt, leaves.length);
      return undefined;
    } finally {
      this.spent += bdd.size;
    }
  }

  /** The BDDs of `gates` (in postorder) into fn[]: series leaves are "up", blocks by fixed point. */
  private build(
    bdd: Bdd,
    gates: readonly number[],
    levelOf: Map<Ref, number>,
    inSeries: RefSet,
  ): void {
    const { kind, k, childStart, children } = this.structure;
    const epoch = ++this.epoch;
    const of = (c: Ref) => {
      if (inSeries.has(c)) return TRUE;
      const level = levelOf.get(c);
      if (level !== undefined) return bdd.variable(level);
      if (this.stamp[c] !== epoch) throw new Error(`gate ${c} used before it was built`);
      return this.fn[c]!;
    };
    for (const h of gates) {
      if (this.stamp[h] === epoch) continue;
      if (kind[h] === CYCLE) {
        this.cycle(bdd, h, of, epoch);
        continue;
      }
      const inputs = Array.from(children.subarray(childStart[h]!, childStart[h + 1]!), of);
      inputs.sort((a, b) => bdd.levelOf(b) - bdd.levelOf(a));
      let f: number;
      if (kind[h] === AND) {
        f = TRUE;
        for (const x of inputs) f = bdd.and(f, x);
      } else f = bdd.atLeast(k[h]!, inputs.reverse());
      this.fn[h] = f;
      this.stamp[h] = epoch;
    }
  }

  /**
   * A unit from its series leaves and its independent clusters: P = Π p(series) × Π P(cluster),
   * Q from the sum of the logs of the parts' P (each from its own Q: no cancellation), and the
   * derivative in each leaf with the other parts' product (prefix and suffix products, so a part
   * with P = 0 does not become 0/0).
   */
  private combine(series: readonly Ref[], parts: readonly ModuleSolution[]): ModuleSolution {
    const ns = series.length;
    const n = ns + parts.length;
    if (this.factors.length < n) {
      this.factors = new Float64Array(2 * n);
      this.others = new Float64Array(2 * n);
    }
    const { factors, others } = this;
    const { events } = this.structure;
    let logUp = 0;
    let size = ns;
    for (let i = 0; i < ns; i++) {
      const c = series[i]!;
      const leaf = c < 0 ? events[-1 - c]! : undefined;
      factors[i] = leaf !== undefined ? leaf.up : this.solution[c]!.p;
      logUp += Math.log1p(-(leaf !== undefined ? leaf.down : this.solution[c]!.q));
    }
    for (let j = 0; j < parts.length; j++) {
      const part = parts[j]!;
      factors[ns + j] = part.p;
      logUp += Math.log1p(-part.q);
      size += part.leaves.length;
    }
    leaveOneOut(factors, n, others);
    const leaves = new Int32Array(size);
    const derivative = new Float64Array(size);
    for (let i = 0; i < ns; i++) {
      leaves[i] = series[i]!;
      derivative[i] = others[i]!;
    }
    let at = ns;
    for (let j = 0; j < parts.length; j++) {
      const part = parts[j]!;
      const scale = others[ns + j]!;
      for (let i = 0; i < part.leaves.length; i++) {
        leaves[at] = part.leaves[i]!;
        derivative[at++] = scale * part.derivative[i]!;
      }
    }
    let p = 1;
    for (let i = 0; i < n; i++) p *= factors[i]!;
    return { p, q: -Math.expm1(logUp), leaves, derivative };
  }

  /**
   * A block's members by the greatest fixed point: from "all up", each round recomputes every
   * member from the last; each round that changes takes some state of some member down, and a
   * member's function is final once a round changes nothing.
   */
  private cycle(bdd: Bdd, h: number, of: (c: Ref) => number, epoch: number): void {
    const block = this.structure.blocks[this.structure.blockOf[h]!]!;
    const member = new Map(block.gates.map((g, i) => [g, i]));
    let current = block.gates.map(() => TRUE);
    const own = block.own.map((xs) => xs.reduce((f, x) => bdd.and(f, of(x)), TRUE));
    for (let changed = true; changed;) {
      const next = block.requirements.map((reqs, i) => {
        let f = own[i]!;
        for (const { k, inputs } of reqs) {
          const fs = inputs.map((c) => (member.has(c) ? current[member.get(c)!]! : of(c)));
          f = bdd.and(f, bdd.atLeast(k, fs));
        }
        return f;
      });
      changed = next.some((f, i) => f !== current[i]);
      current = next;
    }
    block.gates.forEach((g, i) => {
      this.fn[g] = current[i]!;
      this.stamp[g] = epoch;
    });
  }
}

/** What a set of references answers: whether c is in it. */
interface RefSet {
  has(c: Ref): boolean;
}

function andOf(leaves: Int32Array, ps: readonly [number, number][]): ModuleSolution {
  const n = ps.length;
  const derivative = new Float64Array(n);
  let prefix = 1;
  for (let i = 0; i < n; i++) {
    derivative[i] = prefix;
    prefix *= ps[i]![0];
  }
  let suffix = 1;
  let logUp = 0;
  for (let i = n - 1; i >= 0; i--) {
    derivative[i]! *= suffix;
    suffix *= ps[i]![0];
    logUp += Math.log1p(-ps[i]![1]);
  }
  return { p: prefix, q: -Math.expm1(logUp), leaves, derivative };
}

/** P(at least k of independent leaves up), its complement, and ∂/∂p_i = P(k − 1 of the others). */
function atLeastOf(k: number, leaves: Int32Array, ps: readonly [number, number][]): ModuleSolution {
  const all = countsUp(ps, -1);
  let p = 0;
  let q = 0;
  all.forEach((x, c) => (c >= k ? (p += x) : (q += x)));
  const derivative = Float64Array.from(ps, (_, i) => countsUp(ps, i)[k - 1] ?? 0);
  return { p, q, leaves, derivative };
}

/** dist[c] = P(exactly c of the leaves up), leaf `skip` left out. */
function countsUp(ps: readonly [number, number][], skip: number): Float64Array {
  let dist = new Float64Array(ps.length + 1);
  dist[0] = 1;
  ps.forEach(([p, q], i) => {
    if (i === skip) return;
    const next = new Float64Array(dist.length);
    for (let c = 0; c < dist.length; c++) {
      if (dist[c] === 0) continue;
      next[c]! += dist[c]! * q;
      if (c + 1 < dist.length) next[c + 1]! += dist[c]! * p;
    }
    dist = next;
  });
  return dist;
}

/** others[i] = Π of xs[0..n) but xs[i], for i < n. */
function leaveOneOut(xs: Float64Array, n: number, others: Float64Array): void {
  let prefix = 1;
  for (let i = 0; i < n; i++) {
    others[i] = prefix;
    prefix *= xs[i]!;
  }
  let suffix = 1;
  for (let i = n - 1; i >= 0; i--) {
    others[i]! *= suffix;
    suffix *= xs[i]!;
  }
}
