// Entry points proven too large to try exactly before the structure is preprocessed, from the
// events grouped by the set of roots that reach them (their class). The modules are found by a
// walk that starts from every root in turn, so no root lies strictly below a module, and every
// root that reaches one of a module's events reaches the module, hence all of them: the events
// of one module are of one class. An entry point's own part (what the exact path measures once
// equal gates are merged, gates coalesced, inputs grouped and modules found) reads each class
// below it through a leaf or a module of its own, so it holds at least as many items as there
// are classes, and with two classes or more it is no module. Merging, coalescing, factoring
// and grouping keep the events below every gate, so the raw classes are the preprocessed ones.

import { ALWAYS_UP, type FaultStructure, type Ref } from './structure.js';

/** Root gates per walk: one bit each of a 32-bit word. */
const WIDTH = 32;

/**
 * Whether every gate root (of those given) surely has an own part of more than `limit` gates and
 * leaves once preprocessed, and is no module; false as well when the walks would cost more
 * than `work` visits.
 */
export function everyRootTooLarge(
  structure: FaultStructure,
  roots: readonly Ref[],
  limit: number,
  work: number,
): boolean {
  const counts = reachClasses(structure, roots, { above: limit, work })?.perRoot;
  return (
    counts !== undefined &&
    roots.every((r, i) => r < 0 || r === ALWAYS_UP || (counts[i]! > limit && counts[i]! >= 2))
  );
}

/**
 * Each event's class (a number; events of one module share theirs) and for each root (in the
 * order given) the number of classes of the events it reaches (0 for an event or ALWAYS_UP);
 * undefined, without finishing, as soon as a gate root reaches no more
 * than `above` events (nor can it have more classes), or when the walks would cost more than
 * `work` visits.
 */
export function reachClasses(
  structure: FaultStructure,
  roots: readonly Ref[],
  options: { above: number; work: number },
): { classOf: Int32Array; perRoot: Int32Array } | undefined {
  const { kind, childStart, children } = structure;
  const gates = kind.length;
  const events = structure.events.length;
  const rootGates = [...new Set(roots.filter((r) => r >= 0 && r !== ALWAYS_UP))].sort(
    (x, y) => x - y,
  );
  const walks = Math.ceil(rootGates.length / WIDTH);
  // The walks' cost, and the words they keep (one per event and walk).
  if (walks * (gates + children.length + events) > options.work) return undefined;
  if (walks * events > options.work / 8) return undefined;
  // Inputs come before their readers: the walks below rely on it.
  for (let g = 0; g < gates; g++)
    for (let j = childStart[g]!; j < childStart[g + 1]!; j++)
      if (children[j]! >= g) return undefined;
  // reach[w * events + x]: the roots of walk w (32 at a time) that reach event x, one bit each.
  const reach = new Uint32Array(walks * events);
  const word = new Uint32Array(gates);
  // Each event's class as two hashes of the roots that reach it.
  const hashA = new Int32Array(events);
  const hashB = new Int32Array(events);
  const classes = new Int32Array(rootGates.length);
  const count = new Int32Array(WIDTH);
  for (let w = 0; w < walks; w++) {
    const from = w * WIDTH;
    const to = Math.min(from + WIDTH, rootGates.length);
    const eventWord = reach.subarray(w * events, (w + 1) * events);
    word.fill(0);
    for (let i = from; i < to; i++)
      word[rootGates[i]!] = (word[rootGates[i]!]! | (1 << (i - from))) >>> 0;
    for (let g = rootGates[to - 1]!; g >= 0; g--) {
      const m = word[g]!;
      if (m === 0) continue;
      for (let j = childStart[g]!; j < childStart[g + 1]!; j++) {
        const c = children[j]!;
        if (c >= 0) word[c] = (word[c]! | m) >>> 0;
        else eventWord[-1 - c] = (eventWord[-1 - c]! | m) >>> 0;
      }
    }
    count.fill(0);
    for (let x = 0; x < events; x++) {
      const m = eventWord[x]!;
      if (m === 0) continue;
      for (let rest = m; rest !== 0; rest &= rest - 1) count[31 - Math.clz32(rest & -rest)]!++;
      hashA[x] = mix(hashA[x]! ^ w, m);
      hashB[x] = mix(hashB[x]! + 0x3c6ef372, m ^ w);
    }
    for (let i = from; i < to; i++) if (count[i - from]! <= options.above) return undefined;
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
  // Each root's classes, each counted once: seen[class * 32 + bit] holds the last walk + 1.
  const seen = new Int32Array(numbers.size * WIDTH);
  for (let w = 0; w < walks; w++) {
    const from = w * WIDTH;
    const to = Math.min(from + WIDTH, rootGates.length);
    count.fill(0);
    for (let x = 0; x < events; x++) {
      const m = reach[w * events + x]!;
      const at = classOf[x]! * WIDTH;
      for (let rest = m; rest !== 0; rest &= rest - 1) {
        const b = 31 - Math.clz32(rest & -rest);
        if (seen[at + b] === w + 1) continue;
        seen[at + b] = w + 1;
        count[b]!++;
      }
    }
    for (let i = from; i < to; i++) classes[i] = count[i - from]!;
  }
  const classesOf = new Map(rootGates.map((r, i) => [r, classes[i]!]));
  return { classOf, perRoot: Int32Array.from(roots, (r) => classesOf.get(r) ?? 0) };
}

function mix(h: number, x: number): number {
  h = Math.imul(h ^ x, 0x9e3779b1);
  return h ^ (h >>> 15);
}
