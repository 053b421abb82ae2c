// Independent input groups and the variable order on random fault structures: grouping leaves
// every root's function unchanged (checked on every state of the events), every gate it adds
// is a module, and the variable order is a permutation of the cluster's leaves.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { groupIndependentInputs } from '../../../../src/analysis/reliability/exact/independent-inputs.js';
import { findModules } from '../../../../src/analysis/reliability/exact/modules.js';
import { variableOrder } from '../../../../src/analysis/reliability/exact/variable-order.js';
import { arbitraryStructure, gateValues } from './random-structure.js';

const EVENTS = 7;
const structure = arbitraryStructure(new Array<number>(EVENTS).fill(0.9));

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
          const before = gateValues(s, state);
          const after = gateValues(grouped, state);
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
