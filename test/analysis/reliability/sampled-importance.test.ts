// The single points of failure ranked for a sampled entry point: taken by odds of failure and
// cut once the rest cannot reach the top, they must rank exactly as the whole list would, on
// random manifests with a small limit (the first `limit` of the ranking of all of them), and
// on manifests whose components share one or two SLAs, where most of them tie on every measure
// and only their ids order them.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyzeAvailability } from '../../../src/analysis/reliability/availability.js';
import { entryPoints } from '../../../src/model/compiled-graph.js';
import type { Manifest } from '../../../src/manifest/types.js';
import { arbitraryCorrelatedManifest, arbitraryReliabilityManifest, planOf } from './support.js';

const SAMPLED = { work: 1, minSamples: 2048, maxSamples: 2048, seed: 5 };

/** Every entry point's ranking with `limit` is the first `limit` of its whole ranking; cuts. */
function rankedAsTheWhole(manifest: Manifest, limit: number): number {
  const plan = planOf(manifest);
  const entries = entryPoints(plan.graph);
  const options = { exactPartLimit: 0, monteCarlo: SAMPLED };
  const all = analyzeAvailability(plan, entries, { ...options, importanceLimit: Infinity });
  const top = analyzeAvailability(plan, entries, { ...options, importanceLimit: limit });
  expect(top.availability).toEqual(all.availability);
  let cut = 0;
  for (const [id, ranked] of Object.entries(all.importance)) {
    if (all.availability[id]!.method === 'monte-carlo' && ranked.length > limit) cut++;
    expect(top.importance[id]).toEqual(ranked.slice(0, limit));
  }
  return cut;
}

/** The manifest with every sla replaced by one of `slas` (by the service's place). */
function withSlas(manifest: Manifest, slas: readonly number[]): Manifest {
  return {
    ...manifest,
    services: manifest.services.map((s, i) =>
      s.sla === undefined ? s : { ...s, sla: slas[i % slas.length]! },
    ),
  };
}

describe('importance of a sampled entry point', () => {
  it('ranks the first components of the whole ranking, whatever the limit', () => {
    let cut = 0;
    fc.assert(
      fc.property(
        fc.oneof(arbitraryReliabilityManifest(12), arbitraryCorrelatedManifest()),
        fc.integer({ min: 1, max: 3 }),
        (manifest, limit) => {
          cut += rankedAsTheWhole(manifest, limit);
        },
      ),
      { numRuns: 200, seed: 41 },
    );
    expect(cut).toBeGreaterThan(20);
  });

  it('ranks components of equal SLAs by id, the first `limit` of them only', () => {
    let cut = 0;
    fc.assert(
      fc.property(
        arbitraryReliabilityManifest(14),
        fc.constantFrom([99], [99, 99.9], [90, 99.99], [99.9, 99.9000001]),
        fc.integer({ min: 1, max: 3 }),
        (manifest, slas, limit) => {
          cut += rankedAsTheWhole(withSlas(manifest, slas), limit);
        },
      ),
      { numRuns: 200, seed: 43 },
    );
    expect(cut).toBeGreaterThan(20);
  });
});
