// Equal gates merged: two gates of the same kind and threshold over the same inputs are one
// function, so every reader of the second reads the first instead. Inputs first, so gates that
// become equal once their own inputs are merged are found too (structural hashing). A copy
// that is read twice costs little in a BDD, whose nodes are canonical, but it counts as two
// readers for the variable order and for coalescing, and it keeps modules and input groups from
// being seen: on edf9204 the largest cluster's diagram falls from 2.36M to 1.34M nodes, on
// edfpa14b from 892k to 446k. The function of every gate is unchanged (gates only ever read
// an equal gate); the gates merged away keep their own inputs and are no longer reached. Cycle
// gates are neither merged nor rewritten (their blocks name their inputs themselves).

import { AND, AT_LEAST, CYCLE, type FaultStructure, type Ref } from '../structure.js';

/** The structure with every gate reached from `roots` reading the first of equal gates. */
export function mergeEqualGates(structure: FaultStructure, roots: readonly Ref[]): FaultStructure {
  const { kind, k, childStart, children } = structure;
  const gates = kind.length;
  const same = Int32Array.from({ length: gates }, (_, g) => g);
  // Each gate's inputs after merging, sorted (and without repeats where idempotent), end to end:
  // the gate's key, compared when two gates hash alike.
  const ownStart = new Int32Array(gates);
  const ownEnd = new Int32Array(gates);
  const own = new Int32Array(children.length);
  const changed = new Uint8Array(gates);
  let used = 0;
  /** Gates by hash: the first gate of each hash, then the next gate of the same hash. */
  const firstOfHash = new Map<number, number>();
  const nextOfHash = new Int32Array(gates).fill(-1);
  for (const g of postorder(structure, roots)) {
    if (kind[g] === CYCLE) continue;
    const from = used;
    for (let j = childStart[g]!; j < childStart[g + 1]!; j++) {
      const c = children[j]!;
      const to = c >= 0 && c < gates ? same[c]! : c;
      if (to !== c) changed[g] = 1;
      own[used++] = to;
    }
    sortRange(own, from, used);
    // AND and OR are idempotent: an input read twice is read once; at least k of n is not.
    if (kind[g] === AND || (kind[g] === AT_LEAST && k[g] === 1)) {
      const end = used;
      used = from;
      for (let i = from; i < end; i++)
        if (i === from || own[i] !== own[i - 1]) own[used++] = own[i]!;
    }
    ownStart[g] = from;
    ownEnd[g] = used;
    let hash = Math.imul(kind[g]! + 1, 0x9e3779b1) ^ Math.imul(k[g]!, 0x85ebca77);
    for (let i = from; i < used; i++) hash = Math.imul(hash ^ own[i]!, 0xc2b2ae3d) ^ (hash >>> 15);
    let first = firstOfHash.get(hash);
    while (first !== undefined && first >= 0 && !equalGates(first, g)) first = nextOfHash[first];
    if (first !== undefined && first >= 0) {
      same[g] = first;
      used = from;
    } else {
      const head = firstOfHash.get(hash);
      if (head !== undefined) nextOfHash[g] = head;
      firstOfHash.set(hash, g);
    }
  }
  if (!changed.includes(1)) return structure;
  function equalGates(a: number, b: number): boolean {
    if (kind[a] !== kind[b] || k[a] !== k[b]) return false;
    const n = ownEnd[a]! - ownStart[a]!;
    if (n !== ownEnd[b]! - ownStart[b]!) return false;
    for (let i = 0; i < n; i++) if (own[ownStart[a]! + i] !== own[ownStart[b]! + i]) return false;
    return true;
  }
  // Merging only ever drops repeats, so the new input lists fit where the old ones were.
  const list = new Int32Array(children.length);
  let length = 0;
  const starts = new Int32Array(gates + 1);
  for (let g = 0; g < gates; g++) {
    starts[g] = length;
    if (changed[g] === 0) {
      for (let j = childStart[g]!; j < childStart[g + 1]!; j++) list[length++] = children[j]!;
      continue;
    }
    // In the gate's own order; an idempotent gate reads a merged input once.
    const idempotent = kind[g] === AND || (kind[g] === AT_LEAST && k[g] === 1);
    // Repeats found by a scan of what is written for a narrow gate, by a set for a wide one.
    const written = childStart[g + 1]! - childStart[g]! > 16 ? new Set<Ref>() : undefined;
    for (let j = childStart[g]!; j < childStart[g + 1]!; j++) {
      const c = children[j]!;
      const to = c >= 0 && c < gates ? same[c]! : c;
      if (idempotent) {
        if (written !== undefined) {
          if (written.has(to)) continue;
          written.add(to);
        } else if (repeats(list, starts[g]!, length, to)) continue;
      }
      list[length++] = to;
    }
  }
  starts[gates] = length;
  return { ...structure, childStart: starts, children: list.slice(0, length) };
}

/** list[from..to) in increasing order: by insertion when short (no view made), else sorted. */
function sortRange(list: Int32Array, from: number, to: number): void {
  if (to - from > 16) {
    list.subarray(from, to).sort();
    return;
  }
  for (let i = from + 1; i < to; i++) {
    const x = list[i]!;
    let j = i - 1;
    while (j >= from && list[j]! > x) {
      list[j + 1] = list[j]!;
      j--;
    }
    list[j + 1] = x;
  }
}

/** Whether list[from..to) holds x. */
function repeats(list: Int32Array, from: number, to: number, x: number): boolean {
  for (let i = from; i < to; i++) if (list[i] === x) return true;
  return false;
}

/** The gates reached from `roots`, each after every gate it reads (an explicit stack). */
function postorder(structure: FaultStructure, roots: readonly Ref[]): number[] {
  const { kind, childStart, children } = structure;
  const gates = kind.length;
  const seen = new Uint8Array(gates);
  const order: number[] = [];
  const stack: number[] = [];
  const cursor: number[] = [];
  for (const r of roots) {
    if (r < 0 || r >= gates || seen[r]) continue;
    seen[r] = 1;
    stack.push(r);
    cursor.push(childStart[r]!);
    while (stack.length > 0) {
      const at = stack.length - 1;
      const g = stack[at]!;
      if (cursor[at]! === childStart[g + 1]!) {
        stack.pop();
        cursor.pop();
        order.push(g);
        continue;
      }
      const c = children[cursor[at]!++]!;
      if (c >= 0 && c < gates && !seen[c]) {
        seen[c] = 1;
        stack.push(c);
        cursor.push(childStart[c]!);
      }
    }
  }
  return order;
}
