// Availability and importance computed on a worker thread are those computed on this one, on
// random manifests, exact and sampled, with and without common causes; the worker's answer is
// the one used; a worker that fails or never answers has the work done here. A worker runs a
// built file, so this is tested on the build in dist/ (the test setup builds it first); from
// the TypeScript sources the work stays on this thread, which is checked too.

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Manifest } from '../../../../src/manifest/types.js';
import type { SweepHelper } from '../../../../src/analysis/outage/sweep/shared-sweep.js';
import type { CommonCause } from '../../../../src/analysis/reliability/structure.js';
import { availabilityWorkerAvailable as fromSources } from '../../../../src/analysis/reliability/thread/availability-worker-start.js';
import { arbitraryManifest } from '../../../support/random-manifest.js';

/** A module of the build in dist/, typed as its source (so typechecking needs no build). */
async function built<T>(path: string): Promise<T> {
  return (await import(new URL(`../../../../dist/${path}`, import.meta.url).href)) as T;
}

const { analyze, analyzeForGate } =
  await built<typeof import('../../../../src/analysis/analyze.js')>('analysis/analyze.js');
const { compileGraph, entryPoints } =
  await built<typeof import('../../../../src/model/compiled-graph.js')>('model/compiled-graph.js');
const { planSweep } = await built<typeof import('../../../../src/analysis/outage/outage-sweep.js')>(
  'analysis/outage/outage-sweep.js',
);
const { singleFailureSweep } = await built<
  typeof import('../../../../src/analysis/outage/sweep/single-failure-sweep.js')
>('analysis/outage/sweep/single-failure-sweep.js');
const { recordSingleFailures } = await built<
  typeof import('../../../../src/analysis/outage/single-failures.js')
>('analysis/outage/single-failures.js');
const { analyzeAvailability } = await built<
  typeof import('../../../../src/analysis/reliability/availability.js')
>('analysis/reliability/availability.js');
const { PendingAvailability } = await built<
  typeof import('../../../../src/analysis/reliability/thread/availability-thread.js')
>('analysis/reliability/thread/availability-thread.js');
const { AvailabilityWorker, availabilityWorkerAvailable } = await built<
  typeof import('../../../../src/analysis/reliability/thread/availability-worker-start.js')
>('analysis/reliability/thread/availability-worker-start.js');

/** Small Monte Carlo runs: the same seed on both threads, so the same counts. */
const SAMPLED = { work: 1, minSamples: 1024, maxSamples: 1024, seed: 9 };

interface Case {
  manifest: Manifest;
  /** 0: every entry point is sampled; undefined: the default limit (most are exact). */
  exactPartLimit: number | undefined;
  /** Members of up to two common causes, as indices modulo the number of services. */
  causes: number[][];
}

const cases: fc.Arbitrary<Case> = fc.record({
  manifest: arbitraryManifest({ minServices: 2, maxServices: 30, virtual: true }),
  exactPartLimit: fc.constantFrom(0, undefined),
  causes: fc.array(fc.array(fc.nat(), { minLength: 1, maxLength: 4 }), { maxLength: 2 }),
});

function setUp({ manifest, exactPartLimit, causes }: Case) {
  const graph = compileGraph(manifest);
  const plan = planSweep(graph);
  const entries = entryPoints(graph);
  const inFocus = new Uint8Array(graph.n);
  for (const e of entries) inFocus[e] = 1;
  const { takesDown } = recordSingleFailures(plan, inFocus);
  const commonCauses: CommonCause[] = causes.map((members, k) => ({
    id: `cause-${k}`,
    up: 0.99,
    down: 0.01,
    members: [...new Set(members.map((m) => m % graph.n))].sort((a, b) => a - b),
  }));
  const options = {
    monteCarlo: SAMPLED,
    commonCauses,
    ...(exactPartLimit === undefined ? {} : { exactPartLimit }),
  };
  return { graph, plan, entries, takesDown, options };
}

/**
 * The case's availability on this thread, and pending on a worker (with `guard`'s stand-in
 * script and patience, if any) that has been told what each component takes down.
 */
