import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis/analyze.js';
import { buildManifest } from '../support/build-manifest.js';
import { analyzeAvailability } from '../../src/analysis/reliability/availability.js';
import { rankGraph } from '../../src/analysis/outage/ranked-graph.js';
import { compileGraph, entryPoints } from '../../src/model/compiled-graph.js';
import type { Manifest } from '../../src/manifest/types.js';
import { arbitraryManifest } from '../support/random-manifest.js';
import { analysisOf, arbitraryAnalysis, REALISTIC, SHOP, TIMED } from './samples.js';
import { asPrinted, assertMatches, SchemaCoverage, validatorAt } from './schemas.js';

/** Issue 7's fields filled: SHOP with pairs (`--order 2`) and a payments-db slower than checkout's rto. */
function orderTwoWithRto() {
  const services = SHOP.services.map((s) =>
    s.id === 'payments-db' ? { ...s, recoveryTime: 3600 } : s,
  );
  return analyze(compileGraph({ ...SHOP, services }), null, { order: 2 });
}

/** A 2-of-4 quorum: cut sets of order three. */
const QUORUM = buildManifest({
  checkout: {
    entrypoint: true,
    depends_on: [{ quorum: 2, of: ['etcd-a', 'etcd-b', 'etcd-c', 'etcd-d'] }],
  },
  'etcd-a': {},
  'etcd-b': {},
  'etcd-c': {},
  'etcd-d': {},
});

/** Issue 7's availability by Monte Carlo: SHOP with an exact budget of nothing. */
/** A random manifest held to small recovery targets, so that some estimates exceed them. */
function withObjectives(manifest: Manifest): Manifest {
  const at = { file: 'test.yaml', line: 1, column: 1 };
  const objectives = {
    targets: {
      component: { rto: 60, rpo: 60, position: at },
      region: { rto: 600, position: at },
      provider: { rpo: 3600, position: at },
    },
    tiers: {},
  };
  return { ...manifest, policy: { defaults: true, rules: [], objectives } };
}

function sampledAvailability() {
  const graph = compileGraph(SHOP);
  const none = { nodes: 0, totalNodes: 0 };
  const reliability = analyzeAvailability(rankGraph(graph), entryPoints(graph), { exact: none });
  return { ...analyze(graph, null), ...reliability };
}

/** A failure too rare for the samples drawn: the result bounds it instead of printing 0. */
function rareEventSampled() {
  const graph = compileGraph(
    buildManifest({
      web: { entrypoint: true, sla: 99.99999, depends_on: ['web-db'] },
      'web-db': { sla: 99.99999 },
    }),
  );
  const reliability = analyzeAvailability(rankGraph(graph), entryPoints(graph), {
    exact: { nodes: 0, totalNodes: 0 },
  });
  expect(reliability.availability.web!.unavailabilityBelow).toBeGreaterThan(0);
  return { ...analyze(graph, null), ...reliability };
}

describe('schema/analysis-result.schema.json', () => {
  it('accepts the analysis of realistic manifests, focused or not', () => {
    for (const manifest of Object.values(REALISTIC)) {
      assertMatches('analysis-result', asPrinted(analysisOf(manifest)));
    }
    assertMatches('analysis-result', asPrinted(analysisOf(SHOP, ['checkout'])));
    assertMatches('analysis-result', asPrinted(orderTwoWithRto()));
    assertMatches('analysis-result', asPrinted(sampledAvailability()));
  });

  it('accepts the analysis of random manifests', () => {
    fc.assert(
      fc.property(arbitraryAnalysis(), (result) => {
        assertMatches('analysis-result', asPrinted(result));
      }),
      { numRuns: 200 },
    );
    fc.assert(
      fc.property(arbitraryManifest({ maxServices: 6, entrypoints: false }), (manifest) => {
        assertMatches('analysis-result', asPrinted(analysisOf(manifest)));
      }),
      { numRuns: 50 },
    );
  });

  it('documents every field the analysis emits, requires exactly the ones always emitted, and takes every branch', () => {
    const coverage = new SchemaCoverage('analysis-result');
    for (const manifest of Object.values(REALISTIC))
      coverage.observe(asPrinted(analysisOf(manifest)));
    coverage.observe(asPrinted(analysisOf(SHOP, ['checkout', 'status-page'])));
    for (const result of fc.sample(arbitraryAnalysis(), { numRuns: 300, seed: 20_170_228 })) {
      coverage.observe(asPrinted(result));
    }
    coverage.observe(asPrinted(orderTwoWithRto()));
    coverage.observe(asPrinted(analyze(compileGraph(TIMED), null, { duration: 1800 })));
    for (const options of [
      { order: 3 },
      { order: 3, cutSetsListed: 0 },
      { order: 3, cutBudget: 1 },
    ])
      coverage.observe(asPrinted(analyze(compileGraph(QUORUM), null, options)));
    coverage.observe(asPrinted(sampledAvailability()));
    coverage.observe(asPrinted(rareEventSampled()));
    const withCopies = arbitraryManifest({ maxServices: 6, recovery: true });
    for (const manifest of fc.sample(withCopies, { numRuns: 60, seed: 20_261_204 })) {
      coverage.observe(asPrinted(analysisOf(withObjectives(manifest))));
      coverage.observe(asPrinted(analysisOf(manifest)));
    }
    expect(coverage.problems()).toEqual([]);
  });

  it('rejects a field it does not document, a missing field and a malformed id', () => {
    const validate = validatorAt('analysis-result');
    const result = asPrinted(analysisOf(SHOP)) as Record<string, unknown>;
    expect(validate(result)).toBe(true);
    expect(validate({ ...result, uptime: 0.999 })).toBe(false);
    const { bridges: _bridges, ...withoutBridges } = result;
    expect(validate(withoutBridges)).toBe(false);
    const spofs = structuredClone(result.spofs) as Array<{ blastRadius: Record<string, unknown> }>;
    spofs[0]!.blastRadius.availability = 1;
    expect(validate({ ...result, spofs })).toBe(false);
    expect(validate({ ...result, cutVertices: ['-payments-db'] })).toBe(false);
  });
});
