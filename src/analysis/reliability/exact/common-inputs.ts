// Common inputs factored out: when two or more AND gates (or two or more OR gates) read the
// same two or more inputs, those inputs become one new gate of that kind, read by each of them
// instead (a gate whose inputs are exactly the shared ones is that gate already, and the others
// read it). The largest shared set goes first, greedily, until no two gates of a kind share two
// inputs. What several gates compute in common is then one function, built once, and the
// variable order walks its inputs together: edfpa14o's largest diagram falls from 511k to 321k
// nodes, edf9203's from 1.54M to 1.22M (the common-argument merging of Rauzy's and SCRAM's
// preprocessors, written anew). AND and OR are associative and idempotent, so every gate keeps
// its function; cycle gates and at-least-k gates with k > 1 are left as they are.

import { findModules } from './modules.js';
import { AND, AT_LEAST, type FaultStructure, type Ref } from '../structure.js';
import { rebuilt } from './independent-inputs.js';

/**
 * An input read by more gates of a kind than this is not factored: it bounds the work on a
 * service graph's platform services (read by thousands) and is far above a fault tree's fan-out.
 */
const MOST_READERS = 64;

/**
 * Reached gates beyond which nothing is factored. The search pays on a fault tree, whose one
 * top is one BDD (the Aralia trees reach at most 1,515 gates), and costs 0.1 CPU s on the
 * generated service graph of shape B at 1,000 services and 7 s at 100,000, whose entry points
 * are mostly sampled or solved in small clusters: so it runs for one root only, and a small one.
 */
const MOST_GATES = 4096;

/**
 * The structure with the shared inputs of its AND and OR gates as gates of their own, when it
 * has one root of at most MOST_GATES gates; else the structure itself.
 */
