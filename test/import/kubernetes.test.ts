// `import kubernetes` on Online Boutique and the voting app (real manifests, fixtures/corpus),
// and on malformed input.

import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { corpus, edges, importOk, loadAndAnalyze, runImport, scratch, spofsOf } from './support.js';

const BOUTIQUE = corpus('microservices-demo/release/kubernetes-manifests.yaml');

describe('Online Boutique (release/kubernetes-manifests.yaml)', async () => {
  const { run, text } = await importOk(['kubernetes', BOUTIQUE]);
  const { manifest, analysis } = loadAndAnalyze(text);

  it('finds exactly the known call graph', () => {
    expect(edges(manifest)).toEqual([
      'cartservice -> redis-cart',
      'checkoutservice -> cartservice',
      'checkoutservice -> currencyservice',
      'checkoutservice -> emailservice',
      'checkoutservice -> paymentservice',
      'checkoutservice -> productcatalogservice',
      'checkoutservice -> shippingservice',
      'frontend -> adservice',
      'frontend -> cartservice',
      'frontend -> checkoutservice',
      'frontend -> currencyservice',
      'frontend -> productcatalogservice',
      'frontend -> recommendationservice',
      'frontend -> shippingservice',
      'loadgenerator -> frontend',
      'recommendationservice -> productcatalogservice',
    ]);
  });

  it('makes the LoadBalancer-exposed frontend the entry point', () => {
    expect(analysis.entrypoints).toEqual(['frontend']);
  });

  it('shows the single points of failure: redis-cart takes cart and so the frontend down', () => {
    expect(spofsOf(analysis, 'frontend')).toEqual([
      'adservice',
      'cartservice',
      'checkoutservice',
      'currencyservice',
      'emailservice',
      'paymentservice',
      'productcatalogservice',
      'recommendationservice',
      'redis-cart',
      'shippingservice',
    ]);
    // redis-cart down: cartservice, checkoutservice, frontend and the load generator with it.
    const redis = analysis.blastRadius.find((each) => each.id === 'redis-cart')!;
    expect(redis.down).toBe(4);
    expect(redis.entrypointsDown).toBe(1);
  });

  it('reports the optional shopping assistant as an unknown Service, at its line', () => {
    expect(run.stderr).toContain(
      `${BOUTIQUE}:90:20: warning: Deployment default/frontend: env SHOPPING_ASSISTANT_SERVICE_ADDR names "shoppingassistantservice", which is no Service in the input`,
    );
  });

  it('keeps replicas as comments and writes the golden file', async () => {
    expect(text).toContain('# Deployment default/redis-cart: replicas not set (1)');
    await expect(text).toMatchFileSnapshot('../golden/import/boutique.kubernetes.yaml');
  });

  it('is deterministic: the per-service files of a directory give the same graph', async () => {
    const dir = corpus('microservices-demo/kubernetes-manifests');
    const again = await importOk(['kubernetes', dir]);
    const fromDir = loadAndAnalyze(again.text);
    expect(edges(fromDir.manifest)).toEqual(edges(manifest));
    expect((await importOk(['kubernetes', dir])).text).toBe(again.text);
  });
});

describe('the voting app (k8s-specifications/)', () => {
  it('imports five workloads without inventing dependencies the manifests do not state', async () => {
    const { text } = await importOk([
      'kubernetes',
      corpus('example-voting-app/k8s-specifications'),
    ]);
    const { manifest, analysis } = loadAndAnalyze(text);
    expect(manifest.services.map((s) => s.id)).toEqual(['db', 'redis', 'result', 'vote', 'worker']);
    expect(edges(manifest)).toEqual([]);
    expect(analysis.entrypoints).toEqual(['result', 'vote']);
    await expect(text).toMatchFileSnapshot('../golden/import/voting-app.kubernetes.yaml');
  });
});

