// The single-failure sweep shared out between worker threads says and counts exactly what the
// sweep on one thread does. A worker runs a built file, so the threaded path is tested on the
// build in dist/ (the test setup builds it first); from the TypeScript sources the sweep keeps
// to one thread, which is checked too.

import { Worker } from 'node:worker_threads';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Manifest } from '../../../src/manifest/types.js';
import {
  workersAvailable as sourceWorkersAvailable,
  type SweepHelper,
  type SweepShare,
  type WorkerGuard,
} from '../../../src/analysis/outage/sweep/shared-sweep.js';
import { arbitraryManifest, withRandomMonitors } from '../../support/random-manifest.js';

/** A module of the build in dist/, typed as its source (so typechecking needs no build). */
async function built<T>(path: string): Promise<T> {
  return (await import(new URL(`../../../dist/${path}`, import.meta.url).href)) as T;
}

const { analyze } =
  await built<typeof import('../../../src/analysis/analyze.js')>('analysis/analyze.js');
const { compileGraph } =
  await built<typeof import('../../../src/model/compiled-graph.js')>('model/compiled-graph.js');
const { planSweep } = await built<typeof import('../../../src/analysis/outage/outage-sweep.js')>(
  'analysis/outage/outage-sweep.js',
);
const { singleFailureSweep } = await built<
  typeof import('../../../src/analysis/outage/sweep/single-failure-sweep.js')
>('analysis/outage/sweep/single-failure-sweep.js');
const { fateSharingObserver } = await built<
  typeof import('../../../src/analysis/outage/fate-sharing.js')
>('analysis/outage/fate-sharing.js');
const { WORDS } = await built<typeof import('../../../src/analysis/outage/sweep/down-sets.js')>(
  'analysis/outage/sweep/down-sets.js',
);
const { workersAvailable } = await built<
  typeof import('../../../src/analysis/outage/sweep/shared-sweep.js')
>('analysis/outage/sweep/shared-sweep.js');

/**
 * Everything the sweep told its observer, in order, and its totals. With `listed`, the chunk
 * observer reads every service's masks but has only fate sharing's listed.
 */
function sweepLog(
  manifest: Manifest,
  threads: number,
  chunkSize: number,
  {
    reach = true,
    listed = false,
    guard,
    helper,
  }: {
    reach?: boolean;
    listed?: boolean;
    guard?: WorkerGuard;
    helper?: SweepHelper;
  } = {},
) {
  const graph = compileGraph(manifest);
  const plan = planSweep(graph);
  const fate = fateSharingObserver(graph);
  const interesting = new Uint8Array(graph.n);
  for (let v = 0; v < graph.n; v += 2) interesting[v] = 1;
  const reads = listed ? new Uint8Array(graph.n).fill(1) : fate.chunks.reads;
  const events: string[] = [];
  const totals = singleFailureSweep(
    plan,
    {
      interesting,
      down: (label, v) => events.push(`down ${label} ${v}`),
      chunks: {
        reads,
        ...(listed ? { lists: fate.chunks.reads } : {}),
        seen(chunk, size, down, downOf, byRank) {
          fate.chunks.seen(chunk, size, down, downOf, byRank);
          const masks = [...down].map(downOf);
          const ranked = (v: number) =>
            byRank.masks[WORDS * byRank.plan.rank[v]! + byRank.word]! >>> 0;
          const all = listed
            ? ` all ${Array.from(reads.keys(), downOf)} by rank ${Array.from(reads.keys(), ranked)}`
            : '';
          events.push(`chunk ${[...chunk.subarray(0, size)]} down ${[...down]} ${masks}${all}`);
        },
      },
    },
    undefined,
    { count: threads, minServices: 0, chunkSize, guard, ...(helper ? { helper } : {}) },
    { reach },
  );
  return {
    events,
    downCount: [...totals.downCount],
    reachCount: [...totals.reachCount],
    fateSharing: fate.result(),
    threads: totals.threads,
  };
}

/** Random manifests of 2 to 40 services whose monitors watch other services. */
const manifests = withRandomMonitors(
  arbitraryManifest({ minServices: 2, maxServices: 40, tolerances: true }),
  4,
);

