// BLAST_RADIUS_THREADS: how many threads the analysis may use; a value that is not
// a whole number of at least 1 is a usage error, and any allowed value gives the same output.

import { describe, expect, it } from 'vitest';
import { runCli } from '../support/run-cli.js';

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
