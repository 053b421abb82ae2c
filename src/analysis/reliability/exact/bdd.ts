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
/**
 * The operation cache has at most 2^18 entries (4 MB). A larger one found few more results and
 * cost more to touch than it saved: at 2^21 (32 MB) the pages written were a third of
 * edfpa14o's time, and 2^16 to 2^18 were alike within the noise on the largest Aralia trees.
 */
const CACHE_BITS = 18;
/** Int32 words per node (level, low, high) and per cache entry (op, f, g, result). */
const NODE = 3;
const ENTRY = 4;
/**
 * An empty slot of the unique table (no terminal is entered there). An empty cache entry is all
 * zeros, which no lookup matches (operands are never terminals there). So both start as fresh
 * zeroed memory, never filled: on this kind of machine, writing a page costs far more than the
 * probes do, and a page of a large table that is never written is never paid for.
 */
const EMPTY = 0;
/** Past this many nodes the arrays grow four-fold, so fewer copies are made of large ones. */
const QUADRUPLE_FROM = 1 << 16;

/**
 * A BDD manager. Variables are levels 0..; a smaller level is nearer the root. Nodes are
 * created children first, so a node's children always have smaller numbers than the node.
 * A node's three words sit side by side in one array, so the unique table's probe reads one
 * cache line; the operation cache keeps its entries when the arrays grow (node numbers stay).
 */
export class Bdd {
  readonly budget: number;
  private nodes: Int32Array;
  private count = 2;
  private table = new Int32Array(0);
  private tableMask = 0;
  private cache = new Int32Array(0);
  private cacheMask = 0;
  /** Shannon expansions done, and allowed (8 per node of the budget). */
  private steps = 0;
  private readonly maxSteps: number;
  // Grown on demand: a service graph builds thousands of tiny diagrams, each its own manager.
  private stack = new Int32Array(64);
  private results = new Int32Array(64);

  /** `initialNodes`: room allocated up front, grown by doubling up to the budget. */
  constructor(budget: number, initialNodes = 1 << 12) {
    this.budget = budget;
    this.maxSteps = 8 * budget;
    const initial = Math.min(budget + 2, Math.max(16, initialNodes));
    this.nodes = new Int32Array(NODE * initial);
    this.nodes[NODE * FALSE] = this.nodes[NODE * TRUE] = TERMINAL_LEVEL;
    this.resizeTables();
  }

  /** Nodes in use, the two terminals included. */
  get size(): number {
    return this.count;
  }

