// When each service goes down (tolerances, groups, cycles): the label-setting timeline against
// the plain fixed point of test/support, and the state at the end of an outage of length D
// against the reference statuses — plus hand-built stories where the numbers are known.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Propagator, DOWN, FAILED } from '../../../../src/analysis/outage/propagate.js';
import { simulate } from '../../../../src/analysis/outage/simulate.js';
import { outageTimeline } from '../../../../src/analysis/outage/time/timeline.js';
import { compileGraph } from '../../../../src/model/compiled-graph.js';
import type { Manifest } from '../../../../src/manifest/types.js';
import { buildManifest } from '../../../support/build-manifest.js';
import {
  referenceDownAt,
  referenceStatuses,
  referenceStatusesFor,
} from '../../../support/brute-force.js';
import { arbitraryManifest } from '../../../support/random-manifest.js';

/** A random manifest with tolerances and a random non-empty set of its services to fail. */
const scenario = arbitraryManifest({ maxServices: 9, tolerances: true }).chain((manifest) =>
  fc.record({
    manifest: fc.constant(manifest),
    failed: fc.uniqueArray(fc.constantFrom(...manifest.services.map((s) => s.id)), {
      minLength: 1,
      maxLength: 3,
    }),
    duration: fc.constantFrom(1, 60, 61, 120, 180, 3600, 3700, 10_000),
  }),
);

function indices(manifest: Manifest, ids: readonly string[]): number[] {
  const order = manifest.services.map((s) => s.id);
  return ids.map((id) => order.indexOf(id));
}

