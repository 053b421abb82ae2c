// Importance measures against conditioning by enumeration: A(i up) and A(i down) computed by
// enumerating every state with component i pinned, on random small manifests; all five
// measures follow from A, A(i up) and A(i down) by their definitions.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyzeAvailability } from '../../../src/analysis/reliability/availability.js';
import { entryPoints } from '../../../src/model/compiled-graph.js';
import {
  arbitraryReliabilityManifest,
  enumeratedAvailability,
  planOf,
  upProbability,
} from './support.js';

describe('importance', () => {
  it('equals all five measures computed by conditioning on each component', () => {
    fc.assert(
      fc.property(arbitraryReliabilityManifest(7), (manifest) => {
        const plan = planOf(manifest);
        const result = analyzeAvailability(plan, entryPoints(plan.graph));
        const base = enumeratedAvailability(manifest);
        const expected = new Map(
          [...base.keys()].map((e) => [e, new Map<string, Array<number | null>>()]),
        );
        for (const service of manifest.services) {
          const p = upProbability(service);
          if (p === 1) continue;
          const up = enumeratedAvailability(manifest, new Map([[service.id, true]]));
          const down = enumeratedAvailability(manifest, new Map([[service.id, false]]));
          for (const [e, a] of base) {
            const birnbaum = up.get(e)! - down.get(e)!;
            if (birnbaum < 1e-12) continue;
            const criticality = a < 1 ? (birnbaum * (1 - p)) / (1 - a) : 0;
            const raw = a < 1 ? (1 - down.get(e)!) / (1 - a) : 1;
            const fussellVesely = ((1 - p) * (1 - down.get(e)!)) / (1 - a);
            const whenPerfect = 1 - up.get(e)!;
            const rrw = whenPerfect > 1e-12 ? (1 - a) / whenPerfect : null;
            expected.get(e)!.set(service.id, [birnbaum, criticality, raw, fussellVesely, rrw]);
          }
        }
        for (const [e, components] of expected) {
          const ranked = result.importance[e]!;
          expect(ranked.map((c) => c.id).sort()).toEqual([...components.keys()].sort());
          for (const c of ranked) {
            const [birnbaum, criticality, raw, fussellVesely, rrw] = components.get(c.id)!;
            expect(c.birnbaum).toBeCloseTo(birnbaum!, 9);
            expect(c.criticality).toBeCloseTo(criticality!, 6);
            expect(c.raw / raw!).toBeCloseTo(1, 6);
            expect(c.fussellVesely).toBeCloseTo(fussellVesely!, 6);
            if (rrw === null) expect(c.rrw).toBeNull();
            else expect(c.rrw! / rrw!).toBeCloseTo(1, 6);
          }
          for (let i = 1; i < ranked.length; i++) {
            expect(ranked[i - 1]!.criticality).toBeGreaterThanOrEqual(ranked[i]!.criticality);
          }
        }
      }),
      { numRuns: 150, seed: 11 },
    );
  });
});
