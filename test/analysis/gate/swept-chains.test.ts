import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SweptChains } from '../../../src/analysis/gate/swept-chains.js';
import { FailureChains } from '../../../src/analysis/outage/failure-chains.js';
import { planSweep } from '../../../src/analysis/outage/outage-sweep.js';
import { Propagator } from '../../../src/analysis/outage/propagate.js';
import { singleFailureSweep } from '../../../src/analysis/outage/sweep/single-failure-sweep.js';
import { compileGraph } from '../../../src/model/compiled-graph.js';
import { arbitraryManifest } from '../../support/random-manifest.js';

/**
 * Every single failure of a random graph, each explaining the first service of a random
 * priority order that it takes down: the chains told during the sweep are those a whole
 * propagation tells, and every one was told during the sweep (none left to the fallback).
 */
function sweptAgreesWithPropagation(minServices: number, maxServices: number, numRuns: number) {
  fc.assert(
    fc.property(
      arbitraryManifest({ minServices, maxServices, virtual: true }).chain((manifest) =>
        fc.tuple(
          fc.constant(manifest),
          fc.shuffledSubarray(
            manifest.services.map((_, v) => v),
            { minLength: manifest.services.length },
          ),
        ),
      ),
      ([manifest, priority]) => {
        const graph = compileGraph(manifest);
        const swept = new SweptChains(graph, priority);
        singleFailureSweep(planSweep(graph), swept.observer);
        const reference = new FailureChains(graph);
        const full = new Propagator(graph);
        let expected = 0;
        for (let x = 0; x < graph.n; x++) {
          full.run([x], { degraded: false });
          const target = priority.find((t) => t !== x && full.status(t) !== 0);
          if (target === undefined || graph.services[x]!.virtual) continue;
          expected++;
          expect(swept.explain([x], target)).toEqual(reference.explain([x], target));
        }
        expect(swept.toldDuringSweep).toBe(expected);
      },
    ),
    { numRuns },
  );
}

describe('chains told during the sweep over every single failure', () => {
  it('are those of a whole propagation, on small graphs', () => {
    sweptAgreesWithPropagation(1, 12, 1500);
  });

  it('are those of a whole propagation, with chunks of more than 32 failures', () => {
    sweptAgreesWithPropagation(40, 90, 60);
  });
});
