// `analyze --order 2`: minimal cut sets of size two, against the brute force over every
// pair on random manifests, and on hand-built systems with real-sounding names.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../../src/analysis/analyze.js';
import type { AnalysisResult } from '../../../src/analysis/analysis-result.js';
import { compileGraph } from '../../../src/model/compiled-graph.js';
import { buildManifest } from '../../support/build-manifest.js';
import {
  arbitraryManifestWithVirtual,
  referenceComponentPairs,
  referenceDomainPairs,
} from '../../support/failure-scenarios.js';

const orderTwo = (manifest: Parameters<typeof compileGraph>[0], pairBudget?: number) =>
  analyze(compileGraph(manifest), null, { order: 2, ...(pairBudget ? { pairBudget } : {}) });

function asMap(result: AnalysisResult) {
  return {
    components: new Map(result.pairs!.map((p) => [p.ids.join(','), p.takesDown])),
    domains: new Map(result.domainPairs!.map((p) => [p.domains.join(','), p.takesDown])),
  };
}

describe('minimal pairs', () => {
  it('finds the two halves of a failover and the pairs of a 2-of-3 quorum', () => {
    const result = orderTwo(
      buildManifest({
        checkout: {
          entrypoint: true,
          depends_on: [
            { any_of: ['payments-eu', 'payments-us'] },
            { quorum: 2, of: ['etcd-a', 'etcd-b', 'etcd-c'] },
          ],
        },
        'payments-eu': { depends_on: ['payments-db-eu'] },
        'payments-us': { depends_on: ['payments-db-us'] },
        'payments-db-eu': {},
        'payments-db-us': {},
        'etcd-a': {},
        'etcd-b': {},
        'etcd-c': {},
      }),
    );
    expect(result.pairs!.map((p) => p.ids)).toEqual([
      ['etcd-a', 'etcd-b'],
      ['etcd-a', 'etcd-c'],
      ['etcd-b', 'etcd-c'],
      ['payments-db-eu', 'payments-db-us'],
      ['payments-db-eu', 'payments-us'],
      ['payments-db-us', 'payments-eu'],
      ['payments-eu', 'payments-us'],
    ]);
    expect(result.pairs!.every((p) => p.takesDown.join() === 'checkout')).toBe(true);
    expect(result.pairSearch!.components).toEqual({ checked: 7, complete: true, unchecked: 0 });
  });

  it('leaves out virtual services, single points of failure and the entry point itself', () => {
    const result = orderTwo(
      buildManifest({
        web: { entrypoint: true, depends_on: ['checkout-path', 'dns'] },
        'checkout-path': { virtual: true, depends_on: [{ any_of: ['api-a', 'api-b'] }] },
        'api-a': {},
        'api-b': {},
        dns: {},
      }),
    );
    expect(result.pairs).toEqual([{ ids: ['api-a', 'api-b'], takesDown: ['web'] }]);
  });

  it('finds a pair of regions that no region alone takes down', () => {
    const region = (name: string) => ({ provider: 'aws', region: name });
    const result = orderTwo(
      buildManifest({
        shop: { entrypoint: true, depends_on: [{ any_of: ['api-use1', 'api-euw1'] }] },
        'api-use1': region('us-east-1'),
        'api-euw1': region('eu-west-1'),
      }),
    );
    expect(result.domainPairs).toEqual([
      {
        domains: ['provider=aws,region=eu-west-1', 'provider=aws,region=us-east-1'],
        takesDown: ['shop'],
      },
    ]);
  });

  it('says when the budget stopped the search, and by how much', () => {
    const result = orderTwo(
      buildManifest({
        checkout: {
          entrypoint: true,
          depends_on: [{ quorum: 2, of: ['etcd-a', 'etcd-b', 'etcd-c'] }],
        },
        'etcd-a': {},
        'etcd-b': {},
        'etcd-c': {},
      }),
      2,
    );
    expect(result.pairs!.map((p) => p.ids.join())).toEqual(['etcd-a,etcd-b', 'etcd-a,etcd-c']);
    expect(result.pairSearch).toMatchObject({
      budget: 2,
      components: { checked: 2, complete: false, unchecked: 1 },
    });
  });

  it('is null without --order 2', () => {
    const result = analyze(compileGraph(buildManifest({ web: {} })), null);
    expect([result.pairs, result.domainPairs, result.pairSearch]).toEqual([null, null, null]);
  });

  it.each([true, false])(
    'equals the brute force over every pair on random manifests (declared entry points: %s)',
    (declared) => {
      fc.assert(
        fc.property(arbitraryManifestWithVirtual(9, declared), (manifest) => {
          const result = orderTwo(manifest);
          const found = asMap(result);
          expect(found.components).toEqual(referenceComponentPairs(manifest));
          expect(found.domains).toEqual(referenceDomainPairs(manifest));
          expect(result.pairSearch!.components.complete).toBe(true);
        }),
        { numRuns: 1000, seed: 7 },
      );
    },
  );
});
