// A reader that closes standard output early (`blast-radius analyze … | head`) must not turn
// into a stack trace: the rest of the output is dropped and the command keeps its exit code.

import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generateManifest } from '../../bench/generate.mjs';
import { ROOT } from '../support/run-cli.js';

const dir = mkdtempSync(path.join(tmpdir(), 'blast-radius-pipe-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
// Large enough that the output outgrows the pipe's buffer after the reader has gone.
const manifest = path.join(dir, 'services.json');
writeFileSync(manifest, generateManifest({ services: 3000, seed: 'pipe', format: 'json' }).text);

/** Runs the built CLI, reads its first chunk of standard output, then closes the pipe. */
function runAndCloseEarly(
  args: string[],
): Promise<{ code: number | null; stderr: string; read: number }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(ROOT, 'bin/blast-radius.js'), ...args], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    let read = 0;
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.stdout.once('data', (d: Buffer) => {
      read = d.length;
      child.stdout.destroy();
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stderr, read }));
  });
}

describe('standard output closed by its reader', () => {
  it('finishes quietly with the exit code of the command', async () => {
    const run = await runAndCloseEarly(['analyze', manifest, '--format', 'json']);
    expect(run.read).toBeGreaterThan(0);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
  }, 60_000);

  it('keeps a failed gate failed', async () => {
    const run = await runAndCloseEarly(['check', manifest, '--format', 'json']);
    expect(run.read).toBeGreaterThan(0);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(1);
  }, 60_000);
});
