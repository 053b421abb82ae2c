// Runs the sweep's items on T threads: this one and T − 1 worker threads, which read the same
// typed arrays through shared memory. The main thread runs its own share, then waits (the
// analysis stays synchronous) for the workers' records; a worker that fails has its share run
// here instead, so the results never depend on how the work was split.

import { existsSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { MessageChannel, receiveMessageOnPort, Worker } from 'node:worker_threads';
import { runItems, type DownRecord, type SweepWork } from './sweep-work.js';

const WORKER = new URL('./sweep-worker.js', import.meta.url);

/**
 * How long the main thread waits for a worker beyond its own share's time: a worker killed
 * without a word (out of memory) never sets its status, and its share then runs here instead.
 * A worker merely slower than that costs its share twice, never a different result.
 */
const PATIENCE_MS = 30_000;
const PATIENCE_FACTOR = 4;

/** The worker's script and how long to wait for it at least; tests stand in a worker that dies. */
export interface WorkerGuard {
  worker?: URL;
  patienceMs?: number;
}

/**
 * Whether worker threads can run here: the worker is a built `.js` file beside this one, so
 * not when this module runs from its TypeScript source (as under the test runner).
 */
export function workersAvailable(): boolean {
  return WORKER.protocol === 'file:' && existsSync(fileURLToPath(WORKER));
}

/**
 * Every item of `work` run on `threads` threads: the records of the threads' down items, and on
 * how many threads they ran (fewer when a worker failed and its share ran here).
 */
export function runShared(
  work: SweepWork,
  threads: number,
  { worker: script = WORKER, patienceMs = PATIENCE_MS }: WorkerGuard = {},
): { records: DownRecord[]; ran: number } {
  const shared = shareWork(work);
  const status = new Int32Array(new SharedArrayBuffer(4 * threads));
  const started: Array<{ thread: number; worker: Worker; port: MessageChannel['port1'] }> = [];
  for (let thread = 1; thread < threads; thread++) {
    const { port1, port2 } = new MessageChannel();
    try {
      const worker = new Worker(script, {
        workerData: { work: shared, thread, threads, status, port: port2 },
        transferList: [port2],
      });
      worker.unref();
      started.push({ thread, worker, port: port1 });
    } catch {
      port1.close();
      status[thread] = 2;
    }
  }
  const ownStart = performance.now();
  const records = [runItems(shared, 0, threads)];
  const deadline =
    performance.now() + Math.max(patienceMs, PATIENCE_FACTOR * (performance.now() - ownStart));
  let ran = 1;
  for (let thread = 1; thread < threads; thread++) {
    const worker = started.find((s) => s.thread === thread);
    while (worker && Atomics.load(status, thread) === 0) {
      const left = deadline - performance.now();
      if (left <= 0) break;
      Atomics.wait(status, thread, 0, left);
    }
    const done = worker !== undefined && Atomics.load(status, thread) !== 0;
    if (worker && !done) void worker.worker.terminate();
    const message = done ? receiveMessageOnPort(worker.port)?.message : undefined;
    worker?.port.close();
    if (isRecord(message)) ran++;
    records.push(isRecord(message) ? message : runItems(shared, thread, threads));
  }
  copyBack(shared, work);
  return { records, ran };
}

function isRecord(message: unknown): message is DownRecord {
  return typeof message === 'object' && message !== null && 'entries' in message;
}

/** The work with every array in shared memory (inputs copied in, outputs copied back after). */
function shareWork(work: SweepWork): SweepWork {
  const g = work.graph;
  return {
    graph: {
      order: share(g.order),
      rank: share(g.rank),
      reqQuorum: share(g.reqQuorum),
      altStart: share(g.altStart),
      alts: share(g.alts),
      breakStart: share(g.breakStart),
      breaks: share(g.breaks),
      strainStart: share(g.strainStart),
      strains: share(g.strains),
      groupStart: share(g.groupStart),
      groups: share(g.groups),
      takesOthers: share(g.takesOthers),
    },
    report: share(work.report),
    chunkLabels: share(work.chunkLabels),
    chunkStart: share(work.chunkStart),
    componentSize: share(work.componentSize),
    componentDependentStart: share(work.componentDependentStart),
    componentDependents: share(work.componentDependents),
    reachLabels: share(work.reachLabels),
    downCount: share(work.downCount),
    reach: share(work.reach),
  };
}

function share<T extends Int32Array | Uint8Array>(array: T): T {
  const copy = new (array.constructor as new (buffer: SharedArrayBuffer) => T)(
    new SharedArrayBuffer(array.byteLength),
  );
  copy.set(array);
  return copy;
}

function copyBack(shared: SweepWork, work: SweepWork): void {
  work.downCount.set(shared.downCount);
  work.reach.set(shared.reach);
}
