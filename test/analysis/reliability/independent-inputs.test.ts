// Independent input groups and the variable order on random fault structures: grouping leaves
// every root's function unchanged (checked on every state of the events), every gate it adds
// is a module, and the variable order is a permutation of the cluster's leaves.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { groupIndependentInputs } from '../../../src/analysis/reliability/independent-inputs.js';
import { findModules } from '../../../src/analysis/reliability/modules.js';
import {
  AND,
  AT_LEAST,
  type FaultStructure,
  type Ref,
} from '../../../src/analysis/reliability/structure.js';
import { variableOrder } from '../../../src/analysis/reliability/variable-order.js';

const EVENTS = 7;

/** Gates in topological order: each reads events and earlier gates. */
const structure: fc.Arbitrary<FaultStructure> = fc
  .array(
    fc.record({
      kind: fc.constantFrom(AND, AT_LEAST, AT_LEAST),
      k: fc.integer({ min: 1, max: 3 }),
      inputs: fc.uniqueArray(fc.integer({ min: 0, max: EVENTS + 12 }), {
        minLength: 1,
        maxLength: 6,
      }),
    }),
    { minLength: 1, maxLength: 12 },
  )
  .map((specs) => {
    const kind: number[] = [];
    const k: number[] = [];
    const childStart = [0];
    const children: Ref[] = [];
    specs.forEach((spec, g) => {
      // Below EVENTS: an event; above: an earlier gate (or an event when there is none).
      const refs = [
        ...new Set(
          spec.inputs.map((i) => (i < EVENTS || g === 0 ? -1 - (i % EVENTS) : (i - EVENTS) % g)),
        ),
      ];
      kind.push(spec.kind);
      k.push(spec.kind === AND ? 0 : Math.min(spec.k, refs.length));
      children.push(...refs);
      childStart.push(children.length);
    });
    return {
      events: Array.from({ length: EVENTS }, (_, x) => ({
        id: `e${x}`,
        up: 0.9,
        down: 0.1,
        members: [],
      })),
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

/** Every gate's value in one state of the events (gates read only earlier gates or new ones). */
function values(s: FaultStructure, state: number): boolean[] {
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

describe('independent input groups', () => {
  it('keep every root’s function, and each added gate is a module', () => {
    let added = 0;
    fc.assert(
      fc.property(structure, fc.integer({ min: 1, max: 3 }), (s, rootCount) => {
        const gates = s.kind.length;
        const roots = Array.from({ length: Math.min(rootCount, gates) }, (_, i) => gates - 1 - i);
        const grouped = groupIndependentInputs(s, roots);
        added += grouped.kind.length - gates;
        for (let state = 0; state < 1 << EVENTS; state++) {
          const before = values(s, state);
          const after = values(grouped, state);
          for (const r of roots) expect(after[r]).toBe(before[r]);
        }
        const { isModule, postorder } = findModules(grouped, roots);
        for (let g = gates; g < grouped.kind.length; g++) {
          expect(Array.from(postorder)).toContain(g);
          expect(isModule[g], `added gate ${g}`).toBe(1);
        }
      }),
      { numRuns: 250, seed: 5 },
    );
    // The random structures do have groups to make (the property is not vacuous).
    expect(added).toBeGreaterThan(20);
  });

  it('give a variable order that is a permutation of the leaves', () => {
    fc.assert(
      fc.property(structure, (s) => {
        const top = s.kind.length - 1;
        const gates = Array.from({ length: s.kind.length }, (_, g) => g);
        const leaves = Array.from({ length: EVENTS }, (_, x) => -1 - x);
        const order = variableOrder(s, [top], gates, leaves);
        expect([...order].sort((a, b) => a - b)).toEqual([...leaves].sort((a, b) => a - b));
      }),
      { numRuns: 100, seed: 3 },
    );
  });
});
