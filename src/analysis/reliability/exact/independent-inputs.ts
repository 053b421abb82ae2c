// Independent groups of an AND or OR gate's inputs made modules of their own. Inputs of an
// associative gate that share nothing with the rest of the structure but among themselves
// (everything below them is visited only inside the gate's visit window, and their windows
// overlap no input that reaches outside) form a new gate of the same kind, which is a module:
// solved once on its own, it stands as one variable in the diagram of the gate above. The
// modular groups of one gate are gathered in one more gate when other inputs remain, so the
// gate above sees one variable for all of them. The function of every gate is unchanged.

import { visitDates } from './modules.js';
import { AND, AT_LEAST, CYCLE, type FaultStructure, type Ref } from '../structure.js';

/** The structure with the modular input groups of its AND and OR gates as gates of their own. */
export function groupIndependentInputs(
  structure: FaultStructure,
  roots: readonly Ref[],
): FaultStructure {
  const { kind, k, childStart, children } = structure;
  const dates = visitDates(structure, roots);
  const { first, second, last, eventFirst, eventLast, low, high } = dates;
  const rewritten = new Map<number, Ref[]>();
  const added: { kind: number; k: number; inputs: Ref[] }[] = [];
  const gates = kind.length;
  for (const g of dates.postorder) {
    const n = childStart[g + 1]! - childStart[g]!;
    const associative = kind[g] === AND || (kind[g] === AT_LEAST && k[g] === 1);
    if (!associative || n < 3) continue;
    // No input reached only from inside g: no group can be modular, nothing to rewrite.
    let anyModular = false;
    for (let j = childStart[g]!; j < childStart[g + 1]! && !anyModular; j++) {
      const c = children[j]!;
      const lo = c < 0 ? eventFirst[-1 - c]! : Math.min(first[c]!, low[c]!);
      const hi = c < 0 ? eventLast[-1 - c]! : Math.max(last[c]!, high[c]!);
      anyModular = (c < 0 || kind[c] !== CYCLE) && lo > first[g]! && hi < second[g]!;
    }
    if (!anyModular) continue;
    const inputs: { c: Ref; lo: number; hi: number; modular: boolean }[] = [];
    for (let j = childStart[g]!; j < childStart[g + 1]!; j++) {
      const c = children[j]!;
      const lo = c < 0 ? eventFirst[-1 - c]! : Math.min(first[c]!, low[c]!);
      const hi = c < 0 ? eventLast[-1 - c]! : Math.max(last[c]!, high[c]!);
      const modular = (c < 0 || kind[c] !== CYCLE) && lo > first[g]! && hi < second[g]!;
      inputs.push({ c, lo, hi, modular });
    }
    // Inputs whose windows overlap (they may share something) in one group, by a sweep.
    const byLow = [...inputs].sort((x, y) => x.lo - y.lo);
    const groups: (typeof inputs)[] = [];
    let reach = -1;
    for (const input of byLow) {
      if (input.lo > reach) groups.push([]);
      groups[groups.length - 1]!.push(input);
      reach = Math.max(reach, input.hi);
    }
    const modular = groups.filter((group) => group.every((input) => input.modular));
    if (modular.length === groups.length && modular.length === 1) continue;
    const gateKind = kind[g]!;
    const make = (refs: Ref[]): Ref => {
      if (refs.length === 1) return refs[0]!;
      added.push({ kind: gateKind, k: gateKind === AND ? 0 : 1, inputs: refs });
      return gates + added.length - 1;
    };
    const items = modular.map((group) => make(inOrder(group)));
    const rest = groups.filter((group) => !group.every((input) => input.modular)).flat();
    if (
      rest.length === 0 &&
      items.length === modular.length &&
      modular.every((x) => x.length === 1)
    )
      continue;
    const grouped = rest.length > 0 && items.length > 1 ? [make(items)] : items;
    if (grouped.length + rest.length === n) continue;
    rewritten.set(g, [...inOrder(rest), ...grouped]);
  }
  if (rewritten.size === 0) return structure;
  return rebuilt(structure, rewritten, added);
}

/** The inputs' references in the order the gate lists them (their first visits). */
function inOrder(inputs: readonly { c: Ref; lo: number }[]): Ref[] {
  return [...inputs].sort((x, y) => x.lo - y.lo).map((input) => input.c);
}

/** The structure with gates' inputs `rewritten` and gates `added` after the existing ones. */
export function rebuilt(
  structure: FaultStructure,
  rewritten: ReadonlyMap<number, Ref[]>,
  added: readonly { kind: number; k: number; inputs: Ref[] }[],
): FaultStructure {
  const old = structure.kind.length;
  const total = old + added.length;
  const kind = new Uint8Array(total);
  const k = new Int32Array(total);
  const blockOf = new Int32Array(total).fill(-1);
  kind.set(structure.kind);
  k.set(structure.k);
  blockOf.set(structure.blockOf);
  const childStart = new Int32Array(total + 1);
  const list: Ref[] = [];
  for (let g = 0; g < total; g++) {
    childStart[g] = list.length;
    if (g >= old) {
      const gate = added[g - old]!;
      kind[g] = gate.kind;
      k[g] = gate.k;
      for (const c of gate.inputs) list.push(c);
    } else {
      const own = rewritten.get(g);
      if (own !== undefined) for (const c of own) list.push(c);
      else
        for (let j = structure.childStart[g]!; j < structure.childStart[g + 1]!; j++)
          list.push(structure.children[j]!);
    }
  }
  childStart[total] = list.length;
  return { ...structure, kind, k, blockOf, childStart, children: Int32Array.from(list) };
}
