// Exact or sampled, per entry point, before any diagram is built: an entry point is tried exactly
// when its own part of the fault structure (the gates below it down to the modules, which are
// solved once for every entry point, and the leaves they read) is small; otherwise it is
// sampled at once. Each look is a depth-first walk that stops as soon as the part grows past
// the limit, so deciding costs at most the limit per entry point; and an entry point above a
// gate already found too large (inputs first, in one pass) is too large without a walk.

import type { Modules } from './exact/modules.js';
import { ALWAYS_UP, type FaultStructure, type Ref } from './structure.js';

/** Gates and leaves an entry point's own part may hold and still be tried exactly. */
export const EXACT_PART_LIMIT = 2_048;

/**
 * For each root (in the order given): 1 when it is a variable, a module, cannot fail, or its
 * own part holds at most `limit` gates and leaves; 0 when it is beyond.
 */
export function smallParts(
  structure: FaultStructure,
  modules: Modules,
  roots: readonly Ref[],
  limit = EXACT_PART_LIMIT,
): Uint8Array {
  const { childStart, children } = structure;
  const gates = structure.kind.length;
  const gateSeen = new Int32Array(gates);
  const leafSeen = new Int32Array(structure.events.length);
  const tooLarge = new Uint8Array(gates);
  const small = new Uint8Array(roots.length);
  // The roots at each gate: the last, then each one's previous at the same gate (−1: none).
  const lastRootAt = new Int32Array(gates).fill(-1);
  const previousRoot = new Int32Array(roots.length);
  roots.forEach((root, i) => {
    if (root === ALWAYS_UP || root < 0 || modules.isModule[root]) small[i] = 1;
    else {
      previousRoot[i] = lastRootAt[root]!;
      lastRootAt[root] = i;
    }
  });
  const stack: number[] = [];
  // Inputs first: a gate that reads a gate found too large (not through a module) is too large
  // itself; a root not so found is walked, and what it reads is then known.
  for (const g of modules.postorder) {
    if (childStart[g + 1]! - childStart[g]! >= limit) tooLarge[g] = 1;
    for (let j = childStart[g]!; j < childStart[g + 1]! && !tooLarge[g]; j++) {
      const c = children[j]!;
      if (c >= 0 && tooLarge[c] && !modules.isModule[c]) tooLarge[g] = 1;
    }
    if (lastRootAt[g] === -1 || tooLarge[g]) continue;
    if (partSize(g, limit) <= limit)
      for (let i = lastRootAt[g]!; i >= 0; i = previousRoot[i]!) small[i] = 1;
    else tooLarge[g] = 1;
  }
  return small;

  /** Gates and leaves of g's own part, counted until they pass `limit`. */
  function partSize(root: number, limit: number): number {
    const epoch = root + 1;
    let size = 1;
    gateSeen[root] = epoch;
    stack.length = 0;
    stack.push(root);
    while (stack.length > 0 && size <= limit) {
      const g = stack.pop()!;
      for (let j = childStart[g]!; j < childStart[g + 1]!; j++) {
        const c = children[j]!;
        if (c < 0) {
          if (leafSeen[-1 - c] !== epoch) {
            leafSeen[-1 - c] = epoch;
            size++;
          }
        } else if (gateSeen[c] !== epoch) {
          gateSeen[c] = epoch;
          size++;
          if (!modules.isModule[c]) stack.push(c);
        }
      }
    }
    return size;
  }
}
