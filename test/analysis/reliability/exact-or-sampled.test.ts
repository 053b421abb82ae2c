// Exact or sampled per entry point, against brute force on random small manifests with
// correlated failure domains: the size of each entry point's own part counted by a full walk
// (no cut-off), and every entry point given a number — exact ones equal to the enumeration of
// every joint state, sampled ones with a 95% interval that holds it (or, when no sample saw a
// failure, a bound above it).

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyzeAvailability } from '../../../src/analysis/reliability/availability.js';
import { commonCauses } from '../../../src/analysis/reliability/common-causes.js';
import { smallParts } from '../../../src/analysis/reliability/exact-or-sampled.js';
import { reliabilityModel } from '../../../src/analysis/reliability/model.js';
import { findModules } from '../../../src/analysis/reliability/exact/modules.js';
import {
  ALWAYS_UP,
  faultStructure,
  type FaultStructure,
} from '../../../src/analysis/reliability/structure.js';
import { entryPoints } from '../../../src/model/compiled-graph.js';
import {
  arbitraryCorrelatedManifest,
  enumerateJointStates,
  planOf,
  reachedFrom,
} from './support.js';

/** Gates and leaves below root down to the modules, all of them. */
function partSize(structure: FaultStructure, isModule: Uint8Array, root: number): number {
  return reachedFrom(structure, root, isModule).size;
}

describe('exact or sampled', () => {
  it('calls an entry point small exactly when its whole own part is within the limit', () => {
    fc.assert(
      fc.property(arbitraryCorrelatedManifest(), fc.nat(12), (manifest, limit) => {
        const { graph } = planOf(manifest);
        const model = reliabilityModel(graph);
        const structure = faultStructure(graph, model.up, model.down, commonCauses(graph));
        const roots = entryPoints(graph).map((e) => structure.refOf[e]!);
        const modules = findModules(structure, roots);
        const small = smallParts(structure, modules, roots, limit);
        roots.forEach((root, i) => {
          const trivial = root === ALWAYS_UP || root < 0 || modules.isModule[root] === 1;
          const expected = trivial || partSize(structure, modules.isModule, root) <= limit;
          expect(small[i]).toBe(expected ? 1 : 0);
        });
      }),
      { numRuns: 300, seed: 13 },
    );
  });

  it('gives every entry point a number that agrees with the enumeration of every joint state', () => {
    fc.assert(
      fc.property(arbitraryCorrelatedManifest(), fc.nat(6), (manifest, limit) => {
        const plan = planOf(manifest);
        const result = analyzeAvailability(plan, entryPoints(plan.graph), {
          exactPartLimit: limit,
          monteCarlo: { work: 1, minSamples: 8192, maxSamples: 8192, seed: 3 },
        });
        for (const [id, value] of enumerateJointStates(manifest)) {
          const got = result.availability[id]!;
          expect(got).toBeDefined();
          if (got.method === 'exact') {
            expect(got.value).toBeCloseTo(value, 10);
            continue;
          }
          // 99.9% of a 95% interval, widened: a few misses in 200 runs are chance, not a bug.
          const [low, high] = got.interval!;
          const slack = 4 * Math.sqrt((value * (1 - value)) / got.samples!) + 1e-9;
          expect(value).toBeGreaterThanOrEqual(low - slack);
          expect(value).toBeLessThanOrEqual(high + slack);
          if (got.unavailabilityBelow !== undefined)
            expect(1 - value).toBeLessThanOrEqual(got.unavailabilityBelow + slack);
        }
      }),
      { numRuns: 200, seed: 17 },
    );
  });
});
