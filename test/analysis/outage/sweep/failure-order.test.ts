// The orders the sweep chunks failures and components in hold every service once: any order
// gives the same results (the brute-force properties of analyze-reference check those), so a
// service left out or repeated is the one way an order could go wrong.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileGraph } from '../../../../src/model/compiled-graph.js';
import { planSweep } from '../../../../src/analysis/outage/outage-sweep.js';
import { failureOrder, reachOrder } from '../../../../src/analysis/outage/sweep/failure-order.js';
import { arbitraryManifest } from '../../../support/random-manifest.js';

describe('failure and reach orders', () => {
  it('are permutations of the services, the same on every call', () => {
    fc.assert(
      fc.property(arbitraryManifest({ maxServices: 40 }), (manifest) => {
        const plan = planSweep(compileGraph(manifest));
        const n = plan.order.length;
        const every = Array.from({ length: n }, (_, v) => v);
        for (const order of [failureOrder(plan), reachOrder(plan)])
          expect([...order].sort((a, b) => a - b)).toEqual(every);
        expect(failureOrder(plan)).toEqual(failureOrder(plan));
      }),
      { numRuns: 200 },
    );
  });
});
