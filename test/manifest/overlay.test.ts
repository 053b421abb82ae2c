// Overlays: a hand-written top-level manifest adds fields and dependencies to services declared
// in the files it includes (typically generated ones), by id or selector; contradictions are
// errors naming both places.

import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ManifestErrors } from '../../src/manifest/errors.js';
import { loadManifest } from '../../src/manifest/load.js';
import { SERVICE_FIELD_ORDER, type Manifest } from '../../src/manifest/types.js';

const GENERATED = `version: 1
services:
  frontend: { tags: [boutique], depends_on: [cart] }
  cart: { tags: [boutique], depends_on: [redis-cart] }
  redis-cart: { tags: [boutique], provider: gcp }
`;

async function load(overlay: string, generated = GENERATED): Promise<Manifest> {
  const dir = await mkdtemp(path.join(tmpdir(), 'br-overlay-'));
  await writeFile(path.join(dir, 'services.generated.yaml'), generated);
  await writeFile(path.join(dir, 'blast-radius.yaml'), overlay);
  return loadManifest('blast-radius.yaml', { cwd: dir });
}

async function errorsOf(overlay: string, generated?: string): Promise<string[]> {
  try {
    await load(overlay, generated);
  } catch (error) {
    if (error instanceof ManifestErrors) return error.errors.map((e) => e.format());
    throw error;
  }
  return [];
}

const TOP = `version: 1
include: [services.generated.yaml]
services:
  dns: { kind: dns, provider: cloudflare }
  gke-usc1: { provider: gcp, region: us-central1 }
`;

describe('overlays', () => {
  it('set fields and add dependencies by id and by selector', async () => {
    const manifest = await load(`${TOP}overlays:
  - match: frontend
    set: { entrypoint: true, tier: critical, cost_per_hour: 25000, tags: [checkout] }
    depends_on: [dns]
  - match: tag=boutique
    set: { region: us-central1 }
    depends_on: [gke-usc1]
`);
    const byId = new Map(manifest.services.map((s) => [s.id, s]));
    const frontend = byId.get('frontend')!;
    expect(frontend).toMatchObject({
      entrypoint: true,
      tier: 'critical',
      costPerHour: 25000,
      tags: ['boutique', 'checkout'],
      region: 'us-central1',
    });
    expect(frontend.dependsOn.map((r) => r.alternatives)).toEqual([
      ['cart'],
      ['dns'],
      ['gke-usc1'],
    ]);
    // An added dependency is located in the overlay file, where a finding should point.
    expect(frontend.dependsOn[1]!.position).toEqual({
      file: 'blast-radius.yaml',
      line: 9,
      column: 18,
    });
    expect(byId.get('redis-cart')!.dependsOn.map((r) => r.alternatives)).toEqual([['gke-usc1']]);
    // Keys stay in the loader's order, so JSON output does not depend on what an overlay set.
    expect(Object.keys(frontend)).toEqual([
      'id',
      'entrypoint',
      'tier',
      'tags',
      'region',
      'costPerHour',
      'monitors',
      'dependsOn',
      'position',
    ]);
  });

  it('match the services as declared: an earlier overlay does not change what a later one matches', async () => {
    const manifest = await load(`${TOP}overlays:
  - { match: frontend, set: { tier: critical } }
  - { match: tier=critical, set: { owner: team-web } }
`).catch((error: unknown) => error);
    expect(String(manifest)).toContain(
      'blast-radius.yaml:8:14: match: "tier=critical" matches no service',
    );
  });

  it('do not add a dependency twice, so a re-import that adds it too stays valid', async () => {
    const manifest = await load(`${TOP}overlays:
  - { match: frontend, depends_on: [cart, dns] }
`);
    const frontend = manifest.services.find((s) => s.id === 'frontend')!;
    expect(frontend.dependsOn.map((r) => r.alternatives)).toEqual([['cart'], ['dns']]);
  });

  it.each([
    [
      '  - { match: redis-cart, set: { provider: aws } }\n',
      'blast-radius.yaml:7:33: overlay sets provider "aws" on "redis-cart", which declares provider "gcp" at services.generated.yaml:5:3',
    ],
    [
      '  - { match: frontend, set: { tier: high } }\n  - { match: tag=boutique, set: { tier: low } }\n',
      'blast-radius.yaml:8:35: overlay sets tier "low" on "frontend", but the overlay at blast-radius.yaml:7:31 sets "high"',
    ],
    [
      '  - { match: tag=boutique, depends_on: [cart] }\n',
      'blast-radius.yaml:7:41: overlay makes "cart" depend on itself (it matches the service it adds)',
    ],
    [
      '  - { match: frontnd, set: { tier: high } }\n',
      'blast-radius.yaml:7:14: match: "frontnd" matches no service; did you mean "frontend"?',
    ],
    [
      '  - { match: frontend, depends_on: [s3] }\n',
      'blast-radius.yaml:7:37: depends_on of "(overlay)" names an undeclared service "s3"',
    ],
    [
      '  - { match: frontend, sett: {} }\n',
      'blast-radius.yaml:7:24: unknown key "sett" in an overlay; did you mean "set"?',
    ],
    [
      '  - { match: frontend }\n',
      'blast-radius.yaml:7:5: an overlay needs set, depends_on or copies: what it adds to the services it matches',
    ],
    [
      '  - { match: frontend, set: { depends_on: [dns] } }\n',
      'blast-radius.yaml:7:31: unknown key "depends_on" in set',
    ],
  ])('refuse %j', async (overlays, message) => {
    const errors = await errorsOf(`${TOP}overlays:\n${overlays}`);
    expect(errors.filter((e) => e.includes(message))).toHaveLength(1);
  });

  it('are read from the top-level manifest only', async () => {
    const errors = await errorsOf(TOP, `${GENERATED}overlays: []\n`);
    expect(errors).toEqual([
      'services.generated.yaml:6:1: overlays is read from the top-level manifest (blast-radius.yaml) only, not from an included file',
    ]);
  });
});

describe('the order of a service’s keys', () => {
  it('is SERVICE_FIELD_ORDER, as the loader builds them and overlays keep them', async () => {
    const manifest = await load(`version: 1
include: [services.generated.yaml]
services:
  full:
    copies: [{ to: cart }]
    depends_on: [frontend]
    monitors: [cart]
    recovery_time: 1h
    rto: 15m
    cost_per_hour: 5
    sla: 99.9
    zone: a
    region: r
    provider: p
    tags: [t]
    tier: high
    owner: o
    kind: k
    entrypoint: true
  gate: { virtual: true, depends_on: [cart] }
`);
    const keys = (id: string) => Object.keys(manifest.services.find((s) => s.id === id)!);
    expect(keys('full')).toEqual(SERVICE_FIELD_ORDER.filter((k) => k !== 'virtual'));
    const gate = keys('gate');
    expect(gate).toEqual(SERVICE_FIELD_ORDER.filter((k) => gate.includes(k)));
    expect(gate).toContain('virtual');
  });
});