  levelOf(f: number): number {
    return this.nodes[NODE * f]!;
  }
  lowOf(f: number): number {
    return this.nodes[NODE * f + 1]!;
  }
  highOf(f: number): number {
    return this.nodes[NODE * f + 2]!;
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
    if (NODE * this.count === this.nodes.length && this.count < this.budget + 2) this.grow();
    const nodes = this.nodes;
    const table = this.table;
    const mask = this.tableMask;
    let slot = hash3(level, low, high) & mask;
    for (;;) {
      const f = table[slot]!;
      if (f === EMPTY) break;
      const at = NODE * f;
      if (nodes[at] === level && nodes[at + 1] === low && nodes[at + 2] === high) return f;
      slot = (slot + 1) & mask;
    }
    if (this.count >= this.budget + 2) throw new BddBudgetExceeded(this.budget);
    const f = this.count++;
    const at = NODE * f;
    nodes[at] = level;
    nodes[at + 1] = low;
    nodes[at + 2] = high;
    table[slot] = f;
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
        const slot = ENTRY * (hash3(op, f, g) & this.cacheMask);
        const cache = this.cache;
        cache[slot] = op;
        cache[slot + 1] = f;
        cache[slot + 2] = g;
        cache[slot + 3] = r;
        done = this.pushResult(r, done);
        continue;
      }
      if (f > g) [f, g] = [g, f]; // both operations commute: one cache entry serves both orders
      // Terminal cases (f ≤ g): equal operands, or f a constant (FALSE = 0, TRUE = 1).
      let r = -1;
      if (f === g) r = f;
      else if (f === FALSE) r = op === AND ? FALSE : g;
      else if (f === TRUE) r = op === AND ? g : TRUE;
      else {
        const slot = ENTRY * (hash3(op, f, g) & this.cacheMask);
        const cache = this.cache;
        if (cache[slot] === op && cache[slot + 1] === f && cache[slot + 2] === g)
          r = cache[slot + 3]!;
      }
      if (r >= 0) {
        done = this.pushResult(r, done);
        continue;
      }
      if (++this.steps > this.maxSteps) throw new BddBudgetExceeded(this.budget);
      const nodes = this.nodes;
      const lf = nodes[NODE * f]!;
      const lg = nodes[NODE * g]!;
      const split = Math.min(lf, lg);
      if (top + 9 > this.stack.length) this.growStack();
      const stack = this.stack;
      stack[top] = f;
      stack[top + 1] = g;
      stack[top + 2] = split;
      stack[top + 3] = lf === split ? nodes[NODE * f + 2]! : f;
      stack[top + 4] = lg === split ? nodes[NODE * g + 2]! : g;
      stack[top + 5] = -1;
      stack[top + 6] = lf === split ? nodes[NODE * f + 1]! : f;
      stack[top + 7] = lg === split ? nodes[NODE * g + 1]! : g;
      stack[top + 8] = -1;
      top += 9;
    }
    return this.results[0]!;
  }

  private push(f: number, g: number, level: number, at: number): void {
    if (at + 3 > this.stack.length) this.growStack();
    this.stack[at] = f;
    this.stack[at + 1] = g;
    this.stack[at + 2] = level;
  }

  private growStack(): void {
    const bigger = new Int32Array(this.stack.length * 2);
    bigger.set(this.stack);
    this.stack = bigger;
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

  private grow(): void {
    const capacity = this.nodes.length / NODE;
    const size = Math.min((capacity >= QUADRUPLE_FROM ? 4 : 2) * capacity, this.budget + 2);
    const bigger = new Int32Array(NODE * size);
    bigger.set(this.nodes);
    this.nodes = bigger;
    this.resizeTables();
  }

  /**
   * A unique table with room for twice the node array's capacity (every node re-entered) and
   * an operation cache as large, up to 2^21 entries. The cache keeps its entries (node numbers
   * do not change when the arrays grow): doubled, the old cache is copied into both halves,
   * where each entry sits in the half its hash now selects (the copy in the other half is never
   * probed), a sequential copy instead of a rehash. Grown with the nodes, so a small diagram
   * costs little.
   */
  private resizeTables(): void {
    const capacity = this.nodes.length / NODE;
    let size = 16;
    while (size < 2 * capacity) size *= 2;
    const nodes = this.nodes;
    const table = new Int32Array(size);
    const mask = size - 1;
    for (let f = 2; f < this.count; f++) {
      const at = NODE * f;
      let slot = hash3(nodes[at]!, nodes[at + 1]!, nodes[at + 2]!) & mask;
      while (table[slot] !== EMPTY) slot = (slot + 1) & mask;
      table[slot] = f;
    }
    this.table = table;
    this.tableMask = mask;
    const cacheSize = Math.min(1 << CACHE_BITS, size);
    if (cacheSize === this.cacheMask + 1 && this.cache.length > 0) return;
    const old = this.cache;
    const cache = new Int32Array(ENTRY * cacheSize);
    if (old.length > 0) for (let at = 0; at < cache.length; at += old.length) cache.set(old, at);
    this.cache = cache;
    this.cacheMask = cacheSize - 1;
  }
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
  /** ∂P(f)/∂p by level (Birnbaum importance), up to the deepest level f depends on; 0 elsewhere. */
  derivative: Float64Array;
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
  let deepest = -1;
  for (let i = 0; i < nodes.length; i++) {
    const g = nodes[i]!;
    const level = bdd.levelOf(g);
    if (level > deepest) deepest = level;
    const q = up(level);
    const d = down(level);
    const hi = bdd.highOf(g);
    const lo = bdd.lowOf(g);
    p[g] = q * p[hi]! + d * p[lo]!;
    pFalse[g] = q * pFalse[hi]! + d * pFalse[lo]!;
  }
  const reach = new Float64Array(size);
  reach[f] = 1;
  const derivative = new Float64Array(deepest + 1);
  for (let i = nodes.length - 1; i >= 0; i--) {
    const g = nodes[i]!;
    const level = bdd.levelOf(g);
    const lo = bdd.lowOf(g);
    const hi = bdd.highOf(g);
    reach[lo]! += reach[g]! * down(level);
    reach[hi]! += reach[g]! * up(level);
    // P(high) − P(low) from whichever pair is the smaller: two probabilities near 1 would
    // cancel to nothing where their complements keep the digits (a rare failure's Birnbaum).
    const change = p[hi]! <= pFalse[lo]! ? p[hi]! - p[lo]! : pFalse[lo]! - pFalse[hi]!;
    const slope = reach[g]! * change;
    derivative[level]! += slope;
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
