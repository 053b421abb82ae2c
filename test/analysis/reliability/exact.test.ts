// Exact availability against the enumeration of every state, on random small manifests with
// cycles, quorums, soft dependencies, services without an sla and virtual services.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyzeAvailability } from '../../../src/analysis/reliability/availability.js';
import { entryPoints } from '../../../src/model/compiled-graph.js';
import {
  arbitraryReliabilityManifest,
  enumeratedAvailability,
  enumeratedUnavailability,
  planOf,
} from './support.js';

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
