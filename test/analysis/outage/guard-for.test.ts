// The pre-maintenance guard of an outage with a length judges the state at its end: against the
// brute-force statuses of that outage on random manifests with tolerances.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluateGuard } from '../../../src/analysis/outage/guard.js';
import { simulate } from '../../../src/analysis/outage/simulate.js';
import { compileGraph } from '../../../src/model/compiled-graph.js';
import { referenceStatusesFor } from '../../support/brute-force.js';
import { arbitraryManifest } from '../../support/random-manifest.js';

describe('--max-down and --forbid-down with --for', () => {
  it('cross their limits exactly when the brute-force outage of that length does', () => {
    fc.assert(
      fc.property(
        arbitraryManifest({ maxServices: 8, tolerances: true }),
        fc.array(fc.nat(), { minLength: 1, maxLength: 2 }),
        fc.nat({ max: 3 }),
        fc.nat(),
        fc.constantFrom(30, 60, 61, 120, 3600, 7200),
        (manifest, picks, maxDown, protectedPick, duration) => {
          const graph = compileGraph(manifest);
          const ids = manifest.services.map((s) => s.id);
          const failed = [...new Set(picks.map((p) => p % ids.length))].sort((a, b) => a - b);
          const guarded = ids[protectedPick % ids.length]!;
          const guard = evaluateGuard(simulate(graph, failed, { duration }), {
            maxDown,
            forbidDown: [{ selector: guarded, ids: [guarded] }],
          });
          const statuses = referenceStatusesFor(
            manifest,
            new Set(failed.map((v) => ids[v]!)),
            duration,
          );
          const down = [...statuses.values()].filter((s) => s === 'down').length;
          const lost = ['failed', 'down'].includes(statuses.get(guarded)!);
          expect(guard.passed).toBe(down <= maxDown && !lost);
          expect(guard.violations.map((v) => v.limit)).toEqual([
            ...(down > maxDown ? ['max-down'] : []),
            ...(lost ? ['forbid-down'] : []),
          ]);
        },
      ),
      { numRuns: 400 },
    );
  });
});
