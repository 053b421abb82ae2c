// Independent input groups and the variable order on random fault structures: grouping leaves
// every root's function unchanged (checked on every state of the events), every gate it adds
// is a module, and the variable order is a permutation of the cluster's leaves that puts a
// top's own leaves beside the shared leaf they are read with.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { groupIndependentInputs } from '../../../../src/analysis/reliability/exact/independent-inputs.js';
import { findModules } from '../../../../src/analysis/reliability/exact/modules.js';
import { variableOrder } from '../../../../src/analysis/reliability/exact/variable-order.js';
import { AT_LEAST } from '../../../../src/analysis/reliability/structure.js';
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

  it('give a variable order that is a permutation of the leaves, from one top or several', () => {
    fc.assert(
      fc.property(structure, fc.integer({ min: 1, max: 4 }), (s, topCount) => {
        const tops = Array.from(
          { length: Math.min(topCount, s.kind.length) },
          (_, i) => s.kind.length - 1 - i,
        );
        const gates = Array.from({ length: s.kind.length }, (_, g) => g);
        const leaves = Array.from({ length: EVENTS }, (_, x) => -1 - x);
        const order = variableOrder(s, tops, gates, leaves);
        expect([...order].sort((a, b) => a - b)).toEqual([...leaves].sort((a, b) => a - b));
      }),
      { numRuns: 200, seed: 3 },
    );
  });

  it('places a top’s own leaf beside the shared leaf it is read with', () => {
    // Tops: a wide OR over x0..x5 and, for each i, OR(x_i, y_i) with y_i read by it alone.
    // A walk would put every y_i after all the x_i, so their AND keeps 2^6 states open.
    const X = 6;
    const x = (i: number) => -1 - i;
    const y = (i: number) => -1 - X - i;
    const children = [...Array.from({ length: X }, (_, i) => x(i))];
    const childStart = [0, X];
    for (let i = 0; i < X; i++) {
      children.push(x(i), y(i));
      childStart.push(children.length);
    }
    const gates = X + 1;
    const s = {
      events: Array.from({ length: 2 * X }, (_, e) => ({
        id: `e${e}`,
        up: 0.9,
        down: 0.1,
        members: [],
      })),
      kind: new Uint8Array(gates).fill(AT_LEAST),
      k: new Int32Array(gates).fill(1),
      childStart: Int32Array.from(childStart),
      children: Int32Array.from(children),
      blockOf: new Int32Array(gates).fill(-1),
      blocks: [],
      refOf: new Int32Array(0),
      eventOf: new Int32Array(0),
    };
    const tops = Array.from({ length: gates }, (_, g) => g);
    const leaves = [
      ...Array.from({ length: X }, (_, i) => x(i)),
      ...Array.from({ length: X }, (_, i) => y(i)),
    ];
    const order = variableOrder(s, tops, tops, leaves);
    for (let i = 0; i < X; i++) expect(order.indexOf(y(i))).toBe(order.indexOf(x(i)) + 1);
  });
});
