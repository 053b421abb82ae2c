// Reduced ordered binary decision diagrams over typed arrays, with a node budget: a unique table
// (so equal functions are equal node numbers), memoized AND/OR by an explicit stack (no
// recursion), and the probability of a function under independent variables with its partial
// derivatives (Birnbaum importance). Bryant, "Graph-based algorithms for Boolean function
// manipulation", IEEE Trans. Computers C-35(8), 1986; Rauzy, "New algorithms for fault trees
// analysis", Reliability Engineering & System Safety 40(3), 1993 (probabilities on the BDD).

export const FALSE = 0;
export const TRUE = 1;

/** Thrown when a function would need more nodes, or more steps, than the budget allows. */
export class BddBudgetExceeded extends Error {
  constructor(budget: number) {
    super(`the BDD needs more than ${budget} nodes`);
    this.name = 'BddBudgetExceeded';
  }
}

const AND = 0;
const OR = 1;
/** Terminals sit below every variable. */
const TERMINAL_LEVEL = 0x7fffffff;
/** The operation cache has at most 2^21 entries. */
const CACHE_BITS = 21;

/**
 * A BDD manager. Variables are levels 0..; a smaller level is nearer the root. Nodes are
 * created children first, so a node's children always have smaller numbers than the node.
 */
export class Bdd {
  readonly budget: number;
  private level: Int32Array;
  private low: Int32Array;
  private high: Int32Array;
  private count = 2;
  private table = new Int32Array(0);
  private tableMask = 0;
  private cacheMask = 0;
  private cacheKey = new Int32Array(0);
  private cacheValue = new Int32Array(0);
  /** Shannon expansions done, and allowed (8 per node of the budget). */
  private steps = 0;
  private readonly maxSteps: number;
  private stack = new Int32Array(1024);
  private results = new Int32Array(256);

  /** `initialNodes`: room allocated up front, grown by doubling up to the budget. */
  constructor(budget: number, initialNodes = 1 << 12) {
    this.budget = budget;
    this.maxSteps = 8 * budget;
    const initial = Math.min(budget + 2, Math.max(16, initialNodes));
    this.level = new Int32Array(initial);
    this.low = new Int32Array(initial);
    this.high = new Int32Array(initial);
    this.level[FALSE] = this.level[TRUE] = TERMINAL_LEVEL;
    this.resizeTables();
  }

  /** Nodes in use, the two terminals included. */
  get size(): number {
    return this.count;
  }

  levelOf(f: number): number {
    return this.level[f]!;
  }
  lowOf(f: number): number {
    return this.low[f]!;
  }
  highOf(f: number): number {
    return this.high[f]!;
  }

  /** The function of the single variable at `level`. */
  variable(level: number): number {
    return this.node(level, FALSE, TRUE);
  }

  /** The conjunction of the variables at `levels`, which must be sorted in decreasing order. */
  conjunction(levels: ArrayLike<number>): number {
    let f = TRUE;
    for (let i = 0; i < levels.length; i++) f = this.node(levels[i]!, FALSE, f);
    return f;
  }

  and(f: number, g: number): number {
    return this.apply(AND, f, g);
  }

  or(f: number, g: number): number {
    return this.apply(OR, f, g);
  }

  /** At least `quorum` of the (monotone) functions `fs` hold. */
  atLeast(quorum: number, fs: readonly number[]): number {
    const n = fs.length;
    if (quorum <= 0) return TRUE;
    if (quorum > n) return FALSE;
    // row[k]: at least k of fs[i..] hold, for i from n down to 0. For monotone fs,
    // "at least k of fs[i..]" = (fs[i] ∧ "at least k-1 of fs[i+1..]") ∨ "at least k of fs[i+1..]".
    const row = new Array<number>(quorum + 1).fill(FALSE);
    row[0] = TRUE;
    for (let i = n - 1; i >= 0; i--) {
      for (let k = Math.min(quorum, n - i); k >= 1; k--) {
        row[k] = this.or(this.and(fs[i]!, row[k - 1]!), row[k]!);
      }
    }
    return row[quorum]!;
  }

