import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { failureDomains } from '../../../src/analysis/outage/failure-domains.js';
import { planSweep } from '../../../src/analysis/outage/outage-sweep.js';
import { providerConcentration } from '../../../src/analysis/outage/provider-concentration.js';
import type { Manifest } from '../../../src/manifest/types.js';
import { compileGraph, type CompiledGraph } from '../../../src/model/compiled-graph.js';
import { referenceDomains } from '../../support/brute-force.js';
import { arbitraryManifest } from '../../support/random-manifest.js';

// Label values are free text: some of these spell another path's domain name.
const VALUES = ['a', 'b', 'a,region=b', 'region=b', 'b,zone=a', 'zone=a'];

/** Random manifests whose services carry any mix of provider, region and zone, from VALUES. */
const labelledManifest = fc
  .tuple(
    arbitraryManifest({ maxServices: 9 }),
    fc.array(
      fc.tuple(
        fc.option(fc.constantFrom(...VALUES), { nil: undefined }),
        fc.option(fc.constantFrom(...VALUES), { nil: undefined }),
        fc.option(fc.constantFrom(...VALUES), { nil: undefined }),
      ),
      { minLength: 9, maxLength: 9 },
    ),
  )
  .map(([manifest, labels]): Manifest => {
    const services = manifest.services.map((service, i) => {
      const { provider: _provider, region: _region, zone: _zone, ...rest } = service;
      const [provider, region, zone] = labels[i]!;
      return {
        ...rest,
        ...(provider === undefined ? {} : { provider }),
        ...(region === undefined ? {} : { region }),
        ...(zone === undefined ? {} : { zone }),
      };
    });
    return { ...manifest, services };
  });

describe('failure domains', () => {
  it('are the cumulative prefixes of the labels, one per name, as building the names finds', () => {
    fc.assert(
      fc.property(labelledManifest, (manifest) => {
        const graph = compileGraph(manifest);
        const found = failureDomains(graph).map(({ domain, level, members }) => ({
          domain,
          level,
          members: members.map((v) => graph.ids[v]),
        }));
        const expected = [...referenceDomains(manifest)]
          .map(([domain, { level, members }]) => ({ domain, level, members }))
          .sort((a, b) => (a.domain < b.domain ? -1 : a.domain > b.domain ? 1 : 0));
        expect(found).toEqual(expected);
      }),
      { numRuns: 1000 },
    );
  });

  it('merge two paths that spell one name, at the level of the first service', () => {
    const manifest = arbitraryManifest({ minServices: 2, maxServices: 2 });
    fc.assert(
      fc.property(manifest, (m) => {
        const [first, second] = m.services;
        const labelled: Manifest = {
          ...m,
          services: [
            { ...first!, provider: 'a', region: 'b', zone: undefined },
            { ...second!, provider: 'a,region=b', region: undefined, zone: undefined },
          ].map((s) => JSON.parse(JSON.stringify(s)) as (typeof m.services)[number]),
        };
        const domains = failureDomains(compileGraph(labelled));
        expect(domains.map((d) => [d.domain, d.level, d.members])).toEqual([
          ['provider=a', 'provider', [0]],
          ['provider=a,region=b', 'region', [0, 1]],
        ]);
      }),
      { numRuns: 1 },
    );
  });
});

describe('provider concentration', () => {
  it('counts as direct the entry points that a search per provider finds', () => {
    const withLosses = labelledManifest.chain((manifest) =>
      fc.tuple(
        fc.constant(manifest),
        fc.array(fc.subarray([...manifest.services.keys()]), { minLength: 40, maxLength: 40 }),
      ),
    );
    fc.assert(
      fc.property(withLosses, ([manifest, subsets]) => {
        const graph = compileGraph(manifest);
        const domains = failureDomains(graph);
        const lost = new Map(domains.map((d, i) => [d.domain, subsets[i % subsets.length]!]));
        const found = providerConcentration(planSweep(graph), domains, lost, graph.n);
        const providers = domains.filter((d) => d.level === 'provider');
        expect(found.map((p) => p.provider).sort()).toEqual(
          providers.map((d) => graph.services[d.members[0]!]!.provider).sort(),
        );
        for (const { domain, members } of providers) {
          const provider = graph.services[members[0]!]!.provider!;
          const reaches = searchFrom(graph, provider, members);
          const losses = lost.get(domain)!;
          const concentration = found.find((p) => p.provider === provider)!;
          expect(concentration.takesDown).toBe(losses.length);
          expect(concentration.direct).toBe(losses.filter((v) => reaches.has(v)).length);
        }
      }),
      { numRuns: 1000 },
    );
  });
});

/** Services reaching one of `members` through services of no provider or `provider`'s, plainly. */
function searchFrom(graph: CompiledGraph, provider: string, members: number[]): Set<number> {
  const seen = new Set(members);
  const queue = [...members];
  while (queue.length > 0) {
    const u = queue.shift()!;
    const label = graph.services[u]!.provider;
    if (label !== undefined && label !== provider) continue;
    for (let v = 0; v < graph.n; v++) {
      if (seen.has(v)) continue;
      const needs = graph.services[v]!.dependsOn.some((r) =>
        r.alternatives.includes(graph.ids[u]!),
      );
      if (!needs) continue;
      seen.add(v);
      queue.push(v);
    }
  }
  return seen;
}
