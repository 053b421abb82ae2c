// The single-failure sweep on this thread with a helper: a worker busy with other work
// (availability) that claims items once it is free. This thread claims the items from the
// first one up, each as the walk over the failures reaches it, and tells the observers about
// its own chunks as it propagates them, with nothing recorded; the helper claims from the last
// item down (the reach passes first, which leave only counts, then down chunks from the end),
// and only its chunks are recorded and replayed here. The two meet somewhere in between: when
// this thread finds an item taken, every later one is the helper's. A helper that fails or
// never reports has its items run here, so the results never depend on the split.

import { performance } from 'node:perf_hooks';
import { MessageChannel, receiveMessageOnPort } from 'node:worker_threads';
import { patienceDeadline, WORKER_PATIENCE_MS } from '../../worker-patience.js';
import {
  awaitJoined,
  CLOSED,
  DONE,
  isRecord,
  OPEN,
  RUNNING,
  shareWork,
  type SweepHelper,
  type SweepShare,
  type WorkerGuard,
} from './shared-sweep.js';
import { downItems, itemCount, runClaimed, type DownRecord, type SweepWork } from './sweep-work.js';

/** This thread's mark on an item's word (the helper's is 2). */
const HERE = 1;

export class HelpedSweep {
  /** The work in shared memory: the counts are written here, by both threads. */
  readonly shared: SweepWork;
  private readonly cells: Int32Array;
  private readonly control: Int32Array;
  private readonly port: MessageChannel['port1'];
  private readonly total: number;
  private readonly patienceMs: number;
  private readonly started = performance.now();
  /** The first item this thread found taken (every later one is the helper's), or -1. */
  private yielded = -1;
  /**
   * What the helper left once it ended: its record, or null when it never joined, failed or
   * never reported; undefined until known.
   */
  private outcome: DownRecord | null | undefined;

  constructor(
    work: SweepWork,
    private readonly helper: SweepHelper,
    guard: WorkerGuard = {},
  ) {
    this.shared = shareWork(work);
    this.total = itemCount(this.shared);
    this.patienceMs = guard.patienceMs ?? WORKER_PATIENCE_MS;
    this.cells = new Int32Array(new SharedArrayBuffer(4 * Math.max(1, this.total))).subarray(
      0,
      this.total,
    );
    this.control = new Int32Array(new SharedArrayBuffer(8));
    const { port1, port2 } = new MessageChannel();
    this.port = port1;
    const share: SweepShare = { work: this.shared, control: this.control, slot: 0, port: port2 };
    let taken: boolean;
    try {
      taken = helper.offer({ ...share, cells: this.cells });
    } catch {
      taken = false;
    }
    if (!taken) {
      port2.close();
      Atomics.store(this.control, 1, CLOSED);
    }
    if (guard.othersFirst && taken) this.await(performance.now() + this.patienceMs);
  }

  /**
   * Whether this thread runs down item `item` (called for each in increasing order): true when
   * it claimed it, or when the helper that holds it failed; false when it is in the helper's
   * record (`replay`).
   */
  runsHere(item: number): boolean {
    if (this.claim(item)) return true;
    return this.helperRecord() === null;
  }

  /** The helper's record, which holds down item `item` when `runsHere(item)` was false. */
  record(): DownRecord {
    return this.helperRecord()!;
  }

  /**
   * Once every down item was told: runs the reach passes the helper has not taken (all of them
   * when it failed), waits for it to end if it joined, and says whether its record was used.
   */
  finish(): boolean {
    const down = downItems(this.shared);
    let next = down;
    const claim = () => (next < this.total && this.claim(next) ? next++ : -1);
    runClaimed(this.shared, claim);
    // Not joined yet: shut out, it is never waited for. Else wait for it to end.
    Atomics.compareExchange(this.control, 1, OPEN, CLOSED);
    const record = this.helperRecord();
    if (record === null && next < this.total) {
      // Items [next, total) were the helper's, which failed: they run here.
      runClaimed(this.shared, () => (next < this.total ? next++ : -1));
    }
    return record !== null;
  }

  /** Claims `item` for this thread; false when the helper has it (and so every later one). */
  private claim(item: number): boolean {
    if (this.yielded >= 0 && item >= this.yielded) return false;
    if (Atomics.compareExchange(this.cells, item, 0, HERE) === 0) return true;
    this.yielded = item;
    return false;
  }

  /**
   * The helper's record once it ended (waited for): null when it never joined (shut out),
   * failed, or ran out of patience (then it is abandoned).
   */
  private helperRecord(): DownRecord | null {
    if (this.outcome !== undefined) return this.outcome;
    const state = this.await(patienceDeadline(this.started, this.patienceMs));
    if (state === OPEN || state === RUNNING) this.helper.abandon();
    const message = state === DONE ? receiveMessageOnPort(this.port)?.message : undefined;
    this.port.close();
    this.outcome = isRecord(message) ? message : null;
    return this.outcome;
  }

  private await(deadline: number): number {
    return awaitJoined(this.control, 0, deadline);
  }
}