describe('outage timeline', () => {
  it('equals the brute-force fixed point on random manifests with tolerances and cycles', () => {
    fc.assert(
      fc.property(scenario, ({ manifest, failed }) => {
        const graph = compileGraph(manifest);
        const timeline = outageTimeline(graph, indices(manifest, failed));
        const reference = referenceDownAt(manifest, new Set(failed));
        const actual = new Map(graph.ids.map((id, v) => [id, timeline.downAt[v]!]));
        expect(actual).toEqual(reference);
        // Each service that goes down is explained by a cause that went down no later.
        for (const v of timeline.order) {
          const cause = timeline.cause[v]!;
          if (cause !== -1) expect(timeline.downAt[cause]).toBeLessThanOrEqual(timeline.downAt[v]!);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('goes down, eventually, exactly where the unbounded outage does', () => {
    fc.assert(
      fc.property(scenario, ({ manifest, failed }) => {
        const graph = compileGraph(manifest);
        const failedIndices = indices(manifest, failed);
        const timeline = outageTimeline(graph, failedIndices);
        const propagator = new Propagator(graph);
        propagator.run(failedIndices);
        for (let v = 0; v < graph.n; v++) {
          const down = [DOWN, FAILED].includes(propagator.status(v) as 2 | 3);
          expect(Number.isFinite(timeline.downAt[v]!)).toBe(down);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('simulate --for gives the reference statuses at the end of the outage', () => {
    fc.assert(
      fc.property(scenario, ({ manifest, failed, duration }) => {
        const graph = compileGraph(manifest);
        const result = simulate(graph, indices(manifest, failed), { duration });
        const reference = referenceStatusesFor(manifest, new Set(failed), duration);
        const byStatus = (status: string) =>
          [...reference].filter(([, s]) => s === status).map(([id]) => id);
        expect(result.failed).toEqual(byStatus('failed'));
        expect(result.down).toEqual(byStatus('down'));
        expect(result.degraded).toEqual(byStatus('degraded'));
        expect(result.up).toEqual(byStatus('up'));
        const downAt = referenceDownAt(manifest, new Set(failed));
        for (const id of [...result.failed, ...result.down]) {
          expect(result.downAt![id]).toBe(downAt.get(id));
          // The chain runs from the service to a failed one through services already down.
          const chain = result.why[id];
          if (chain !== undefined) expect(failed).toContain(chain.at(-1));
        }
        const moments = result.timeline!.map((entry) => entry.downAt);
        expect(moments).toEqual([...moments].sort((a, b) => a - b));
      }),
      { numRuns: 1000 },
    );
  });

  it('with every tolerance 0, any outage length gives the unbounded statuses', () => {
    fc.assert(
      fc.property(arbitraryManifest({ maxServices: 9 }), fc.nat(), (manifest, pick) => {
        const graph = compileGraph(manifest);
        const failed = [pick % graph.n];
        const timed = simulate(graph, failed, { duration: 1 });
        const { duration: _d, downAt: _a, timeline: _t, ...rest } = timed;
        expect(rest).toEqual(simulate(graph, failed));
        const reference = referenceStatuses(manifest, new Set([graph.ids[failed[0]!]!]));
        expect(timed.down).toEqual(
          [...reference].filter(([, s]) => s === 'down').map(([id]) => id),
        );
      }),
      { numRuns: 200 },
    );
  });
});

describe('outage timeline: the site behind a CDN', () => {
  const site = buildManifest({
    site: {
      entrypoint: true,
      depends_on: [
        { service: 'cdn', tolerates: 0 },
        { any_of: ['route53', 'ns1-dns'], tolerates: 172_800 },
        'checkout',
      ],
    },
    checkout: { entrypoint: true, depends_on: ['orders-db'] },
    cdn: { depends_on: [{ service: 's3-use1', tolerates: 3600 }] },
    route53: {},
    'ns1-dns': {},
    'orders-db': {},
    's3-use1': {},
  });
  const graph = compileGraph(site);
  const fail = (ids: string[], duration?: number) =>
    simulate(
      graph,
      ids.map((id) => graph.index.get(id)!),
      duration === undefined ? {} : { duration },
    );

  it('an S3 outage shorter than the cache is ridden out', () => {
    const result = fail(['s3-use1'], 600);
    expect(result.down).toEqual([]);
    expect(result.degraded).toEqual(['cdn', 'site']);
    expect(result.downAt).toEqual({ 's3-use1': 0 });
    expect(result.timeline).toEqual([]);
  });

  it('a longer one takes the CDN, then the site, down after an hour', () => {
    const result = fail(['s3-use1'], 4 * 3600);
    expect(result.down).toEqual(['cdn', 'site']);
    expect(result.downAt).toEqual({ cdn: 3600, site: 3600, 's3-use1': 0 });
    expect(result.timeline).toEqual([
      {
        id: 'site',
        downAt: 3600,
        failed: false,
        after: 'cdn',
        expired: { service: 'cdn', lost: 's3-use1', tolerated: 3600 },
      },
    ]);
    expect(result.why['site']).toEqual(['site', 'cdn', 's3-use1']);
  });

  it('losing both DNS providers takes two days; the database goes at once', () => {
    const result = fail(['route53', 'ns1-dns', 'orders-db'], 3 * 86_400);
    expect(result.timeline).toEqual([
      { id: 'checkout', downAt: 0, failed: false, after: 'orders-db' },
      { id: 'site', downAt: 0, failed: false, after: 'checkout' },
    ]);
    const dns = fail(['route53', 'ns1-dns'], 3 * 86_400);
    expect(dns.timeline).toEqual([
      {
        id: 'site',
        downAt: 172_800,
        failed: false,
        after: 'ns1-dns',
        expired: { service: 'site', lost: 'ns1-dns', tolerated: 172_800 },
      },
    ]);
    expect(fail(['route53', 'ns1-dns'], 172_800).down).toEqual([]);
  });

  it('a cycle that nothing forces never goes down', () => {
    const ring = buildManifest({
      a: { entrypoint: true, depends_on: [{ any_of: ['b', 'x'], tolerates: 60 }] },
      b: { depends_on: [{ service: 'a', tolerates: 60 }] },
      x: {},
    });
    const ringGraph = compileGraph(ring);
    const timeline = outageTimeline(ringGraph, [ringGraph.index.get('x')!]);
    expect([...timeline.downAt]).toEqual([Infinity, Infinity, 0]);
  });
});
