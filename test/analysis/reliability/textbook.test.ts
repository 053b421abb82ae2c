// Hand-computed availabilities (series, parallel, k-of-n and their compositions), the closed
// forms of reliability textbooks, against the exact method; and the yearly downtime and cost.

import { describe, expect, it } from 'vitest';
import { analyzeAvailability } from '../../../src/analysis/reliability/availability.js';
import { entryPoints } from '../../../src/model/compiled-graph.js';
import { buildManifest, type ServiceSketch } from '../../support/build-manifest.js';
import { planOf } from './support.js';

function availabilityOf(services: Record<string, ServiceSketch>) {
  const plan = planOf(buildManifest(services));
  return analyzeAvailability(plan, entryPoints(plan.graph));
}

const twoNines = { sla: 99 };

describe('closed forms', () => {
  it('series: checkout needs payments and payments-db, 0.99 × 0.99', () => {
    const result = availabilityOf({
      checkout: { entrypoint: true, depends_on: ['payments'] },
      payments: { ...twoNines, depends_on: ['payments-db'] },
      'payments-db': twoNines,
    });
    expect(result.availability.checkout).toEqual({
      value: 0.9801,
      unavailability: 0.0199,
      method: 'exact',
      downtimeMinutesPerYear: expect.closeTo(0.0199 * 525_960, 6),
      expectedCostPerYear: 0,
    });
    expect(result.slaUnknown).toEqual(['checkout']);
  });

  it('parallel: two CDNs behind an any_of, 1 − 0.01²', () => {
    const result = availabilityOf({
      web: { entrypoint: true, costPerHour: 1000, depends_on: [{ any_of: ['cdn-a', 'cdn-b'] }] },
      'cdn-a': twoNines,
      'cdn-b': twoNines,
    });
    expect(result.availability.web!.value).toBeCloseTo(0.9999, 12);
    expect(result.availability.web!.expectedCostPerYear).toBeCloseTo(1000 * 0.0001 * 8766, 6);
  });

  it('2-of-3 quorum: 3p²(1 − p) + p³', () => {
    const p = 0.9;
    const result = availabilityOf({
      api: { entrypoint: true, depends_on: [{ quorum: 2, of: ['etcd-a', 'etcd-b', 'etcd-c'] }] },
      'etcd-a': { sla: 90 },
      'etcd-b': { sla: 90 },
      'etcd-c': { sla: 90 },
    });
    expect(result.availability.api!.value).toBeCloseTo(3 * p * p * (1 - p) + p ** 3, 12);
  });

  it('a shared component under a failover group is not counted twice', () => {
    // Both regions need the same DNS: A = p_dns × (1 − (1 − p_r)²), not the naive product.
    const result = availabilityOf({
      shop: { entrypoint: true, depends_on: [{ any_of: ['region-us', 'region-eu'] }] },
      'region-us': { sla: 95, depends_on: ['dns'] },
      'region-eu': { sla: 95, depends_on: ['dns'] },
      dns: { sla: 99.9 },
    });
    expect(result.availability.shop!.value).toBeCloseTo(0.999 * (1 - 0.05 ** 2), 12);
  });

  it('a cycle where nothing fails stays up: auth ↔ vault need each other', () => {
    const result = availabilityOf({
      login: { entrypoint: true, depends_on: ['auth'] },
      auth: { sla: 99, depends_on: ['vault'] },
      vault: { sla: 99.5, depends_on: ['auth'] },
    });
    expect(result.availability.login!.value).toBeCloseTo(0.99 * 0.995, 12);
  });

  it('virtual services and soft dependencies never take an entry point down', () => {
    const result = availabilityOf({
      web: {
        entrypoint: true,
        depends_on: ['checkout-path', { service: 'analytics', soft: true }],
      },
      'checkout-path': { virtual: true, depends_on: ['api'] },
      api: { sla: 99.9 },
      analytics: { sla: 50 },
    });
    expect(result.availability.web!.value).toBeCloseTo(0.999, 12);
    expect(result.slaUnknown).toEqual(['web']);
    expect(result.importance.web!.map((c) => c.id)).toEqual(['api']);
  });
});
