// What a command's action receives: the injected IO, and `run`, which turns the action's
// outcome (or its error, reported on stderr) into the outcome of the whole invocation.

import type { Outcome } from './exit-code.js';
import type { CliIO } from './io.js';

export interface CommandContext {
  io: CliIO;
  run: (action: () => Promise<Outcome>) => Promise<void>;
}
