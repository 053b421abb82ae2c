// Merging equal gates on random fault structures given a copy of every gate (its inputs listed
// in another order, each reading the original or the copy of a gate at random): every root's
// function is the same on every state of the events, its probability (module solver) the same
// as by the truth table, and no two gates read after merging are equal.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mergeEqualGates } from '../../../../src/analysis/reliability/exact/equal-gates.js';
import { ModuleSolver } from '../../../../src/analysis/reliability/exact/module-solver.js';
import { findModules } from '../../../../src/analysis/reliability/exact/modules.js';
import {
  AND,
  AT_LEAST,
  type FaultStructure,
  type Ref,
} from '../../../../src/analysis/reliability/structure.js';
import { arbitraryStructure, firstDifference, truthTable } from './random-structure.js';

const EVENTS = 6;
const UP = [0.9, 0.8, 0.95, 0.7, 0.99, 0.6];
const structure = arbitraryStructure(UP, [AND, AT_LEAST, AT_LEAST], 3);

/** s with gate n + g a copy of gate g, reading the copy of an input gate where `toCopy` says. */
function doubled(s: FaultStructure, toCopy: readonly boolean[]): FaultStructure {
  const n = s.kind.length;
  const children: Ref[] = [];
  const childStart = [0];
  for (let copy = 0; copy < 2; copy++) {
    for (let g = 0; g < n; g++) {
      const inputs = Array.from(s.children.subarray(s.childStart[g]!, s.childStart[g + 1]!));
      if (copy === 1) inputs.reverse();
      children.push(
        ...inputs.map((c, i) =>
          copy === 1 && c >= 0 && toCopy[(g + i) % toCopy.length] ? c + n : c,
        ),
      );
      childStart.push(children.length);
    }
  }
  const twice = <T extends Uint8Array | Int32Array>(a: T, make: (n: number) => T): T => {
    const out = make(2 * n);
    out.set(a);
    out.set(a, n);
    return out;
  };
  return {
    ...s,
    kind: twice(s.kind, (m) => new Uint8Array(m)),
    k: twice(s.k, (m) => new Int32Array(m)),
    blockOf: new Int32Array(2 * n).fill(-1),
    childStart: Int32Array.from(childStart),
    children: Int32Array.from(children),
  };
}

/** The gates read by the gates reached from `roots`. */
function readGates(s: FaultStructure, roots: readonly number[]): Set<number> {
  const read = new Set<number>();
  for (const g of findModules(s, roots).postorder)
    for (let j = s.childStart[g]!; j < s.childStart[g + 1]!; j++)
      if (s.children[j]! >= 0) read.add(s.children[j]!);
  return read;
}

function key(s: FaultStructure, g: number): string {
  const inputs = Array.from(s.children.subarray(s.childStart[g]!, s.childStart[g + 1]!));
  const idempotent = s.kind[g] === AND || s.k[g] === 1;
  const own = idempotent ? [...new Set(inputs)] : inputs;
  return `${s.kind[g]}/${s.k[g]}/${own.sort((a, b) => a - b).join(',')}`;
}

/** s doubled, its two roots (the last gate and its copy), and the doubled structure merged. */
function mergedTwins(s: FaultStructure, toCopy: readonly boolean[]) {
  const n = s.kind.length;
  const d = doubled(s, toCopy);
  const roots = [n - 1, 2 * n - 1];
  return { n, d, roots, merged: mergeEqualGates(d, roots) };
}

describe('equal gates', () => {
  it('merge into one, keeping every root’s function and probability', () => {
    let fewer = 0;
    fc.assert(
      fc.property(
        structure,
        fc.array(fc.boolean(), { minLength: 1, maxLength: 8 }),
        (s, toCopy) => {
          const { n, d, roots, merged } = mergedTwins(s, toCopy);
          expect(merged.kind.length).toBe(2 * n);
          expect(firstDifference(d, merged, roots, EVENTS)).toBe(-1);
          const solver = new ModuleSolver(merged, findModules(merged, roots));
          solver.solveModules();
          for (const r of roots) expect(solver.solve(r)!.p).toBeCloseTo(truthTable(d, r, UP), 12);
          const read = [...readGates(merged, roots)];
          const keys = read.map((g) => key(merged, g));
          expect(new Set(keys).size).toBe(keys.length);
          fewer += readGates(d, roots).size - read.length;
        },
      ),
      { numRuns: 250, seed: 13 },
    );
    // Copies were read and merged away (the property is not vacuous).
    expect(fewer).toBeGreaterThan(100);
  });

  it('merge inputs of wide gates too (read once where idempotent)', () => {
    // Gates of up to 30 inputs over 30 gates: a merged gate wider than 16 drops its repeats
    // through a set, a narrower one by a scan of what it has written.
    let wide = 0;
    fc.assert(
      fc.property(
        arbitraryStructure(UP, [AND, AT_LEAST, AT_LEAST], 3, { inputs: 30, gates: 30, least: 20 }),
        fc.array(fc.boolean(), { minLength: 1, maxLength: 8 }),
        (s, toCopy) => {
          const { n, d, roots, merged } = mergedTwins(s, toCopy);
          expect(firstDifference(d, merged, roots, EVENTS)).toBe(-1);
          for (let g = 0; g < 2 * n; g++) {
            const width = d.childStart[g + 1]! - d.childStart[g]!;
            if (width > 16) wide++;
            const inputs = Array.from(
              merged.children.subarray(merged.childStart[g]!, merged.childStart[g + 1]!),
            );
            const idempotent = merged.kind[g] === AND || merged.k[g] === 1;
            if (idempotent) expect(new Set(inputs).size).toBe(inputs.length);
            else expect(inputs.length).toBe(width);
          }
        },
      ),
      { numRuns: 60, seed: 17 },
    );
    expect(wide).toBeGreaterThan(20);
  });

  it('leave a structure without equal gates as it is', () => {
    const s: FaultStructure = {
      events: UP.slice(0, 3).map((p, x) => ({ id: `e${x}`, up: p, down: 1 - p, members: [] })),
      kind: Uint8Array.from([AND, AT_LEAST, AND]),
      k: Int32Array.from([0, 1, 0]),
      childStart: Int32Array.from([0, 2, 4, 6]),
      children: Int32Array.from([-1, -2, -1, -2, 0, 1]),
      blockOf: new Int32Array(3).fill(-1),
      blocks: [],
      refOf: new Int32Array(0),
      eventOf: new Int32Array(0),
    };
    expect(mergeEqualGates(s, [2])).toBe(s);
  });
});
