// Packed 32-bit masks past bit 31: the helpers themselves, then every analysis that packs
// entry points, outages or samples into masks, on manifests with 33 to 100 entry points above
// cycles, against the brute force; and the manifest that once hung `analyze --order 2`.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../../src/analysis/analyze.js';
import {
  bit,
  difference,
  intersection,
  lowest,
  union,
  withoutLowest,
} from '../../../src/analysis/graph/bit-mask.js';
import { rankGraph } from '../../../src/analysis/outage/ranked-graph.js';
import { monteCarlo } from '../../../src/analysis/reliability/sampled/monte-carlo.js';
import type { Manifest } from '../../../src/manifest/types.js';
import { compileGraph } from '../../../src/model/compiled-graph.js';
import { checkAgainstReference } from '../../support/analyze-reference.js';
import { referenceEntryPoints, referenceStatuses } from '../../support/brute-force.js';
import { buildManifest, type ServiceSketch } from '../../support/build-manifest.js';
import { referenceComponentPairs, referenceDomainPairs } from '../../support/failure-scenarios.js';
import { runBin } from '../../support/run-cli.js';
import { arbitraryWideManifest } from '../../support/wide-manifest.js';

describe('bit masks', () => {
  it('keep bit 31 unsigned, so a mask equals itself read back from a Uint32Array', () => {
    const stored = new Uint32Array([bit(31)]);
    expect(union(bit(31), bit(0))).toBe(2 ** 31 + 1);
    expect(union(stored[0]!, 0)).toBe(stored[0]);
    expect(intersection(0xffffffff, bit(31))).toBe(2 ** 31);
    expect(difference(0xffffffff, bit(0))).toBe(2 ** 32 - 2);
    expect(lowest(bit(31))).toBe(31);
    expect(withoutLowest(union(bit(31), bit(4)))).toBe(2 ** 31);
  });

  it('list their members in increasing order', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: 0, max: 31 })), (members) => {
        let mask = 0;
        for (const m of members) mask = union(mask, bit(m));
        const listed: number[] = [];
        for (let rest = mask; rest !== 0; rest = withoutLowest(rest)) listed.push(lowest(rest));
        expect(listed).toEqual([...members].sort((a, b) => a - b));
        expect(mask).toBeGreaterThanOrEqual(0);
      }),
      { numRuns: 300 },
    );
  });
});

const wide = arbitraryWideManifest();

describe('with more than 32 entry points above cycles', () => {
  it('single failures, failure domains and fate sharing equal the brute force', () => {
    fc.assert(fc.property(wide, checkAgainstReference), { numRuns: 15, seed: 31 });
  });

  it('minimal pairs equal the brute force over every pair', () => {
    fc.assert(
      fc.property(wide, (manifest) => {
        const result = analyze(compileGraph(manifest), null, { order: 2 });
        const components = new Map(result.pairs!.map((p) => [p.ids.join(','), p.takesDown]));
        const domains = new Map(result.domainPairs!.map((p) => [p.domains.join(','), p.takesDown]));
        expect(components).toEqual(referenceComponentPairs(manifest));
        expect(domains).toEqual(referenceDomainPairs(manifest));
      }),
      { numRuns: 10, seed: 32 },
    );
  });

  it('Monte Carlo with certain states (every sample alike, all 32 bits set) equals propagation', () => {
    const withFailed = wide.chain((manifest) =>
      fc
        .subarray(manifest.services.map((s) => s.id))
        .map((failed) => ({ manifest, failed: new Set(failed) })),
    );
    fc.assert(
      fc.property(withFailed, ({ manifest, failed }) => {
        const graph = compileGraph(manifest);
        const up = Float64Array.from(graph.ids, (id) => (failed.has(id) ? 0 : 1));
        const entries = referenceEntryPoints(manifest);
        const estimate = monteCarlo(
          rankGraph(graph),
          up,
          entries.map((id) => graph.index.get(id)!),
          { work: 0, minSamples: 64, maxSamples: 64, seed: 1 },
        );
        const statuses = referenceStatuses(manifest, failed);
        const expected = entries.map((e) =>
          ['failed', 'down'].includes(statuses.get(e)!) ? 0 : 64,
        );
        expect([...estimate.upCount]).toEqual(expected);
      }),
      { numRuns: 40, seed: 33 },
    );
  });
});

/**
 * 32 entry points; the last one (bit 31 of the first mask) alone needs `api`, which sits in a
 * cycle with `cache` and needs one of two databases.
 */
function entryOnBit31AboveCycle(): Manifest {
  const services: Record<string, ServiceSketch> = {
    api: { depends_on: ['cache', { any_of: ['orders-db-a', 'orders-db-b'] }] },
    cache: { depends_on: ['api'] },
    'orders-db-a': {},
    'orders-db-b': {},
    'static-site': {},
  };
  for (let i = 0; i < 32; i++) {
    const id = `storefront-${String(i).padStart(2, '0')}`;
    services[id] = { entrypoint: true, depends_on: [i === 31 ? 'api' : 'static-site'] };
  }
  return buildManifest(services);
}

describe('an entry point on bit 31 above a cycle', () => {
  it('gets its pair of databases from `analyze --order 2` (which once never returned)', () => {
    const manifest = entryOnBit31AboveCycle();
    const yaml = [
      'version: 1',
      'services:',
      ...manifest.services.map((s) => {
        const deps = s.dependsOn.map((r) =>
          r.group ? `{ any_of: [${r.alternatives.join(', ')}] }` : r.alternatives[0]!,
        );
        return `  ${s.id}: { entrypoint: ${s.entrypoint}, depends_on: [${deps.join(', ')}] }`;
      }),
      '',
    ].join('\n');
    const run = runBin(['analyze', '-', '--order', '2', '--format', 'json'], { input: yaml });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const pairs = (JSON.parse(run.stdout) as { pairs: unknown }).pairs;
    expect(pairs).toEqual([{ ids: ['orders-db-a', 'orders-db-b'], takesDown: ['storefront-31'] }]);
  });
});
