// The comparison itself on small hand-built manifests, and against brute force on random ones:
// the SPOF pairs added and removed are exactly the set differences of simulated single failures.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis/analyze.js';
import type { Manifest } from '../../src/manifest/types.js';
import { compileGraph } from '../../src/model/compiled-graph.js';
import { buildManifest, type ServiceSketch } from '../support/build-manifest.js';
import {
  referenceDomains,
  referenceEntryPoints,
  referenceStatuses,
} from '../support/brute-force.js';
import { arbitraryManifest } from '../support/random-manifest.js';
import { diffOf } from './support.js';

const SHOP: Record<string, ServiceSketch> = {
  checkout: { entrypoint: true, costPerHour: 10_000, depends_on: ['payments', 'catalog'] },
  storefront: {
    entrypoint: true,
    costPerHour: 2_000,
    depends_on: ['catalog', { any_of: ['cdn-fastly', 'cdn-cloudfront'] }],
  },
  payments: { depends_on: ['payments-db'] },
  'payments-db': { provider: 'gcp', region: 'europe-west1' },
  catalog: { depends_on: [{ any_of: ['catalog-db-use1', 'catalog-db-euw1'] }] },
  'catalog-db-use1': { provider: 'aws', region: 'us-east-1' },
  'catalog-db-euw1': { provider: 'aws', region: 'eu-west-1' },
  'cdn-fastly': { provider: 'fastly' },
  'cdn-cloudfront': { provider: 'aws' },
};
const BEFORE = buildManifest(SHOP, 'acme');

/** The shop after payments started to need a cache in one AWS region. */
const WITH_FRAUD_CACHE = buildManifest(
  {
    ...SHOP,
    payments: { depends_on: ['payments-db', 'fraud-cache'] },
    'fraud-cache': { provider: 'aws', region: 'us-east-1', costPerHour: 50 },
  },
  'acme',
);

