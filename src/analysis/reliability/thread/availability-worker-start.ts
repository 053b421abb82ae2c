// The availability worker thread as it starts, before it has work: its modules load while the
// caller still reads the manifest, and it waits for its work (`give`) on a port of its own.
// Its state words and its port to this thread are what PendingAvailability then talks
// through. A worker that is never given work, or whose work is done, is ended with `end`; it
// never keeps the process alive (unref'd), even while it works on an answer no one reads.

import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { MessageChannel, Worker } from 'node:worker_threads';
import type { AvailabilityOptions, ReliabilityOdds, ReliabilityPlan } from '../availability.js';

const WORKER = new URL('./availability-worker.js', import.meta.url);

/** Word of the state: 0 working, AVAILABILITY_DONE, or 2 failed. */
export const AVAILABILITY_STATE = 0;
export const AVAILABILITY_DONE = 1;
/** Word set to 1 once what each component takes down is posted. */
export const TAKES_DOWN_POSTED = 1;
/** Word saying whether the worker may join the sweep: 0 not known yet, then one of the two. */
export const SWEEP_SHARE = 2;
export const SHARE_POSTED = 1;
export const NO_SHARE = 2;

type MessagePort = MessageChannel['port1'];

/** What the worker is given to work on (structured clone: its own copies). */
export interface AvailabilityWorkerInput {
  plan: ReliabilityPlan;
  entries: Int32Array;
  odds: ReliabilityOdds;
  options: Omit<AvailabilityOptions, 'takesDown' | 'commonCauses'>;
}

/** What the worker thread receives as it starts. */
export interface AvailabilityWorkerData {
  status: Int32Array;
  /** Its work arrives here, once. */
  work: MessagePort;
  /** Then, in order: the sweep's share (when SWEEP_SHARE says so) and what each component takes down. */
  port: MessagePort;
}

/** Whether the worker can run here: its built `.js` file is beside this module. */
export function availabilityWorkerAvailable(script: URL = WORKER): boolean {
  return script.protocol === 'file:' && existsSync(fileURLToPath(script));
}

export class AvailabilityWorker {
  private given = false;
  private ended = false;

  private constructor(
    private readonly worker: Worker,
    private readonly work: MessagePort,
    readonly port: MessagePort,
    readonly status: Int32Array,
  ) {}

  /** Whether it has been ended (its ports closed: nothing more comes from it). */
  get isEnded(): boolean {
    return this.ended;
  }

  /** A worker started now, or undefined when none can start here (`script`: tests' stand-in). */
  static start(script: URL = WORKER): AvailabilityWorker | undefined {
    if (!availabilityWorkerAvailable(script)) return undefined;
    const work = new MessageChannel();
    const port = new MessageChannel();
    try {
      const status = new Int32Array(new SharedArrayBuffer(12));
      const data: AvailabilityWorkerData = { status, work: work.port2, port: port.port2 };
      const worker = new Worker(script, {
        workerData: data,
        transferList: [work.port2, port.port2],
      });
      worker.unref();
      return new AvailabilityWorker(worker, work.port1, port.port1, status);
    } catch {
      for (const p of [work.port1, work.port2, port.port1, port.port2]) p.close();
      return undefined;
    }
  }

  /** Hands it its work; false when it already has some or has been ended. */
  give(input: AvailabilityWorkerInput): boolean {
    if (this.given || this.ended) return false;
    this.given = true;
    this.work.postMessage(input);
    return true;
  }

  /**
   * Ends it unless it was given work (whoever it was given to ends it once it answered), and
   * says whether it did.
   */
  endIfIdle(): boolean {
    if (this.given) return false;
    this.end();
    return true;
  }

  /** Ends it (at once if idle, else wherever it is) and closes its ports; again does nothing. */
  end(): void {
    if (this.ended) return;
    this.ended = true;
    this.work.close();
    this.port.close();
    void this.worker.terminate();
  }
}
