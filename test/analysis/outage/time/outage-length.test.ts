// `analyze --for D`: every single failure and failure domain as an outage of length D, against
// simulating each of them by brute force (repeated relaxation of the moments services go down)
// on random manifests with tolerances, groups, quorums and cycles.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../../../src/analysis/analyze.js';
import { compileGraph } from '../../../../src/model/compiled-graph.js';
import { checkAgainstReferenceFor } from '../../../support/analyze-reference.js';
import { buildManifest } from '../../../support/build-manifest.js';
import { arbitraryManifest } from '../../../support/random-manifest.js';
import { runCli } from '../../../support/run-cli.js';

const SITE = 'fixtures/site-in-time/blast-radius.yaml';

/** Lengths around the random tolerances (60, 120, 3600 s and their sums), ties included. */
const LENGTHS = [1, 59, 60, 61, 120, 121, 180, 3600, 3660, 7200, 86_400];

describe('analyze --for agrees with simulating every single failure for that long', () => {
  it('on random manifests with tolerances, quorums, soft edges, cycles and failure domains', () => {
    fc.assert(
      fc.property(
        arbitraryManifest({ maxServices: 9, tolerances: true }),
        fc.constantFrom(...LENGTHS),
        checkAgainstReferenceFor,
      ),
      { numRuns: 500 },
    );
  });

  it('on manifests of 129 to 160 services, so that failures fill several 128-outage passes', () => {
    fc.assert(
      fc.property(
        arbitraryManifest({ minServices: 129, maxServices: 160, tolerances: true }),
        fc.constantFrom(...LENGTHS),
        checkAgainstReferenceFor,
      ),
      { numRuns: 4 },
    );
  });

  it('gives a long cache a pass for a short outage and none for a long one', () => {
    const manifest = buildManifest({
      site: { entrypoint: true, costPerHour: 12_000, depends_on: ['cdn'] },
      cdn: { provider: 'fastly', depends_on: [{ service: 's3-use1', tolerates: 3600 }] },
      's3-use1': { provider: 'aws', region: 'us-east-1' },
    });
    const graph = compileGraph(manifest);
    const spofsFor = (duration?: number) =>
      analyze(graph, null, duration === undefined ? {} : { duration }).spofs.map((s) => [
        s.id,
        s.takesDown,
        s.grace,
      ]);
    expect(spofsFor(1800)).toEqual([['cdn', ['site'], 0]]);
    expect(spofsFor(3600)).toEqual([['cdn', ['site'], 0]]);
    expect(spofsFor(3601)).toEqual([
      ['s3-use1', ['site'], 3600],
      ['cdn', ['site'], 0],
    ]);
    expect(spofsFor()).toEqual(spofsFor(3601));
    const short = analyze(graph, null, { duration: 1800 });
    expect(short.duration).toBe(1800);
    expect(short.domainSpofs.map((d) => d.domain)).toEqual(['provider=fastly']);
    expect(short.blastRadius.find((b) => b.id === 's3-use1')).toEqual({
      id: 's3-use1',
      down: 0,
      degraded: 2,
      entrypointsDown: 0,
      costPerHour: 0,
    });
  });

  it('without tolerances answers as for an outage that never ends', () => {
    fc.assert(
      fc.property(arbitraryManifest({ maxServices: 8 }), fc.constantFrom(...LENGTHS), (m, d) => {
        const graph = compileGraph(m);
        const { duration, ...timed } = analyze(graph, null, { duration: d });
        expect(duration).toBe(d);
        expect(timed).toEqual(analyze(graph, null));
      }),
      { numRuns: 200 },
    );
  });
});

describe('analyze --for on the command line', () => {
  it('says which length it answered for, and prints exactly what it printed before without it', async () => {
    const timed = await runCli(['analyze', SITE, '--for', '30m', '--format', 'json']);
    expect(timed.code).toBe(0);
    const result = JSON.parse(timed.stdout);
    expect(result.duration).toBe(1800);
    expect(result.spofs.map((s: { id: string }) => s.id)).toEqual([
      'orders-db',
      'orders-api',
      'cdn',
    ]);
    const plain = await runCli(['analyze', SITE, '--format', 'json']);
    expect(JSON.parse(plain.stdout)).not.toHaveProperty('duration');
    const text = await runCli(['analyze', SITE, '--for', '30m']);
    expect(text.stdout).toContain(
      'Outages of 30m: what every path rides out for that long is no SPOF\n',
    );
    const markdown = await runCli(['analyze', SITE, '--for', '30m', '--format', 'markdown']);
    expect(markdown.stdout).toContain('For outages of 30m: what every path rides out');
  });

  it('refuses a length that is not one, and --order 2 with it, with exit 2', async () => {
    for (const args of [
      ['--for', '0'],
      ['--for', 'soon'],
      ['--for', '1h', '--order', '2'],
    ]) {
      const run = await runCli(['analyze', SITE, ...args]);
      expect(run.code, args.join(' ')).toBe(2);
      expect(run.stdout).toBe('');
      expect(run.stderr).toMatch(/--for/);
    }
  });
});
