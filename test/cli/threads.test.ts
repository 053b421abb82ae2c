// BLAST_RADIUS_THREADS: how many threads the analysis may use; a value that is not
// a whole number of at least 1 is a usage error, and any allowed value gives the same output.
// A worker started before a large manifest is read never keeps the process from ending.

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generateManifest } from '../../bench/generate.mjs';
import { runBin, runCli } from '../support/run-cli.js';

const S3 = 'fixtures/s3-2017/blast-radius.yaml';

describe('BLAST_RADIUS_THREADS', () => {
  it.each(['two', '0', '-1', '1.5'])('rejects %j with exit 2 and one line', async (value) => {
    const run = await runCli(['analyze', S3, '--format', 'json'], {
      env: { BLAST_RADIUS_THREADS: value },
    });
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/^blast-radius: BLAST_RADIUS_THREADS takes a whole number/);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('gives the same analysis on one thread as by default', async () => {
    const one = await runCli(['analyze', S3, '--format', 'json'], {
      env: { BLAST_RADIUS_THREADS: '1' },
    });
    const byDefault = await runCli(['analyze', S3, '--format', 'json']);
    expect(one.code).toBe(0);
    expect(one.stdout).toBe(byDefault.stdout);
  });
});

describe('the availability worker started before a large manifest is read', () => {
  // On two threads a manifest file of 2 MB or more (the least that may hold 20,000 services)
  // starts the availability worker before it is read. Padded with spaces, these files are that
  // large but hold few services, or are not manifests at all: the worker is never given work,
  // and the process must still end at once (the runs time out after 20 s) with the usual code.
  const dir = mkdtempSync(path.join(tmpdir(), 'blast-radius-early-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const padding = ' '.repeat(2_100_000);
  const { text } = generateManifest({ services: 300, seed: 'early', format: 'json' });
  const small = path.join(dir, 'small.json');
  writeFileSync(small, `${text}${padding}`);
  const broken = path.join(dir, 'broken.json');
  writeFileSync(broken, `${text}${padding}}`);
  const two = { env: { BLAST_RADIUS_THREADS: '2' } };

  it('ends promptly when the graph is too small for it, with the same analysis', () => {
    const run = runBin(['analyze', small, '--format', 'json'], two);
    expect(run.code).toBe(0);
    const one = runBin(['analyze', small, '--format', 'json'], {
      env: { BLAST_RADIUS_THREADS: '1' },
    });
    expect(run.stdout).toBe(one.stdout);
    expect(runBin(['report', small, '--format', 'markdown'], two).code).toBe(0);
  });

  it('ends promptly on bad input, on --help and when the file is missing', () => {
    const bad = runBin(['analyze', broken], two);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/broken\.json:\d+:\d+: /);
    expect(runBin(['analyze', small, '--help'], two).code).toBe(0);
    expect(runBin(['analyze', path.join(dir, 'missing.json')], two).code).toBe(2);
    expect(runBin(['analyze', small, '--order', 'x'], two).code).toBe(2);
  });
});
