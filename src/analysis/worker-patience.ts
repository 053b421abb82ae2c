// How long a thread waits for a worker it shared work with: a worker killed without a word
// (out of memory) never sets its state, so every wait has a deadline, after which the work
// runs on the waiting thread instead. A worker merely slower than that costs its work twice,
// never a different result.

import { performance } from 'node:perf_hooks';

/** The least a thread waits for a worker, in milliseconds. */
export const WORKER_PATIENCE_MS = 30_000;

/** Beyond that, how many times the waiting thread's own time since `started` it waits. */
const PATIENCE_FACTOR = 4;

/** The moment to stop waiting: `patienceMs`, or four times the time since `started` if longer. */
export function patienceDeadline(started: number, patienceMs = WORKER_PATIENCE_MS): number {
  const now = performance.now();
  return now + Math.max(patienceMs, PATIENCE_FACTOR * (now - started));
}

/**
 * Waits while `pending(cells[index])` holds and the deadline is ahead; returns the state it
 * left with (still pending when the deadline passed).
 */
export function awaitState(
  cells: Int32Array,
  index: number,
  pending: (state: number) => boolean,
  deadline: number,
): number {
  for (;;) {
    const state = Atomics.load(cells, index);
    if (!pending(state)) return state;
    const left = deadline - performance.now();
    if (left <= 0) return state;
    Atomics.wait(cells, index, state, left);
  }
}