  /** The unique node (level, low, high). */
  node(level: number, low: number, high: number): number {
    if (low === high) return low;
    if (this.count === this.level.length && this.count < this.budget + 2) this.grow();
    const mask = this.tableMask;
    let slot = hash3(level, low, high) & mask;
    for (;;) {
      const f = this.table[slot]!;
      if (f === -1) break;
      if (this.level[f] === level && this.low[f] === low && this.high[f] === high) return f;
      slot = (slot + 1) & mask;
    }
    if (this.count >= this.budget + 2) throw new BddBudgetExceeded(this.budget);
    const f = this.count++;
    this.level[f] = level;
    this.low[f] = low;
    this.high[f] = high;
    this.table[slot] = f;
    return f;
  }

  /**
   * f op g by Shannon expansion on the topmost variable, with an explicit stack of frames
   * [f, g, level] (level -1: a pair still to expand) and a stack of results.
   */
  private apply(op: number, f0: number, g0: number): number {
    let top = 0;
    let done = 0;
    this.push(f0, g0, -1, top);
    top += 3;
    while (top > 0) {
      top -= 3;
      let f = this.stack[top]!;
      let g = this.stack[top + 1]!;
      const level = this.stack[top + 2]!;
      if (level >= 0) {
        const high = this.results[--done]!;
        const low = this.results[--done]!;
        const r = this.node(level, low, high);
        this.remember(op, f, g, r);
        done = this.pushResult(r, done);
        continue;
      }
      if (f > g) [f, g] = [g, f]; // both operations commute: one cache entry serves both orders
      const terminal = terminalCase(op, f, g);
      if (terminal >= 0) {
        done = this.pushResult(terminal, done);
        continue;
      }
      const cached = this.recall(op, f, g);
      if (cached >= 0) {
        done = this.pushResult(cached, done);
        continue;
      }
      if (++this.steps > this.maxSteps) throw new BddBudgetExceeded(this.budget);
      const lf = this.level[f]!;
      const lg = this.level[g]!;
      const split = Math.min(lf, lg);
      this.push(f, g, split, top);
      this.push(lf === split ? this.high[f]! : f, lg === split ? this.high[g]! : g, -1, top + 3);
      this.push(lf === split ? this.low[f]! : f, lg === split ? this.low[g]! : g, -1, top + 6);
      top += 9;
    }
    return this.results[0]!;
  }

  private push(f: number, g: number, level: number, at: number): void {
    if (at + 3 > this.stack.length) {
      const bigger = new Int32Array(this.stack.length * 2);
      bigger.set(this.stack);
      this.stack = bigger;
    }
    this.stack[at] = f;
    this.stack[at + 1] = g;
    this.stack[at + 2] = level;
  }

  private pushResult(r: number, done: number): number {
    if (done === this.results.length) {
      const bigger = new Int32Array(this.results.length * 2);
      bigger.set(this.results);
      this.results = bigger;
    }
    this.results[done] = r;
    return done + 1;
  }

  private recall(op: number, f: number, g: number): number {
    const slot = hash3(op, f, g) & this.cacheMask;
    const key = this.cacheKey;
    return key[3 * slot] === op && key[3 * slot + 1] === f && key[3 * slot + 2] === g
      ? this.cacheValue[slot]!
      : -1;
  }

  private remember(op: number, f: number, g: number, r: number): void {
    const slot = hash3(op, f, g) & this.cacheMask;
    this.cacheKey[3 * slot] = op;
    this.cacheKey[3 * slot + 1] = f;
    this.cacheKey[3 * slot + 2] = g;
    this.cacheValue[slot] = r;
  }

  private grow(): void {
    const size = Math.min(this.level.length * 2, this.budget + 2);
    for (const name of ['level', 'low', 'high'] as const) {
      const bigger = new Int32Array(size);
      bigger.set(this[name]);
      this[name] = bigger;
    }
    this.resizeTables();
  }

  /**
   * A unique table with room for twice the node arrays' capacity (every node re-entered) and
   * an operation cache as large, up to 2^21 entries (emptied: it is only a cache). Grown with
   * the nodes, so a small diagram costs little memory.
   */
  private resizeTables(): void {
    let size = 16;
    while (size < 2 * this.level.length) size *= 2;
    this.table = new Int32Array(size).fill(-1);
    this.tableMask = size - 1;
    for (let f = 2; f < this.count; f++) {
      let slot = hash3(this.level[f]!, this.low[f]!, this.high[f]!) & this.tableMask;
      while (this.table[slot] !== -1) slot = (slot + 1) & this.tableMask;
      this.table[slot] = f;
    }
    const cacheSize = Math.min(1 << CACHE_BITS, size);
    this.cacheMask = cacheSize - 1;
    this.cacheKey = new Int32Array(3 * cacheSize).fill(-1);
    this.cacheValue = new Int32Array(cacheSize);
  }
}

