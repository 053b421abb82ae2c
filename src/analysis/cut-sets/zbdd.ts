// Zero-suppressed decision diagrams: families of sets of failures, shared and canonical (equal
// families are equal node numbers), with the operations minimal cut sets need — union, the
// product of two families cut at a size, the removal of supersets, and the minimal sets of a
// family — all by an explicit stack, memoized, within a node budget. Minato, "Zero-suppressed
// BDDs for set manipulation in combinatorial problems", DAC 1993; Rauzy, "Mathematical
// foundations of minimal cutsets", IEEE Trans. Reliability 50(4), 2001 (minimal and without).

/** The empty family, and the family holding only the empty set. */
export const EMPTY = 0;
export const BASE = 1;

/** Thrown when a family would need more nodes than the budget allows. */
export class ZbddBudgetExceeded extends Error {
  constructor(budget: number) {
    super(`the cut-set diagram needs more than ${budget} nodes`);
    this.name = 'ZbddBudgetExceeded';
  }
}

/** Node numbers stay below 2^24, so that two of them fit one memo key. */
export const MAX_ZBDD_NODES = (1 << 24) - 2;

/** Terminals sit below every variable. */
const TERMINAL_VAR = 0x7fffffff;
const UNION = 0;
const JOIN = 1;
const WITHOUT = 2;
const MINIMAL = 3;
const TRUNCATE = 4;
/** Stack frame: operation, operands x and y, size, phase. */
const FRAME = 5;

/**
 * A ZBDD manager. Variables are numbers 0..; a smaller variable is nearer the root. Nodes are
 * created children first, so a node's children always have smaller numbers than the node.
 */
export class Zbdd {
  readonly budget: number;
  private vars = new Int32Array(1024);
  private los = new Int32Array(1024);
  private his = new Int32Array(1024);
  private count = 2;
  private table = new Int32Array(4096).fill(-1);
  /** Results by operation and size, keyed by x · 2^24 + y. */
  private readonly memo = new Map<number, Map<number, number>>();
  private frames = new Int32Array(FRAME * 256);
  private results = new Int32Array(256);

  constructor(budget: number) {
    this.budget = Math.min(budget, MAX_ZBDD_NODES);
    this.vars[EMPTY] = this.vars[BASE] = TERMINAL_VAR;
  }

  /** Nodes in use, the two terminals included. */
  get size(): number {
    return this.count;
  }

  varOf(f: number): number {
    return this.vars[f]!;
  }

  /** The family holding only the set {v}. */
  single(v: number): number {
    return this.node(v, EMPTY, BASE);
  }

  union(f: number, g: number): number {
    return this.run(UNION, f, g, 0);
  }

  /** Every union of a set of f and a set of g that has at most `size` members. */
  join(f: number, g: number, size: number): number {
    return this.run(JOIN, f, g, size);
  }

  /** The sets of f that contain no set of g. */
  without(f: number, g: number): number {
    return this.run(WITHOUT, f, g, 0);
  }

  /** The sets of f that contain no other set of f. */
  minimal(f: number): number {
    return this.run(MINIMAL, f, EMPTY, 0);
  }

  /** The sets of f with at most `size` members. */
  truncate(f: number, size: number): number {
    return this.run(TRUNCATE, f, EMPTY, size);
  }

  /** Whether f holds the empty set. */
  hasEmpty(f: number): boolean {
    while (f > BASE) f = this.los[f]!;
    return f === BASE;
  }

  /**
   * counts[s]: the sets of f with s members, for s = 0 .. maxSize; only those whose members are
   * all below variable `below`, when given.
   */
  countBySize(f: number, maxSize: number, below = TERMINAL_VAR): number[] {
    const nodes = this.reachable(f);
    const width = maxSize + 1;
    const at = new Map<number, number>();
    const counts = new Float64Array(width * (nodes.length + 2));
    counts[width * 1] = 1; // BASE: the empty set
    at.set(EMPTY, 0).set(BASE, 1);
    for (let i = 0; i < nodes.length; i++) {
      const u = nodes[i]!;
      const slot = i + 2;
      at.set(u, slot);
      const lo = at.get(this.los[u]!)!;
      const hi = at.get(this.his[u]!)!;
      const withU = this.vars[u]! < below;
      for (let s = 0; s < width; s++) {
        counts[slot * width + s] =
          counts[lo * width + s]! + (s > 0 && withU ? counts[hi * width + s - 1]! : 0);
      }
    }
    const slot = at.get(f)!;
    return Array.from(counts.subarray(slot * width, (slot + 1) * width));
  }

