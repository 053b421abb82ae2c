// Failure domains with their own sla (the manifest's `domains:`) against brute force: every
// joint state of the components and the domains enumerated, a failed domain failing all of its
// members, on random small manifests; and the domain ranked among the components it fails.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyzeAvailability } from '../../../src/analysis/reliability/availability.js';
import type { CommonCauseDomain, Manifest } from '../../../src/manifest/types.js';
import { chaos } from '../../../src/analysis/reliability/chaos.js';
import { failureDomains } from '../../../src/analysis/outage/failure-domains.js';
import { planSweep } from '../../../src/analysis/outage/outage-sweep.js';
import { compileGraph, entryPoints } from '../../../src/model/compiled-graph.js';
import { buildManifest } from '../../support/build-manifest.js';
import { arbitraryCorrelatedManifest, enumerateJointStates, planOf, AT } from './support.js';

describe('failure domains with their own sla', () => {
  it('equal the enumeration of every joint state of components and domains', () => {
    fc.assert(
      fc.property(arbitraryCorrelatedManifest(), (manifest) => {
        const plan = planOf(manifest);
        const result = analyzeAvailability(plan, entryPoints(plan.graph));
        for (const [id, value] of enumerateJointStates(manifest)) {
          expect(result.availability[id]!.method).toBe('exact');
          expect(result.availability[id]!.value).toBeCloseTo(value, 10);
        }
      }),
      { numRuns: 300, seed: 5 },
    );
  });

  it('rank a domain by its Birnbaum importance, computed by conditioning on it', () => {
    fc.assert(
      fc.property(arbitraryCorrelatedManifest(), (manifest) => {
        const plan = planOf(manifest);
        const result = analyzeAvailability(plan, entryPoints(plan.graph));
        for (const d of manifest.domains ?? []) {
          const up = enumerateJointStates({ ...manifest, domains: without(manifest, d, 100) });
          const down = enumerateJointStates({ ...manifest, domains: without(manifest, d, 1e-300) });
          for (const [e, a] of up) {
            const birnbaum = a - down.get(e)!;
            const ranked = result.importance[e]!.find((c) => c.id === d.domain);
            if (birnbaum < 1e-12) expect(ranked).toBeUndefined();
            else expect(ranked?.birnbaum).toBeCloseTo(birnbaum, 9);
          }
        }
      }),
      { numRuns: 100, seed: 9 },
    );
  });
});

describe('simulate --random with a domain that has its own sla', () => {
  it('fails the whole domain as one cause, about as often as its sla says', () => {
    const manifest: Manifest = {
      ...buildManifest({
        web: { entrypoint: true, depends_on: [{ any_of: ['web-a', 'web-b'] }] },
        'web-a': { sla: 99.99, provider: 'aws', region: 'us-east-1' },
        'web-b': { sla: 99.99, provider: 'aws', region: 'us-east-1' },
      }),
      domains: [{ domain: 'provider=aws,region=us-east-1', sla: 90, position: AT }],
    };
    const graph = compileGraph(manifest);
    const result = chaos(planSweep(graph), failureDomains(graph), 'web', {
      samples: 4000,
      seed: 3,
    });
    const web = result.entrypoints.find((e) => e.id === 'web')!;
    expect(web.low).toBeLessThan(0.1);
    expect(web.high).toBeGreaterThan(0.1);
    expect(web.causes[0]!.id).toBe('provider=aws,region=us-east-1');
    expect(web.causes[0]!.samples).toBe(web.down - web.combinations);
  });
});

/** The manifest's domains with `d` pinned: up (sla 100) or as good as always down. */
function without(manifest: Manifest, d: CommonCauseDomain, sla: number): CommonCauseDomain[] {
  return (manifest.domains ?? []).map((x) => (x.domain === d.domain ? { ...x, sla } : x));
}
