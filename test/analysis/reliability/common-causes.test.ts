// Failure domains with their own sla (the manifest's `domains:`) against brute force: every
// joint state of the components and the domains enumerated, a failed domain failing all of its
// members, on random small manifests; and the domain ranked among the components it fails.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyzeAvailability } from '../../../src/analysis/reliability/availability.js';
import type { CommonCauseDomain, Manifest, Service } from '../../../src/manifest/types.js';
import { chaos } from '../../../src/analysis/reliability/chaos.js';
import { failureDomains } from '../../../src/analysis/outage/failure-domains.js';
import { planSweep } from '../../../src/analysis/outage/outage-sweep.js';
import { compileGraph, entryPoints } from '../../../src/model/compiled-graph.js';
import { buildManifest } from '../../support/build-manifest.js';
import { referenceEntryPoints, referenceStatuses } from '../../support/brute-force.js';
import { arbitraryReliabilityManifest, planOf, upProbability } from './support.js';

const PROVIDERS = ['aws', 'gcp'];
const REGIONS = ['us-east-1', 'eu-west-1'];
const DOMAIN_SLAS = [99, 95, 90, 99.9];
const AT = { file: 'domains.yaml', line: 1, column: 1 };

/** A random manifest whose services get provider/region labels, and slas for some domains. */
function arbitraryCorrelatedManifest(): fc.Arbitrary<Manifest> {
  return arbitraryReliabilityManifest(7).chain((manifest) =>
    fc
      .tuple(
        fc.array(fc.nat(5), {
          minLength: manifest.services.length,
          maxLength: manifest.services.length,
        }),
        fc.array(fc.nat(DOMAIN_SLAS.length), { minLength: 6, maxLength: 6 }),
      )
      .map(([labels, slaChoices]) => {
        const services = manifest.services.map((s, i) => withLabels(s, labels[i]!));
        const named = new Set(services.flatMap(domainsOf));
        const domains: CommonCauseDomain[] = [...named]
          .sort()
          .flatMap((domain, i) =>
            slaChoices[i % slaChoices.length]! < DOMAIN_SLAS.length
              ? [{ domain, sla: DOMAIN_SLAS[slaChoices[i % slaChoices.length]!]!, position: AT }]
              : [],
          )
          .slice(0, 3);
        return { ...manifest, services, domains };
      }),
  );
}

function withLabels(service: Service, choice: number): Service {
  const copy: Service = { ...service };
  delete copy.provider;
  delete copy.region;
  if (choice >= 4) return copy;
  copy.provider = PROVIDERS[choice % 2]!;
  if (choice >= 2) copy.region = REGIONS[choice % 2]!;
  return copy;
}

/** The domains a service is a member of, spelled as the manifest names them. */
function domainsOf(service: Service): string[] {
  if (service.provider === undefined) return [];
  const provider = `provider=${service.provider}`;
  return service.region === undefined
    ? [provider]
    : [provider, `${provider},region=${service.region}`];
}

/** Availability of each entry point over every joint state of components and domains. */
function enumerate(manifest: Manifest): Map<string, number> {
  const components = manifest.services.filter((s) => upProbability(s) < 1);
  const domains = manifest.domains ?? [];
  const entries = referenceEntryPoints(manifest);
  const result = new Map(entries.map((e) => [e, 0]));
  const units = components.length + domains.length;
  for (let state = 0; state < 2 ** units; state++) {
    const failed = new Set<string>();
    let weight = 1;
    components.forEach((s, i) => {
      const p = upProbability(s);
      if (state & (1 << i)) failed.add(s.id);
      weight *= state & (1 << i) ? 1 - p : p;
    });
    domains.forEach((d, j) => {
      const down = (state >> (components.length + j)) & 1;
      weight *= down ? (100 - d.sla) / 100 : d.sla / 100;
      if (!down) return;
      for (const s of manifest.services) if (domainsOf(s).includes(d.domain)) failed.add(s.id);
    });
    const statuses = referenceStatuses(manifest, failed);
    for (const e of entries) {
      const status = statuses.get(e);
      if (status === 'up' || status === 'degraded') result.set(e, result.get(e)! + weight);
    }
  }
  return result;
}

describe('failure domains with their own sla', () => {
  it('equal the enumeration of every joint state of components and domains', () => {
    fc.assert(
      fc.property(arbitraryCorrelatedManifest(), (manifest) => {
        const plan = planOf(manifest);
        const result = analyzeAvailability(plan, entryPoints(plan.graph));
        for (const [id, value] of enumerate(manifest)) {
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
          const up = enumerate({ ...manifest, domains: without(manifest, d, 100) });
          const down = enumerate({ ...manifest, domains: without(manifest, d, 1e-300) });
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
