// A worker thread started for the single-failure sweep: joins it (shared-sweep.ts), claiming
// items from the arrays the main thread shares until none are left, and hands back what its
// down items left for the observers. Its code is loaded only after its state can be set, so a
// failure to load is reported, not a hang.

import { workerData } from 'node:worker_threads';
import type { SweepShare } from './shared-sweep.js';

const share = workerData as SweepShare;
try {
  const { joinSweep } = await import('./shared-sweep.js');
  joinSweep(share);
} catch {
  // Failed (before joining, or joinSweep said so): the main thread runs the items no record
  // holds. The state word's "not joined" (0) becomes "failed" (2) so that it stops waiting.
  share.port.close();
  const { control, slot } = share;
  Atomics.compareExchange(control, 1 + slot, 0, 2);
  Atomics.notify(control, 1 + slot);
}
