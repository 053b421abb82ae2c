// Runs the CLI in-process with captured streams, or as a real subprocess through the bin shim.

import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { main } from '../../src/cli/main.js';
import type { CliIO } from '../../src/cli/io.js';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

export async function runCli(
  args: string[],
  options: { env?: Record<string, string>; tty?: boolean; stdin?: string; cwd?: string } = {},
): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const io: CliIO = {
    stdout: {
      // Chunks of bytes never split a character, so each decodes on its own.
      write: (text: string | Uint8Array) =>
        (stdout += typeof text === 'string' ? text : Buffer.from(text).toString('utf8')),
      isTTY: options.tty ?? false,
    },
    stderr: { write: (text: string) => (stderr += text), isTTY: false },
    readStdin: async () => options.stdin ?? '',
    env: options.env ?? {},
    cwd: options.cwd ?? ROOT,
  };
  const code = await main(args, io);
  return { code, stdout, stderr };
}

/** The built CLI as a user runs it (needs `npm run build` first; the test setup does it). */
export function runBin(
  args: string[],
  options: { env?: Record<string, string>; input?: string } = {},
): CliRun {
  const result = spawnSync(process.execPath, [path.join(ROOT, 'bin/blast-radius.js'), ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { PATH: process.env['PATH'] ?? '', ...options.env },
    input: options.input ?? '',
    timeout: 20_000,
  });
  return { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}
