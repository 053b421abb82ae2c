// A progress line on standard error for work that takes more than a second, only when standard
// error is a terminal (never in CI logs or pipes). Redrawn at most ten times a second.

import { stat } from 'node:fs/promises';
import path from 'node:path';
import { safeText } from '../report/shared/safe-text.js';
import type { CliIO } from './io.js';

export interface Progress {
  update(done: number, total: number): void;
  done(): void;
}

const SILENT: Progress = { update() {}, done() {} };

export function createProgress(io: CliIO, label: string, now: () => number = Date.now): Progress {
  if (io.stderr.isTTY !== true) return SILENT;
  const started = now();
  let lastDrawn = 0;
  let drawn = false;
  return {
    update(done, total) {
      const time = now();
      if (time - started < 1000 || time - lastDrawn < 100) return;
      lastDrawn = time;
      drawn = true;
      const percent = total === 0 ? 100 : Math.floor((done / total) * 100);
      io.stderr.write(`\r${label}: ${percent}% (${done} of ${total})\u001b[K`);
    },
    done() {
      if (drawn) io.stderr.write('\r\u001b[K');
    },
  };
}

/** Files above this size take a second or more to load (BENCHMARKS.md): say so while reading. */
const LARGE_MANIFEST_BYTES = 4 * 1024 * 1024;

/**
 * At a terminal, a line saying that a large manifest is being read (parsing is synchronous,
 * so there is no percentage to show); the returned function clears it.
 */
export async function announceLoad(io: CliIO, file: string): Promise<() => void> {
  if (io.stderr.isTTY !== true || file === '-') return () => undefined;
  const size = await stat(path.resolve(io.cwd, file))
    .then((s) => s.size)
    .catch(() => 0);
  if (size < LARGE_MANIFEST_BYTES) return () => undefined;
  io.stderr.write(`reading ${safeText(file)} (${(size / 2 ** 20).toFixed(1)} MiB)…`);
  return () => io.stderr.write('\r\u001b[K');
}
