// `import backstage` on Backstage's example catalog and the demo site's catalog-info.yaml
// (real files, fixtures/corpus), and on malformed input.

import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { corpus, edges, importOk, loadAndAnalyze, runImport, scratch } from './support.js';

const EXAMPLES = corpus('backstage/packages/catalog-model/examples');
const LOCATIONS = [
  'all-apis',
  'all-components',
  'all-domains',
  'all-resources',
  'all-systems',
  'acme-corp',
].map((name) => `${EXAMPLES}/${name}.yaml`);

describe("Backstage's example catalog, through its Location files", () => {
  it('reads all 57 entities and makes a service per Component and Resource', async () => {
    const { run, text } = await importOk(['backstage', ...LOCATIONS]);
    const { manifest } = loadAndAnalyze(text);
    expect(text).toContain('# 57 entities read from 40 files.');
    expect(manifest.services).toHaveLength(14);
    expect(edges(manifest)).toEqual([
      'artist-lookup -> artists-db',
      'wayback-search -> wayback-archive',
    ]);
    expect(run.stderr).toBe('');
    await expect(text).toMatchFileSnapshot('../golden/import/backstage-examples.yaml');
  });

  it('carries owner, type, lifecycle, system and tags over', async () => {
    const { text } = await importOk(['backstage', ...LOCATIONS]);
    const artist = loadAndAnalyze(text).manifest.services.find((s) => s.id === 'artist-lookup')!;
    expect(artist.owner).toBe('team-a');
    expect(artist.kind).toBe('service');
    expect(artist.tags).toEqual([
      'data',
      'java',
      'lifecycle:experimental',
      'system:artist-engagement-portal',
    ]);
  });
});

describe("the demo site's catalog-info.yaml", () => {
  it('reports the API nobody provides and the owner not in the catalog', async () => {
    const { run, text } = await importOk(['backstage', corpus('backstage-demo/catalog-info.yaml')]);
    const { manifest } = loadAndAnalyze(text);
    expect(manifest.services.map((s) => s.id)).toEqual(['backstage-demo']);
    expect(manifest.services[0]!.owner).toBe('backstage/maintainers');
    expect(run.stderr).toContain('no entity in the catalog provides API default/demo-graphql');
    expect(run.stderr).toMatch(
      /catalog-info\.yaml:\d+:\d+: warning: Component default\/backstage-demo: owner "backstage\/maintainers" names no entity in the catalog/,
    );
  });
});

describe('references resolved as Backstage does', () => {
  const dir = scratch({
    'catalog.yaml': `apiVersion: backstage.io/v1alpha1
kind: Component
metadata: { name: checkout, tags: [payments] }
spec:
  type: service
  owner: group:default/team-shop
  dependsOn: [Resource:payments-db, component:shop/ledger, resource:nowhere]
  consumesApis: [fx-rates]
---
apiVersion: backstage.io/v1alpha1
kind: Resource
metadata: { name: payments-db }
spec: { type: database, owner: team-shop }
---
apiVersion: backstage.io/v1alpha1
kind: Component
metadata: { name: ledger, namespace: shop }
spec: { type: service, owner: team-shop, dependsOn: [ledger-db] }
---
apiVersion: backstage.io/v1alpha1
kind: Resource
metadata: { name: ledger-db, namespace: shop }
spec: { type: database, owner: team-shop }
---
apiVersion: backstage.io/v1alpha1
kind: API
metadata: { name: fx-rates }
spec: { type: openapi, owner: team-shop }
---
apiVersion: backstage.io/v1alpha1
kind: Component
metadata: { name: fx-a }
spec: { type: service, owner: team-shop, providesApis: [fx-rates] }
---
apiVersion: backstage.io/v1alpha1
kind: Component
metadata: { name: fx-b }
spec: { type: service, owner: team-shop, providesApis: [api:default/fx-rates] }
---
apiVersion: backstage.io/v1alpha1
kind: Group
metadata: { name: team-shop }
spec: { type: team }
`,
  });

  it('kinds are case-insensitive, namespaces default to the referrer, several providers are any_of', async () => {
    const { run, text } = await importOk(['backstage', path.join(dir, 'catalog.yaml')]);
    const { manifest } = loadAndAnalyze(text);
    expect(edges(manifest)).toEqual([
      'checkout -> fx-a (any_of)',
      'checkout -> fx-b (any_of)',
      'checkout -> payments-db',
      'checkout -> shop/ledger',
      'shop/ledger -> shop/ledger-db',
    ]);
    expect(run.stderr).toContain('dependsOn "resource:nowhere" names no entity in the catalog');
    expect(run.stderr).toContain(
      'dependsOn "ledger-db" has no kind; taken as Resource shop/ledger-db',
    );
  });
});

describe('malformed input', () => {
  it('a Location pointing outside the catalog folder is refused', async () => {
    const dir = scratch({
      'catalog/all.yaml':
        'apiVersion: backstage.io/v1alpha1\nkind: Location\nmetadata: { name: all }\nspec:\n  targets: [../secrets.yaml]\n',
      'secrets.yaml': 'kind: Component\nmetadata: { name: x }\n',
    });
    const run = await runImport(['backstage', path.join(dir, 'catalog/all.yaml')]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(
      /all\.yaml:5:13: Location target "\.\.\/secrets\.yaml" is outside .*; not read/,
    );
  });

  it.each([
    ['bad YAML', 'kind: Component\nmetadata: { name: [x\n', /c\.yaml:\d+:\d+: YAML syntax error/],
    [
      'an entity without a name',
      'kind: Component\nmetadata: {}\n',
      /c\.yaml:\d+:\d+: metadata\.name must be the name of the entity, not nothing/,
    ],
    [
      'dependsOn as a number',
      'kind: Component\nmetadata: { name: web }\nspec:\n  dependsOn: 3\n',
      /c\.yaml:4:14: spec\.dependsOn must be a list, not a number/,
    ],
    [
      'a Location target that does not exist',
      'kind: Location\nmetadata: { name: l }\nspec: { target: ./gone.yaml }\n',
      /c\.yaml:3:17: Location target "\.\/gone\.yaml": no such file/,
    ],
  ])('%s: a clear message and exit 2', async (_, yaml, message) => {
    const dir = scratch({ 'c.yaml': yaml });
    const run = await runImport(['backstage', path.join(dir, 'c.yaml')]);
    expect(run.stderr).toMatch(message);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
  });
});
