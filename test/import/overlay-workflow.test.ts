// The workflow the README describes: import Online Boutique's Kubernetes manifests into a
// generated file, add what the cluster does not show in a small hand-written overlay (where it
// runs, its DNS, which entry point matters), analyse — and re-import without touching the
// overlay.

import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, runCli } from '../support/run-cli.js';
import { corpus } from './support.js';

const OVERLAY = `version: 1
name: online-boutique
include: [services.generated.yaml]
services:
  dns-cloudflare: { kind: dns, provider: cloudflare, sla: 99.99 }
  gke-us-central1: { kind: kubernetes, provider: gcp, region: us-central1, sla: 99.95 }
overlays:
  - match: frontend
    set: { tier: critical, cost_per_hour: 20000 }
    depends_on: [dns-cloudflare]
  - match: [frontend, cartservice, checkoutservice, currencyservice, productcatalogservice, redis-cart]
    set: { provider: gcp, region: us-central1 }
    depends_on: [gke-us-central1]
`;

let dir: string;
const generated = () => path.join(dir, 'services.generated.yaml');
const importBoutique = () =>
  runCli([
    'import',
    'kubernetes',
    path.join(ROOT, corpus('microservices-demo/release/kubernetes-manifests.yaml')),
    '-o',
    generated(),
  ]);

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'br-boutique-'));
  expect((await importBoutique()).code).toBe(0);
  await writeFile(path.join(dir, 'blast-radius.yaml'), OVERLAY);
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('import, then overlay', () => {
  it('gives a complete manifest whose analysis shows the DNS and the region', async () => {
    const run = await runCli(['analyze', 'blast-radius.yaml', '--format', 'json'], { cwd: dir });
    expect(run.code).toBe(0);
    const result = JSON.parse(run.stdout);
    const spofs = result.spofs.map((s: { id: string }) => s.id);
    expect(spofs).toEqual(
      expect.arrayContaining(['dns-cloudflare', 'gke-us-central1', 'redis-cart']),
    );
    expect(result.domainSpofs.map((d: { domain: string }) => d.domain)).toContain(
      'provider=gcp,region=us-central1',
    );
  });

  it('points check at the overlay line that adds the dependency', async () => {
    const run = await runCli(['check', 'blast-radius.yaml', '--format', 'json'], { cwd: dir });
    const dns = JSON.parse(run.stdout).findings.find(
      (f: { subject: Record<string, string> }) => f.subject['component'] === 'dns-cloudflare',
    );
    expect(dns).toMatchObject({
      rule: 'no-spof',
      severity: 'error',
      location: { file: 'blast-radius.yaml', line: 10, column: 18 },
    });
  });

  it('survives re-importing: the generated file is replaced, the overlay untouched', async () => {
    const before = await readFile(generated(), 'utf8');
    expect((await importBoutique()).code).toBe(0);
    expect(await readFile(generated(), 'utf8')).toBe(before);
    expect(await readFile(path.join(dir, 'blast-radius.yaml'), 'utf8')).toBe(OVERLAY);
    const run = await runCli(['validate', 'blast-radius.yaml'], { cwd: dir });
    expect(run.code).toBe(0);
  });
});
