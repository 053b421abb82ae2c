// Nested gates of one kind coalesced: an AND read by one AND only (or an OR, at least 1 of n,
// read by one OR only) gives its inputs to the gate above, which reads them directly, since
// AND and OR are associative and idempotent. Fewer, wider gates mean fewer intermediate BDDs.
// A gate read by a root or by more than one gate is kept, so what is shared is built once, and
// so is a module (solved once, it stands as one variable in its reader's diagram). The
// function of every gate reached from the roots is unchanged (gates absorbed keep their own
// inputs, and are no longer reached).

import { findModules } from './modules.js';
import { AND, AT_LEAST, type FaultStructure, type Ref } from '../structure.js';

/** The structure with every single-reader gate merged into a reader of the same kind. */
export function coalesceGates(structure: FaultStructure, roots: readonly Ref[]): FaultStructure {
  const { kind, k, childStart, children } = structure;
  const { postorder, isModule } = findModules(structure, roots);
  const readers = new Int32Array(kind.length);
  // A root counts as two readers (never absorbed), once however many entry points share it.
  const isRoot = new Uint8Array(kind.length);
  for (const r of roots) if (r >= 0 && r < kind.length && isRoot[r] === 0) isRoot[r] = 1;
  for (let g = 0; g < kind.length; g++) if (isRoot[g] === 1) readers[g]! += 2;
  for (const g of postorder)
    for (let j = childStart[g]!; j < childStart[g + 1]!; j++) {
      const c = children[j]!;
      if (c >= 0 && c < kind.length) readers[c]!++;
    }
  const family = (g: number): number =>
    kind[g] === AND ? 1 : kind[g] === AT_LEAST && k[g] === 1 ? 2 : 0;
  // Inputs first, so a chain of absorbed gates arrives already flattened.
  const flat = new Map<number, Ref[]>();
  for (const g of postorder) {
    const f = family(g);
    if (f === 0) continue;
    let merged = false;
    const inputs: Ref[] = [];
    for (let j = childStart[g]!; j < childStart[g + 1]!; j++) {
      const c = children[j]!;
      if (c >= 0 && c < kind.length && readers[c] === 1 && family(c) === f && isModule[c] === 0) {
        merged = true;
        inputs.push(...(flat.get(c) ?? children.subarray(childStart[c]!, childStart[c + 1]!)));
      } else inputs.push(c);
    }
    if (merged) flat.set(g, [...new Set(inputs)]);
  }
  if (flat.size === 0) return structure;
  const list: Ref[] = [];
  const starts = new Int32Array(kind.length + 1);
  for (let g = 0; g < kind.length; g++) {
    starts[g] = list.length;
    const own = flat.get(g);
    if (own !== undefined) list.push(...own);
    else for (let j = childStart[g]!; j < childStart[g + 1]!; j++) list.push(children[j]!);
  }
  starts[kind.length] = list.length;
  return { ...structure, childStart: starts, children: Int32Array.from(list) };
}
