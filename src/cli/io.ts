// Everything the CLI touches outside itself, injectable so that tests run the CLI in-process:
// the streams, the environment, the working directory.

import { randomBytes } from 'node:crypto';
import { rename, stat, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';

export interface OutputStream {
  write(text: string): unknown;
  isTTY?: boolean;
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
    stdout: process.stdout,
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
  text: string,
  outFile: string | undefined,
): Promise<void> {
  if (outFile === undefined || outFile === '-') {
    io.stdout.write(text);
    return;
  }
  const target = path.resolve(io.cwd, outFile);
  const existing = await stat(target).catch(() => undefined);
  if (existing !== undefined && !existing.isFile()) {
    // /dev/null or a pipe: renaming a file over it would replace it.
    await writeFile(target, text);
    return;
  }
  const temporary = `${target}.${randomBytes(6).toString('hex')}.tmp`;
  try {
    await writeFile(temporary, text);
    await rename(temporary, target);
  } catch (error) {
    await unlink(temporary).catch(() => undefined);
    throw error;
  }
}
