// Availability and importance on a worker thread while this thread sweeps every single failure
// and runs the other analyses: the worker (started here, or earlier by the caller so that its
// start-up overlaps loading: availability-worker-start.ts) gets copies of the ranked graph's
// arrays and the model's odds, solves everything that needs no sweep, then waits for what each
// component takes down (only when some entry point is sampled), which this thread tells it
// right after its sweep. Once free — done, or waiting for that — it joins the sweep and claims
// chunks beside this thread (`helper`). Its answer comes back as typed arrays
// (encoded-availability.ts), and `result` waits for it (the analysis stays synchronous). A
// worker that fails, or is not there (when this module runs from its TypeScript source, as
// under the test runner), has the whole work done here instead: the result never depends on
// where it ran.

import { performance } from 'node:perf_hooks';
import { receiveMessageOnPort } from 'node:worker_threads';
import { sharedInt32Array, sharedUint8Array } from '../../../model/shared-memory.js';
import type { RankedGraph } from '../../outage/ranked-graph.js';
import type { SweepHelper, SweepShare } from '../../outage/sweep/shared-sweep.js';
import {
  analyzeAvailability,
  type AvailabilityOptions,
  type ReliabilityAnalysis,
} from '../availability.js';
import { commonCauses } from '../common-causes.js';
import type { TakesDownAt } from '../sampled-spofs.js';
import { reliabilityModel, type ReliabilityModel } from '../model.js';
import {
  AvailabilityWorker,
  type AvailabilityWorkerInput,
  AVAILABILITY_DONE,
  AVAILABILITY_STATE,
  NO_SHARE,
  SHARE_POSTED,
  SWEEP_SHARE,
  TAKES_DOWN_POSTED,
} from './availability-worker-start.js';
import { awaitState, patienceDeadline } from '../../worker-patience.js';
import { decodeAvailability, type EncodedAvailability } from './encoded-availability.js';

/** Below this many services a worker costs more to start than availability takes here. */
export const AVAILABILITY_THREAD_SERVICES = 20_000;

export interface AvailabilityThreadOptions extends Omit<AvailabilityOptions, 'takesDown'> {
  /**
   * false: everything runs on this thread, when `result` is called; true: on a worker started
   * here; a worker: on that one, started earlier. Either is ended here once it answered (its
   * owner ends one it never gave work).
   */
  worker: boolean | AvailabilityWorker;
  /** Graphs of fewer services stay on this thread (default AVAILABILITY_THREAD_SERVICES). */
  minServices?: number;
  /** Another worker script and patience, only to test a worker that fails or never reports. */
  script?: URL;
  patienceMs?: number;
}

/**
 * What each component that can fail by itself takes down, as one array of entry points and
 * where each list starts: availability reads no other (sampledSpofs ranks the components with
 * odds of their own), and on B at 100,000 services these hold 0.96 of the 2.7 million entries.
 */
export interface PostedTakesDown {
  /**
   * Lists of component x: entries[start[x]] .. entries[start[x+1]-1]; present[x] 0: none, or x
   * cannot fail by itself.
   */
  start: Int32Array;
  entries: Int32Array;
  present: Uint8Array;
}

type TakesDown = ReadonlyArray<readonly number[] | undefined>;

/**
 * Availability and importance of `entries` (services, increasing), on a worker thread from now
 * on when the options allow and the graph is large enough, else here when `result` is called.
 */
export class PendingAvailability {
  private readonly worker: AvailabilityWorker | undefined;
  private readonly started = performance.now();
  private takesDown: TakesDown | undefined;
  /** What each component takes down as posted to the worker (a copy: the caller's lists may change). */
  private posted: PostedTakesDown | undefined;
  private ran = false;
  private told = false;
  private offered = false;
  /** The graph's reliability model, made once (input and result both read it). */
  private modelMade: ReliabilityModel | undefined;

  constructor(
    private readonly plan: RankedGraph,
    private readonly entries: readonly number[],
    private readonly options: AvailabilityThreadOptions,
  ) {
    const large = plan.graph.n >= (options.minServices ?? AVAILABILITY_THREAD_SERVICES);
    if (options.worker === false || !large) return;
    const given = options.worker === true ? undefined : options.worker;
    const worker = given ?? AvailabilityWorker.start(options.script);
    if (worker === undefined) return;
    if (worker.give(this.input())) this.worker = worker;
    else if (given === undefined) worker.end();
  }

  private get model(): ReliabilityModel {
    return (this.modelMade ??= reliabilityModel(this.plan.graph));
  }

  /** Whether a worker thread was given the work. */
  get threaded(): boolean {
    return this.worker !== undefined;
  }

  /**
   * The worker as a helper of the sweep (once: it joins one sweep), or undefined when there is
   * no worker.
   */
  get helper(): SweepHelper | undefined {
    const { worker } = this;
    if (worker === undefined || this.offered) return undefined;
    return {
      offer: (share: SweepShare) => {
        if (this.offered || this.told) return false;
        this.offered = true;
        worker.port.postMessage(share, [share.port]);
        say(worker.status, SWEEP_SHARE, SHARE_POSTED);
        return true;
      },
      abandon: () => worker.end(),
    };
  }

  /** Whether the result came from the worker (known once `result` returned). */
  get onWorker(): boolean {
    return this.ran;
  }

  /** What each component takes down alone (as recordSingleFailures gives it), once swept. */
  tell(takesDown: TakesDown): void {
    this.told = true;
    const { worker } = this;
    if (worker === undefined) {
      this.takesDown = takesDown;
      return;
    }
    if (!this.offered) say(worker.status, SWEEP_SHARE, NO_SHARE);
    this.offered = true;
    // Copied (into shared memory, which the worker reads in place), not moved: should the
    // worker fail, the work is done here from the same lists, after the caller has turned its
    // own into ids.
    this.posted = postedTakesDown(takesDown, this.model.down);
    worker.port.postMessage(this.posted);
    say(worker.status, TAKES_DOWN_POSTED, 1);
  }

