// The worker thread of availability-thread.ts: loads its modules as soon as it starts, waits
// for its work (copies of the ranked graph's arrays and the odds), solves availability and
// importance, hands back the encoded answer through its port and says it is done (or failed)
// in a shared state word the main thread waits on. Once free — done, or waiting (only when
// some entry point is sampled) to be told what each component takes down — it joins the
// single-failure sweep if the main thread offered it a share. Its code is loaded only after
// the state can be set, so a failure to load is reported, not a hang.

import { once } from 'node:events';
import { receiveMessageOnPort, workerData } from 'node:worker_threads';
import type { PostedTakesDown } from './availability-thread.js';
import type {
  AvailabilityWorkerData,
  AvailabilityWorkerInput,
} from './availability-worker-start.js';
import type { SweepShare } from '../../outage/sweep/shared-sweep.js';

const { status, work, port } = workerData as AvailabilityWorkerData;
// The state words' places (availability-worker-start.ts, not imported before the state can
// be set): availability's state, takesDown posted, the sweep's share.
const STATE = 0;
const TAKES_DOWN = 1;
const SHARE = 2;
const SHARE_POSTED = 1;
/** How long to wait for the main thread's word on the sweep or on takesDown. */
const PATIENCE_MS = 600_000;

let joined = false;
/** Joins the sweep once, if the main thread offered a share (waiting for its word first). */
function helpSweep(joinSweep: (share: SweepShare) => boolean): void {
  if (joined) return;
  joined = true;
  if (Atomics.wait(status, SHARE, 0, PATIENCE_MS) === 'timed-out') return;
  if (Atomics.load(status, SHARE) !== SHARE_POSTED) return;
  const share = receiveMessageOnPort(port)?.message as SweepShare | undefined;
  if (share !== undefined) joinSweep(share);
}

let outcome = 2;
let join: ((share: SweepShare) => boolean) | undefined;
try {
  const { availabilityOf } = await import('../availability.js');
  const { encodeAvailability } = await import('./encoded-availability.js');
  const { joinSweep } = await import('../../outage/sweep/shared-sweep.js');
  const { postedAt } = await import('./availability-thread.js');
  join = joinSweep;
  const [input] = (await once(work, 'message')) as [AvailabilityWorkerInput];
  work.close();
  const { plan, entries, odds, options } = input;
  const list = Array.from(entries);
  const analysis = availabilityOf(plan, list, odds, options, () => {
    helpSweep(joinSweep);
    if (Atomics.wait(status, TAKES_DOWN, 0, PATIENCE_MS) === 'timed-out')
      throw new Error('never told what each component takes down');
    const posted = receiveMessageOnPort(port)?.message as PostedTakesDown;
    return postedAt(posted);
  });
  const encoded = encodeAvailability(
    analysis,
    list.map((e) => plan.graph.ids[e]!),
  );
  const buffers = [
    encoded.method,
    encoded.entry,
    encoded.list,
    encoded.listStart,
    encoded.name,
    encoded.measures,
  ].map((a) => a.buffer as ArrayBuffer);
  port.postMessage(encoded, buffers);
  outcome = 1;
} catch (error) {
  port.postMessage({ error: String(error) });
} finally {
  Atomics.store(status, STATE, outcome);
  Atomics.notify(status, STATE);
}
try {
  if (join !== undefined) helpSweep(join);
} finally {
  port.close();
}
