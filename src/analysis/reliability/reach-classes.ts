// Entry points proven too large to try exactly before the structure is preprocessed, from the
// events grouped by the set of roots that reach them (their class). The modules are found by a
// walk that starts from every root in turn, so no root lies strictly below a module, and every
// root that reaches one of a module's events reaches the module, hence all of them: the events
// of one module are of one class. An entry point's own part (what the exact path measures once
// equal gates are merged, gates coalesced, inputs grouped and modules found) reads each class
// below it through a leaf or a module of its own, so it holds at least as many items as there
// are classes, and with two classes or more it is no module. Merging, coalescing, factoring
// and grouping keep the events below every gate, so the raw classes are the preprocessed ones.
// Any coarser grouping (classes merged) bounds the counts from below as well: the roots are
// folded onto a fixed number of bits, so the walks that class the events cost a fixed number
// of passes over the structure, and each root's classes are then counted by a walk from it that
// stops once it has found more than the limit.

import { ALWAYS_UP, type FaultStructure, type Ref } from './structure.js';

/** Root gates per walk: one bit each of a 32-bit word. */
const WIDTH = 32;

/**
 * Up to this many root gates, each has a bit of its own (at most 64 walks), the roots that
 * reach each event are kept, and each root's classes counted from them.
 */
export const OWN_BITS_ROOTS = 2_048;

/**
 * Beyond OWN_BITS_ROOTS, the bits the roots are folded onto (32 walks of 32): root i sets bit
 * i mod ROOT_BITS, so the walks cost 32 passes over the structure whatever the number of roots.
 * Roots that share a bit are told apart no more: two events are then of one class when the bits
 * of the roots that reach them are equal, which merges classes and only lowers the counts. Each
 * root's classes are then counted by a walk from it, stopped once it has found enough.
 */
export const ROOT_BITS = 1_024;

/** Roots whose events are counted first, one at a time, before any walk (the usual small one). */
const FIRST_ROOTS = 32;

export interface ReachOptions {
  /** Give up (undefined) as soon as a gate root is found with no more than this many classes. */
  above: number;
  /** Visits the walks and counts may cost; beyond it, undefined. */
  work: number;
  /** Root gates that each keep a bit of their own (OWN_BITS_ROOTS); beyond, they are folded. */
  ownBitsRoots?: number;
  /** Bits the roots are folded onto (ROOT_BITS). */
  rootBits?: number;
  /** Count each root's classes only up to this (exact when absent). */
  countTo?: number;
}

/**
 * Whether every gate root (of those given) surely has an own part of more than `limit` gates and
 * leaves once preprocessed, and is no module; false as well when the walks and counts would cost
 * more than `work` visits.
 */
export function everyRootTooLarge(
  structure: FaultStructure,
  roots: readonly Ref[],
  limit: number,
  work: number,
  fold: Pick<ReachOptions, 'ownBitsRoots' | 'rootBits'> = {},
): boolean {
  const countTo = Math.max(limit + 1, 2);
  const counts = reachClasses(structure, roots, { above: limit, work, countTo, ...fold })?.perRoot;
  return (
    counts !== undefined &&
    roots.every((r, i) => r < 0 || r === ALWAYS_UP || (counts[i]! > limit && counts[i]! >= 2))
  );
}

/**
 * Each event's class (a number; events of one module share theirs) and for each root (in the
 * order given) the number of classes of the events it reaches (0 for an event or ALWAYS_UP; at
 * most `countTo`); undefined, without finishing, as soon as a gate root has no more than `above`
 * classes (one of the first roots no more than `above` events), or when the walks and counts
 * would cost more than `work` visits.
 */