  /** Calls `visit` with the members of every set of f (ascending variables; reused array). */
  forEachSet(f: number, visit: (members: readonly number[]) => void): void {
    const path: number[] = [];
    const stack: number[] = [f, 0, -1];
    while (stack.length > 0) {
      const add = stack.pop()!;
      const length = stack.pop()!;
      const u = stack.pop()!;
      path.length = length;
      if (add >= 0) path.push(add);
      if (u === EMPTY) continue;
      if (u === BASE) {
        visit(path);
        continue;
      }
      stack.push(this.los[u]!, path.length, -1, this.his[u]!, path.length, this.vars[u]!);
    }
  }

  /** The non-terminal nodes reachable from f, ascending (children before parents). */
  private reachable(f: number): Int32Array {
    const seen = new Set<number>();
    const stack = [f];
    while (stack.length > 0) {
      const u = stack.pop()!;
      if (u <= BASE || seen.has(u)) continue;
      seen.add(u);
      stack.push(this.los[u]!, this.his[u]!);
    }
    return Int32Array.from(seen).sort();
  }

  /** The node (v, lo, hi), zero-suppressed: a node whose hi is EMPTY is its lo. */
  node(v: number, lo: number, hi: number): number {
    if (hi === EMPTY) return lo;
    const mask = this.table.length - 1;
    let slot = hash3(v, lo, hi) & mask;
    for (let f = this.table[slot]!; f !== -1; f = this.table[slot]!) {
      if (this.vars[f] === v && this.los[f] === lo && this.his[f] === hi) return f;
      slot = (slot + 1) & mask;
    }
    if (this.count >= this.budget + 2) throw new ZbddBudgetExceeded(this.budget);
    if (this.count === this.vars.length) this.grow();
    const f = this.count++;
    this.vars[f] = v;
    this.los[f] = lo;
    this.his[f] = hi;
    this.table[slot] = f;
    if (2 * this.count > this.table.length) this.rehash();
    return f;
  }

  /**
   * One operation by an explicit stack. A frame asks for its operands' results one at a time
   * (each child pushes exactly one result) and combines them in a later phase.
   */
  private run(op: number, a: number, b: number, k: number): number {
    let top = 0;
    let done = 0;
    const call = (o: number, x: number, y: number, size: number) => {
      if (FRAME * (top + 1) > this.frames.length) {
        const bigger = new Int32Array(this.frames.length * 2);
        bigger.set(this.frames);
        this.frames = bigger;
      }
      const at = FRAME * top++;
      const frames = this.frames;
      frames[at] = o;
      frames[at + 1] = x;
      frames[at + 2] = y;
      frames[at + 3] = size;
      frames[at + 4] = 0;
    };
    const keep = (r: number) => {
      if (done === this.results.length) {
        const bigger = new Int32Array(this.results.length * 2);
        bigger.set(this.results);
        this.results = bigger;
      }
      this.results[done++] = r;
    };
    const give = (r: number) => {
      keep(r);
      top--;
    };
    const take = () => this.results[--done]!;
    call(op, a, b, k);
    while (top > 0) {
      const at = FRAME * (top - 1);
      const frames = this.frames;
      const o = frames[at]!;
      const x = frames[at + 1]!;
      const y = frames[at + 2]!;
      const size = frames[at + 3]!;
      const phase = frames[at + 4]!++;
      const key = x * 16777216 + y;
      if (phase === 0) {
        const known = this.terminal(o, x, y, size) ?? this.memoOf(o, size).get(key);
        if (known !== undefined) {
          give(known);
          continue;
        }
      }
      const result = this.expand(o, x, y, size, phase, call, take, keep);
      if (result >= 0) {
        this.memoOf(o, size).set(key, result);
        give(result);
      }
    }
    return take();
  }

  private memoOf(op: number, size: number): Map<number, number> {
    const id = size * 8 + op;
    let table = this.memo.get(id);
    if (table === undefined) this.memo.set(id, (table = new Map()));
    return table;
  }

  /** The result when it follows from the operands alone. */
  private terminal(op: number, x: number, y: number, size: number): number | undefined {
    switch (op) {
      case UNION:
        if (x === y || y === EMPTY) return x;
        if (x === EMPTY) return y;
        return undefined;
      case JOIN:
        if (x === EMPTY || y === EMPTY) return EMPTY;
        return undefined;
      case WITHOUT:
        if (y === EMPTY) return x;
        if (x === EMPTY || x === y || this.hasEmpty(y)) return EMPTY;
        if (x === BASE) return BASE;
        return undefined;
      case MINIMAL:
        return x <= BASE ? x : undefined;
      default:
        if (x <= BASE) return x;
        if (size === 0) return this.hasEmpty(x) ? BASE : EMPTY;
        return undefined;
    }
  }

