// Random small fault structures for the tests of the structure rewrites, and every gate's
// value in one state of the events (the truth table, a row at a time).

import fc from 'fast-check';
import {
  AND,
  AT_LEAST,
  type FaultStructure,
  type Ref,
} from '../../../../src/analysis/reliability/structure.js';

/** Seven events' probabilities of being up, for the rewrites' truth-table properties. */
export const SEVEN_UP = [0.9, 0.8, 0.95, 0.7, 0.99, 0.85, 0.6];

/**
 * Gates in topological order, each reading events and earlier gates: AND or at-least-k with k
 * up to maxK, over events whose probabilities of being up are `up`; up to `wide.gates` gates
 * (default 12), each reading up to `wide.inputs` (default 6), and at least `wide.least` of each.
 */
export function arbitraryStructure(
  up: readonly number[],
  kinds: readonly number[] = [AND, AT_LEAST, AT_LEAST],
  maxK = 3,
  wide = { inputs: 6, gates: 12, least: 1 },
): fc.Arbitrary<FaultStructure> {
  const events = up.length;
  return fc
    .array(
      fc.record({
        kind: fc.constantFrom(...kinds),
        k: fc.integer({ min: 1, max: maxK }),
        inputs: fc.uniqueArray(fc.integer({ min: 0, max: events + wide.gates }), {
          minLength: wide.least,
          maxLength: wide.inputs,
        }),
      }),
      { minLength: wide.least, maxLength: wide.gates },
    )
    .map((specs) => {
      const kind: number[] = [];
      const k: number[] = [];
      const childStart = [0];
      const children: Ref[] = [];
      specs.forEach((spec, g) => {
        // Below `events`: an event; above: an earlier gate (or an event when there is none).
        const refs = [
          ...new Set(
            spec.inputs.map((i) => (i < events || g === 0 ? -1 - (i % events) : (i - events) % g)),
          ),
        ];
        kind.push(spec.kind);
        k.push(spec.kind === AND ? 0 : Math.min(spec.k, refs.length));
        children.push(...refs);
        childStart.push(children.length);
      });
      return {
        events: up.map((p, x) => ({ id: `e${x}`, up: p, down: 1 - p, members: [] })),
        kind: Uint8Array.from(kind),
        k: Int32Array.from(k),
        childStart: Int32Array.from(childStart),
        children: Int32Array.from(children),
        blockOf: new Int32Array(kind.length).fill(-1),
        blocks: [],
        refOf: new Int32Array(0),
        eventOf: new Int32Array(0),
      };
    });
}

/** Every gate's value in one state of the events (bit x: event x up); added gates may read later ones. */
export function gateValues(s: FaultStructure, state: number): boolean[] {
  const out: boolean[] = [];
  const of = (c: Ref): boolean => (c < 0 ? ((state >> (-1 - c)) & 1) === 1 : out[c]!);
  const done = new Uint8Array(s.kind.length);
  // Added gates have larger numbers than the gates that read them: settle by a worklist.
  for (let pass = 0; pass < s.kind.length; pass++) {
    for (let g = 0; g < s.kind.length; g++) {
      if (done[g]) continue;
      const inputs = Array.from(s.children.subarray(s.childStart[g]!, s.childStart[g + 1]!));
      if (inputs.some((c) => c >= 0 && !done[c])) continue;
      const up = inputs.filter(of).length;
      out[g] = s.kind[g] === AND ? up === inputs.length : up >= s.k[g]!;
      done[g] = 1;
    }
  }
  return out;
}

/** P(root up) by summing the truth table, event x up with probability up[x]. */
export function truthTable(s: FaultStructure, root: number, up: readonly number[]): number {
  let p = 0;
  for (let state = 0; state < 1 << up.length; state++) {
    if (!gateValues(s, state)[root]) continue;
    let w = 1;
    for (let x = 0; x < up.length; x++) w *= (state >> x) & 1 ? up[x]! : 1 - up[x]!;
    p += w;
  }
  return p;
}

/** The first state of `events` events in which some root differs between a and b, or −1. */
export function firstDifference(
  a: FaultStructure,
  b: FaultStructure,
  roots: readonly number[],
  events: number,
): number {
  for (let state = 0; state < 1 << events; state++) {
    const before = gateValues(a, state);
    const after = gateValues(b, state);
    if (roots.some((r) => after[r] !== before[r])) return state;
  }
  return -1;
}