export function reachClasses(
  structure: FaultStructure,
  roots: readonly Ref[],
  options: ReachOptions,
): { classOf: Int32Array; perRoot: Int32Array } | undefined {
  const { kind, childStart, children } = structure;
  const gates = kind.length;
  const events = structure.events.length;
  const rootGates = [...new Set(roots.filter((r) => r >= 0 && r !== ALWAYS_UP))].sort(
    (x, y) => x - y,
  );
  const folded = rootGates.length > (options.ownBitsRoots ?? OWN_BITS_ROOTS);
  const bits = folded ? Math.max(1, options.rootBits ?? ROOT_BITS) : rootGates.length;
  const walks = Math.ceil(bits / WIDTH);
  let work = options.work - walks * (gates + children.length + events);
  if (work < 0) return undefined;
  // Inputs come before their readers: the walks below rely on it.
  for (let g = 0; g < gates; g++)
    for (let j = childStart[g]!; j < childStart[g + 1]!; j++)
      if (children[j]! >= g) return undefined;
  const counter = new Counter(structure);
  const countTo = options.countTo ?? Infinity;
  // The usual small root is among the first: its events counted alone, before any walk.
  for (let i = 0; i < Math.min(FIRST_ROOTS, rootGates.length); i++) {
    const events = counter.count(rootGates[i]!, null, options.above + 1, work);
    work -= counter.visits;
    if (work < 0 || events <= options.above) return undefined;
  }
  // reach[w * events + x]: the root bits of walk w that reach event x (kept when not folded).
  const reach = new Uint32Array(folded ? events : walks * events);
  const word = new Uint32Array(gates);
  // Each event's class as two hashes of the root bits that reach it.
  const hashA = new Int32Array(events);
  const hashB = new Int32Array(events);
  for (let w = 0; w < walks; w++) {
    const eventWord = folded ? reach : reach.subarray(w * events, (w + 1) * events);
    word.fill(0);
    eventWord.fill(0);
    let top = -1;
    for (let i = 0; i < rootGates.length; i++) {
      const bit = i % bits;
      if (bit >>> 5 !== w) continue;
      const r = rootGates[i]!;
      word[r] = (word[r]! | (1 << (bit & 31))) >>> 0;
      if (r > top) top = r;
    }
    for (let g = top; g >= 0; g--) {
      const m = word[g]!;
      if (m === 0) continue;
      for (let j = childStart[g]!; j < childStart[g + 1]!; j++) {
        const c = children[j]!;
        if (c >= 0) word[c] = (word[c]! | m) >>> 0;
        else eventWord[-1 - c] = (eventWord[-1 - c]! | m) >>> 0;
      }
    }
    for (let x = 0; x < events; x++) {
      const m = eventWord[x]!;
      if (m === 0) continue;
      hashA[x] = mix(hashA[x]! ^ w, m);
      hashB[x] = mix(hashB[x]! + 0x3c6ef372, m ^ w);
    }
  }
  // Classes numbered by their hashes: two classes that hash alike count as one, which only
  // lowers the counts.
  const classOf = new Int32Array(events);
  const numbers = new Map<number, number>();
  for (let x = 0; x < events; x++) {
    const key = (hashA[x]! >>> 0) * 0x200000 + (hashB[x]! & 0x1fffff);
    let number = numbers.get(key);
    if (number === undefined) {
      number = numbers.size;
      numbers.set(key, number);
    }
    classOf[x] = number;
  }
  const classes = new Int32Array(rootGates.length);
  if (folded) {
    // Each root's classes, by a walk from it that stops once it has counted `countTo`.
    for (let i = 0; i < rootGates.length; i++) {
      classes[i] = counter.count(rootGates[i]!, classOf, countTo, work);
      work -= counter.visits;
      if (work < 0 || classes[i]! <= options.above) return undefined;
    }
  } else {
    // Each root's classes from the bits kept, each counted once: seen[class * 32 + bit] holds
    // the last walk + 1.
    const seen = new Int32Array(numbers.size * WIDTH);
    const count = new Int32Array(WIDTH);
    for (let w = 0; w < walks; w++) {
      count.fill(0);
      for (let x = 0; x < events; x++) {
        const at = classOf[x]! * WIDTH;
        for (let rest = reach[w * events + x]!; rest !== 0; rest &= rest - 1) {
          const b = 31 - Math.clz32(rest & -rest);
          if (seen[at + b] === w + 1) continue;
          seen[at + b] = w + 1;
          count[b]!++;
        }
      }
      for (let i = w * WIDTH; i < Math.min((w + 1) * WIDTH, rootGates.length); i++) {
        classes[i] = Math.min(count[i - w * WIDTH]!, countTo);
        if (classes[i]! <= options.above) return undefined;
      }
    }
  }
  const classesOf = new Map(rootGates.map((r, i) => [r, classes[i]!]));
  return { classOf, perRoot: Int32Array.from(roots, (r) => classesOf.get(r) ?? 0) };
}

/** Distinct events (or classes of events) below one gate, counted by a walk with stamps. */
class Counter {
  private readonly gateSeen: Int32Array;
  private readonly eventSeen: Int32Array;
  private classSeen = new Int32Array(0);
  private stack: Int32Array;
  private stamp = 0;
  /** Inputs the last count looked at. */
  visits = 0;

  constructor(private readonly structure: FaultStructure) {
    this.gateSeen = new Int32Array(structure.kind.length);
    this.eventSeen = new Int32Array(structure.events.length);
    this.stack = new Int32Array(Math.min(1024, structure.kind.length + 1));
  }

  /**
   * Events below `root` (their classes when `classOf` is given), counted until there are `upTo`
   * of them or `work` inputs have been looked at.
   */
  count(root: number, classOf: Int32Array | null, upTo: number, work: number): number {
    const { childStart, children } = this.structure;
    const { gateSeen, eventSeen } = this;
    if (classOf !== null && this.classSeen.length < this.structure.events.length)
      this.classSeen = new Int32Array(this.structure.events.length);
    const { classSeen } = this;
    const stamp = ++this.stamp;
    let stack = this.stack;
    let top = 0;
    let found = 0;
    let visits = 0;
    stack[top++] = root;
    gateSeen[root] = stamp;
    while (top > 0 && found < upTo && visits <= work) {
      const g = stack[--top]!;
      const end = childStart[g + 1]!;
      visits += end - childStart[g]!;
      for (let j = childStart[g]!; j < end; j++) {
        const c = children[j]!;
        if (c >= 0) {
          if (gateSeen[c] === stamp) continue;
          gateSeen[c] = stamp;
          if (top === stack.length) {
            const grown = new Int32Array(2 * stack.length);
            grown.set(stack);
            stack = this.stack = grown;
          }
          stack[top++] = c;
        } else {
          const x = -1 - c;
          if (eventSeen[x] === stamp) continue;
          eventSeen[x] = stamp;
          if (classOf === null) found++;
          else if (classSeen[classOf[x]!] !== stamp) {
            classSeen[classOf[x]!] = stamp;
            found++;
          }
        }
      }
    }
    this.visits = visits;
    return Math.min(found, upTo);
  }
}

function mix(h: number, x: number): number {
  h = Math.imul(h ^ x, 0x9e3779b1);
  return h ^ (h >>> 15);
}
