// The BDD manager against truth tables: random AND/OR/at-least-k formulas over a few
// variables, built in managers that start tiny (so the node arrays, the unique table and the
// operation cache grow many times on the way), must give the enumerated function and the
// enumerated probability; equal functions are equal nodes; the budget is enforced.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  Bdd,
  BddBudgetExceeded,
  FALSE,
  probability,
  TRUE,
} from '../../../../src/analysis/reliability/exact/bdd.js';

const VARS = 6;

type Formula =
  { var: number } | { op: 'and' | 'or'; args: Formula[] } | { atLeast: number; args: Formula[] };

const formula: fc.Arbitrary<Formula> = fc.letrec<{ f: Formula }>((tie) => ({
  f: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.record({ var: fc.nat(VARS - 1) }),
    fc.record({
      op: fc.constantFrom('and' as const, 'or' as const),
      args: fc.array(tie('f'), { minLength: 1, maxLength: 4 }),
    }),
    fc.record({
      atLeast: fc.integer({ min: 0, max: 4 }),
      args: fc.array(tie('f'), { minLength: 1, maxLength: 4 }),
    }),
  ),
})).f;

function evaluate(f: Formula, state: number): boolean {
  if ('var' in f) return ((state >> f.var) & 1) === 1;
  const values = f.args.map((g) => evaluate(g, state));
  if ('op' in f) return f.op === 'and' ? values.every(Boolean) : values.some(Boolean);
  return values.filter(Boolean).length >= f.atLeast;
}

function build(bdd: Bdd, f: Formula): number {
  if ('var' in f) return bdd.variable(f.var);
  const args = f.args.map((g) => build(bdd, g));
  if ('op' in f) return args.reduce((x, y) => (f.op === 'and' ? bdd.and(x, y) : bdd.or(x, y)));
  return bdd.atLeast(f.atLeast, args);
}

/** The value of node f in a state, by walking the diagram. */
function value(bdd: Bdd, f: number, state: number): boolean {
  while (f !== TRUE && f !== FALSE)
    f = (state >> bdd.levelOf(f)) & 1 ? bdd.highOf(f) : bdd.lowOf(f);
  return f === TRUE;
}

const up = [0.5, 0.9, 0.99, 0.3, 0.75, 0.999];

function enumerated(f: Formula): number {
  let p = 0;
  for (let state = 0; state < 1 << VARS; state++) {
    if (!evaluate(f, state)) continue;
    let weight = 1;
    for (let x = 0; x < VARS; x++) weight *= (state >> x) & 1 ? up[x]! : 1 - up[x]!;
    p += weight;
  }
  return p;
}

describe('the BDD manager', () => {
  it('builds the enumerated function and probability, growing from a tiny start', () => {
    fc.assert(
      fc.property(formula, formula, (f, g) => {
        const bdd = new Bdd(1 << 16, 16);
        const nf = build(bdd, f);
        const ng = build(bdd, g);
        let same = true;
        for (let state = 0; state < 1 << VARS; state++) {
          expect(value(bdd, nf, state)).toBe(evaluate(f, state));
          if (evaluate(f, state) !== evaluate(g, state)) same = false;
        }
        // Canonical: equal functions are one node, different ones are not.
        expect(nf === ng).toBe(same);
        const weighed = probability(
          bdd,
          nf,
          (l) => up[l]!,
          (l) => 1 - up[l]!,
        );
        expect(weighed.value).toBeCloseTo(enumerated(f), 12);
        expect(weighed.complement).toBeCloseTo(1 - enumerated(f), 12);
      }),
      { numRuns: 300, seed: 11 },
    );
  });

  it('stops at its node budget', () => {
    const bdd = new Bdd(40, 16);
    // The parity-like "at least half of 16 variables" needs more than 40 nodes.
    const vars = Array.from({ length: 16 }, (_, l) => bdd.variable(l));
    expect(() => bdd.atLeast(8, vars)).toThrow(BddBudgetExceeded);
  });
});