function onBothThreads(c: Case, guard: { script?: URL; patienceMs?: number } = {}) {
  const { plan, entries, takesDown, options } = setUp(c);
  const here = analyzeAvailability(plan, entries, { ...options, takesDown });
  const pending = new PendingAvailability(plan, entries, {
    ...options,
    ...guard,
    worker: true,
    minServices: 0,
  });
  pending.tell(takesDown);
  return { here, pending };
}

/**
 * The case's availability on this thread, and pending on a worker started before it was given
 * the work (as the command line starts it), `script` standing in for it if given.
 */
function onEarlyWorker(c: Case, script?: URL) {
  const { plan, entries, takesDown, options } = setUp(c);
  const here = analyzeAvailability(plan, entries, { ...options, takesDown });
  const early = AvailabilityWorker.start(script)!;
  const pending = new PendingAvailability(plan, entries, {
    ...options,
    worker: early,
    minServices: 0,
  });
  return { plan, takesDown, here, early, pending };
}

describe('availability on a worker thread', () => {
  it('finds its worker in the build, and stays on this thread from the sources', () => {
    expect(availabilityWorkerAvailable()).toBe(true);
    expect(fromSources()).toBe(false);
  });

  it('gives what this thread gives, and the worker gave it', () => {
    fc.assert(
      fc.property(cases, (c) => {
        const { here, pending } = onBothThreads(c);
        expect(pending.threaded).toBe(true);
        const there = pending.result();
        expect(pending.onWorker).toBe(true);
        expect(JSON.stringify(there)).toBe(JSON.stringify(here));
        expect(there).toEqual(here);
      }),
      { numRuns: 12 },
    );
  }, 120_000);

  it('does the work here when the worker ends without a word, or fails', () => {
    // The first stand-in loads, never reports and exits (as one killed for lack of memory):
    // with no patience beyond four times the time since it started, the wait ends. The second
    // throws as it loads. Either way the result is this thread's.
    const silent = new URL('data:text/javascript,export {};');
    const failing = new URL('data:text/javascript,throw new Error("no");');
    fc.assert(
      fc.property(cases, fc.constantFrom(silent, failing), (c, script) => {
        const { here, pending } = onBothThreads(c, { script, patienceMs: 0 });
        expect(pending.result()).toEqual(here);
        expect(pending.onWorker).toBe(false);
      }),
      { numRuns: 6 },
    );
  });

  it('works on a worker started before the graph was known, which then joins the sweep', () => {
    // The worker is started first, as the command line starts it before loading a manifest;
    // once free (done, or waiting for what each component takes down) it claims the sweep's
    // chunks. This thread claims none until it is done, so the worker's record is the one used.
    const sweepOf = (plan: ReturnType<typeof planSweep>, helper?: SweepHelper) => {
      const events: string[] = [];
      const interesting = new Uint8Array(plan.graph.n).fill(1);
      const down = (x: number, v: number) => void events.push(`${x} ${v}`);
      const alone = { count: 1, minServices: 0, chunkSize: 2 };
      const threads = helper ? { ...alone, helper, guard: { othersFirst: true } } : alone;
      const totals = singleFailureSweep(plan, { interesting, down }, undefined, threads);
      return { events, down: [...totals.downCount], reach: [...totals.reachCount], totals };
    };
    fc.assert(
      fc.property(cases, (c) => {
        const { plan, takesDown, here, early, pending } = onEarlyWorker(c);
        try {
          expect(pending.threaded).toBe(true);
          const alone = sweepOf(plan);
          const helped = sweepOf(plan, pending.helper);
          expect(helped.totals.threads).toBe(2);
          expect({ ...helped, totals: null }).toEqual({ ...alone, totals: null });
          // One sweep only: a second is not offered to it.
          expect(pending.helper).toBeUndefined();
          pending.tell(takesDown);
          expect(pending.result()).toEqual(here);
          expect(pending.onWorker).toBe(true);
        } finally {
          early.end();
        }
      }),
      { numRuns: 12 },
    );
  }, 120_000);

  it('leaves the fields waiting for the worker when it has not answered yet, and each then plain', () => {
    // The stand-in answers nothing until this thread says so (a word of its state it waits on),
    // then fails: the fields wait for it when read, and the work is then done here. The caller
    // drops its lists meanwhile, as analyze does once it has turned them into ids (the work
    // here reads the copy that was posted; on these small manifests the lists happen not to
    // change the answer, so that part is not what this checks).
    const dir = mkdtempSync(join(tmpdir(), 'blast-radius-availability-'));
    const script = pathToFileURL(join(dir, 'fails-when-told.mjs'));
    writeFileSync(
      script,
      [
        "import { workerData as d } from 'node:worker_threads';",
        'while (Atomics.load(d.status, 2) !== 9) Atomics.wait(d.status, 2, Atomics.load(d.status, 2), 50);',
        'Atomics.store(d.status, 0, 2);',
        'Atomics.notify(d.status, 0);',
      ].join('\n'),
    );
    const fields = ['availability', 'importance', 'slaUnknown'] as const;
    try {
      fc.assert(
        fc.property(cases, (c) => {
          const { takesDown, here, early, pending } = onEarlyWorker(
            { ...c, exactPartLimit: 0 },
            script,
          );
          try {
            expect(pending.threaded).toBe(true);
            pending.tell(takesDown);
            const target = { availability: {}, importance: {}, slaUnknown: [] as string[] };
            pending.settleInto(target);
            for (const key of fields)
              expect(Object.getOwnPropertyDescriptor(target, key)!.get).toBeDefined();
            takesDown.fill(undefined);
            Atomics.store(early.status, 2, 9);
            Atomics.notify(early.status, 2);
            expect(JSON.stringify(target)).toBe(JSON.stringify(here));
            for (const key of fields)
              expect(Object.getOwnPropertyDescriptor(target, key)!.get).toBeUndefined();
            expect(pending.onWorker).toBe(false);
          } finally {
            early.end();
          }
        }),
        { numRuns: 6 },
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);

  it("fills the fields with the worker's answer, waited for when first read", () => {
    fc.assert(
      fc.property(cases, (c) => {
        const { here, pending } = onBothThreads(c);
        const target = { availability: {}, importance: {}, slaUnknown: [] as string[] };
        pending.settleInto(target);
        expect(JSON.stringify(target)).toBe(JSON.stringify(here));
        expect(pending.onWorker).toBe(true);
      }),
      { numRuns: 6 },
    );
  }, 60_000);

  it('leaves a worker started early and never given work to be ended', () => {
    const c = fc.sample(cases, { numRuns: 1, seed: 5 })[0]!;
    const { plan, entries } = setUp(c);
    const early = AvailabilityWorker.start()!;
    // Below the size where a worker pays the work stays here, and the worker is not taken.
    const pending = new PendingAvailability(plan, entries, { worker: early });
    expect(pending.threaded).toBe(false);
    expect(early.isEnded).toBe(false);
    expect(early.endIfIdle()).toBe(true);
    expect(early.isEnded).toBe(true);
    expect(early.give({} as never)).toBe(false);
  });

  it('stays on this thread below the size where a worker pays, or when told to', () => {
    const c = fc.sample(cases, { numRuns: 1, seed: 3 })[0]!;
    const { plan, entries, takesDown } = setUp(c);
    for (const options of [{ worker: true }, { worker: false, minServices: 0 }]) {
      const pending = new PendingAvailability(plan, entries, options);
      expect(pending.threaded).toBe(false);
      pending.tell(takesDown);
      expect(pending.result()).toEqual(analyzeAvailability(plan, entries, { takesDown }));
      expect(pending.onWorker).toBe(false);
    }
  });

  it('leaves the whole analysis byte-identical on two threads', () => {
    fc.assert(
      fc.property(cases, ({ manifest }) => {
        const graph = compileGraph(manifest);
        const alone = JSON.stringify(analyze(graph, 'random'));
        const threads = { count: 2, minServices: 0 };
        expect(JSON.stringify(analyze(graph, 'random', { threads }))).toBe(alone);
      }),
      { numRuns: 8 },
    );
  }, 120_000);

  it("leaves check's analysis the same on two threads", () => {
    fc.assert(
      fc.property(cases, ({ manifest }) => {
        const graph = compileGraph(manifest);
        const options = { availability: true, blastRadius: false };
        const alone = analyzeForGate(graph, options);
        const threads = { count: 2, minServices: 0 };
        expect(analyzeForGate(graph, { ...options, threads })).toEqual(alone);
      }),
      { numRuns: 6 },
    );
  }, 120_000);
});
