import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as chainsSource from '../../../src/analysis/gate/swept-chains.js';
import * as failureChainsSource from '../../../src/analysis/outage/failure-chains.js';
import * as outageSweepSource from '../../../src/analysis/outage/outage-sweep.js';
import * as propagateSource from '../../../src/analysis/outage/propagate.js';
import * as sweepSource from '../../../src/analysis/outage/sweep/single-failure-sweep.js';
import * as sharedSweepSource from '../../../src/analysis/outage/sweep/shared-sweep.js';
import type { SweepThreads } from '../../../src/analysis/outage/sweep/single-failure-sweep.js';
import * as compiledGraphSource from '../../../src/model/compiled-graph.js';
import { arbitraryManifest } from '../../support/random-manifest.js';

/** The modules a test runs: from the source, or all of them from the build in dist/. */
interface Modules {
  chains: typeof chainsSource;
  failureChains: typeof failureChainsSource;
  outageSweep: typeof outageSweepSource;
  propagate: typeof propagateSource;
  sweep: typeof sweepSource;
  compiledGraph: typeof compiledGraphSource;
}

const SOURCE: Modules = {
  chains: chainsSource,
  failureChains: failureChainsSource,
  outageSweep: outageSweepSource,
  propagate: propagateSource,
  sweep: sweepSource,
  compiledGraph: compiledGraphSource,
};

/** A module of the build, typed as its source: worker threads run only from the build. */
async function built<T>(path: string): Promise<T> {
  return (await import(new URL(`../../../dist/${path}`, import.meta.url).href)) as T;
}

const BUILT: Modules = {
  chains: await built('analysis/gate/swept-chains.js'),
  failureChains: await built('analysis/outage/failure-chains.js'),
  outageSweep: await built('analysis/outage/outage-sweep.js'),
  propagate: await built('analysis/outage/propagate.js'),
  sweep: await built('analysis/outage/sweep/single-failure-sweep.js'),
  compiledGraph: await built('model/compiled-graph.js'),
};

/**
 * Every single failure of a random graph, each explaining the first service of a random
 * priority order that it takes down: the chains told during the sweep are those a whole
 * propagation tells, and every one was told during the sweep (none left to the fallback).
 */
function sweptAgreesWithPropagation(
  minServices: number,
  maxServices: number,
  numRuns: number,
  { modules = SOURCE, threads }: { modules?: Modules; threads?: SweepThreads } = {},
) {
  const { SweptChains } = modules.chains;
  const { FailureChains } = modules.failureChains;
  const { Propagator } = modules.propagate;
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
        const graph = modules.compiledGraph.compileGraph(manifest);
        const swept = new SweptChains(graph, priority);
        const plan = modules.outageSweep.planSweep(graph);
        const { threads: ran } = modules.sweep.singleFailureSweep(
          plan,
          swept.observer,
          undefined,
          threads,
        );
        // A helper's record counts when it joined before this thread shut it out.
        if (threads?.helper) expect([1, 2]).toContain(ran);
        else expect(ran).toBe(threads?.count ?? 1);
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

  it('are those of a whole propagation when a worker thread propagates part of the sweep', () => {
    const threads = { count: 2, minServices: 0, chunkSize: 5 };
    sweptAgreesWithPropagation(2, 40, 8, { modules: BUILT, threads });
  });

  it('are those of a whole propagation when an idle helper propagates chunks from the end', async () => {
    const { idleHelper } = await built<typeof sharedSweepSource>(
      'analysis/outage/sweep/shared-sweep.js',
    );
    // Each sweep offered to it starts a worker; othersFirst makes this thread wait for it.
    for (const othersFirst of [true, false]) {
      const threads = {
        count: 1,
        minServices: 0,
        chunkSize: 3,
        helper: idleHelper(),
        guard: { othersFirst },
      };
      sweptAgreesWithPropagation(20, 40, 6, { modules: BUILT, threads });
    }
  });
});