/** The result when it follows from the operands alone, else -1. Operands are ordered (f ≤ g). */
function terminalCase(op: number, f: number, g: number): number {
  if (f === g) return f;
  if (op === AND) {
    if (f === FALSE || g === FALSE) return FALSE;
    if (f === TRUE) return g;
    if (g === TRUE) return f;
  } else {
    if (f === TRUE || g === TRUE) return TRUE;
    if (f === FALSE) return g;
    if (g === FALSE) return f;
  }
  return -1;
}

function hash3(a: number, b: number, c: number): number {
  let h = Math.imul(a, 0x9e3779b1) ^ Math.imul(b, 0x85ebca77) ^ Math.imul(c, 0xc2b2ae3d);
  h ^= h >>> 15;
  h = Math.imul(h, 0x2c1b3c6d);
  return (h ^ (h >>> 13)) >>> 0;
}

/** Probabilities over the nodes of one function: P(node) and the chance of reaching it. */
export interface BddProbability {
  /** P(f) under the given variable probabilities. */
  value: number;
  /**
   * 1 − P(f), summed directly over the paths to "false" from each variable's own probability of
   * being false: no cancellation, so a tiny unavailability keeps all its digits.
   */
  complement: number;
  /** ∂P(f)/∂p for each level that f depends on (Birnbaum importance). */
  derivative: Map<number, number>;
}

/**
 * P(f) when the variable at level l holds with probability `up(l)`, independently, and its
 * derivative in each variable: Σ over the nodes of that variable of
 * P(reaching the node) × (P(high) − P(low)). Arrays indexed by node number: children have
 * smaller numbers, so increasing order is bottom-up.
 */
export function probability(
  bdd: Bdd,
  f: number,
  up: (level: number) => number,
  down: (level: number) => number = (level) => 1 - up(level),
): BddProbability {
  const nodes = reachable(bdd, f);
  const size = bdd.size;
  const p = new Float64Array(size);
  const pFalse = new Float64Array(size);
  p[TRUE] = 1;
  pFalse[FALSE] = 1;
  for (let i = 0; i < nodes.length; i++) {
    const g = nodes[i]!;
    const level = bdd.levelOf(g);
    const q = up(level);
    const d = down(level);
    const hi = bdd.highOf(g);
    const lo = bdd.lowOf(g);
    p[g] = q * p[hi]! + (1 - q) * p[lo]!;
    pFalse[g] = q * pFalse[hi]! + d * pFalse[lo]!;
  }
  const reach = new Float64Array(size);
  reach[f] = 1;
  const derivative = new Map<number, number>();
  for (let i = nodes.length - 1; i >= 0; i--) {
    const g = nodes[i]!;
    const level = bdd.levelOf(g);
    const q = up(level);
    const lo = bdd.lowOf(g);
    const hi = bdd.highOf(g);
    reach[lo]! += reach[g]! * (1 - q);
    reach[hi]! += reach[g]! * q;
    const slope = reach[g]! * (p[hi]! - p[lo]!);
    derivative.set(level, (derivative.get(level) ?? 0) + slope);
  }
  return { value: p[f]!, complement: pFalse[f]!, derivative };
}

/** The inner nodes of f, in increasing order (bottom-up). */
function reachable(bdd: Bdd, f: number): Int32Array {
  if (f <= TRUE) return new Int32Array(0);
  const seen = new Uint8Array(f + 1);
  const stack = [f];
  seen[f] = 1;
  let count = 1;
  while (stack.length > 0) {
    const g = stack.pop()!;
    const lo = bdd.lowOf(g);
    const hi = bdd.highOf(g);
    if (lo > TRUE && !seen[lo]) {
      seen[lo] = 1;
      count++;
      stack.push(lo);
    }
    if (hi > TRUE && !seen[hi]) {
      seen[hi] = 1;
      count++;
      stack.push(hi);
    }
  }
  const nodes = new Int32Array(count);
  let i = 0;
  for (let g = 2; g <= f; g++) if (seen[g]) nodes[i++] = g;
  return nodes;
}
