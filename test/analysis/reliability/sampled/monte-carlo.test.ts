// Monte Carlo against the exact value: with fixed seeds, 200 independent estimates on a small
// system whose 95% intervals must contain the exact value about 95% of the time.

import { describe, expect, it } from 'vitest';
import { analyzeAvailability } from '../../../../src/analysis/reliability/availability.js';
import {
  MONTE_CARLO,
  monteCarlo,
} from '../../../../src/analysis/reliability/sampled/monte-carlo.js';
import { wilsonInterval } from '../../../../src/analysis/reliability/sampled/wilson.js';
import { reliabilityModel } from '../../../../src/analysis/reliability/model.js';
import { entryPoints } from '../../../../src/model/compiled-graph.js';
import { buildManifest } from '../../../support/build-manifest.js';
import { planOf } from '../support.js';

/** A storefront over a 2-of-3 quorum whose members share a control plane, and an auth cycle. */
const SHOP = buildManifest({
  storefront: {
    entrypoint: true,
    depends_on: [
      { quorum: 2, of: ['db-a', 'db-b', 'db-c'] },
      'auth',
      { any_of: ['cdn-a', 'cdn-b'] },
    ],
  },
  'db-a': { sla: 90, depends_on: ['control-plane'] },
  'db-b': { sla: 85, depends_on: ['control-plane'] },
  'db-c': { sla: 80 },
  'control-plane': { sla: 97 },
  auth: { sla: 98, depends_on: ['vault'] },
  vault: { sla: 99, depends_on: [{ any_of: ['auth', 'vault-replica'] }] },
  'vault-replica': { sla: 70 },
  'cdn-a': { sla: 90 },
  'cdn-b': { sla: 60 },
});

describe('Monte Carlo', () => {
  const plan = planOf(SHOP);
  const exact = analyzeAvailability(plan, entryPoints(plan.graph)).availability.storefront!;

  it('has intervals that contain the exact value at about the stated 95%', () => {
    const { up } = reliabilityModel(plan.graph);
    const storefront = plan.graph.index.get('storefront')!;
    let covered = 0;
    const runs = 200;
    for (let seed = 1; seed <= runs; seed++) {
      const options = { ...MONTE_CARLO, seed, minSamples: 2048, maxSamples: 2048 };
      const estimate = monteCarlo(plan, up, [storefront], options);
      const [low, high] = wilsonInterval(estimate.upCount[0]!, estimate.samples);
      if (low <= exact.value && exact.value <= high) covered++;
    }
    // Binomial(200, 0.95): mean 190, sd 3.1; 180..200 holds with probability > 0.999.
    expect(covered).toBeGreaterThanOrEqual(180);
    expect(exact.method).toBe('exact');
  });

  it('is used beyond the exact budget, states its samples, and is deterministic', () => {
    const none = { nodes: 0, totalNodes: 0 };
    const first = analyzeAvailability(plan, entryPoints(plan.graph), { exact: none });
    const again = analyzeAvailability(plan, entryPoints(plan.graph), { exact: none });
    const sampled = first.availability.storefront!;
    expect(sampled.method).toBe('monte-carlo');
    expect(sampled.samples).toBeGreaterThanOrEqual(MONTE_CARLO.minSamples);
    expect(sampled.samples! % 32).toBe(0);
    expect(sampled.interval![0]).toBeLessThanOrEqual(exact.value);
    expect(sampled.interval![1]).toBeGreaterThanOrEqual(exact.value);
    expect(again).toEqual(first);
  });

  it('gives the Wilson interval of textbook examples', () => {
    const [low, high] = wilsonInterval(81, 263);
    expect(low).toBeCloseTo(0.2553, 4);
    expect(high).toBeCloseTo(0.3662, 4);
    expect(wilsonInterval(0, 100)[0]).toBe(0);
    expect(wilsonInterval(100, 100)[1]).toBe(1);
  });
});
