// A worker thread's share of the single-failure sweep: runs its items on the arrays the main
// thread shares, hands back what its down items left for the observers through a message port,
// and says it is done (or failed) in a shared status word the main thread waits on. Its code
// is loaded only after the status can be set, so a failure to load is reported, not a hang.

import { workerData, type MessagePort } from 'node:worker_threads';
import type { SweepWork } from './sweep-work.js';

interface WorkerInput {
  work: SweepWork;
  thread: number;
  threads: number;
  /** status[thread]: 0 running, 1 done, 2 failed. */
  status: Int32Array;
  port: MessagePort;
}

const { work, thread, threads, status, port } = workerData as WorkerInput;
let outcome = 2;
try {
  const { runItems } = await import('./sweep-work.js');
  const record = runItems(work, thread, threads);
  // runItems returns arrays on fresh (not shared) buffers, which move to the main thread.
  const buffers = [record.items, record.entryStart, record.entries].map(
    (a) => a.buffer as ArrayBuffer,
  );
  port.postMessage(record, buffers);
  outcome = 1;
} catch (error) {
  port.postMessage({ error: String(error) });
} finally {
  port.close();
  Atomics.store(status, thread, outcome);
  Atomics.notify(status, thread);
}
