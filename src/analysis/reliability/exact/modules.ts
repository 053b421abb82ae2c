// Modules of a fault tree: gates whose inputs, all the way down, are reached from nowhere else.
// A module is independent of the rest, so it can be solved once and stand as one variable with
// its own probability. Linear time, by the dates of a single depth-first walk (Dutuit and Rauzy,
// "A linear-time algorithm to find modules of fault trees", IEEE Trans. Reliability 45(3),
// 1996): gate g is a module iff everything below it is first and last visited between g's first
// and second visit. The walk starts from every root in turn, so a module is independent of all
// the roots' other parts, and what is shared between roots is never one.

import type { FaultStructure, Ref } from '../structure.js';
import { ALWAYS_UP, CYCLE } from '../structure.js';

export interface Modules {
  /** isModule[g] for each gate. */
  readonly isModule: Uint8Array;
  /** Gates reached from the roots, inputs before the gates that read them. */
  readonly postorder: Int32Array;
}

/**
 * The dates of one depth-first walk from every root in turn: each gate's first visit, its
 * finish (second) and last visit, each event's first and last visit, and per gate the
 * earliest first and latest last visit of anything below it (low, high).
 */
export interface VisitDates {
  readonly first: Int32Array;
  readonly second: Int32Array;
  readonly last: Int32Array;
  readonly eventFirst: Int32Array;
  readonly eventLast: Int32Array;
  readonly low: Int32Array;
  readonly high: Int32Array;
  /** Gates reached from the roots, inputs before the gates that read them. */
  readonly postorder: Int32Array;
}

export function visitDates(structure: FaultStructure, roots: readonly Ref[]): VisitDates {
  const { childStart, children } = structure;
  const gates = structure.kind.length;
  const events = structure.events.length;
  const first = new Int32Array(gates);
  const second = new Int32Array(gates);
  const last = new Int32Array(gates);
  const eventFirst = new Int32Array(events);
  const eventLast = new Int32Array(events);
  const cursor = new Int32Array(gates);
  const postorder = new Int32Array(gates);
  let finished = 0;
  let time = 0;
  const stack: number[] = [];
  const touch = (c: Ref): boolean => {
    time++;
    if (c < 0) {
      const x = -1 - c;
      if (eventFirst[x] === 0) eventFirst[x] = time;
      eventLast[x] = time;
      return false;
    }
    last[c] = time;
    if (first[c] !== 0) return false;
    first[c] = time;
    cursor[c] = childStart[c]!;
    return true;
  };
  for (const root of roots) {
    if (root === ALWAYS_UP || !touch(root)) continue;
    stack.push(root);
    while (stack.length > 0) {
      const g = stack[stack.length - 1]!;
      if (cursor[g]! < childStart[g + 1]!) {
        const c = children[cursor[g]!]!;
        cursor[g]!++;
        if (touch(c)) stack.push(c);
        continue;
      }
      stack.pop();
      second[g] = ++time;
      postorder[finished++] = g;
    }
  }
  const low = new Int32Array(gates);
  const high = new Int32Array(gates);
  for (let i = 0; i < finished; i++) {
    const g = postorder[i]!;
    let lo = Infinity;
    let hi = 0;
    for (let j = childStart[g]!; j < childStart[g + 1]!; j++) {
      const c = children[j]!;
      if (c < 0) {
        lo = Math.min(lo, eventFirst[-1 - c]!);
        hi = Math.max(hi, eventLast[-1 - c]!);
      } else {
        lo = Math.min(lo, first[c]!, low[c]!);
        hi = Math.max(hi, last[c]!, high[c]!);
      }
    }
    low[g] = Math.min(lo, 0x7fffffff);
    high[g] = hi;
  }
  const order = postorder.slice(0, finished);
  return { first, second, last, eventFirst, eventLast, low, high, postorder: order };
}

export function findModules(structure: FaultStructure, roots: readonly Ref[]): Modules {
  const { first, second, low, high, postorder } = visitDates(structure, roots);
  const isModule = new Uint8Array(structure.kind.length);
  for (const g of postorder) {
    // The head of a cycle block is solved with its block, never as a module of its own.
    if (low[g]! > first[g]! && high[g]! < second[g]! && !isBlockHead(structure, g)) isModule[g] = 1;
  }
  return { isModule, postorder };
}

/** A cycle block's head gate, when the block has other members that read it. */
function isBlockHead(structure: FaultStructure, g: number): boolean {
  if (structure.kind[g] !== CYCLE) return false;
  const { gates } = structure.blocks[structure.blockOf[g]!]!;
  return gates.length > 1 && gates[0] === g;
}