describe('the single-failure sweep on worker threads', () => {
  it('finds its worker in the build, and keeps to one thread from the sources', () => {
    expect(workersAvailable()).toBe(true);
    expect(sourceWorkersAvailable()).toBe(false);
  });

  it('tells the observer the same things in the same order as on one thread', () => {
    fc.assert(
      fc.property(manifests, fc.integer({ min: 1, max: 5 }), (manifest, chunkSize) => {
        const alone = sweepLog(manifest, 1, chunkSize);
        // The worker claims every item before this thread claims any.
        const shared = sweepLog(manifest, 2, chunkSize, { guard: { othersFirst: true } });
        expect(alone.threads).toBe(1);
        // Two threads ran: the worker's record came back and was used, not recomputed here.
        expect(shared.threads).toBe(2);
        expect(shared).toEqual({ ...alone, threads: 2 });
      }),
      { numRuns: 25 },
    );
  });

  it('without the reach counts, tells and counts the rest as it does with them', () => {
    fc.assert(
      fc.property(manifests, fc.constantFrom(1, 2), (manifest, threads) => {
        const counted = sweepLog(manifest, threads, 3);
        const uncounted = sweepLog(manifest, threads, 3, { reach: false });
        expect(uncounted).toEqual({ ...counted, reachCount: [] });
      }),
      { numRuns: 25 },
    );
  });

  it('lists only what a chunk observer asks listed, and shows it every mask it reads', () => {
    fc.assert(
      fc.property(manifests, (manifest) => {
        const alone = sweepLog(manifest, 1, 3, { listed: true });
        const shared = sweepLog(manifest, 2, 3, { listed: true });
        expect(shared).toEqual({ ...alone, threads: 2 });
        const { events, ...rest } = sweepLog(manifest, 1, 3);
        expect(alone.events.map((e) => e.replace(/ all .*/, ''))).toEqual(events);
        expect({ ...alone, events }).toEqual({ ...rest, events });
      }),
      { numRuns: 25 },
    );
  });

  it('gives the same results whatever the chunk size, on one thread', () => {
    fc.assert(
      fc.property(manifests, fc.integer({ min: 1, max: 5 }), (manifest, chunkSize) => {
        const { events: _small, ...small } = sweepLog(manifest, 1, chunkSize);
        const { events: _whole, ...whole } = sweepLog(manifest, 1, 128);
        expect(small).toEqual(whole);
      }),
      { numRuns: 100 },
    );
  });

  it('leaves the whole analysis byte-identical, with and without an outage length', () => {
    fc.assert(
      fc.property(manifests, fc.constantFrom(undefined, 60, 3600), (manifest, duration) => {
        const graph = compileGraph(manifest);
        const options = duration === undefined ? {} : { duration };
        const alone = JSON.stringify(analyze(graph, 'random', options));
        const shared = JSON.stringify(
          analyze(graph, 'random', {
            ...options,
            // The second thread computes availability; the sweep is shared by the other two.
            threads: { count: 3, minServices: 0, chunkSize: 2 },
          }),
        );
        expect(shared).toBe(alone);
      }),
      { numRuns: 12 },
    );
  });

  it('runs the share of a worker that ends without a word here, and says so', () => {
    // The stand-in worker loads, never reports and exits: as one killed for lack of memory. With
    // no patience beyond four times its own share, the main thread ends the wait, runs that share
    // itself, and the results are those of one thread. Whatever the timing, the run ends.
    const silent = new URL('data:text/javascript,export {};');
    fc.assert(
      fc.property(manifests, fc.integer({ min: 1, max: 5 }), (manifest, chunkSize) => {
        const alone = sweepLog(manifest, 1, chunkSize);
        const guarded = sweepLog(manifest, 2, chunkSize, {
          guard: { worker: silent, patienceMs: 0 },
        });
        expect(guarded).toEqual(alone);
      }),
      { numRuns: 10 },
    );
  });

  it('shares the sweep with a helper that joins once free, or never, or fails', () => {
    // A helper stands for a worker busy with other work: offered the share, it starts a sweep
    // worker on it (late: a thread of its own), or takes it and never joins (this thread shuts
    // it out once every item is claimed), or joins and never reports (as one that died: its
    // items run here after the wait). The observer hears the same in every case.
    const script = new URL('../../../dist/analysis/outage/sweep/sweep-worker.js', import.meta.url);
    const joinsAndDies = new URL(
      `data:text/javascript,${encodeURIComponent(
        "import { workerData as s } from 'node:worker_threads'; Atomics.store(s.control, 1 + s.slot, 3);",
      )}`,
    );
    const helperOf = (kind: 'joins' | 'never' | 'dies') => {
      const started: Worker[] = [];
      const helper: SweepHelper = {
        offer(share: SweepShare) {
          if (kind === 'never') {
            share.port.close();
            return true;
          }
          const worker = new Worker(kind === 'joins' ? script : joinsAndDies, {
            workerData: share,
            transferList: [share.port],
          });
          started.push(worker);
          return true;
        },
        abandon: () => undefined,
      };
      return { helper, end: () => Promise.all(started.map((w) => w.terminate())) };
    };
    const ends: Promise<unknown>[] = [];
    fc.assert(
      fc.property(
        manifests,
        fc.integer({ min: 1, max: 5 }),
        fc.constantFrom('joins' as const, 'never' as const, 'dies' as const),
        fc.boolean(),
        (manifest, chunkSize, kind, othersFirst) => {
          const alone = sweepLog(manifest, 1, chunkSize);
          const { helper, end } = helperOf(kind);
          const guard = { othersFirst, patienceMs: kind === 'joins' ? 30_000 : 0 };
          const helped = sweepLog(manifest, 1, chunkSize, { helper, guard });
          ends.push(end());
          // The helper's record was used when it claimed first; one that died never counts.
          if (kind === 'joins' && othersFirst) expect(helped.threads).toBe(2);
          if (kind !== 'joins') expect(helped.threads).toBe(1);
          expect({ ...helped, threads: 1 }).toEqual(alone);
        },
      ),
      { numRuns: 20 },
    );
    return Promise.all(ends);
  });

  it('keeps to one thread below the size where a worker pays', () => {
    const manifest = fc.sample(manifests, { numRuns: 1, seed: 7 })[0]!;
    const graph = compileGraph(manifest);
    const plan = planSweep(graph);
    const observer = { interesting: new Uint8Array(graph.n), down() {} };
    expect(singleFailureSweep(plan, observer, undefined, { count: 2 }).threads).toBe(1);
  });
});
