// Entry points with the same structure function, found by shape: two gates of the same kind and
// quorum whose inputs are the same events and gates of equal shape compute the same function of
// the same events, so they have the same availability and the same importance of every event.
// On a map of websites and their providers most websites are equal this way (each has its own
// gates, built from the same few providers), and each shape is solved and ranked once.
// A cycle gate is equal only to itself.

import { ALWAYS_UP, CYCLE, type FaultStructure, type Ref } from './structure.js';

/**
 * For each root (in the order given) the index of the first root of the same shape (itself
 * when it is the first); a root not `wanted` is its own, an event or ALWAYS_UP the first of
 * the same reference.
 */
export function firstOfShape(
  structure: FaultStructure,
  roots: readonly Ref[],
  wanted: Uint8Array,
): Int32Array {
  const { kind, k, childStart, children } = structure;
  // shape[g]: 1 + the shape number of gate g, 0 while unknown.
  const shape = new Int32Array(kind.length);
  const shapes = new ShapeTable(kind.length);
  // The first root of each shape number of a gate root (−1: none yet), and by the reference
  // of any other root.
  const firstRootOfShape = new Int32Array(kind.length).fill(-1);
  const firstRoot = new Map<number, number>();
  const first = new Int32Array(roots.length);
  const stack: number[] = [];
  const ids: number[] = [];
  const of = (c: Ref) => (c < 0 ? c : shape[c]! - 1);
  roots.forEach((root, i) => {
    first[i] = i;
    if (!wanted[i]) return;
    if (root === ALWAYS_UP || root < 0) {
      const known = firstRoot.get(root);
      if (known === undefined) firstRoot.set(root, i);
      else first[i] = known;
      return;
    }
    stack.push(root);
    // Inputs first: a gate is numbered once every gate it reads is.
    while (stack.length > 0) {
      const g = stack[stack.length - 1]!;
      if (shape[g] !== 0) {
        stack.pop();
        continue;
      }
      let ready = true;
      if (kind[g] !== CYCLE)
        for (let j = childStart[g]!; j < childStart[g + 1]!; j++) {
          const c = children[j]!;
          if (c >= 0 && shape[c] === 0) {
            stack.push(c);
            ready = false;
          }
        }
      if (!ready) continue;
      stack.pop();
      if (kind[g] === CYCLE) shape[g] = shapes.unique() + 1;
      else {
        ids.length = 0;
        for (let j = childStart[g]!; j < childStart[g + 1]!; j++) ids.push(of(children[j]!));
        sortShort(ids);
        shape[g] = shapes.number(kind[g]!, k[g]!, ids) + 1;
      }
    }
    const number = shape[root]! - 1;
    if (firstRootOfShape[number] === -1) firstRootOfShape[number] = i;
    else first[i] = firstRootOfShape[number]!;
  });
  return first;
}

/** Numbers in increasing order: by insertion (a gate reads a few inputs), else sorted. */
function sortShort(xs: number[]): void {
  if (xs.length > 16) {
    xs.sort((x, y) => x - y);
    return;
  }
  for (let i = 1; i < xs.length; i++) {
    const x = xs[i]!;
    let j = i - 1;
    while (j >= 0 && xs[j]! > x) {
      xs[j + 1] = xs[j]!;
      j--;
    }
    xs[j + 1] = x;
  }
}

/**
 * Shape numbers by kind, quorum and sorted input numbers, in an open-addressed hash table over
 * typed arrays (each slot 1 + a shape number, 0 when empty; a collision moves to the next slot,
 * where the shapes are compared in full); a shape's inputs are kept end to end in one list.
 */
class ShapeTable {
  private readonly kinds: number[] = [];
  private readonly ks: number[] = [];
  private readonly hashes: number[] = [];
  private readonly start: number[] = [0];
  private readonly inputs: number[] = [];
  private slots: Int32Array;

  /** `gates`: how many shapes there may be, at most. */
  constructor(gates: number) {
    let size = 16;
    while (size < 2 * gates) size *= 2;
    this.slots = new Int32Array(size);
  }

  /** A new shape equal to no other (a cycle gate), never entered in the table. */
  unique(): number {
    return this.add(-1, 0, [], 0);
  }

  /** The number of the shape (kind, k, ids), made when it is new. */
  number(kind: number, k: number, ids: readonly number[]): number {
    let hash = Math.imul(kind + 1, 0x9e3779b1) ^ Math.imul(k, 0x85ebca77);
    for (let i = 0; i < ids.length; i++)
      hash = Math.imul(hash ^ ids[i]!, 0xc2b2ae3d) ^ (hash >>> 15);
    hash = (hash ^ (hash >>> 16)) >>> 0;
    const mask = this.slots.length - 1;
    let slot = hash & mask;
    for (let s = this.slots[slot]! - 1; s >= 0; s = this.slots[slot]! - 1) {
      if (this.hashes[s] === hash && this.equal(s, kind, k, ids)) return s;
      slot = (slot + 1) & mask;
    }
    const s = this.add(kind, k, ids, hash);
    this.slots[slot] = s + 1;
    return s;
  }

  private equal(s: number, kind: number, k: number, ids: readonly number[]): boolean {
    const from = this.start[s]!;
    if (this.kinds[s] !== kind || this.ks[s] !== k || this.start[s + 1]! - from !== ids.length)
      return false;
    for (let i = 0; i < ids.length; i++) if (this.inputs[from + i] !== ids[i]) return false;
    return true;
  }

  private add(kind: number, k: number, ids: readonly number[], hash: number): number {
    const s = this.kinds.length;
    this.kinds.push(kind);
    this.ks.push(k);
    this.hashes.push(hash);
    for (let i = 0; i < ids.length; i++) this.inputs.push(ids[i]!);
    this.start.push(this.inputs.length);
    return s;
  }
}
