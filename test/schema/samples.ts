// Real outputs to validate against the schemas: realistic manifests built in code (no loader),
// and the same four commands' results computed straight from the analysis code.

import fc from 'fast-check';
import { analyze } from '../../src/analysis/analyze.js';
import { evaluateGuard, type GuardLimits } from '../../src/analysis/outage/guard.js';
import { simulate, type SimulateReport } from '../../src/analysis/outage/simulate.js';
import type { Manifest } from '../../src/manifest/types.js';
import { compileGraph, entryPoints, type CompiledGraph } from '../../src/model/compiled-graph.js';
import { buildDependencyGraph } from '../../src/model/dependency-graph.js';
import { summarizeManifest } from '../../src/model/manifest-summary.js';
import { resolveSelectors } from '../../src/model/selector.js';
import { renderGraphJson } from '../../src/report/graph/json.js';
import { buildManifest } from '../support/build-manifest.js';
import { arbitraryManifest } from '../support/random-manifest.js';

const AWS_USE1 = { provider: 'aws', region: 'us-east-1' } as const;

/**
 * A web shop: checkout → payments → payments-db, two CDNs behind an any_of, a 2-of-3 etcd
 * quorum, soft analytics on another provider, an auth ↔ vault cycle, a status page hosted on the
 * bucket it reports on, a directory with a region but no provider, and costs.
 */
export const SHOP: Manifest = buildManifest(
  {
    storefront: {
      entrypoint: true,
      kind: 'frontend',
      owner: 'web',
      tier: 'critical',
      tags: ['public', 'pci-out-of-scope'],
      ...AWS_USE1,
      zone: 'use1-az1',
      costPerHour: 5000,
      depends_on: [
        { any_of: ['cdn-cloudfront', 'cdn-fastly'] },
        'catalog',
        'assets-bucket',
        { service: 'analytics', soft: true },
      ],
    },
    checkout: {
      entrypoint: true,
      kind: 'api',
      owner: 'payments-team',
      tier: 'critical',
      tags: ['pci'],
      ...AWS_USE1,
      zone: 'use1-az2',
      sla: 99.95,
      costPerHour: 12_500.5,
      rto: 300,
      recoveryTime: 1800,
      depends_on: ['payments', 'catalog', { service: 'analytics', soft: true }],
    },
    payments: {
      kind: 'api',
      owner: 'payments-team',
      tier: 'high',
      ...AWS_USE1,
      zone: 'use1-az1',
      costPerHour: 800,
      depends_on: ['payments-db', 'auth'],
    },
    'payments-db': {
      kind: 'database',
      owner: 'payments-team',
      tier: 'critical',
      ...AWS_USE1,
      zone: 'use1-az1',
      rto: 900,
    },
    catalog: {
      kind: 'api',
      tier: 'medium',
      ...AWS_USE1,
      zone: 'use1-az2',
      depends_on: [{ quorum: 2, of: ['etcd-1', 'etcd-2', 'etcd-3'] }],
    },
    'etcd-1': { kind: 'kv', ...AWS_USE1, zone: 'use1-az1' },
    'etcd-2': { kind: 'kv', ...AWS_USE1, zone: 'use1-az2' },
    'etcd-3': { kind: 'kv', ...AWS_USE1, zone: 'use1-az3' },
    auth: {
      kind: 'api',
      owner: 'identity',
      ...AWS_USE1,
      zone: 'use1-az2',
      depends_on: ['vault', { service: 'ldap', soft: true }],
    },
    vault: {
      kind: 'secrets',
      owner: 'identity',
      ...AWS_USE1,
      zone: 'use1-az3',
      depends_on: ['auth'],
    },
    ldap: { kind: 'directory', region: 'dc-frankfurt' },
    'assets-bucket': { kind: 'object-store', ...AWS_USE1 },
    'cdn-cloudfront': { kind: 'cdn', provider: 'aws', region: 'global' },
    'cdn-fastly': { kind: 'cdn', provider: 'fastly' },
    analytics: { kind: 'saas', provider: 'gcp', region: 'europe-west1', costPerHour: 10 },
    'status-page': {
      entrypoint: true,
      kind: 'frontend',
      owner: 'sre',
      tier: 'low',
      monitors: ['storefront', 'checkout'],
      depends_on: ['assets-bucket'],
    },
  },
  'web-shop',
);

/** A chain longer than MAX_CHAIN: `hop-000` needs `hop-001` … needs `hop-039`. */
export const LONG_CHAIN: Manifest = buildManifest(
  Object.fromEntries(
    Array.from({ length: 40 }, (_, i) => {
      const id = `hop-${String(i).padStart(3, '0')}`;
      const next = `hop-${String(i + 1).padStart(3, '0')}`;
      return [id, i < 39 ? { depends_on: [next], costPerHour: 1 } : { costPerHour: 1 }];
    }),
  ),
);

/** No declared entry points (they are inferred), no name, a soft edge. */
export const INFERRED: Manifest = buildManifest({
  'api-gateway': { depends_on: ['orders', { service: 'recommendations', soft: true }] },
  orders: { depends_on: ['orders-db'] },
  'orders-db': { provider: 'azure', region: 'westeurope', zone: '1' },
  recommendations: {},
});

