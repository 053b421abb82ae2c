// Runs the sweep's items on several threads: this one, the worker threads started for it, and
// perhaps a helper — a worker busy with other work (availability) that joins when it is free.
// The graph's typed arrays are shared, and every thread claims the next item from one shared
// counter, so a thread that joins late or runs slower simply takes fewer. The main thread runs
// items until none are left, shuts out a helper that has not joined yet, then waits (the
// analysis stays synchronous) for the records of those that did; any item whose record never
// came (a worker that failed or never answered) runs here, so the results never depend on how
// the work was split.

import { existsSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import {
  MessageChannel,
  receiveMessageOnPort,
  Worker,
  type MessagePort,
} from 'node:worker_threads';
import { isShared } from '../../../model/shared-memory.js';
import { awaitState, patienceDeadline, WORKER_PATIENCE_MS } from '../../worker-patience.js';
import { itemCount, runClaimed, type DownRecord, type SweepWork } from './sweep-work.js';

const WORKER = new URL('./sweep-worker.js', import.meta.url);

/** A joining thread's state: not joined yet, done, failed, claiming items, shut out. */
export const OPEN = 0;
export const DONE = 1;
const FAILED = 2;
export const RUNNING = 3;
export const CLOSED = 4;

/** What a thread joining the sweep is given. */
export interface SweepShare {
  work: SweepWork;
  /** control[0]: the next item to claim; control[1 + slot]: each joining thread's state. */
  control: Int32Array;
  slot: number;
  /** Where it posts its record. */
  port: MessagePort;
  /**
   * When given, one word per item (0: unclaimed), and the joining thread claims items from the
   * last one down, stopping at the first another thread took: the main thread claims from the
   * first one up and tells the observers its own items as it runs them (helped-sweep.ts).
   */
  cells?: Int32Array;
}

/** A worker busy with other work that may join the sweep once free (see joinSweep). */
export interface SweepHelper {
  /** Hands it the share (its port moves with it); false when it cannot take it. */
  offer(share: SweepShare): boolean;
  /** Gives up on it: it joined and never reported in time. */
  abandon(): void;
}

/**
 * A helper with nothing else to do: offered a share, it starts a sweep worker on it at once,
 * which claims items from the last one down until it meets this thread. For a caller whose
 * second core would otherwise sit idle through the sweep (`check`); the worker is started only
 * when the sweep is large enough to be offered.
 */
export function idleHelper(script: URL = WORKER): SweepHelper {
  let worker: Worker | undefined;
  return {
    offer(share: SweepShare) {
      worker = new Worker(script, { workerData: share, transferList: [share.port] });
      worker.unref();
      return true;
    },
    abandon() {
      if (worker) void worker.terminate();
    },
  };
}

/** The worker's script and how long to wait for it at least; tests stand in a worker that dies. */
export interface WorkerGuard {
  worker?: URL;
  patienceMs?: number;
  /** Only to test the others' records: this thread claims nothing until they are done. */
  othersFirst?: boolean;
}

/**
 * Whether worker threads can run here: the worker is a built `.js` file beside this one, so
 * not when this module runs from its TypeScript source (as under the test runner).
 */
export function workersAvailable(): boolean {
  return WORKER.protocol === 'file:' && existsSync(fileURLToPath(WORKER));
}

/**
 * On another thread: joins the sweep of `share` unless the main thread has shut it out, claims
 * items until none are left and posts the record. False when shut out (nothing was run).
 */
export function joinSweep(share: SweepShare): boolean {
  const { control, slot, port } = share;
  if (Atomics.compareExchange(control, 1 + slot, OPEN, RUNNING) !== OPEN) {
    port.close();
    return false;
  }
  let state = FAILED;
  try {
    const total = itemCount(share.work);
    const claim = share.cells ? claimerFromEnd(share.cells) : claimer(control, total);
    const record: JoinedRecord = { ...runClaimed(share.work, claim), claimed: claim.claimed() };
    // The arrays are on fresh (not shared) buffers, which move to the main thread.
    const buffers = [record.items, record.entryStart, record.entries, record.claimed].map(
      (a) => a.buffer as ArrayBuffer,
    );
    port.postMessage(record, buffers);
    state = DONE;
  } finally {
    port.close();
    Atomics.store(control, 1 + slot, state);
    Atomics.notify(control, 1 + slot);
  }
  return true;
}

/**
 * Every item of `work` run on `threads` threads (this one and threads − 1 workers started for
 * it) and the helper, if any: the records of the threads' down items, and how many threads'
 * records were used (this one's included; a worker that failed does not count).
 */
export function runShared(
  work: SweepWork,
  threads: number,
  {
    worker: script = WORKER,
    patienceMs = WORKER_PATIENCE_MS,
    othersFirst = false,
  }: WorkerGuard = {},
  helper?: SweepHelper,
): { records: DownRecord[]; ran: number } {
  const shared = shareWork(work);
  const total = itemCount(shared);
  const workers = threads - 1;
  const slots = workers + (helper ? 1 : 0);
  const control = new Int32Array(new SharedArrayBuffer(4 * (1 + slots)));
  const joining: Array<{ port: MessageChannel['port1']; worker?: Worker }> = [];
  for (let slot = 0; slot < slots; slot++) {
    const { port1, port2 } = new MessageChannel();
    const share: SweepShare = { work: shared, control, slot, port: port2 };
    let worker: Worker | undefined;
    let taken: boolean;
    try {
      if (slot < workers) {
        worker = new Worker(script, { workerData: share, transferList: [port2] });
        worker.unref();
        taken = true;
      } else taken = helper!.offer(share);
    } catch {
      taken = false;
    }
    if (!taken) {
      port2.close();
      Atomics.store(control, 1 + slot, CLOSED);
    }
    joining.push({ port: port1, worker });
  }
  const ownStart = performance.now();
  if (othersFirst) awaitOthers(control, slots, performance.now() + patienceMs);
  const claim = claimer(control, total);
  const records: DownRecord[] = [runClaimed(shared, claim)];
  const claimed = [claim.claimed()];
  // A helper still busy with its own work is not waited for: nothing is left to claim.
  if (helper) Atomics.compareExchange(control, slots, OPEN, CLOSED);
  const deadline = patienceDeadline(ownStart, patienceMs);
  let ran = 1;
  joining.forEach(({ port, worker }, slot) => {
    const state = awaitJoined(control, slot, deadline);
    if (state === OPEN || state === RUNNING) {
      if (worker) void worker.terminate();
      else helper?.abandon();
    }
    const message = state === DONE ? receiveMessageOnPort(port)?.message : undefined;
    port.close();
    if (isRecord(message)) {
      records.push(message);
      claimed.push(message.claimed);
      ran++;
    }
  });
  const missing = itemsMissing(claimed, total);
  if (missing.length > 0) {
    let next = 0;
    records.push(runClaimed(shared, () => (next < missing.length ? missing[next++]! : -1)));
  }
  copyBack(shared, work);
  return { records, ran };
}

/** A thread's record, and every item it claimed (the reach passes leave no record). */
export interface JoinedRecord extends DownRecord {
  readonly claimed: Int32Array;
}

/**
 * Claims the next item from the shared counter (-1 once all `total` are claimed), and lists
 * what it claimed.
 */
function claimer(control: Int32Array, total: number): (() => number) & { claimed(): Int32Array } {
  const claimed: number[] = [];
  const claim = () => {
    const item = Atomics.add(control, 0, 1);
    if (item >= total) return -1;
    claimed.push(item);
    return item;
  };
  return Object.assign(claim, { claimed: () => Int32Array.from(claimed) });
}

/**
 * Claims items from the last one down, one word each in `cells` (set to 2), until one is
 * already taken (-1 from then on), and lists what it claimed.
 */
function claimerFromEnd(cells: Int32Array): (() => number) & { claimed(): Int32Array } {
  const claimed: number[] = [];
  let next = cells.length - 1;
  const claim = () => {
    if (next < 0 || Atomics.compareExchange(cells, next, 0, 2) !== 0) {
      next = -1;
      return -1;
    }
    claimed.push(next);
    return next--;
  };
  return Object.assign(claim, { claimed: () => Int32Array.from(claimed) });
}

/** A joining thread's state once it has left OPEN and RUNNING, or at the deadline. */
export function awaitJoined(control: Int32Array, slot: number, deadline: number): number {
  return awaitState(control, 1 + slot, stillJoining, deadline);
}

function stillJoining(state: number): boolean {
  return state === OPEN || state === RUNNING;
}

function awaitOthers(control: Int32Array, slots: number, deadline: number): void {
  for (let slot = 0; slot < slots; slot++) awaitJoined(control, slot, deadline);
}

/** The items no thread that reported claimed, increasing. */
function itemsMissing(claimed: readonly Int32Array[], total: number): number[] {
  const ran = new Uint8Array(total);
  for (const items of claimed) for (const item of items) ran[item] = 1;
  const missing: number[] = [];
  for (let item = 0; item < total; item++) if (!ran[item]) missing.push(item);
  return missing;
}

export function isRecord(message: unknown): message is JoinedRecord {
  return typeof message === 'object' && message !== null && 'claimed' in message;
}

/**
 * The work with every array in shared memory (inputs copied in unless they are there already,
 * outputs copied back after).
 */
export function shareWork(work: SweepWork): SweepWork {
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

/** `array` in shared memory: as it is when it already is there (the ranked graph's), else a copy. */
function share<T extends Int32Array | Uint8Array>(array: T): T {
  if (isShared(array)) return array;
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
