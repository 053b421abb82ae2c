// Common inputs factored out on random fault structures with one root: every gate keeps its
// function on every state of the events (the root's included), the root's probability by the
// module solver equals the truth table's, and afterwards no two AND gates (nor two OR gates)
// reached from the root share two inputs. With several roots the structure is left as it is.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { factorCommonInputs } from '../../../../src/analysis/reliability/exact/common-inputs.js';
import { ModuleSolver } from '../../../../src/analysis/reliability/exact/module-solver.js';
import { findModules } from '../../../../src/analysis/reliability/exact/modules.js';
import {
  AND,
  AT_LEAST,
  type FaultStructure,
} from '../../../../src/analysis/reliability/structure.js';
import { SEVEN_UP, arbitraryStructure, gateValues, truthTable } from './random-structure.js';

const UP = SEVEN_UP;
const EVENTS = UP.length;

// ORs (at least 1) about as often as ANDs, and some 2-of-n gates, which are left alone.
const structure = arbitraryStructure(UP, [AND, AND, AT_LEAST, AT_LEAST], 2);

/** Pairs of reached gates of one kind (AND, or OR) that still share two or more inputs. */
function sharingPairs(s: FaultStructure, roots: readonly number[]): number {
  const family = (g: number) =>
    s.kind[g] === AND ? 1 : s.kind[g] === AT_LEAST && s.k[g] === 1 ? 2 : 0;
  const gates = [...findModules(s, roots).postorder].filter((g) => family(g) !== 0);
  const inputs = (g: number) =>
    new Set(s.children.subarray(s.childStart[g]!, s.childStart[g + 1]!));
  let pairs = 0;
  for (const a of gates)
    for (const b of gates) {
      if (b <= a || family(a) !== family(b)) continue;
      const theirs = inputs(b);
      if ([...inputs(a)].filter((c) => theirs.has(c)).length >= 2) pairs++;
    }
  return pairs;
}

describe('common inputs factored out', () => {
  it('keep every gate’s function and the root’s probability, and leave no shared pair', () => {
    let factored = 0;
    fc.assert(
      fc.property(structure, (s) => {
        const gates = s.kind.length;
        const roots = [gates - 1];
        if (gates > 1) expect(factorCommonInputs(s, [gates - 1, gates - 2])).toBe(s);
        const reached = findModules(s, roots).postorder;
        const after = factorCommonInputs(s, roots);
        if (after !== s) factored++;
        for (let state = 0; state < 1 << EVENTS; state++) {
          const was = gateValues(s, state);
          const now = gateValues(after, state);
          for (const g of reached) expect(now[g], `gate ${g}, state ${state}`).toBe(was[g]);
        }
        expect(sharingPairs(after, roots)).toBe(0);
        const solver = new ModuleSolver(after, findModules(after, roots));
        solver.solveModules();
        for (const r of roots) expect(solver.solve(r)!.p).toBeCloseTo(truthTable(s, r, UP), 12);
      }),
      { numRuns: 250, seed: 13 },
    );
    // The random structures do have inputs to factor (the property is not vacuous).
    expect(factored).toBeGreaterThan(50);
  });
});
