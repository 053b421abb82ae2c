// How the CLI turns a thrown error into what the user sees and an outcome: manifest errors as
// `file:line:col: message` lines, usage errors as one line, never a stack trace.

import { ManifestErrors } from '../manifest/errors.js';
import { SelectorError } from '../model/selector.js';
import { safeText } from '../report/shared/safe-text.js';
import type { Outcome } from './exit-code.js';
import type { CliIO } from './io.js';

/** A mistake in how the command was called (a bad option value, a missing argument). */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

export function reportError(io: CliIO, error: unknown): Outcome {
  if (error instanceof ManifestErrors) {
    for (const each of error.errors) io.stderr.write(`${safeText(each.format())}\n`);
    const count = error.errors.length;
    io.stderr.write(`${count} ${count === 1 ? 'error' : 'errors'} in the manifest\n`);
    return 'input-error';
  }
  if (error instanceof SelectorError || error instanceof UsageError) {
    io.stderr.write(`blast-radius: ${safeText(error.message)}\n`);
    return 'usage-error';
  }
  const message = error instanceof Error ? error.message : String(error);
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && code.startsWith('E')) {
    io.stderr.write(`blast-radius: ${safeText(message)}\n`);
    return 'input-error';
  }
  io.stderr.write(`blast-radius: internal error: ${safeText(message)}\n`);
  if (io.env['BLAST_RADIUS_DEBUG'] && error instanceof Error && error.stack) {
    io.stderr.write(`${safeText(error.stack)}\n`);
  } else {
    io.stderr.write('This is a bug in blast-radius; set BLAST_RADIUS_DEBUG=1 for details.\n');
  }
  return 'input-error';
}
