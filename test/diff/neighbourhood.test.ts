// The picture of the changed neighbourhood: every hard path from an entry point to its new SPOF,
// one shortest path when those do not fit, nothing beyond 40 services; no recursion on chains.

import { describe, expect, it } from 'vitest';
import { changedNeighbourhood, MAX_NODES } from '../../src/analysis/diff/neighbourhood.js';
import { compileGraph } from '../../src/model/compiled-graph.js';
import { buildManifest, type ServiceSketch } from '../support/build-manifest.js';
import { diffOf } from './support.js';

describe('the changed neighbourhood', () => {
  it('draws the paths from the entry point to its new SPOF, marking new services and edges', () => {
    const before = buildManifest({
      checkout: {
        entrypoint: true,
        depends_on: ['payments', { service: 'analytics', soft: true }],
      },
      payments: { depends_on: [{ any_of: ['stripe', 'adyen'] }] },
      stripe: {},
      adyen: {},
      analytics: {},
    });
    const after = buildManifest({
      checkout: {
        entrypoint: true,
        depends_on: ['payments', 'fraud-check', { service: 'analytics', soft: true }],
      },
      payments: { depends_on: [{ any_of: ['stripe', 'adyen'] }, 'fraud-check'] },
      'fraud-check': { depends_on: ['redis-use1'] },
      'redis-use1': { provider: 'aws', region: 'us-east-1' },
      stripe: {},
      adyen: {},
      analytics: {},
    });
    const picture = diffOf(before, after).neighbourhood;
    expect(picture.nodes).toEqual([
      { id: 'checkout', entrypoint: true, spof: false, added: false },
      { id: 'fraud-check', entrypoint: false, spof: true, added: true },
      { id: 'payments', entrypoint: false, spof: false, added: false },
      { id: 'redis-use1', entrypoint: false, spof: true, added: true },
    ]);
    expect(picture.edges).toEqual([
      { from: 'checkout', to: 'fraud-check', added: true },
      { from: 'checkout', to: 'payments', added: false },
      { from: 'fraud-check', to: 'redis-use1', added: true },
      { from: 'payments', to: 'fraud-check', added: true },
    ]);
    expect(picture).toMatchObject({ drawn: 2, shortened: 0, leftOut: 0 });
  });

  it('draws one shortest path when every path would not fit', () => {
    const middles = Array.from({ length: 50 }, (_, i) => `edge-${String(i).padStart(2, '0')}`);
    const sketch: Record<string, ServiceSketch> = {
      web: { entrypoint: true, depends_on: [{ any_of: middles }] },
      gateway: {},
      ...Object.fromEntries(middles.map((m) => [m, { depends_on: ['gateway'] }])),
    };
    const before = compileGraph(buildManifest(sketch));
    const after = compileGraph(
      buildManifest({ ...sketch, gateway: { depends_on: ['auth'] }, auth: {} }),
    );
    const picture = changedNeighbourhood(before, after, [{ entrypoint: 'web', component: 'auth' }]);
    expect(picture.nodes.map((n) => n.id)).toEqual(['auth', 'edge-00', 'gateway', 'web']);
    expect(picture).toMatchObject({ drawn: 0, shortened: 1, leftOut: 0 });
  });

  it('stops at 40 services and counts the pairs it left out', () => {
    const shops = Array.from({ length: 60 }, (_, i) => `shop-${String(i).padStart(2, '0')}`);
    const before = buildManifest(Object.fromEntries(shops.map((s) => [s, { entrypoint: true }])));
    const after = buildManifest({
      ...Object.fromEntries(shops.map((s) => [s, { entrypoint: true, depends_on: ['sessions'] }])),
      sessions: {},
    });
    const picture = diffOf(before, after).neighbourhood;
    expect(picture.nodes).toHaveLength(MAX_NODES);
    expect(picture.drawn).toBe(MAX_NODES - 1);
    expect(picture.leftOut).toBe(60 - (MAX_NODES - 1));
  });

  it('walks a chain of 20,000 services without recursion, and leaves it out', () => {
    const n = 20_000;
    const chain: Record<string, ServiceSketch> = {};
    for (let i = 0; i < n; i++)
      chain[`hop-${i}`] = { depends_on: i + 1 < n ? [`hop-${i + 1}`] : [] };
    chain['hop-0']!.entrypoint = true;
    const before = compileGraph(buildManifest(chain));
    chain[`hop-${n - 1}`] = { depends_on: ['dns'] };
    const after = compileGraph(buildManifest({ ...chain, dns: {} }));
    const picture = changedNeighbourhood(before, after, [
      { entrypoint: 'hop-0', component: 'dns' },
    ]);
    expect(picture).toEqual({ nodes: [], edges: [], drawn: 0, shortened: 0, leftOut: 1 });
  });
});
