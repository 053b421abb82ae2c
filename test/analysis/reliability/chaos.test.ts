// `simulate --random`: deterministic per seed, exact in the k-failure mode on a tiny
// system, plausible frequencies in SLA mode, its schema, and the CLI's exit codes.

import { describe, expect, it } from 'vitest';
import { chaos, type ChaosOptions } from '../../../src/analysis/reliability/chaos.js';
import { splitMix32 } from '../../../src/analysis/reliability/random.js';
import { wilsonInterval } from '../../../src/analysis/reliability/sampled/wilson.js';
import { failureDomains } from '../../../src/analysis/outage/failure-domains.js';
import { planSweep } from '../../../src/analysis/outage/outage-sweep.js';
import type { Manifest } from '../../../src/manifest/types.js';
import { compileGraph } from '../../../src/model/compiled-graph.js';
import { buildManifest } from '../../support/build-manifest.js';
import { runCli } from '../../support/run-cli.js';
import { assertMatches, SchemaCoverage } from '../../schema/schemas.js';

const SHOP = buildManifest({
  checkout: {
    entrypoint: true,
    sla: 99.99,
    depends_on: ['payments', { any_of: ['cdn-a', 'cdn-b'] }],
  },
  search: { entrypoint: true, depends_on: ['search-index'] },
  payments: { sla: 99, provider: 'aws', region: 'us-east-1', depends_on: ['payments-db'] },
  'payments-db': { sla: 90, provider: 'aws', region: 'us-east-1' },
  'search-index': { sla: 95, provider: 'gcp', region: 'europe-west1' },
  'cdn-a': { sla: 80, provider: 'fastly' },
  'cdn-b': { sla: 80, provider: 'akamai' },
  'ops-path': { virtual: true, depends_on: ['payments'] },
});

const run = (manifest: Manifest, options: ChaosOptions) => {
  const graph = compileGraph(manifest);
  return chaos(planSweep(graph), failureDomains(graph), 'shop', options);
};

describe('chaos sampling', () => {
  it('gives the same result for the same seed and another for another seed', () => {
    const one = run(SHOP, { samples: 3000, seed: 42 });
    expect(run(SHOP, { samples: 3000, seed: 42 })).toEqual(one);
    expect(run(SHOP, { samples: 3000, seed: 43 })).not.toEqual(one);
  });

  it('counts exactly in the k-failure mode: one of six components failing at a time', () => {
    const result = run(SHOP, { samples: 6000, seed: 1, k: 1 });
    const checkout = result.entrypoints.find((e) => e.id === 'checkout')!;
    // checkout, payments and payments-db take it down alone; the CDNs do not; 7 can fail.
    expect(checkout.causes.map((c) => c.id).sort()).toEqual([
      'checkout',
      'payments',
      'payments-db',
    ]);
    expect(checkout.down).toBe(checkout.causes.reduce((sum, c) => sum + c.samples, 0));
    expect(checkout.combinations).toBe(0);
    expect(Math.abs(checkout.fraction - 3 / 7)).toBeLessThan(0.03);
  });

  it('attributes a failover lost on both sides to a combination', () => {
    const result = run(SHOP, { samples: 2000, seed: 5, k: 2 });
    const checkout = result.entrypoints.find((e) => e.id === 'checkout')!;
    expect(checkout.combinations).toBeGreaterThan(0);
    // Exactly {cdn-a, cdn-b} of the 21 pairs: about 1 in 21 samples.
    expect(Math.abs(checkout.combinations / 2000 - 1 / 21)).toBeLessThan(0.02);
  });

  it('converges to the SLA arithmetic in SLA mode', () => {
    const result = run(SHOP, { samples: 40_000, seed: 7 });
    const checkout = result.entrypoints.find((e) => e.id === 'checkout')!;
    const expected = 1 - 0.9999 * 0.99 * 0.9 * (1 - 0.2 * 0.2);
    expect(checkout.low).toBeLessThan(expected);
    expect(checkout.high).toBeGreaterThan(expected);
    expect(result.withoutSla).toEqual(['search']);
    const search = result.entrypoints.find((e) => e.id === 'search')!;
    expect(Math.abs(search.fraction - 0.05)).toBeLessThan(0.005);
    expect(search.causes).toEqual([{ id: 'search-index', samples: search.down }]);
  });

  it('fails whole domains with --domains', () => {
    const result = run(SHOP, { samples: 500, seed: 3, k: 1, domains: true });
    expect(result.mode).toBe('domains');
    const causes = result.entrypoints.find((e) => e.id === 'checkout')!.causes.map((c) => c.id);
    expect(causes.sort()).toEqual(['provider=aws', 'provider=aws,region=us-east-1']);
  });

  it('draws uniformly and computes Wilson intervals', () => {
    const random = splitMix32(0);
    const draws = Array.from({ length: 10_000 }, random);
    expect(Math.min(...draws)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...draws)).toBeLessThan(1);
    expect(Math.abs(draws.reduce((a, b) => a + b) / draws.length - 0.5)).toBeLessThan(0.01);
    const [low, high] = wilsonInterval(10, 100);
    expect(low).toBeCloseTo(0.0552, 3);
    expect(high).toBeCloseTo(0.1744, 3);
  });

  it('matches its schema in every mode', () => {
    const coverage = new SchemaCoverage('chaos-result');
    for (const options of [
      { samples: 2000, seed: 1 },
      { samples: 300, seed: 1, k: 2 },
      { samples: 300, seed: 1, k: 1, domains: true },
    ]) {
      const result = JSON.parse(JSON.stringify(run(SHOP, options)));
      assertMatches('chaos-result', result);
      coverage.observe(result);
    }
    expect(coverage.problems()).toEqual([]);
  });
});

describe('simulate --random on the command line', () => {
  const manifest = 'fixtures/s3-2017/blast-radius.yaml';

  it('prints byte-identical JSON for the same seed', async () => {
    const args = ['simulate', manifest, '--random', '500', '--seed', '9', '--format', 'json'];
    const [first, second] = [await runCli(args), await runCli(args)];
    expect(first.code).toBe(0);
    expect(second.stdout).toBe(first.stdout);
    assertMatches('chaos-result', JSON.parse(first.stdout));
  });

  it.each([
    [['--random', '10', '--fail', 's3-get-use1'], 'exclusive'],
    [['--random', '10', '--max-down', '3'], '--max-down'],
    [['--k', '2'], '--random'],
    [['--random', '10', '--domains'], '--domains needs --k'],
    [['--random', '0'], 'at least 1'],
    [['--random', '10', '--k', '0'], '--k takes 1 to'],
    [['--random', 'many'], 'whole number'],
  ])('exits 2 for %j', async (options, message) => {
    const result = await runCli(['simulate', manifest, ...options]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(message);
  });

  it('renders text and markdown bounded by --top', async () => {
    const text = await runCli(['simulate', manifest, '--random', '200', '--k', '1', '--top', '2']);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain('200 samples, seed 1: 1 component failing at random');
    expect(text.stdout).toContain('… 3 more');
    const markdown = await runCli(['simulate', manifest, '--random', '50', '--format', 'markdown']);
    expect(markdown.stdout).toContain('| entry point | down | share | 95% interval | causes |');
  });
});
