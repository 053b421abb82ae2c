// The report's layered layout with failure-domain boxes, checked on random manifests: each
// service lies inside the box of every domain it belongs to and outside all others, boxes nest
// (provider ⊃ region ⊃ zone) and siblings do not overlap; the same graph gives the same layout.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Manifest } from '../../../src/manifest/types.js';
import { compileGraph } from '../../../src/model/compiled-graph.js';
import type { DomainBox } from '../../../src/report/review/domain-layout.js';
import { layoutServices } from '../../../src/report/review/service-layout.js';
import { layoutGroups } from '../../../src/report/review/group-layout.js';
import { LAYERED_MAX_SERVICES, layoutGraph } from '../../../src/report/review/layout.js';
import { buildManifest } from '../../support/build-manifest.js';
import { arbitraryManifest } from '../../support/random-manifest.js';

function domainsOf(service: Manifest['services'][number]): string[] {
  const parts: string[] = [];
  const chain: string[] = [];
  for (const key of ['provider', 'region', 'zone'] as const) {
    if (service[key] === undefined) continue;
    parts.push(`${key}=${service[key]}`);
    chain.push(parts.join(','));
  }
  return chain;
}

const inside = (x: number, y: number, b: DomainBox) =>
  x > b.x && x < b.x + b.width && y > b.y && y < b.y + b.height;

const contains = (outer: DomainBox, inner: DomainBox) =>
  inner.x >= outer.x &&
  inner.y >= outer.y &&
  inner.x + inner.width <= outer.x + outer.width &&
  inner.y + inner.height <= outer.y + outer.height;

const overlap = (a: DomainBox, b: DomainBox) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

async function checkLayout(manifest: Manifest, grouped = false): Promise<void> {
  const graph = compileGraph(manifest);
  const { x, y, boxes } = grouped ? layoutGroups(graph) : await layoutServices(graph);
  const byDomain = new Map(boxes.map((b) => [b.domain, b]));
  const expected = new Set(manifest.services.flatMap(domainsOf));
  // Grouped, services in no domain are grouped by owner, or together.
  const ownGroup = (service: Manifest['services'][number]) =>
    domainsOf(service).length > 0
      ? []
      : [service.owner !== undefined ? `owner=${service.owner}` : 'unplaced'];
  if (grouped) for (const s of manifest.services) for (const g of ownGroup(s)) expected.add(g);
  expect([...byDomain.keys()].sort()).toEqual([...expected].sort());
  graph.services.forEach((service, v) => {
    const mine = new Set([...domainsOf(service), ...(grouped ? ownGroup(service) : [])]);
    for (const box of boxes)
      expect(inside(x[v]!, y[v]!, box), `${service.id} in ${box.domain}`).toBe(
        mine.has(box.domain),
      );
  });
  for (const box of boxes) {
    const parent = box.domain.slice(0, Math.max(0, box.domain.lastIndexOf(',')));
    if (!grouped) expect(box.level).toBe(box.domain.split(',').length - 1);
    if (parent !== '') expect(contains(byDomain.get(parent)!, box), box.domain).toBe(true);
    for (const other of boxes) {
      const otherParent = other.domain.slice(0, Math.max(0, other.domain.lastIndexOf(',')));
      if (other !== box && otherParent === parent)
        expect(overlap(box, other), `${box.domain} / ${other.domain}`).toBe(false);
    }
  }
}

describe('the layered layout with failure-domain boxes', () => {
  it('puts a multi-AZ, single-region service in its zones inside its one region', async () => {
    const manifest = buildManifest({
      checkout: { entrypoint: true, depends_on: [{ any_of: ['api-a', 'api-b'] }] },
      'api-a': { provider: 'aws', region: 'us-east-1', zone: 'use1-az1', depends_on: ['db'] },
      'api-b': { provider: 'aws', region: 'us-east-1', zone: 'use1-az2', depends_on: ['db'] },
      db: { provider: 'aws', region: 'us-east-1' },
    });
    await checkLayout(manifest);
    const graph = compileGraph(manifest);
    const { y, boxes } = await layoutServices(graph);
    expect(boxes.map((b) => b.domain)).toEqual([
      'provider=aws',
      'provider=aws,region=us-east-1',
      'provider=aws,region=us-east-1,zone=use1-az1',
      'provider=aws,region=us-east-1,zone=use1-az2',
    ]);
    // Arrows point down: the entry point above what it depends on, the APIs above the database.
    const at = (id: string) => y[graph.index.get(id)!]!;
    expect(at('checkout')).toBeLessThan(at('api-a'));
    expect(at('api-a')).toBeLessThan(at('db'));
    expect(at('api-b')).toBeLessThan(at('db'));
  });

  it('holds on random manifests', async () => {
    await fc.assert(
      fc.asyncProperty(arbitraryManifest({ maxServices: 12 }), (m: Manifest) => checkLayout(m)),
      { numRuns: 8 },
    );
  }, 60_000);

  it('grouped, holds the same on random manifests', async () => {
    await fc.assert(
      fc.asyncProperty(arbitraryManifest({ maxServices: 12 }), (m: Manifest) =>
        checkLayout(m, true),
      ),
      { numRuns: 8 },
    );
  }, 60_000);

  it('is deterministic, and groups the services of larger graphs', async () => {
    const manifest = buildManifest({
      web: { entrypoint: true, depends_on: ['api'] },
      api: { provider: 'gcp', region: 'europe-west1', depends_on: ['db'] },
      db: { provider: 'gcp', region: 'europe-west1', zone: 'b' },
    });
    const graph = compileGraph(manifest);
    expect(await layoutGraph(graph)).toEqual(await layoutGraph(graph));
    expect((await layoutGraph(graph)).engine).toBe('layered');
    const many: Parameters<typeof buildManifest>[0] = {};
    for (let i = 0; i <= LAYERED_MAX_SERVICES; i++)
      many[`svc-${i}`] = {
        entrypoint: i === 0,
        owner: `team-${i % 3}`,
        depends_on: i > 0 ? [`svc-${i - 1}`] : [],
      };
    const big = await layoutGraph(compileGraph(buildManifest(many)));
    expect(big.engine).toBe('grouped');
    expect(big.collapsed).toBe(false);
    const sizes = [0, 1, 2].map(
      (k) => Object.keys(many).filter((id) => Number(id.slice(4)) % 3 === k).length,
    );
    expect(big.groups.map((g) => [g.name, g.size])).toEqual(
      sizes.map((size, k) => [`owner=team-${k}`, size]),
    );
  });
});