export function factorCommonInputs(
  structure: FaultStructure,
  roots: readonly Ref[],
): FaultStructure {
  const { kind, k, childStart, children } = structure;
  const gates = kind.length;
  const added: { family: number; kind: number; k: number; inputs: Ref[] }[] = [];
  /** 1 for an AND gate, 2 for an OR gate (at least 1), 0 for any other. */
  const family = (g: number): number =>
    g >= gates
      ? added[g - gates]!.family
      : kind[g] === AND
        ? 1
        : kind[g] === AT_LEAST && k[g] === 1
          ? 2
          : 0;
  const inputs = new Map<number, Ref[]>();
  /** Per family, each input's readers of that family. */
  const readers = [new Map<Ref, Set<number>>(), new Map<Ref, Set<number>>()];
  if (new Set(roots).size !== 1) return structure;
  const { postorder } = findModules(structure, roots);
  if (postorder.length > MOST_GATES) return structure;
  for (const g of postorder) {
    const f = family(g);
    if (f === 0) continue;
    // AND and OR are idempotent: an input read twice is read once.
    const own = [...new Set(children.subarray(childStart[g]!, childStart[g + 1]!))];
    inputs.set(g, own);
    for (const c of own) readerSet(readers[f - 1]!, c).add(g);
  }
  const shareable = (f: number, c: Ref) => {
    const n = readers[f - 1]!.get(c)!.size;
    return n >= 2 && n <= MOST_READERS;
  };
  /** The gate sharing most inputs with g (at least two), and how many; ties to the smaller. */
  const partner = (g: number): [number, number] => {
    const f = family(g);
    const count = new Map<number, number>();
    for (const c of inputs.get(g)!) {
      if (!shareable(f, c)) continue;
      for (const h of readers[f - 1]!.get(c)!) if (h !== g) count.set(h, (count.get(h) ?? 0) + 1);
    }
    let best = -1;
    let most = 1;
    for (const [h, n] of count) if (n > most || (n === most && h < best)) [best, most] = [h, n];
    return [best, most];
  };
  const queue = new MaxQueue();
  for (const g of inputs.keys()) {
    const [h, n] = partner(g);
    if (h >= 0) queue.push(2 * n - family(g), g);
  }
  let changed = false;
  // Each merge takes at least one input out of a gate; the bound only guards against a bug.
  for (let merges = structure.children.length; queue.size > 0 && merges > 0;) {
    const [score, g] = queue.pop();
    const [h, n] = partner(g);
    if (h < 0) continue;
    if (2 * n - family(g) !== score) {
      queue.push(2 * n - family(g), g);
      continue;
    }
    const f = family(g);
    const their = new Set(inputs.get(h));
    const shared = inputs
      .get(g)!
      .filter((c) => their.has(c) && shareable(f, c))
      .sort((a, b) => a - b);
    const sets = shared.map((c) => readers[f - 1]!.get(c)!).sort((a, b) => a.size - b.size);
    const holders = [...sets[0]!].filter((x) => sets.every((s) => s.has(x))).sort((a, b) => a - b);
    let common = holders.find((x) => inputs.get(x)!.length === shared.length);
    if (common === undefined) {
      common = gates + added.length;
      added.push({ family: f, kind: f === 1 ? AND : AT_LEAST, k: f === 1 ? 0 : 1, inputs: shared });
      inputs.set(common, shared);
      for (const c of shared) readers[f - 1]!.get(c)!.add(common);
    }
    const gone = new Set(shared);
    for (const x of holders) {
      if (x === common) continue;
      const rest = inputs.get(x)!.filter((c) => !gone.has(c));
      // A holder that already read the common gate reads it once.
      inputs.set(x, rest.includes(common) ? rest : [...rest, common]);
      for (const c of shared) readers[f - 1]!.get(c)!.delete(x);
      readerSet(readers[f - 1]!, common).add(x);
    }
    changed = true;
    merges--;
    // Gates that read the common gate now share it with the holders: their scores may rise.
    for (const x of new Set([common, ...holders, ...readers[f - 1]!.get(common)!])) {
      const [y, m] = partner(x);
      if (y >= 0) queue.push(2 * m - family(x), x);
    }
  }
  if (!changed) return structure;
  // Added gates may have been holders since: their inputs are the map's, like everyone's.
  added.forEach((gate, i) => (gate.inputs = inputs.get(gates + i)!));
  const rewritten = new Map<number, Ref[]>();
  for (const [g, own] of inputs) if (g < gates) rewritten.set(g, own);
  return rebuilt(structure, rewritten, added);
}

function readerSet(map: Map<Ref, Set<number>>, c: Ref): Set<number> {
  let set = map.get(c);
  if (set === undefined) map.set(c, (set = new Set()));
  return set;
}

/** Gates by score, the highest first and, among equals, the smallest gate. */
class MaxQueue {
  private readonly keys: number[] = [];

  get size(): number {
    return this.keys.length;
  }

  push(score: number, g: number): void {
    const keys = this.keys;
    // Score in the high part, the gate's complement in the low 32 bits: one exact double.
    let i = keys.push(score * 2 ** 32 + (2 ** 32 - 1 - g)) - 1;
    while (i > 0) {
      const up = (i - 1) >> 1;
      if (keys[up]! >= keys[i]!) break;
      [keys[up], keys[i]] = [keys[i]!, keys[up]!];
      i = up;
    }
  }

  pop(): [number, number] {
    const keys = this.keys;
    const top = keys[0]!;
    const last = keys.pop()!;
    if (keys.length > 0) {
      keys[0] = last;
      for (let i = 0; ;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < keys.length && keys[l]! > keys[m]!) m = l;
        if (r < keys.length && keys[r]! > keys[m]!) m = r;
        if (m === i) break;
        [keys[m], keys[i]] = [keys[i]!, keys[m]!];
        i = m;
      }
    }
    const score = Math.floor(top / 2 ** 32);
    return [score, 2 ** 32 - 1 - (top - score * 2 ** 32)];
  }
}
