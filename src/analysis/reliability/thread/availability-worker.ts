// The worker thread of availability-thread.ts: solves availability and importance over the
// copies it was given, waits (only when some entry point is sampled) to be told what each
// component takes down, and hands back the encoded answer through its port, then says it is
// done (or failed) in a shared status word the main thread waits on. Its code is loaded only
// after the status can be set, so a failure to load is reported, not a hang.

import { receiveMessageOnPort, workerData } from 'node:worker_threads';
import type { AvailabilityWorkerInput, PostedTakesDown } from './availability-thread.js';

const { plan, entries, odds, options, status, port } = workerData as AvailabilityWorkerInput;
let outcome = 2;
try {
  const { availabilityOf } = await import('../availability.js');
  const { encodeAvailability } = await import('./encoded-availability.js');
  const { TAKES_DOWN_PATIENCE_MS } = await import('./availability-thread.js');
  const list = Array.from(entries);
  const analysis = availabilityOf(plan, list, odds, options, () => {
    if (Atomics.wait(status, 1, 0, TAKES_DOWN_PATIENCE_MS) === 'timed-out')
      throw new Error('never told what each component takes down');
    const posted = receiveMessageOnPort(port)?.message as PostedTakesDown;
    return takesDownOf(posted);
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
  port.close();
  Atomics.store(status, 0, outcome);
  Atomics.notify(status, 0);
}

function takesDownOf({
  start,
  entries: lists,
  present,
}: PostedTakesDown): (number[] | undefined)[] {
  const takesDown: (number[] | undefined)[] = [];
  for (let x = 0; x < present.length; x++)
    takesDown.push(present[x] ? Array.from(lists.subarray(start[x]!, start[x + 1]!)) : undefined);
  return takesDown;
}
