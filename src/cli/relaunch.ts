// Running a command on a large input again in a child process whose C library allocator backs
// its memory with huge pages. A run over a 100,000-service manifest touches 300-400 MiB for the
// first time, a page fault for every 4 KiB of it; glibc's allocator only asks the kernel for
// transparent huge pages when the environment says so at start-up (GLIBC_TUNABLES), which a
// process cannot change for itself. Starting Node once more costs about 0.05 CPU s, so only
// inputs of several MiB are worth it; small ones, and systems without glibc, run in-process.

import { readFileSync, statSync } from 'node:fs';

/** An input this large or larger is worth a second start of Node. */
export const RELAUNCH_MIN_BYTES = 8 * 2 ** 20;

/** What the child's allocator is told: back what it maps with transparent huge pages. */
export const ALLOCATOR_TUNABLES = 'glibc.malloc.hugetlb=1';

/** What deciding needs to know about the process, injectable for tests. */
export interface LaunchFacts {
  platform: string;
  env: Readonly<Record<string, string | undefined>>;
  args: readonly string[];
  /** The size of a regular file, undefined for anything else (or nothing). */
  fileSize: (file: string) => number | undefined;
  /** Whether the C library is glibc (musl ignores GLIBC_TUNABLES). */
  usesGlibc: () => boolean;
  minBytes?: number;
}

/**
 * The GLIBC_TUNABLES the command should run again with, or undefined to run it in this process:
 * on Linux with glibc, when an argument names a file of at least `minBytes`, and when nobody
 * (the user, or this process's parent) has set GLIBC_TUNABLES already.
 */
export function relaunchTunables(facts: LaunchFacts): string | undefined {
  if (facts.platform !== 'linux' || facts.env['GLIBC_TUNABLES'] !== undefined) return undefined;
  const minBytes = facts.minBytes ?? RELAUNCH_MIN_BYTES;
  const large = facts.args.some(
    (arg) => arg !== '-' && !arg.startsWith('-') && (facts.fileSize(arg) ?? 0) >= minBytes,
  );
  return large && facts.usesGlibc() ? ALLOCATOR_TUNABLES : undefined;
}

/**
 * Runs the command again in a child process when `relaunchTunables` says so, and resolves to the
 * child's exit code; resolves to undefined when the command should run in this process. The
 * child shares standard input, output and error; signals sent to this process are passed on,
 * and a child ended by a signal ends this process by the same signal.
 */
export async function relaunchForLargeInput(
  args: readonly string[],
  minBytes = RELAUNCH_MIN_BYTES,
): Promise<number | undefined> {
  const tunables = relaunchTunables({
    platform: process.platform,
    env: process.env,
    args,
    fileSize,
    usesGlibc,
    minBytes,
  });
  if (tunables === undefined) return undefined;
  const { spawn } = await import('node:child_process');
  const child = spawn(process.execPath, [...process.execArgv, process.argv[1]!, ...args], {
    stdio: 'inherit',
    env: { ...process.env, GLIBC_TUNABLES: tunables },
  });
  const passOn = (signal: NodeJS.Signals) => child.kill(signal);
  const signals: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];
  for (const signal of signals) process.on(signal, passOn);
  const ended = await new Promise<{ code: number | null; signal: NodeJS.Signals | null }>(
    (resolve) => {
      // A child that could not be started ran nothing: the command runs here instead.
      child.once('error', () => resolve({ code: null, signal: null }));
      child.once('exit', (code, signal) => resolve({ code, signal }));
    },
  );
  for (const signal of signals) process.off(signal, passOn);
  if (ended.signal !== null) process.kill(process.pid, ended.signal);
  return ended.code ?? (ended.signal === null ? undefined : 1);
}

function fileSize(file: string): number | undefined {
  try {
    const stat = statSync(file, { throwIfNoEntry: false });
    return stat?.isFile() ? stat.size : undefined;
  } catch {
    return undefined; // unreadable: the command itself says why
  }
}

/** glibc's shared library is mapped into this process (musl's is ld-musl-*.so.1). */
function usesGlibc(): boolean {
  try {
    return /\/libc\.so\.6$/m.test(readFileSync('/proc/self/maps', 'latin1'));
  } catch {
    return false;
  }
}