describe('diff', () => {
  it('a new hard dependency on a single-region cache adds exactly that SPOF and its region', () => {
    const result = diffOf(BEFORE, WITH_FRAUD_CACHE, ['new-spof']);
    expect(result.spofs).toEqual({
      added: [{ entrypoint: 'checkout', component: 'fraud-cache' }],
      removed: [],
    });
    expect(result.domainSpofs).toEqual({
      added: [{ entrypoint: 'checkout', domain: 'provider=aws,region=us-east-1' }],
      removed: [],
    });
    expect(result.services).toEqual({ added: ['fraud-cache'], removed: [] });
    expect(result.entrypoints).toEqual({ added: [], removed: [] });
    expect(result.newlyAtRisk).toEqual([]); // checkout already had SPOFs
    expect(result.gate).toEqual({ failOn: ['new-spof'], triggered: ['new-spof'], passed: false });
    expect(result.blastRadius[0]).toEqual({
      id: 'fraud-cache',
      before: null,
      after: { down: 2, degraded: 0, entrypointsDown: 1, costPerHour: 10_050 },
      delta: { down: 2, degraded: 0, entrypointsDown: 1, costPerHour: 10_050 },
    });
    expect(result.before).toMatchObject({ source: 'old.yaml', manifest: 'acme', services: 9 });
    expect(result.after).toMatchObject({ exists: true, services: 10, spofPairs: 5 });
  });

  it('the reverse change removes them, and no gate condition matches', () => {
    const result = diffOf(WITH_FRAUD_CACHE, BEFORE, ['new-spof', 'new-domain-spof', 'new-risk']);
    expect(result.spofs).toEqual({
      added: [],
      removed: [{ entrypoint: 'checkout', component: 'fraud-cache' }],
    });
    expect(result.domainSpofs.removed).toEqual([
      { entrypoint: 'checkout', domain: 'provider=aws,region=us-east-1' },
    ]);
    expect(result.blastRadius.map((c) => [c.id, c.after])).toEqual([['fraud-cache', null]]);
    expect(result.gate).toEqual({
      failOn: ['new-spof', 'new-domain-spof', 'new-risk'],
      triggered: [],
      passed: true,
    });
  });

  it('the same manifest twice differs in nothing', () => {
    const result = diffOf(BEFORE, BEFORE, ['new-risk', 'new-spof']);
    expect(result.spofs).toEqual({ added: [], removed: [] });
    expect(result.domainSpofs).toEqual({ added: [], removed: [] });
    expect(result.blastRadius).toEqual([]);
    expect(result.newlyAtRisk).toEqual([]);
    expect(result.noLongerAtRisk).toEqual([]);
    expect(result.neighbourhood).toEqual({
      nodes: [],
      edges: [],
      drawn: 0,
      shortened: 0,
      leftOut: 0,
    });
    expect(result.gate.failOn).toEqual(['new-spof', 'new-risk']);
    expect(result.gate.passed).toBe(true);
  });

  it('an entry point that loses its only failover is newly at risk; a new failover ends the risk', () => {
    const redundant = buildManifest({
      'status-page': { entrypoint: true, depends_on: [{ any_of: ['statuspage-io', 's3-site'] }] },
      'statuspage-io': { provider: 'atlassian' },
      's3-site': { provider: 'aws', region: 'us-east-1' },
    });
    const single = buildManifest({
      'status-page': { entrypoint: true, depends_on: ['s3-site'] },
      's3-site': { provider: 'aws', region: 'us-east-1' },
    });
    const worse = diffOf(redundant, single, ['new-risk']);
    expect(worse.newlyAtRisk).toEqual(['status-page']);
    expect(worse.noLongerAtRisk).toEqual([]);
    expect(worse.services.removed).toEqual(['statuspage-io']);
    expect(worse.gate.triggered).toEqual(['new-risk']);
    const better = diffOf(single, redundant);
    expect(better.noLongerAtRisk).toEqual(['status-page']);
    expect(better.newlyAtRisk).toEqual([]);
  });

  it('entry points that appear with a SPOF are newly at risk; vanished ones no longer are', () => {
    const added = diffOf(
      BEFORE,
      buildManifest({ ...SHOP, admin: { entrypoint: true, depends_on: ['catalog'] } }),
    );
    expect(added.entrypoints).toEqual({ added: ['admin'], removed: [] });
    expect(added.newlyAtRisk).toEqual(['admin']);
    expect(added.spofs.added).toEqual([{ entrypoint: 'admin', component: 'catalog' }]);
    const { storefront: _gone, ...rest } = SHOP;
    const removed = diffOf(BEFORE, buildManifest(rest));
    expect(removed.entrypoints.removed).toEqual(['storefront']);
    expect(removed.noLongerAtRisk).toEqual(['storefront']);
  });

  it('ranks blast-radius changes by the size of the change, cost first, shrinking ones too', () => {
    const before = buildManifest({
      web: { entrypoint: true, costPerHour: 100, depends_on: ['api'] },
      api: { depends_on: ['db', 'queue'] },
      db: {},
      queue: {},
      billing: { entrypoint: true, costPerHour: 5000, depends_on: ['db'] },
    });
    const after = buildManifest({
      web: { entrypoint: true, costPerHour: 100, depends_on: ['api'] },
      api: { depends_on: ['db'] },
      db: {},
      queue: {},
      billing: { entrypoint: true, costPerHour: 5000, depends_on: ['queue'] },
    });
    const changes = diffOf(before, after).blastRadius;
    expect(changes.map((c) => [c.id, c.delta.costPerHour, c.delta.entrypointsDown])).toEqual([
      ['db', -5000, -1],
      ['queue', 4900, 0],
    ]);
  });

  it('a manifest that did not exist before makes everything new', () => {
    const result = diffOf(null, WITH_FRAUD_CACHE, ['new-spof']);
    expect(result.before).toMatchObject({ exists: false, services: 0, manifest: null });
    expect(result.services.added).toHaveLength(10);
    expect(result.newlyAtRisk).toEqual(['checkout', 'storefront']);
    expect(result.spofs.added).toHaveLength(result.after.spofPairs);
    expect(result.gate.passed).toBe(false);
  });
});

