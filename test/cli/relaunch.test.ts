// Running a large input again in a child process with glibc's allocator on huge pages: when it
// is done, that the child gets the setting, its exit code or signal becomes the command's, and
// that the output is the same as in one process.

import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { generateManifest } from '../../bench/generate.mjs';
import {
  ALLOCATOR_TUNABLES,
  RELAUNCH_MIN_BYTES,
  relaunchTunables,
  type LaunchFacts,
} from '../../src/cli/relaunch.js';
import { ROOT, runBin } from '../support/run-cli.js';

const BIG = RELAUNCH_MIN_BYTES;

function facts(overrides: Partial<LaunchFacts> = {}): LaunchFacts {
  return {
    platform: 'linux',
    env: {},
    args: ['analyze', 'big.json', '--format', 'json'],
    fileSize: (file) => (file === 'big.json' ? BIG : file === 'small.json' ? 1000 : undefined),
    usesGlibc: () => true,
    ...overrides,
  };
}

describe('relaunchTunables', () => {
  it('asks for huge pages when an argument names a file of the threshold or more', () => {
    expect(relaunchTunables(facts())).toBe(ALLOCATOR_TUNABLES);
    expect(relaunchTunables(facts({ args: ['diff', 'small.json', 'big.json'] }))).toBe(
      ALLOCATOR_TUNABLES,
    );
  });

  it('runs in-process for small or missing files, options and standard input', () => {
    expect(relaunchTunables(facts({ args: ['analyze', 'small.json'] }))).toBeUndefined();
    expect(relaunchTunables(facts({ args: ['analyze', 'missing.json'] }))).toBeUndefined();
    expect(relaunchTunables(facts({ args: ['--version'] }))).toBeUndefined();
    const asOption = facts({
      args: ['analyze', '-', '--big.json'],
      fileSize: (file) => (file.startsWith('-') ? BIG : undefined),
    });
    expect(relaunchTunables(asOption)).toBeUndefined();
    expect(relaunchTunables(facts({ fileSize: () => BIG - 1 }))).toBeUndefined();
  });

  it('runs in-process off Linux, without glibc, or when GLIBC_TUNABLES is already set', () => {
    expect(relaunchTunables(facts({ platform: 'darwin' }))).toBeUndefined();
    expect(relaunchTunables(facts({ usesGlibc: () => false }))).toBeUndefined();
    expect(relaunchTunables(facts({ env: { GLIBC_TUNABLES: '' } }))).toBeUndefined();
  });

  it('does not look at the C library when no file is large', () => {
    let looked = false;
    const usesGlibc = () => (looked = true);
    relaunchTunables(facts({ args: ['analyze', 'small.json'], usesGlibc }));
    expect(looked).toBe(false);
  });
});

describe.runIf(process.platform === 'linux')('relaunchForLargeInput in a real process', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'blast-radius-relaunch-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const relaunch = pathToFileURL(path.join(ROOT, 'dist/cli/relaunch.js')).href;
  // The child sees GLIBC_TUNABLES and answers; the parent relaunches with any file counted large.
  const script = path.join(dir, 'script.mjs');
  writeFileSync(
    script,
    [
      `if (process.env.GLIBC_TUNABLES !== undefined) {`,
      `  process.stdout.write(process.env.GLIBC_TUNABLES);`,
      `  if (process.argv[2] === 'die') process.kill(process.pid, 'SIGTERM');`,
      `  else process.exit(7);`,
      `} else {`,
      `  const { relaunchForLargeInput } = await import(${JSON.stringify(relaunch)});`,
      `  const code = await relaunchForLargeInput(process.argv.slice(2), 0);`,
      `  process.stdout.write(' parent ' + code);`,
      `  process.exit(code ?? 99);`,
      `}`,
    ].join('\n'),
  );
  const run = (args: string[]) =>
    spawnSync(process.execPath, [script, ...args], {
      encoding: 'utf8',
      env: { PATH: process.env['PATH'] ?? '' },
      timeout: 20_000,
    });

  it("gives the child the tunables and returns the child's exit code", () => {
    const result = run(['exit', script]);
    expect(result.stdout).toBe(`${ALLOCATOR_TUNABLES} parent 7`);
    expect(result.status).toBe(7);
  });

  it('ends by the signal that ended the child', () => {
    const result = run(['die', script]);
    expect(result.stdout).toBe(ALLOCATOR_TUNABLES);
    expect(result.signal).toBe('SIGTERM');
  });
});

describe('the bin on an input large enough to relaunch', () => {
  // Padded with spaces past the threshold, a small manifest takes the relaunch path on Linux.
  const dir = mkdtempSync(path.join(tmpdir(), 'blast-radius-relaunch-bin-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const padding = ' '.repeat(RELAUNCH_MIN_BYTES);
  const { text } = generateManifest({ services: 200, seed: 'relaunch', format: 'json' });
  const large = path.join(dir, 'large.json');
  writeFileSync(large, `${text}${padding}`);
  const broken = path.join(dir, 'broken.json');
  writeFileSync(broken, `${text}${padding}}`);
  const inProcess = { env: { GLIBC_TUNABLES: '' } };

  it('writes the same analysis as one process does, to standard output and to -o', () => {
    const relaunched = runBin(['analyze', large, '--format', 'json']);
    expect(relaunched.code).toBe(0);
    expect(relaunched.stdout).toBe(
      runBin(['analyze', large, '--format', 'json'], inProcess).stdout,
    );
    const out = path.join(dir, 'out.json');
    expect(runBin(['analyze', large, '--format', 'json', '-o', out]).code).toBe(0);
    expect(readFileSync(out, 'utf8')).toBe(relaunched.stdout);
  });

  it('exits 2 on bad input with one line and no stack trace', () => {
    const run = runBin(['analyze', broken]);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/broken\.json:\d+:\d+: /);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });
});
