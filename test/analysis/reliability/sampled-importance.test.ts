// The single points of failure ranked for a sampled entry point: taken by odds of failure and
// cut once the rest cannot reach the top, they must rank exactly as the whole list would, on
// random manifests with a small limit (the first `limit` of the ranking of all of them).

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyzeAvailability } from '../../../src/analysis/reliability/availability.js';
import { entryPoints } from '../../../src/model/compiled-graph.js';
import { arbitraryCorrelatedManifest, arbitraryReliabilityManifest, planOf } from './support.js';

const SAMPLED = { work: 1, minSamples: 2048, maxSamples: 2048, seed: 5 };

describe('importance of a sampled entry point', () => {
  it('ranks the first components of the whole ranking, whatever the limit', () => {
    let cut = 0;
    fc.assert(
      fc.property(
        fc.oneof(arbitraryReliabilityManifest(12), arbitraryCorrelatedManifest()),
        fc.integer({ min: 1, max: 3 }),
        (manifest, limit) => {
          const plan = planOf(manifest);
          const entries = entryPoints(plan.graph);
          const options = { exactPartLimit: 0, monteCarlo: SAMPLED };
          const all = analyzeAvailability(plan, entries, { ...options, importanceLimit: Infinity });
          const top = analyzeAvailability(plan, entries, { ...options, importanceLimit: limit });
          expect(top.availability).toEqual(all.availability);
          for (const [id, ranked] of Object.entries(all.importance)) {
            if (all.availability[id]!.method === 'monte-carlo' && ranked.length > limit) cut++;
            expect(top.importance[id]).toEqual(ranked.slice(0, limit));
          }
        },
      ),
      { numRuns: 200, seed: 41 },
    );
    expect(cut).toBeGreaterThan(20);
  });
});
