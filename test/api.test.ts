// The library entry point (package.json `main`): what a script that imports blast-radius sees.
import { describe, expect, it } from 'vitest';
import {
  analyze,
  articulationPoints,
  biconnectedComponents,
  bridges,
  compileGraph,
  dependencyCsr,
  entryPoints,
  hardDependencyEdges,
  immediateDominators,
  loadManifest,
  ManifestErrors,
  parseManifestText,
  resolveFailures,
  simulate,
  stronglyConnectedComponents,
} from '../src/index.js';

const SHOP = `
version: 1
services:
  web: { entrypoint: true, depends_on: [api, { any_of: [cdn-a, cdn-b] }] }
  api: { depends_on: [db, queue] }
  queue: { depends_on: [api] }
  db: {}
  cdn-a: {}
  cdn-b: {}
`;

describe('the library API', () => {
  it('loads, compiles, analyzes and simulates a manifest', async () => {
    const graph = compileGraph(parseManifestText(SHOP, 'shop.yaml'));
    expect(entryPoints(graph).map((v) => graph.ids[v])).toEqual(['web']);
    const result = analyze(graph, null);
    expect(result.spofs.map((s) => s.id).sort()).toEqual(['api', 'db', 'queue']);
    const outage = simulate(graph, resolveFailures(graph, ['cdn-a']));
    expect(outage.down).toEqual([]);
    expect(outage.degraded).toEqual(['web']);
    const fixture = await loadManifest('fixtures/s3-2017/blast-radius.yaml');
    expect(Object.keys(fixture.services).length).toBeGreaterThan(10);
  });

  it('reports bad input as ManifestErrors with places', () => {
    expect(() =>
      parseManifestText('version: 1\nservices: { a: { depends_on: [b] } }\n', 'x.yaml'),
    ).toThrow(ManifestErrors);
  });

  it('gives the graph algorithms typed arrays of the compiled graph', () => {
    const graph = compileGraph(parseManifestText(SHOP, 'shop.yaml'));
    const id = (v: number) => graph.ids[v];
    const { n, from, to } = hardDependencyEdges(graph);
    expect(articulationPoints(n, from, to).map(id).sort()).toEqual(['api', 'web']);
    expect(bridges(n, from, to).map(([u, v]) => [id(u), id(v)].sort())).toContainEqual([
      'api',
      'db',
    ]);
    expect(biconnectedComponents(n, from, to).components.length).toBeGreaterThan(1);
    const csr = dependencyCsr(graph);
    const { components } = stronglyConnectedComponents(csr.n, csr.start, csr.targets);
    expect(components.filter((c) => c.length > 1).map((c) => c.map(id).sort())).toEqual([
      ['api', 'queue'],
    ]);
    const web = graph.ids.indexOf('web');
    const idom = immediateDominators(csr.n, csr.start, csr.targets, web);
    expect(id(idom[graph.ids.indexOf('db')]!)).toBe('api');
    expect(id(idom[graph.ids.indexOf('cdn-a')]!)).toBe('web');
  });
});
