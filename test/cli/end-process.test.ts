// Ending the process once the output is out: nothing written is lost, whether the reader takes it
// at once or late, and the exit code is the command's.

import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generateManifest } from '../../bench/generate.mjs';
import { endProcess, flushed, type FlushableStream } from '../../src/cli/end-process.js';
import { ROOT } from '../support/run-cli.js';

/** A stream holding `pending` bytes until `finish` hands them on and calls the write back. */
function heldStream(pending: number) {
  const callbacks: (() => void)[] = [];
  const stream: FlushableStream & { finish(): void } = {
    writableLength: pending,
    destroyed: false,
    write(_chunk, callback) {
      callbacks.push(() => callback());
      return false;
    },
    finish() {
      stream.writableLength = 0;
      for (const callback of callbacks.splice(0)) callback();
    },
  };
  return stream;
}

describe('endProcess', () => {
  it('exits at once when nothing is left to write, or the stream is gone', async () => {
    const codes: number[] = [];
    const gone = { ...heldStream(10), destroyed: true };
    await endProcess(2, [heldStream(0), gone], (code) => codes.push(code));
    expect(codes).toEqual([2]);
  });

  it('waits for every stream to hand on what it holds before it exits', async () => {
    const out = heldStream(100);
    const err = heldStream(5);
    const codes: number[] = [];
    const ended = endProcess(1, [out, err], (code) => codes.push(code));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(codes).toEqual([]);
    out.finish();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(codes).toEqual([]);
    err.finish();
    await ended;
    expect(codes).toEqual([1]);
  });

  it('flushed resolves once the pending writes are done', async () => {
    const stream = heldStream(7);
    let done = false;
    const waiting = flushed(stream).then(() => (done = true));
    await Promise.resolve();
    expect(done).toBe(false);
    stream.finish();
    await waiting;
    expect(done).toBe(true);
  });
});

const dir = mkdtempSync(path.join(tmpdir(), 'blast-radius-end-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const manifest = path.join(dir, 'services.json');
writeFileSync(manifest, generateManifest({ services: 2000, seed: 'end', format: 'json' }).text);

/** Runs the built CLI; its standard output is read only after a pause, so the pipe fills. */
function runReadLate(args: string[]): Promise<{ code: number | null; stdout: Buffer }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(ROOT, 'bin/blast-radius.js'), ...args], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    const chunks: Buffer[] = [];
    child.stdout.pause();
    setTimeout(() => {
      child.stdout.on('data', (d: Buffer) => chunks.push(d));
      child.stdout.resume();
    }, 500);
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout: Buffer.concat(chunks) }));
  });
}

describe('the built CLI', () => {
  it('writes all of a large output to a reader that comes late, with the exit code', async () => {
    const file = path.join(dir, 'analysis.json');
    const run = await runReadLate(['analyze', manifest, '--format', 'json']);
    expect(run.code).toBe(0);
    await runReadLate(['analyze', manifest, '--format', 'json', '-o', file]);
    expect(run.stdout.length).toBeGreaterThan(1 << 20);
    expect(run.stdout.equals(readFileSync(file))).toBe(true);
  }, 60_000);

  it('keeps a failed gate failed', async () => {
    const run = await runReadLate(['check', manifest, '--format', 'json']);
    expect(run.code).toBe(1);
    expect(JSON.parse(run.stdout.toString('utf8')).passed).toBe(false);
  }, 60_000);
});