  /**
   * One phase of a frame: calls children, or returns the frame's result (-1 while waiting).
   * Each case follows the Shannon split at the smaller top variable.
   */
  private expand(
    op: number,
    x: number,
    y: number,
    size: number,
    phase: number,
    call: (o: number, x: number, y: number, size: number) => void,
    take: () => number,
    keep: (r: number) => void,
  ): number {
    const { vars, los, his } = this;
    const vx = vars[x]!;
    const vy = vars[y]!;
    const v = Math.min(vx, vy);
    // The cofactors of x and y on v (a family without v at its top has no sets with v).
    const x0 = vx === v ? los[x]! : x;
    const x1 = vx === v ? his[x]! : EMPTY;
    const y0 = vy === v ? los[y]! : y;
    const y1 = vy === v ? his[y]! : EMPTY;
    switch (op) {
      case UNION:
        if (phase === 0) call(UNION, x0, y0, 0);
        else if (phase === 1) call(UNION, x1, y1, 0);
        else return this.pairNode(v, take);
        return -1;
      case TRUNCATE:
        if (phase === 0) call(TRUNCATE, x0, EMPTY, size);
        else if (phase === 1) call(TRUNCATE, x1, EMPTY, size - 1);
        else return this.pairNode(vx, take);
        return -1;
      case JOIN:
        return this.joinPhase(v, x0, x1, y0, y1, x, y, size, phase, call, take);
      case WITHOUT:
        if (vy < vx) {
          // No set of x holds y's top variable: only y's sets without it can be inside one.
          if (phase === 0) call(WITHOUT, x, y0, 0);
          else return take();
          return -1;
        }
        if (phase === 0) call(WITHOUT, x0, y0, 0);
        else if (phase === 1) call(WITHOUT, x1, y0, 0);
        else if (phase === 2) call(WITHOUT, take(), y1, 0);
        else return this.pairNode(v, take);
        return -1;
      default: {
        // MINIMAL: min(x) = node(v, min(x0), without(min(x1), min(x0))).
        if (phase === 0) call(MINIMAL, x0, EMPTY, 0);
        else if (phase === 1) call(MINIMAL, x1, EMPTY, 0);
        else if (phase === 2) {
          const m1 = take();
          const m0 = take();
          keep(m0);
          call(WITHOUT, m1, m0, 0);
        } else return this.pairNode(vx, take);
        return -1;
      }
    }
  }

  private joinPhase(
    v: number,
    x0: number,
    x1: number,
    y0: number,
    y1: number,
    x: number,
    y: number,
    size: number,
    phase: number,
    call: (o: number, x: number, y: number, size: number) => void,
    take: () => number,
  ): number {
    if (x === BASE || y === BASE) {
      // {∅} joined with a family is the family itself, cut at `size`.
      if (phase !== 0) return take();
      call(TRUNCATE, x === BASE ? y : x, EMPTY, size);
      return -1;
    }
    // lo = x0·y0; hi = x1·y1 ∪ x1·y0 ∪ x0·y1, each one member smaller (v is in them all).
    switch (phase) {
      case 0:
        call(JOIN, x0, y0, size);
        return -1;
      case 1:
        if (size === 0) return this.pairNodeWith(v, take(), EMPTY);
        call(JOIN, x1, y1, size - 1);
        return -1;
      case 2:
        call(JOIN, x1, y0, size - 1);
        return -1;
      case 3: {
        const b = take();
        call(UNION, take(), b, 0);
        return -1;
      }
      case 4:
        call(JOIN, x0, y1, size - 1);
        return -1;
      case 5: {
        const b = take();
        call(UNION, take(), b, 0);
        return -1;
      }
      default:
        return this.pairNode(v, take);
    }
  }

  /** node(v, lo, hi) from the two results on top of the stack (hi on top). */
  private pairNode(v: number, take: () => number): number {
    const hi = take();
    return this.pairNodeWith(v, take(), hi);
  }

  private pairNodeWith(v: number, lo: number, hi: number): number {
    return this.node(v, lo, hi);
  }

  private grow(): void {
    const size = this.vars.length * 2;
    const copy = (old: Int32Array) => {
      const bigger = new Int32Array(size);
      bigger.set(old);
      return bigger;
    };
    this.vars = copy(this.vars);
    this.los = copy(this.los);
    this.his = copy(this.his);
  }

  private rehash(): void {
    this.table = new Int32Array(this.table.length * 2).fill(-1);
    const mask = this.table.length - 1;
    for (let f = 2; f < this.count; f++) {
      let slot = hash3(this.vars[f]!, this.los[f]!, this.his[f]!) & mask;
      while (this.table[slot] !== -1) slot = (slot + 1) & mask;
      this.table[slot] = f;
    }
  }
}

function hash3(a: number, b: number, c: number): number {
  let h = Math.imul(a, 0x9e3779b1) ^ Math.imul(b, 0x85ebca77) ^ Math.imul(c, 0xc2b2ae3d);
  h ^= h >>> 15;
  h = Math.imul(h, 0x2c1b3c6d);
  return (h ^ (h >>> 13)) >>> 0;
}
