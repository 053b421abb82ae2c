// Everything the CLI touches outside itself, injectable so that tests run the CLI in-process:
// the streams, the environment, the working directory.

import { closeSync, openSync, writeSync } from 'node:fs';
import { rename, stat, unlink } from 'node:fs/promises';
import path from 'node:path';
import type { Chunk, Chunks } from '../report/reporter.js';

export interface OutputStream {
  /**
   * Text or its UTF-8 bytes. false asks the writer to wait for 'drain' (Node streams);
   * anything else means go on.
   */
  write(text: string | Uint8Array): unknown;
  once?(event: 'drain', listener: () => void): unknown;
  isTTY?: boolean;
  /**
   * Bytes written but not yet handed to the operating system (Node streams). 0 after a write
   * means the stream holds nothing of what it was given; a stream without it is taken to keep
   * what it is given.
   */
  readonly writableLength?: number;
}

export interface CliIO {
  stdout: OutputStream;
  stderr: OutputStream;
  readStdin: () => Promise<string>;
  env: Readonly<Record<string, string | undefined>>;
  cwd: string;
}

export function processIO(): CliIO {
  return {
    stdout: closableStdout(process.stdout),
    stderr: process.stderr,
    readStdin: async () => {
      const chunks: Buffer[] = [];
      for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
      return Buffer.concat(chunks).toString('utf8');
    },
    env: process.env,
    cwd: process.cwd(),
  };
}

/**
 * Standard output that a reader may close early (`blast-radius analyze | head`): after a
 * broken pipe the rest of the output is dropped and the command finishes as it would have,
 * with its own exit code, instead of dying on an unhandled EPIPE with a stack trace.
 */
function closableStdout(stream: NodeJS.WriteStream): OutputStream {
  let closed = false;
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
    closed = true;
    stream.emit('drain'); // wake a writer waiting for room that will never come
  });
  return {
    write: (text) => (closed ? true : stream.write(text)),
    once: (event, listener) => (closed ? listener() : stream.once(event, listener)),
    get isTTY() {
      return stream.isTTY;
    },
    get writableLength() {
      return closed ? 0 : stream.writableLength;
    },
  };
}

/** Whether to colour, from the environment (NO_COLOR, FORCE_COLOR) and the output being a TTY. */
export function wantsColor(env: CliIO['env'], isTTY: boolean): boolean {
  const force = env['FORCE_COLOR'];
  if (force !== undefined) return force !== '0' && force !== 'false';
  if (env['NO_COLOR'] !== undefined && env['NO_COLOR'] !== '') return false;
  return isTTY;
}

/**
 * Writes a result to standard output, or to a file atomically (a temporary file renamed over
 * the target), so an interrupted run never leaves half a file. A target that exists and is not
 * a regular file (/dev/null, a named pipe) is written to directly.
 */
export async function writeResult(
  io: CliIO,
  rendered: string | Chunks,
  outFile: string | undefined,
): Promise<void> {
  const chunks = typeof rendered === 'string' ? [rendered] : rendered;
  if (outFile === undefined || outFile === '-') {
    await writeChunks(io.stdout, chunks);
    return;
  }
  const target = path.resolve(io.cwd, outFile);
  const existing = await stat(target).catch(() => undefined);
  if (existing !== undefined && !existing.isFile()) {
    // /dev/null or a pipe: renaming a file over it would replace it.
    writeFileChunks(target, chunks);
    return;
  }
  // node:crypto costs every command ~7 ms to load; only this write needs it.
  const { randomBytes } = await import('node:crypto');
  const temporary = `${target}.${randomBytes(6).toString('hex')}.tmp`;
  try {
    writeFileChunks(temporary, chunks);
    await rename(temporary, target);
  } catch (error) {
    await unlink(temporary).catch(() => undefined);
    throw new OutputError(outFile, error);
  }
}

/** The result could not be written to the file the user named (-o). */
export class OutputError extends Error {
  readonly code: string;
  constructor(file: string, cause: unknown) {
    const code = (cause as { code?: unknown } | null)?.code;
    const reason = typeof code === 'string' ? code : String(cause);
    super(`cannot write ${file}: ${reason === 'ENOENT' ? 'no such directory' : reason}`);
    this.name = 'OutputError';
    this.code = 'EOUTPUT';
  }
}

/**
 * Writes chunk by chunk, waiting for 'drain' when the stream asks to, so memory stays flat. A
 * chunk the stream has already handed on whole (standard output to a file or a pipe is written
 * synchronously on Linux) is given back to the renderer to be written over.
 */
async function writeChunks(stream: OutputStream, chunks: Chunks): Promise<void> {
  const iterator = chunks[Symbol.iterator]();
  let next = iterator.next();
  while (next.done !== true) {
    if (stream.write(next.value) === false && stream.once) {
      await new Promise<void>((resolve) => stream.once!('drain', resolve));
    }
    next = iterator.next(stream.writableLength === 0);
  }
}

/**
 * Writes chunk by chunk with blocking writes: nothing else runs while a result is written, and
 * a chunk written at once never waits in a queue (nor costs a turn of the event loop). Each
 * chunk, once written, is given back to the renderer to be written over.
 */
function writeFileChunks(file: string, chunks: Chunks): void {
  const fd = openSync(file, 'w');
  try {
    const iterator = chunks[Symbol.iterator]();
    for (let next = iterator.next(); next.done !== true; next = iterator.next(true)) {
      writeAll(fd, next.value);
    }
  } finally {
    closeSync(fd);
  }
}

function writeAll(fd: number, chunk: Chunk): void {
  const bytes = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
  for (let at = 0; at < bytes.length;) at += writeSync(fd, bytes, at);
}
