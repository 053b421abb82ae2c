// Test support: random coherent fault trees (AND, OR and k-of-n gates over shared basic events),
// written as Open-PSA MEF. Gate g0 is the top; every other gate has a parent of lower index and
// may be shared by one more, and basic events may be shared by several gates, so the trees are
// acyclic graphs with repeated events, not just trees. And P(top) by enumerating every state.

import fc from 'fast-check';
import { mefDocument } from './open-psa-export.js';

export interface RandomFaultTree {
  /** Basic event e<i> fails with probabilities[i]. */
  probabilities: number[];
  gates: Array<{ connective: 'and' | 'or' | 'atleast'; min?: number; inputs: string[] }>;
}

/** Either common (1 % – 60 %) or rare (10⁻⁷ – 10⁻³), so that a top event can be very rare. */
const probability = fc.oneof(
  fc.double({ min: 0.01, max: 0.6, noNaN: true }),
  fc.double({ min: 1e-7, max: 1e-3, noNaN: true }),
);

const MAX_ATLEAST_WIDTH = 6;

export function arbitraryFaultTree(maxEvents = 20, maxGates = 8): fc.Arbitrary<RandomFaultTree> {
  const sizes = fc.record({
    events: fc.integer({ min: 2, max: maxEvents }),
    gates: fc.integer({ min: 1, max: maxGates }),
  });
  return sizes.chain(({ events, gates }) =>
    fc
      .record({
        probabilities: fc.array(probability, { minLength: events, maxLength: events }),
        parents: fc.array(fc.nat(), { minLength: gates, maxLength: gates }),
        homes: fc.array(fc.nat(gates - 1), { minLength: events, maxLength: events }),
        shared: fc.array(fc.array(fc.nat(events - 1), { maxLength: 3 }), {
          minLength: gates,
          maxLength: gates,
        }),
        sharedGates: fc.array(fc.nat(), { minLength: gates, maxLength: gates }),
        kinds: fc.array(fc.nat(), { minLength: gates, maxLength: gates }),
      })
      .map((choice) => build(choice)),
  );
}

function build(choice: {
  probabilities: number[];
  parents: number[];
  homes: number[];
  shared: number[][];
  sharedGates: number[];
  kinds: number[];
}): RandomFaultTree {
  const gateCount = choice.parents.length;
  const inputs = choice.parents.map(() => new Set<string>());
  for (let g = 1; g < gateCount; g++) inputs[choice.parents[g]! % g]!.add(`g${g}`);
  choice.homes.forEach((g, e) => inputs[g]!.add(`e${e}`));
  for (let g = 0; g < gateCount; g++) {
    for (const e of choice.shared[g]!) inputs[g]!.add(`e${e}`);
    // One more gate below this one, already used by its parent: a shared subtree.
    const later = gateCount - g - 1;
    if (later > 1 && choice.sharedGates[g]! % 3 === 0)
      inputs[g]!.add(`g${g + 1 + (choice.sharedGates[g]! % later)}`);
    for (let e = 0; inputs[g]!.size < 2; e++) inputs[g]!.add(`e${e}`);
  }
  const gates = inputs.map((set, g) => {
    const list = [...set];
    const kind = choice.kinds[g]!;
    if (kind % 3 === 0) return { connective: 'and' as const, inputs: list };
    // A wide k-of-n has C(n, k) minimal cut sets, which SCRAM lists one by one: at most 6.
    if (kind % 3 === 1 || list.length < 3 || list.length > MAX_ATLEAST_WIDTH)
      return { connective: 'or' as const, inputs: list };
    const min = 2 + (Math.floor(kind / 3) % (list.length - 2));
    return { connective: 'atleast' as const, min, inputs: list };
  });
  return { probabilities: choice.probabilities, gates };
}

export function faultTreeMef(tree: RandomFaultTree): string {
  const ref = (name: string) =>
    name.startsWith('g') ? `<gate name="${name}"/>` : `<basic-event name="${name}"/>`;
  const gates = tree.gates.map(({ connective, min, inputs }, g) => {
    const open = connective === 'atleast' ? `<atleast min="${min}">` : `<${connective}>`;
    return `<define-gate name="g${g}">${open}${inputs.map(ref).join('')}</${connective}></define-gate>`;
  });
  const events = tree.probabilities.map(
    (q, e) => `<define-basic-event name="e${e}"><float value="${q}"/></define-basic-event>`,
  );
  return mefDocument('random', gates, events);
}

/**
 * P(top) by enumerating every state of the basic events (2^n of them, so small n only), the
 * probabilities of the states where g0 fails summed directly: the referee where SCRAM and
 * blast-radius disagree.
 */
export function enumeratedTopProbability(tree: RandomFaultTree): number {
  const n = tree.probabilities.length;
  const failed = new Uint8Array(tree.gates.length);
  let total = 0;
  for (let state = 0; state < 2 ** n; state++) {
    const value = (name: string) =>
      name.startsWith('g') ? failed[Number(name.slice(1))]! : (state >> Number(name.slice(1))) & 1;
    // A gate's inputs have higher indices: evaluate from the last gate to the top.
    for (let g = tree.gates.length - 1; g >= 0; g--) {
      const { connective, min, inputs } = tree.gates[g]!;
      const count = inputs.reduce((sum, name) => sum + value(name), 0);
      const needed = connective === 'and' ? inputs.length : connective === 'or' ? 1 : min!;
      failed[g] = count >= needed ? 1 : 0;
    }
    if (!failed[0]) continue;
    let p = 1;
    tree.probabilities.forEach((q, e) => (p *= (state >> e) & 1 ? q : 1 - q));
    total += p;
  }
  return total;
}
