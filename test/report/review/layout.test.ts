// The report's layouts with failure-domain boxes, checked on random manifests: each service
// lies inside the box of every domain it belongs to and outside all others, boxes nest
// (provider ⊃ region ⊃ zone) and siblings do not overlap; the same graph gives the same layout.
// The collapsible drawing of large graphs the same, with the grid positions the page gives the
// services of a box when it opens, its slices of large boxes, and which levels start open.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Manifest } from '../../../src/manifest/types.js';
import { compileGraph } from '../../../src/model/compiled-graph.js';
import type { DomainBox } from '../../../src/report/review/domain-layout.js';
import { layoutServices } from '../../../src/report/review/service-layout.js';
import { SLICE } from '../../../src/report/review/box-tree.js';
import { layoutGroups, OPEN_BUDGET } from '../../../src/report/review/group-layout.js';
import { gridPosition } from '../../../src/report/review/page-data.js';
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

async function checkLayout(manifest: Manifest): Promise<void> {
  const graph = compileGraph(manifest);
  const { x, y, boxes } = await layoutServices(graph);
  const byDomain = new Map(boxes.map((b) => [b.domain, b]));
  const expected = new Set(manifest.services.flatMap(domainsOf));
  expect([...byDomain.keys()].sort()).toEqual([...expected].sort());
  graph.services.forEach((service, v) => {
    const mine = new Set(domainsOf(service));
    for (const box of boxes)
      expect(inside(x[v]!, y[v]!, box), `${service.id} in ${box.domain}`).toBe(
        mine.has(box.domain),
      );
  });
  for (const box of boxes) {
    const parent = box.domain.slice(0, Math.max(0, box.domain.lastIndexOf(',')));
    expect(box.level).toBe(box.domain.split(',').length - 1);
    if (parent !== '') expect(contains(byDomain.get(parent)!, box), box.domain).toBe(true);
    for (const other of boxes) {
      const otherParent = other.domain.slice(0, Math.max(0, other.domain.lastIndexOf(',')));
      if (other !== box && otherParent === parent)
        expect(overlap(box, other), `${box.domain} / ${other.domain}`).toBe(false);
    }
  }
}

/**
 * The boxes of the collapsible drawing: one per failure domain, `unplaced` around the services
 * in none, `owner=…` inside it; every service, where the page puts it when its box opens, inside
 * the boxes around it and outside all others; boxes inside their parent, siblings apart.
 */
function checkGroups(manifest: Manifest): void {
  const graph = compileGraph(manifest);
  const { boxes, tree } = layoutGroups(graph);
  const named = (service: Manifest['services'][number]) => {
    const chain = domainsOf(service);
    if (chain.length > 0) return chain;
    return service.owner === undefined ? ['unplaced'] : ['unplaced', `owner=${service.owner}`];
  };
  // A box with more than SLICE services of its own holds them in slices, in service order.
  const own = new Map<string, number>();
  for (const s of manifest.services)
    own.set(named(s).at(-1)!, (own.get(named(s).at(-1)!) ?? 0) + 1);
  const seen = new Map<string, number>();
  const chains = manifest.services.map((s) => {
    const chain = named(s);
    const last = chain.at(-1)!;
    const k = seen.get(last) ?? 0;
    seen.set(last, k + 1);
    return own.get(last)! > SLICE ? [...chain, `${last} #${Math.floor(k / SLICE) + 1}`] : chain;
  });
  const around = (service: Manifest['services'][number]) =>
    chains[manifest.services.indexOf(service)]!;
  const expected = new Set(manifest.services.flatMap(around));
  expect(boxes.map((b) => b.domain).sort()).toEqual([...expected].sort());
  const counts = new Map<string, number>();
  for (const s of manifest.services)
    for (const b of around(s)) counts.set(b, (counts.get(b) ?? 0) + 1);
  boxes.forEach((box, b) => expect(tree.size[b], box.domain).toBe(counts.get(box.domain)));
  const rank = new Map<number, number>();
  graph.services.forEach((service, v) => {
    const b = tree.box[v]!;
    const at = gridPosition(tree, b, rank.get(b) ?? 0);
    rank.set(b, (rank.get(b) ?? 0) + 1);
    const mine = new Set(around(service));
    expect(boxes[b]!.domain).toBe(around(service).at(-1));
    for (const box of boxes)
      expect(inside(at.x, at.y, box), `${service.id} in ${box.domain}`).toBe(mine.has(box.domain));
  });
  boxes.forEach((box, b) => {
    const parent = tree.parent[b]!;
    if (parent >= 0) {
      expect(contains(boxes[parent]!, box), box.domain).toBe(true);
      expect(box.level).toBe(boxes[parent]!.level + 1);
    } else expect(box.level).toBe(0);
    boxes.forEach((other, c) => {
      if (c !== b && tree.parent[c] === parent)
        expect(overlap(box, other), `${box.domain} / ${other.domain}`).toBe(false);
    });
  });
}

/** Owners for some of the services in no failure domain. */
function withOwners(manifest: Manifest): Manifest {
  return {
    ...manifest,
    services: manifest.services.map((s, i) =>
      domainsOf(s).length === 0 && i % 3 !== 0 ? { ...s, owner: `team-${i % 2}` } : s,
    ),
  };
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

  it('grouped, holds the same on random manifests', () => {
    fc.assert(
      fc.property(arbitraryManifest({ maxServices: 12 }), (m: Manifest) =>
        checkGroups(withOwners(m)),
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
    expect(big.x).toHaveLength(0);
    // Small enough to open whole.
    expect(big.tree!.open.every((o) => o === 1)).toBe(true);
    const sizes = [0, 1, 2].map(
      (k) => Object.keys(many).filter((id) => Number(id.slice(4)) % 3 === k).length,
    );
    expect(big.boxes.map((b, i) => [b.domain, big.tree!.size[i]])).toEqual([
      ['unplaced', LAYERED_MAX_SERVICES + 1],
      ...sizes.map((size, k) => [`owner=team-${k}`, size]),
    ]);
    checkGroups(buildManifest(many));
  });

  it('slices a box with too many services of its own, and opens levels only within the budget', () => {
    const services: Parameters<typeof buildManifest>[0] = {};
    const regions = ['us-east-1', 'eu-west-1'];
    for (let i = 0; i < 2 * SLICE + 500; i++) services[`site-${i}`] = { entrypoint: true };
    for (let i = 0; i < OPEN_BUDGET; i++)
      services[`vm-${i}`] = { provider: 'aws', region: regions[i % 2], zone: `z${i % 6}` };
    const manifest = buildManifest(services);
    const graph = compileGraph(manifest);
    const { boxes, tree } = layoutGroups(graph);
    const slices = boxes.filter((b) => b.domain.startsWith('unplaced #'));
    expect(slices.map((b) => b.label)).toEqual(['1–1,000', '1,001–2,000', '2,001–2,500']);
    // Open: the providers' level (unplaced: 3 slices, aws: 2 regions); the regions' six zones
    // would also fit, but not the slices' 2,500 services, so the second level stays closed.
    const open = boxes.filter((_, b) => tree.open[b] === 1).map((b) => b.domain);
    expect(open).toEqual(['unplaced', 'provider=aws']);
    // Every node the page then draws is a closed box whose parent is open.
    const drawn = boxes.filter((_, b) => tree.parent[b]! >= 0 && tree.open[tree.parent[b]!] === 1);
    expect(drawn.length).toBeLessThanOrEqual(OPEN_BUDGET);
    expect(drawn.length).toBe(5);
    checkGroups(manifest);
  });
});
