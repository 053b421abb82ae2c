import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Propagator } from '../../../src/analysis/outage/propagate.js';
import { simulate } from '../../../src/analysis/outage/simulate.js';
import { compileGraph } from '../../../src/model/compiled-graph.js';
import { buildManifest } from '../../support/build-manifest.js';
import { referenceEntryPoints, referenceStatuses } from '../../support/brute-force.js';
import { arbitraryManifest } from '../../support/random-manifest.js';

function fail(manifest: ReturnType<typeof buildManifest>, ids: string[]) {
  const graph = compileGraph(manifest);
  return simulate(
    graph,
    ids.map((id) => graph.index.get(id)!),
  );
}

describe('simulate: hand-built cases of the semantics', () => {
  const shop = buildManifest({
    web: {
      entrypoint: true,
      costPerHour: 25000,
      depends_on: [
        'api',
        { service: 'analytics', soft: true },
        { any_of: ['cdn-cloudflare', 'cdn-cloudfront'] },
      ],
    },
    api: { depends_on: ['payments-db', { quorum: 2, of: ['etcd-a', 'etcd-b', 'etcd-c'] }] },
    analytics: {},
    'cdn-cloudflare': {},
    'cdn-cloudfront': { depends_on: ['s3-use1'] },
    'payments-db': {},
    'etcd-a': {},
    'etcd-b': {},
    'etcd-c': {},
    's3-use1': {},
  });

  it('a hard dependency takes its dependents down, with the chain', () => {
    const result = fail(shop, ['payments-db']);
    expect(result.failed).toEqual(['payments-db']);
    expect(result.down).toEqual(['api', 'web']);
    expect(result.entrypointsDown).toEqual(['web']);
    expect(result.costPerHour).toBe(25000);
    expect(result.why['web']).toEqual(['web', 'api', 'payments-db']);
  });

  it('a failover group survives one lost alternative and degrades its owner', () => {
    const result = fail(shop, ['s3-use1']);
    expect(result.down).toEqual(['cdn-cloudfront']);
    expect(result.degraded).toEqual(['web']);
    expect(result.why['web']).toEqual(['web', 'cdn-cloudfront', 's3-use1']);
    expect(result.entrypointsDown).toEqual([]);
    expect(result.entrypointsDegraded).toEqual(['web']);
  });

  it('a quorum of 2 of 3 survives one loss and dies at the second', () => {
    expect(fail(shop, ['etcd-a']).down).toEqual([]);
    expect(fail(shop, ['etcd-a', 'etcd-c']).down).toEqual(['api', 'web']);
  });

  it('names every lost alternative of a group that failed, not only the last one', () => {
    const result = fail(shop, ['etcd-a', 'etcd-c']);
    expect(result.groupsLost['api']).toEqual({
      quorum: 2,
      alternatives: ['etcd-a', 'etcd-b', 'etcd-c'],
      down: ['etcd-a', 'etcd-c'],
    });
    expect(result.groupsLost['web']).toBeUndefined();
    expect(fail(shop, ['payments-db']).groupsLost).toEqual({});
  });

  it('a lost soft dependency only degrades', () => {
    const result = fail(shop, ['analytics']);
    expect(result.down).toEqual([]);
    expect(result.degraded).toEqual(['web']);
  });

  it('a healthy cycle stays up, and a failure inside it takes the whole cycle down', () => {
    const cycle = buildManifest({
      checkout: { entrypoint: true, depends_on: ['orders'] },
      orders: { depends_on: ['inventory'] },
      inventory: { depends_on: ['orders', 'inventory-db'] },
      'inventory-db': {},
      search: { entrypoint: true },
    });
    expect(fail(cycle, ['search']).down).toEqual([]);
    expect(fail(cycle, ['inventory-db']).down).toEqual(['checkout', 'inventory', 'orders']);
  });

  it('works for ids that are JavaScript prototype names', () => {
    const tricky = buildManifest({
      ['__proto__']: { entrypoint: true, depends_on: ['constructor'] },
      constructor: { depends_on: ['hasOwnProperty'] },
      hasOwnProperty: {},
    } as never);
    const result = fail(tricky, ['hasOwnProperty']);
    expect(result.down).toEqual(['__proto__', 'constructor']);
    expect(result.why['__proto__']).toEqual(['__proto__', 'constructor', 'hasOwnProperty']);
  });

  it('propagates along a chain of 200,000 services without recursion', () => {
    const n = 200_000;
    const services: Record<string, { depends_on?: string[] }> = {};
    for (let i = 0; i < n; i++)
      services[`svc-${i}`] = i + 1 < n ? { depends_on: [`svc-${i + 1}`] } : {};
    const result = fail(buildManifest(services), [`svc-${n - 1}`]);
    expect(result.down.length).toBe(n - 1);
    expect(result.why['svc-0']).toEqual([
      ...Array.from({ length: 30 }, (_, i) => `svc-${i}`),
      '…',
      `svc-${n - 1}`,
    ]);
    expect(result.cause['svc-0']).toBe('svc-1');
  });
});

