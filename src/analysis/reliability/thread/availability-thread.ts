// Availability and importance on a worker thread while this thread sweeps every single failure
// and runs the other analyses: the worker gets copies of the ranked graph's arrays and the
// model's odds when it starts, solves everything that needs no sweep, then waits for what each
// component takes down (only when some entry point is sampled), which this thread tells it
// right after its sweep. Its answer comes back as typed arrays (encoded-availability.ts), and
// `result` waits for it (the analysis stays synchronous). A worker that fails, or is not there
// (when this module runs from its TypeScript source, as under the test runner), has the whole
// work done here instead: the result never depends on where it ran.

import { existsSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { MessageChannel, receiveMessageOnPort, Worker } from 'node:worker_threads';
import type { RankedGraph } from '../../outage/ranked-graph.js';
import {
  analyzeAvailability,
  type AvailabilityOptions,
  type ReliabilityAnalysis,
  type ReliabilityOdds,
  type ReliabilityPlan,
} from '../availability.js';
import { commonCauses } from '../common-causes.js';
import { reliabilityModel } from '../model.js';
import { decodeAvailability, type EncodedAvailability } from './encoded-availability.js';

const WORKER = new URL('./availability-worker.js', import.meta.url);

/** Below this many services a worker costs more to start than availability takes here. */
export const AVAILABILITY_THREAD_SERVICES = 20_000;

/**
 * How long `result` waits for the worker beyond the time since it started: a worker killed
 * without a word (out of memory) never sets its status, and the work then runs here instead.
 */
const PATIENCE_MS = 30_000;
const PATIENCE_FACTOR = 4;
/** How long the worker waits to be told what each component takes down. */
export const TAKES_DOWN_PATIENCE_MS = 600_000;

export interface AvailabilityThreadOptions extends Omit<AvailabilityOptions, 'takesDown'> {
  /** false: everything runs on this thread, when `result` is called. */
  worker: boolean;
  /** Graphs of fewer services stay on this thread (default AVAILABILITY_THREAD_SERVICES). */
  minServices?: number;
  /** Another worker script and patience, only to test a worker that fails or never reports. */
  script?: URL;
  patienceMs?: number;
}

/** What the worker receives when it starts (structured clone: its own copies). */
export interface AvailabilityWorkerInput {
  plan: ReliabilityPlan;
  entries: Int32Array;
  odds: ReliabilityOdds;
  options: Omit<AvailabilityOptions, 'takesDown' | 'commonCauses'>;
  /** status[0]: 0 running, 1 done, 2 failed; status[1]: 1 once takesDown is posted. */
  status: Int32Array;
  port: MessagePort;
}

/** What each component takes down as one array of entry points and where each list starts. */
export interface PostedTakesDown {
  /** Lists of component x: entries[start[x]] .. entries[start[x+1]-1]; present[x] 0: none. */
  start: Int32Array;
  entries: Int32Array;
  present: Uint8Array;
}

type TakesDown = ReadonlyArray<readonly number[] | undefined>;
type MessagePort = MessageChannel['port1'];

/** Whether the worker can run here: its built `.js` file is beside this module. */
export function availabilityWorkerAvailable(script: URL = WORKER): boolean {
  return script.protocol === 'file:' && existsSync(fileURLToPath(script));
}

/**
 * Availability and importance of `entries` (services, increasing), on a worker thread from now
 * on when the options allow and the graph is large enough, else here when `result` is called.
 */
export class PendingAvailability {
  private readonly worker: Worker | undefined;
  private readonly port: MessagePort | undefined;
  private readonly status = new Int32Array(new SharedArrayBuffer(8));
  private readonly started = performance.now();
  private takesDown: TakesDown | undefined;
  private ran = false;

  constructor(
    private readonly plan: RankedGraph,
    private readonly entries: readonly number[],
    private readonly options: AvailabilityThreadOptions,
  ) {
    const { script = WORKER } = options;
    const large = plan.graph.n >= (options.minServices ?? AVAILABILITY_THREAD_SERVICES);
    if (!options.worker || !large || !availabilityWorkerAvailable(script)) return;
    const { port1, port2 } = new MessageChannel();
    try {
      this.worker = new Worker(script, {
        workerData: { ...this.input(), status: this.status, port: port2 },
        transferList: [port2],
      });
      this.worker.unref();
      this.port = port1;
    } catch {
      port1.close();
      port2.close();
    }
  }

  /** Whether a worker thread was started for the work. */
  get threaded(): boolean {
    return this.worker !== undefined;
  }

  /** Whether the result came from the worker (known once `result` returned). */
  get onWorker(): boolean {
    return this.ran;
  }

  /** What each component takes down alone (as recordSingleFailures gives it), once swept. */
  tell(takesDown: TakesDown): void {
    this.takesDown = takesDown;
    if (this.port === undefined) return;
    const posted = postedTakesDown(takesDown);
    const buffers = [posted.start, posted.entries, posted.present].map(
      (a) => a.buffer as ArrayBuffer,
    );
    this.port.postMessage(posted, buffers);
    Atomics.store(this.status, 1, 1);
    Atomics.notify(this.status, 1);
  }

  /** The availability and importance: the worker's, or computed here when it has none. */
  result(): ReliabilityAnalysis {
    const model = reliabilityModel(this.plan.graph);
    const { ids } = this.plan.graph;
    const encoded = this.fromWorker();
    if (encoded === undefined) {
      const { worker: _w, minServices: _m, script: _s, patienceMs: _p, ...options } = this.options;
      return analyzeAvailability(this.plan, this.entries, {
        ...options,
        takesDown: this.takesDown,
      });
    }
    this.ran = true;
    const entryIds = this.entries.map((e) => ids[e]!);
    return {
      ...decodeAvailability(encoded, entryIds),
      slaUnknown: model.slaUnknown.map((v) => ids[v]!),
    };
  }

  /** The worker's encoded answer, waited for; undefined when it has none (or no worker ran). */
  private fromWorker(): EncodedAvailability | undefined {
    const { worker, port, status } = this;
    if (worker === undefined || port === undefined) return undefined;
    const patience = this.options.patienceMs ?? PATIENCE_MS;
    const deadline =
      performance.now() + Math.max(patience, PATIENCE_FACTOR * (performance.now() - this.started));
    while (Atomics.load(status, 0) === 0) {
      const left = deadline - performance.now();
      if (left <= 0) break;
      Atomics.wait(status, 0, 0, left);
    }
    const done = Atomics.load(status, 0) === 1;
    const message: unknown = done ? receiveMessageOnPort(port)?.message : undefined;
    port.close();
    if (!done) void worker.terminate();
    return isEncoded(message) ? message : undefined;
  }

  /** The worker's copy of the graph's arrays, the odds and the options. */
  private input(): Omit<AvailabilityWorkerInput, 'status' | 'port'> {
    const { plan, entries } = this;
    const { graph } = plan;
    const model = reliabilityModel(graph);
    const causes = this.options.commonCauses ?? commonCauses(graph);
    const { importanceLimit, exact, exactPartLimit, monteCarlo } = this.options;
    const options = { importanceLimit, exact, exactPartLimit, monteCarlo };
    return {
      plan: {
        graph: {
          n: graph.n,
          ids: graph.ids,
          reqStart: graph.reqStart,
          reqSoft: graph.reqSoft,
          reqQuorum: graph.reqQuorum,
          altStart: graph.altStart,
          alts: graph.alts,
          costPerHour: graph.costPerHour,
        },
        order: plan.order,
        rank: plan.rank,
        component: plan.component,
        reqStart: plan.reqStart,
        reqQuorum: plan.reqQuorum,
        reqSoft: plan.reqSoft,
        altStart: plan.altStart,
        alts: plan.alts,
        dependentStart: plan.dependentStart,
        dependents: plan.dependents,
      },
      entries: Int32Array.from(entries),
      odds: { up: model.up, down: model.down, causes },
      options: Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined)),
    };
  }
}

function postedTakesDown(takesDown: TakesDown): PostedTakesDown {
  const n = takesDown.length;
  const start = new Int32Array(n + 1);
  const present = new Uint8Array(n);
  for (let x = 0; x < n; x++) {
    const lost = takesDown[x];
    start[x + 1] = start[x]! + (lost?.length ?? 0);
    if (lost !== undefined) present[x] = 1;
  }
  const entries = new Int32Array(start[n]!);
  for (let x = 0; x < n; x++) {
    const lost = takesDown[x];
    if (lost !== undefined) entries.set(lost, start[x]!);
  }
  return { start, entries, present };
}

function isEncoded(message: unknown): message is EncodedAvailability {
  return typeof message === 'object' && message !== null && 'listStart' in message;
}
