// Coalescing nested gates of one kind on random fault structures: every root's function is the
// same on every state of the events, its probability (by the module solver, exact) the same
// as by the truth table, and a root, a module or a gate read by two gates is never absorbed.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { coalesceGates } from '../../../../src/analysis/reliability/exact/coalesced-gates.js';
import { ModuleSolver } from '../../../../src/analysis/reliability/exact/module-solver.js';
import { findModules } from '../../../../src/analysis/reliability/exact/modules.js';
import {
  AND,
  AT_LEAST,
  type FaultStructure,
} from '../../../../src/analysis/reliability/structure.js';
import { SEVEN_UP, arbitraryStructure, firstDifference, truthTable } from './random-structure.js';

const UP = SEVEN_UP;
const EVENTS = UP.length;

// ORs (at least 1) about as often as ANDs.
const structure = arbitraryStructure(UP, [AND, AND, AT_LEAST, AT_LEAST], 2);

function readers(s: FaultStructure, roots: readonly number[]): number[] {
  const count = new Array<number>(s.kind.length).fill(0);
  const { postorder } = findModules(s, roots);
  for (const g of postorder)
    for (let j = s.childStart[g]!; j < s.childStart[g + 1]!; j++)
      if (s.children[j]! >= 0) count[s.children[j]!]!++;
  return count;
}

describe('coalesced gates', () => {
  it('keep every root’s function and probability', () => {
    let absorbed = 0;
    fc.assert(
      fc.property(structure, fc.integer({ min: 1, max: 3 }), (s, rootCount) => {
        const gates = s.kind.length;
        const roots = Array.from({ length: Math.min(rootCount, gates) }, (_, i) => gates - 1 - i);
        const merged = coalesceGates(s, roots);
        expect(merged.kind.length).toBe(gates);
        expect(firstDifference(s, merged, roots, EVENTS)).toBe(-1);
        const solver = new ModuleSolver(merged, findModules(merged, roots));
        solver.solveModules();
        for (const r of roots) {
          const solved = solver.solve(r)!;
          expect(solved.p).toBeCloseTo(truthTable(s, r, UP), 12);
        }
        // Shared gates, modules and roots stay; only single-reader gates drop out of reach.
        const was = readers(s, roots);
        const { isModule } = findModules(s, roots);
        const now = readers(merged, roots);
        for (let g = 0; g < gates; g++) {
          if (was[g]! > 0 && now[g] === 0) {
            absorbed++;
            expect(roots).not.toContain(g);
            expect(was[g]).toBe(1);
            expect(isModule[g], `gate ${g}`).toBe(0);
          }
        }
      }),
      { numRuns: 250, seed: 11 },
    );
    // The random structures do have gates to coalesce (the property is not vacuous).
    expect(absorbed).toBeGreaterThan(50);
  });
});