describe('simulate agrees with the brute-force fixed point', () => {
  it('on random manifests with quorums, soft edges and cycles', () => {
    fc.assert(
      fc.property(
        arbitraryManifest({ maxServices: 12 }).chain((manifest) =>
          fc.tuple(fc.constant(manifest), fc.subarray(manifest.services.map((s) => s.id))),
        ),
        ([manifest, failedIds]) => {
          const result = fail(manifest, failedIds);
          const expected = referenceStatuses(manifest, new Set(failedIds));
          const pick = (status: string) =>
            [...expected].filter(([, s]) => s === status).map(([id]) => id);
          expect(result.failed).toEqual(pick('failed'));
          expect(result.down).toEqual(pick('down'));
          expect(result.degraded).toEqual(pick('degraded'));
          expect(result.up).toEqual(pick('up'));
          expect(result.entrypoints).toEqual(referenceEntryPoints(manifest));
          for (const [id, group] of Object.entries(result.groupsLost)) {
            expect(result.down).toContain(id);
            const lost = new Set([...result.failed, ...result.down]);
            expect(group.down).toEqual(group.alternatives.filter((a) => lost.has(a)));
            expect(group.alternatives.length - group.down.length).toBeLessThan(group.quorum);
          }
          for (const id of [...result.down, ...result.degraded]) {
            const chain = result.why[id]!;
            expect(chain[0]).toBe(id);
            expect(failedIds).toContain(chain[chain.length - 1]);
            // Each step of the chain is a real dependency edge.
            for (let i = 0; i + 1 < chain.length; i++) {
              const service = manifest.services.find((s) => s.id === chain[i])!;
              expect(service.dependsOn.some((r) => r.alternatives.includes(chain[i + 1]!))).toBe(
                true,
              );
            }
          }
        },
      ),
      { numRuns: 3000 },
    );
  });
});

describe('a propagation stopped once a service is down', () => {
  it('leaves that service the same chain and requirement as a full one', () => {
    fc.assert(
      fc.property(
        arbitraryManifest({ maxServices: 12 }).chain((manifest) =>
          fc.tuple(fc.constant(manifest), fc.subarray(manifest.services.map((s) => s.id))),
        ),
        ([manifest, failedIds]) => {
          const graph = compileGraph(manifest);
          const failed = failedIds.map((id) => graph.index.get(id)!);
          const full = new Propagator(graph);
          full.run(failed, { degraded: false });
          const stopped = new Propagator(graph);
          for (let i = 0; i < full.downCount; i++) {
            const target = full.touched[i]!;
            stopped.run(failed, { degraded: false, stopAt: target });
            // The stopped run reaches no further than the target.
            expect(stopped.touched[stopped.downCount - 1]).toBe(
              i < failed.length ? failed[failed.length - 1] : target,
            );
            for (let v = target; v >= 0; v = full.cause(v)) {
              expect(stopped.status(v)).toBe(full.status(v));
              expect(stopped.cause(v)).toBe(full.cause(v));
              expect(stopped.failedRequirement(v)).toBe(full.failedRequirement(v));
            }
          }
        },
      ),
      { numRuns: 1000 },
    );
  });
});