describe('inference details', () => {
  const dir = scratch({
    'app.yaml': `apiVersion: v1
kind: List
items:
  - apiVersion: apps/v1
    kind: Deployment
    metadata: { name: checkout, namespace: shop }
    spec:
      replicas: 3
      template:
        metadata: { labels: { app: checkout } }
        spec:
          topologySpreadConstraints:
            - { maxSkew: 1, topologyKey: topology.kubernetes.io/zone, whenUnsatisfiable: DoNotSchedule }
          containers:
            - name: server
              env:
                - { name: DB_HOST, value: payments-db }
                - { name: PAYMENTS_URL, value: "http://payments.shop.svc.cluster.local:8080/v1" }
              args: ["--cache=cache.shop:6379"]
  - apiVersion: apps/v1
    kind: StatefulSet
    metadata: { name: payments-db, namespace: shop }
    spec: { template: { metadata: { labels: { app: db } }, spec: { containers: [] } } }
  - apiVersion: apps/v1
    kind: DaemonSet
    metadata: { name: payments, namespace: shop }
    spec: { template: { metadata: { labels: { app: payments } } } }
  - { apiVersion: v1, kind: Service, metadata: { name: payments-db, namespace: shop }, spec: { selector: { app: db } } }
  - { apiVersion: v1, kind: Service, metadata: { name: payments, namespace: shop }, spec: { selector: { app: payments } } }
  - { apiVersion: v1, kind: Service, metadata: { name: cache, namespace: shop }, spec: { selector: { tier: cache } } }
  - { apiVersion: v1, kind: Service, metadata: { name: checkout, namespace: shop }, spec: { selector: { app: checkout } } }
  - apiVersion: networking.k8s.io/v1
    kind: Ingress
    metadata: { name: web, namespace: shop }
    spec: { rules: [{ http: { paths: [{ backend: { service: { name: checkout } } }] } }] }
`,
    'canary.yaml': `apiVersion: apps/v1
kind: Deployment
metadata: { name: cache-a, namespace: shop }
spec: { template: { metadata: { labels: { tier: cache } } } }
---
apiVersion: apps/v1
kind: Deployment
metadata: { name: cache-b, namespace: shop }
spec: { template: { metadata: { labels: { tier: cache, app: cache-b } } } }
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: { name: cache-a-egress, namespace: shop }
spec:
  podSelector: { matchLabels: { tier: cache } }
  egress:
    - to: [{ podSelector: { matchLabels: { app: db } } }]
`,
  });

  it('reads bare hosts, cluster DNS URLs, args, List items, any_of Services and egress rules', async () => {
    const { text } = await importOk(['kubernetes', dir]);
    const { manifest, analysis } = loadAndAnalyze(text);
    expect(edges(manifest)).toEqual([
      'cache-a -> payments-db',
      'cache-b -> payments-db',
      'checkout -> cache-a (any_of)',
      'checkout -> cache-b (any_of)',
      'checkout -> payments',
      'checkout -> payments-db',
    ]);
    expect(analysis.entrypoints).toEqual(['checkout']);
    expect(text).toContain('# StatefulSet shop/payments-db: replicas not set (1)');
    expect(text).toContain('# DaemonSet shop/payments: one pod per node');
    expect(text).toContain(
      '# topology spread: topology.kubernetes.io/zone (maxSkew 1, DoNotSchedule)',
    );
    expect(text).toContain('tags: ["namespace:shop"]');
  });

  it('qualifies ids only where names collide', async () => {
    const collide = scratch({
      'a.yaml': `kind: Deployment\nmetadata: { name: api, namespace: blue }\n---\nkind: Deployment\nmetadata: { name: api, namespace: green }\n---\nkind: Deployment\nmetadata: { name: web }\n`,
    });
    const { text } = await importOk(['kubernetes', collide]);
    const { manifest } = loadAndAnalyze(text);
    expect(manifest.services.map((s) => s.id)).toEqual(['blue/api', 'green/api', 'web']);
  });
});

describe('malformed input', () => {
  it.each([
    ['bad YAML', 'kind: Deployment\nmetadata: [unclosed\n', /a\.yaml:\d+:\d+: YAML syntax error/],
    [
      'a list where an object belongs',
      '- 1\n- 2\n',
      /a\.yaml:1:1: the value must be a Kubernetes object/,
    ],
    [
      'replicas of the wrong type',
      'kind: Deployment\nmetadata: { name: web }\nspec:\n  replicas: three\n',
      /a\.yaml:4:13: spec\.replicas must be a number, not a string/,
    ],
    [
      'an object without a name',
      'kind: Service\nmetadata: {}\n',
      /a\.yaml:\d+:\d+: metadata\.name must be the name of a Service, not nothing/,
    ],
  ])('%s: file:line:col and exit 2', async (_, yaml, message) => {
    const dir = scratch({ 'a.yaml': yaml });
    const run = await runImport(['kubernetes', path.join(dir, 'a.yaml')]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(message);
    expect(run.stdout).toBe('');
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });

  it('a missing file is an input error naming it', async () => {
    const run = await runImport(['kubernetes', 'no-such-dir/k8s.yaml']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('no-such-dir/k8s.yaml: no such file or directory');
  });
});
