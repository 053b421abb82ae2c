// A progress line on standard error for work that takes more than a second, only when standard
// error is a terminal (never in CI logs or pipes). Redrawn at most ten times a second.

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
