// Exact probabilities of the modules of a fault structure, inputs first, each module once for
// every root that needs it. A module is a function of its leaves (events, and the modules just
// below it, independent of each other by definition), solved in closed form when it is one AND
// or at-least-k gate over distinct leaves, else as a BDD over its own gates with its leaves as
// variables, ordered depth-first from the module's top (Rauzy, "New algorithms for fault trees
// analysis", 1993). Each solution keeps ∂P/∂leaf, so the Birnbaum importance of any event for
// any root is a product along the module tree (the chain rule).

import { Bdd, BddBudgetExceeded, probability, TRUE } from './bdd.js';
import type { Modules } from './modules.js';
import { AND, AT_LEAST, CYCLE, type FaultStructure, type Ref } from './structure.js';

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

  constructor(
    private readonly structure: FaultStructure,
    private readonly modules: Modules,
    private readonly budget: SolverBudget = SOLVER_BUDGET,
  ) {
    const gates = structure.kind.length;
    this.solution = new Array<ModuleSolution | undefined>(gates);
    this.fn = new Int32Array(gates);
    this.stamp = new Int32Array(gates);
  }

  /** Solves every module, inputs first. */
  solveModules(): void {
    for (const g of this.modules.postorder) if (this.modules.isModule[g]) this.solve(g);
  }

  /** Solves gate g as a unit (a module, or a root that shares parts with other roots). */
  solve(g: number): ModuleSolution | undefined {
    if (this.solution[g] !== undefined) return this.solution[g];
    const unit = this.unit(g);
    if (unit === undefined) return undefined;
    const s = unit.gates.length === 1 ? this.closedForm(g) : undefined;
    this.solution[g] = s ?? this.diagram(unit.gates, unit.leaves);
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

  /**
   * Unit g's own gates in postorder (inputs first, g last), stopping at modules, and its leaves
   * in the order a depth-first walk from g first meets them; undefined when a module below is
   * unsolved.
   */
  private unit(g: number): { gates: number[]; leaves: Ref[] } | undefined {
    const { childStart, children } = this.structure;
    const epoch = ++this.epoch;
    const gates: number[] = [];
    const leaves: Ref[] = [];
    const seenLeaf = new Set<Ref>();
    const stack = [g];
    const cursor = [childStart[g]!];
    this.stamp[g] = epoch;
    while (stack.length > 0) {
      const top = stack.length - 1;
      const h = stack[top]!;
      if (cursor[top]! === childStart[h + 1]!) {
        stack.pop();
        cursor.pop();
        gates.push(h);
        continue;
      }
      const c = children[cursor[top]!++]!;
      if (c < 0 || this.modules.isModule[c]) {
        if (c >= 0 && this.solution[c] === undefined) return undefined;
        if (!seenLeaf.has(c)) {
          seenLeaf.add(c);
          leaves.push(c);
        }
        continue;
      }
      if (this.stamp[c] === epoch) continue;
      this.stamp[c] = epoch;
      stack.push(c);
      cursor.push(childStart[c]!);
    }
    return { gates, leaves };
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

  /** Unit g by a BDD over its leaves; undefined beyond the budget. */
  private diagram(gates: readonly number[], leaves: readonly Ref[]): ModuleSolution | undefined {
    const room = Math.min(this.budget.nodes, this.budget.totalNodes - this.spent);
    if (room <= 0) return undefined;
    const bdd = new Bdd(room, 64);
    const levelOf = new Map(leaves.map((c, l) => [c, l]));
    try {
      const f = this.build(bdd, gates, levelOf);
      const pq = leaves.map((c) => this.leaf(c));
      const weighed = probability(
        bdd,
        f,
        (l) => pq[l]![0],
        (l) => pq[l]![1],
      );
      const derivative = new Float64Array(leaves.length);
      for (const [l, d] of weighed.derivative) derivative[l] = d;
      return {
        p: weighed.value,
        q: weighed.complement,
        leaves: Int32Array.from(leaves),
        derivative,
      };
    } catch (error) {
      if (!(error instanceof BddBudgetExceeded)) throw error;
      return undefined;
    } finally {
      this.spent += bdd.size;
    }
  }

  /** The BDD of the unit's top gate (the last of `gates`): blocks by their fixed point. */
  private build(bdd: Bdd, gates: readonly number[], levelOf: Map<Ref, number>): number {
    const { kind, k, childStart, children } = this.structure;
    const epoch = ++this.epoch;
    const of = (c: Ref) => {
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
    return this.fn[gates[gates.length - 1]!]!;
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
    for (let changed = true; changed; ) {
      changed = false;
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