/** Every (entry point, component) and (entry point, domain) pair, by simulating each failure. */
function referencePairs(manifest: Manifest): { spofs: Set<string>; domains: Set<string> } {
  const entries = referenceEntryPoints(manifest);
  const lost = (failed: Set<string>) => {
    const statuses = referenceStatuses(manifest, failed);
    return entries.filter((e) => ['failed', 'down'].includes(statuses.get(e)!));
  };
  const spofs = new Set<string>();
  for (const x of manifest.services) {
    for (const e of lost(new Set([x.id]))) if (e !== x.id) spofs.add(`${e} ${x.id}`);
  }
  const domainPairs = new Set<string>();
  for (const [domain, { members }] of referenceDomains(manifest)) {
    for (const e of lost(new Set(members))) domainPairs.add(`${e} ${domain}`);
  }
  return { spofs, domains: domainPairs };
}

const minus = (a: Set<string>, b: Set<string>) => [...a].filter((x) => !b.has(x)).sort();

describe('diff agrees with brute force', () => {
  it('on random pairs of manifests: SPOF pairs added and removed are the set differences', () => {
    const manifests = arbitraryManifest({ maxServices: 7 });
    let sameServices = 0;
    fc.assert(
      fc.property(manifests, manifests, (a, b) => {
        const result = diffOf(a, b, ['new-spof', 'new-domain-spof', 'new-risk']);
        const before = referencePairs(a);
        const after = referencePairs(b);
        const spofKey = (p: { entrypoint: string; component: string }) =>
          `${p.entrypoint} ${p.component}`;
        const domainKey = (p: { entrypoint: string; domain: string }) =>
          `${p.entrypoint} ${p.domain}`;
        expect(result.spofs.added.map(spofKey).sort()).toEqual(minus(after.spofs, before.spofs));
        expect(result.spofs.removed.map(spofKey).sort()).toEqual(minus(before.spofs, after.spofs));
        expect(result.domainSpofs.added.map(domainKey).sort()).toEqual(
          minus(after.domains, before.domains),
        );
        expect(result.domainSpofs.removed.map(domainKey).sort()).toEqual(
          minus(before.domains, after.domains),
        );
        const atRisk = (pairs: { spofs: Set<string>; domains: Set<string> }) =>
          new Set([...pairs.spofs, ...pairs.domains].map((p) => p.split(' ')[0]!));
        expect(result.newlyAtRisk).toEqual(minus(atRisk(after), atRisk(before)));
        expect(result.noLongerAtRisk).toEqual(minus(atRisk(before), atRisk(after)));
        expect(result.gate.triggered.includes('new-spof')).toBe(result.spofs.added.length > 0);
        // Blast radii: every component whose figures differ (or that came or went with any), and
        // only those, with both sides' figures; by service number when the services are the same.
        if (result.services.added.length + result.services.removed.length === 0) sameServices++;
        const [was, is] = [radii(a), radii(b)];
        const changed = [...new Set([...was.keys(), ...is.keys()])].filter(
          (id) => JSON.stringify(was.get(id) ?? ZERO) !== JSON.stringify(is.get(id) ?? ZERO),
        );
        expect(result.blastRadius.map((c) => c.id).sort()).toEqual(changed.sort());
        for (const c of result.blastRadius) {
          expect([c.before, c.after]).toEqual([was.get(c.id) ?? null, is.get(c.id) ?? null]);
        }
        expect(
          result.neighbourhood.drawn +
            result.neighbourhood.shortened +
            result.neighbourhood.leftOut,
        ).toBe(result.spofs.added.length);
      }),
      { numRuns: 400 },
    );
    expect(sameServices).toBeGreaterThan(10); // both ways of pairing blast radii were seen
  });
});

const ZERO = { down: 0, degraded: 0, entrypointsDown: 0, costPerHour: 0 };

/** Each component's blast radius figures, by id. */
function radii(manifest: Manifest): Map<string, typeof ZERO> {
  const { blastRadius } = analyze(compileGraph(manifest), null);
  return new Map(
    blastRadius.map(({ id, down, degraded, entrypointsDown, costPerHour }) => [
      id,
      { down, degraded, entrypointsDown, costPerHour },
    ]),
  );
}