  /**
   * The availability and importance if known without waiting: computed here when there is no
   * worker, or the worker's answer once it is in; undefined while the worker is at it.
   */
  ifReady(): ReliabilityAnalysis | undefined {
    const { worker } = this;
    const working =
      worker !== undefined &&
      !worker.isEnded &&
      Atomics.load(worker.status, AVAILABILITY_STATE) === 0;
    return working ? undefined : this.result();
  }

  /**
   * Writes the availability and importance into `target`'s three fields: at once when they are
   * known (ifReady), else as fields that wait for the worker when first read, each a plain
   * field from then on. What reads none of them (the sections of a report before them) runs
   * meanwhile, beside the worker.
   */
  settleInto(target: ReliabilityAnalysis): void {
    const known = this.ifReady();
    if (known !== undefined) {
      Object.assign(target, known);
      return;
    }
    let settled: ReliabilityAnalysis | undefined;
    const settle = (): ReliabilityAnalysis => {
      if (settled !== undefined) return settled;
      settled = this.result();
      for (const key of RELIABILITY_FIELDS) field(target, key, settled[key]);
      return settled;
    };
    for (const key of RELIABILITY_FIELDS) {
      Object.defineProperty(target, key, {
        get: () => settle()[key],
        set: (value: unknown) => {
          settle();
          field(target, key, value);
        },
        enumerable: true,
        configurable: true,
      });
    }
  }

  /** The availability and importance: the worker's, or computed here when it has none. */
  result(): ReliabilityAnalysis {
    const { ids } = this.plan.graph;
    const encoded = this.fromWorker();
    if (encoded === undefined) {
      const { worker: _w, minServices: _m, script: _s, patienceMs: _p, ...options } = this.options;
      const { posted } = this;
      return analyzeAvailability(this.plan, this.entries, {
        ...options,
        takesDown: posted === undefined ? this.takesDown : takesDownOf(posted),
      });
    }
    this.ran = true;
    const entryIds = this.entries.map((e) => ids[e]!);
    return {
      ...decodeAvailability(encoded, entryIds),
      slaUnknown: this.model.slaUnknown.map((v) => ids[v]!),
    };
  }

  /** The worker's encoded answer, waited for; undefined when it has none (or no worker ran). */
  private fromWorker(): EncodedAvailability | undefined {
    const { worker } = this;
    if (worker === undefined || worker.isEnded) return undefined;
    const { port, status } = worker;
    const deadline = patienceDeadline(this.started, this.options.patienceMs);
    const state = awaitState(status, AVAILABILITY_STATE, unanswered, deadline);
    const done = state === AVAILABILITY_DONE;
    const message: unknown = done ? receiveMessageOnPort(port)?.message : undefined;
    // Its work is done (or given up on): it ends here, whether started here or given.
    worker.end();
    return isEncoded(message) ? message : undefined;
  }

  /** The worker's copy of the graph's arrays, the odds and the options. */
  private input(): AvailabilityWorkerInput {
    const { plan, entries } = this;
    const { graph } = plan;
    const { model } = this;
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

const RELIABILITY_FIELDS = ['availability', 'importance', 'slaUnknown'] as const;

/** Makes `key` of `target` a plain field holding `value` (in the same place among its keys). */
function field(target: object, key: string, value: unknown): void {
  Object.defineProperty(target, key, {
    value,
    writable: true,
    enumerable: true,
    configurable: true,
  });
}

/**
 * The lists in shared memory: posted, the worker reads them where they are (no copy on either
 * side), and only the few it ranks (postedAt).
 */
function postedTakesDown(takesDown: TakesDown, down: Float64Array): PostedTakesDown {
  const n = takesDown.length;
  const start = sharedInt32Array(n + 1);
  const present = sharedUint8Array(n);
  for (let x = 0; x < n; x++) {
    const lost = down[x]! > 0 ? takesDown[x] : undefined;
    start[x + 1] = start[x]! + (lost?.length ?? 0);
    if (lost !== undefined) present[x] = 1;
  }
  const entries = sharedInt32Array(start[n]!);
  for (let x = 0; x < n; x++) {
    const lost = present[x] ? takesDown[x] : undefined;
    if (lost !== undefined) entries.set(lost, start[x]!);
  }
  return { start, entries, present };
}

/** Component x's list of `posted`, read in place. */
export function postedAt({ start, entries, present }: PostedTakesDown): TakesDownAt {
  return (x) => (present[x] ? entries.subarray(start[x]!, start[x + 1]!) : undefined);
}

/** The lists of `postedTakesDown` as they were. */
export function takesDownOf(posted: PostedTakesDown): (number[] | undefined)[] {
  const at = postedAt(posted);
  const takesDown: (number[] | undefined)[] = [];
  for (let x = 0; x < posted.present.length; x++) {
    const lost = at(x);
    takesDown.push(lost === undefined ? undefined : Array.from(lost));
  }
  return takesDown;
}

/** Sets word `at` of `status` to `value` and wakes the worker waiting on it. */
function say(status: Int32Array, at: number, value: number): void {
  Atomics.store(status, at, value);
  Atomics.notify(status, at);
}

function isEncoded(message: unknown): message is EncodedAvailability {
  return typeof message === 'object' && message !== null && 'listStart' in message;
}

/** The worker has not set its state yet. */
function unanswered(state: number): boolean {
  return state === 0;
}
