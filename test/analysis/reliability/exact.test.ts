// Exact availability against the enumeration of every state, on random small manifests with
// cycles, quorums, soft dependencies, services without an sla and virtual services.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyzeAvailability } from '../../../src/analysis/reliability/availability.js';
import { ExactSolver } from '../../../src/analysis/reliability/exact-availability.js';
import { reliabilityModel } from '../../../src/analysis/reliability/model.js';
import { recordSingleFailures } from '../../../src/analysis/outage/single-failures.js';
import { entryPoints } from '../../../src/model/compiled-graph.js';
import {
  arbitraryReliabilityManifest,
  enumeratedAvailability,
  enumeratedUnavailability,
  planOf,
} from './support.js';

/** Enough for a dozen services, and quick to allocate. */
const SMALL = { nodes: 1 << 14, totalNodes: 1 << 16, closureWork: 1 << 20, failuresInARow: 3 };

describe('exact availability', () => {
  it('equals the enumeration of all 2^n component states', () => {
    fc.assert(
      fc.property(arbitraryReliabilityManifest(), (manifest) => {
        const plan = planOf(manifest);
        const result = analyzeAvailability(plan, entryPoints(plan.graph));
        const expected = enumeratedAvailability(manifest);
        for (const [id, value] of expected) {
          expect(result.availability[id]!.method).toBe('exact');
          expect(result.availability[id]!.value).toBeCloseTo(value, 10);
        }
      }),
      { numRuns: 400, seed: 7 },
    );
  });

  it('gives the same value with the single points of failure factored out (the closed form) as without', () => {
    fc.assert(
      fc.property(arbitraryReliabilityManifest(12), (manifest) => {
        const plan = planOf(manifest);
        const model = reliabilityModel(plan.graph);
        const entries = entryPoints(plan.graph);
        const inFocus = new Uint8Array(plan.graph.n);
        for (const e of entries) inFocus[e] = 1;
        const { takesDown } = recordSingleFailures(plan, inFocus);
        for (const e of entries) {
          const spofs: number[] = [];
          takesDown.forEach((list, x) => {
            if (model.level[x]! >= 0 && list?.includes(e)) spofs.push(model.level[x]!);
          });
          const plain = new ExactSolver(model, SMALL).availability(e)!;
          const factored = new ExactSolver(model, SMALL).availability(e, spofs)!;
          expect(factored.value).toBeCloseTo(plain.value, 12);
        }
      }),
      { numRuns: 300, seed: 3 },
    );
  });

  it('keeps every digit of a tiny unavailability (SLAs of five to eight nines)', () => {
    const nines = fc.constantFrom(99.999, 99.9999, 99.99999, 99.999999);
    const highlyAvailable = arbitraryReliabilityManifest().chain((manifest) =>
      fc
        .array(nines, { minLength: manifest.services.length, maxLength: manifest.services.length })
        .map((slas) => ({
          ...manifest,
          services: manifest.services.map((s, i) => (s.virtual ? s : { ...s, sla: slas[i]! })),
        })),
    );
    fc.assert(
      fc.property(highlyAvailable, (manifest) => {
        const plan = planOf(manifest);
        const result = analyzeAvailability(plan, entryPoints(plan.graph));
        for (const [id, expected] of enumeratedUnavailability(manifest)) {
          const got = result.availability[id]!;
          expect(got.method).toBe('exact');
          // Relative precision: 1 − value would keep only about 5 digits of 1e-11.
          expect(Math.abs(got.unavailability - expected)).toBeLessThanOrEqual(expected * 1e-9);
        }
      }),
      { numRuns: 200, seed: 11 },
    );
  });
});