/** A site behind a CDN that rides out its origin for an hour, and DNS for two days. */
export const TIMED: Manifest = buildManifest(
  {
    site: {
      entrypoint: true,
      depends_on: ['cdn', { any_of: ['route53', 'ns1-dns'], tolerates: 172_800 }],
    },
    cdn: { provider: 'fastly', depends_on: [{ service: 's3-use1', tolerates: 3600 }] },
    's3-use1': { provider: 'aws', region: 'us-east-1' },
    route53: {},
    'ns1-dns': {},
  },
  'timed',
);

export const REALISTIC: Record<string, Manifest> = {
  shop: SHOP,
  'long-chain': LONG_CHAIN,
  inferred: INFERRED,
  single: buildManifest({ 'lonely-service': { entrypoint: true } }),
  timed: TIMED,
};

export function analysisOf(manifest: Manifest, focus?: string[]) {
  const graph = compileGraph(manifest);
  return analyze(graph, manifest.name ?? null, focus ? { focus } : {});
}

/** What `simulate --fail …` builds, the guard included when limits are given. */
export function simulateReportOf(
  manifest: Manifest,
  scenario: string[],
  limits?: { maxDown?: number; forbidDown?: string[] },
  duration?: number,
): SimulateReport {
  const graph = compileGraph(manifest);
  const options = duration === undefined ? {} : { duration };
  const result = simulate(graph, resolveSelectors(graph, scenario), options);
  const report: SimulateReport = { manifest: manifest.name ?? null, scenario, ...result };
  if (limits) report.guard = evaluateGuard(result, guardLimits(graph, limits));
  return report;
}

function guardLimits(
  graph: CompiledGraph,
  limits: { maxDown?: number; forbidDown?: string[] },
): GuardLimits {
  const guard: GuardLimits = {
    forbidDown: (limits.forbidDown ?? []).map((selector) => ({
      selector,
      ids: resolveSelectors(graph, [selector]).map((v) => graph.ids[v]!),
    })),
  };
  if (limits.maxDown !== undefined) guard.maxDown = limits.maxDown;
  return guard;
}

export function summaryOf(manifest: Manifest) {
  return summarizeManifest(manifest, compileGraph(manifest));
}

/** `graph --format json`, already a string. */
export function graphJsonOf(manifest: Manifest): string {
  return renderGraphJson(buildDependencyGraph(manifest));
}

/** Realistic what-if outages on SHOP and LONG_CHAIN, guarded and not. */
export function realisticReports(): SimulateReport[] {
  return [
    simulateReportOf(SHOP, ['payments-db']),
    simulateReportOf(SHOP, ['provider=aws,region=us-east-1']),
    simulateReportOf(SHOP, ['etcd-1', 'etcd-2'], { maxDown: 1, forbidDown: ['storefront'] }),
    simulateReportOf(SHOP, ['analytics', 'ldap'], { maxDown: 100 }),
    simulateReportOf(SHOP, ['cdn-fastly'], { forbidDown: ['tier=critical', 'kind=kv'] }),
    simulateReportOf(SHOP, ['vault'], { maxDown: 0, forbidDown: ['checkout'] }),
    simulateReportOf(SHOP, ['payments-db'], undefined, 3600),
    simulateReportOf(SHOP, ['checkout', 'cdn-fastly'], { maxDown: 0 }, 60),
    simulateReportOf(TIMED, ['s3-use1', 'route53', 'ns1-dns'], undefined, 4 * 86_400),
    simulateReportOf(LONG_CHAIN, ['hop-039']),
    simulateReportOf(INFERRED, ['zone=1']),
  ];
}

/** A random manifest with a random outage and, half the time, random guard limits. */
export function arbitraryReport(): fc.Arbitrary<SimulateReport> {
  return arbitraryManifest({ maxServices: 12 }).chain((manifest) => {
    const ids = manifest.services.map((s) => s.id);
    // Only selectors that match something: the CLI refuses the others before simulating.
    const selectors = [...ids];
    if (manifest.services.some((s) => s.provider === 'aws')) selectors.push('provider=aws');
    if (manifest.services.some((s) => s.region === 'eu-west-1')) selectors.push('region=eu-west-1');
    return fc
      .record({
        scenario: fc.uniqueArray(fc.constantFrom(...selectors), { minLength: 1, maxLength: 3 }),
        guarded: fc.boolean(),
        maxDown: fc.option(fc.nat({ max: 4 }), { nil: undefined }),
        forbidDown: fc.uniqueArray(fc.constantFrom(...selectors), { maxLength: 2 }),
      })
      .map(({ scenario, guarded, maxDown, forbidDown }) =>
        simulateReportOf(
          manifest,
          scenario,
          guarded ? { forbidDown, ...(maxDown === undefined ? {} : { maxDown }) } : undefined,
        ),
      );
  });
}

/** A random manifest with a random --entry focus half the time. */
export function arbitraryAnalysis() {
  return arbitraryManifest({ maxServices: 12 }).chain((manifest) => {
    const graph = compileGraph(manifest);
    const entries = entryPoints(graph).map((v) => graph.ids[v]!);
    const focus =
      entries.length === 0
        ? fc.constant(undefined)
        : fc.option(fc.uniqueArray(fc.constantFrom(...entries), { minLength: 1 }), {
            nil: undefined,
          });
    return focus.map((f) => analysisOf(manifest, f));
  });
}
