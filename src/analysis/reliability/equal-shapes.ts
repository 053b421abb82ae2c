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
  const shapes = new Map<string, number>();
  // By the shape number of a gate root (1 and up), or the reference of any other root.
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
      let key: string;
      if (kind[g] === CYCLE) key = `c${g}`;
      else {
        ids.length = 0;
        for (let j = childStart[g]!; j < childStart[g + 1]!; j++) ids.push(of(children[j]!));
        ids.sort((x, y) => x - y);
        key = `${kind[g]}/${k[g]}/${ids.join(',')}`;
      }
      let number = shapes.get(key);
      if (number === undefined) {
        number = shapes.size;
        shapes.set(key, number);
      }
      shape[g] = number + 1;
    }
    const known = firstRoot.get(shape[root]!);
    if (known === undefined) firstRoot.set(shape[root]!, i);
    else first[i] = known;
  });
  return first;
}
