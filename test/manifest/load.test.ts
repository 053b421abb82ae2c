// Good manifests through the public API: the shape of a loaded Manifest, defaults per file,
// durations, YAML and JSON alike, standard input, and services sorted by id.

import { describe, expect, it } from 'vitest';
import { loadManifest, parseManifestText } from '../../src/manifest/load.js';
import type { Service } from '../../src/manifest/types.js';
import { DURATIONS, SHOP } from './good-manifests.js';
import { expectErrors, parseErrors } from './helpers.js';

const byId = (services: Service[]) => new Map(services.map((s) => [s.id, s]));

describe('parseManifestText', () => {
  const manifest = parseManifestText(SHOP, 'shop.yaml');
  const services = byId(manifest.services);

  it('reads the README example into services sorted by id', () => {
    expect(manifest.name).toBe('acme-shop');
    expect(manifest.file).toBe('shop.yaml');
    expect(manifest.files).toEqual(['shop.yaml']);
    expect(manifest.services.map((s) => s.id)).toEqual([
      'analytics',
      'api',
      'cdn-cloudflare',
      'cdn-cloudfront',
      'etcd-a',
      'etcd-b',
      'etcd-c',
      'payments-db',
      's3-use1',
      'status-page',
      'web',
    ]);
  });

  it('reads every field of a service, with positions', () => {
    expect(services.get('web')).toEqual({
      id: 'web',
      entrypoint: true,
      kind: 'service',
      owner: 'team-web',
      tier: 'critical',
      tags: ['checkout'],
      sla: 99.9,
      costPerHour: 25000,
      rto: 900,
      monitors: [],
      dependsOn: [
        { alternatives: ['api'], quorum: 1, soft: false, group: false, position: at(15, 9) },
        { alternatives: ['analytics'], quorum: 1, soft: true, group: false, position: at(16, 9) },
        {
          alternatives: ['cdn-cloudflare', 'cdn-cloudfront'],
          quorum: 1,
          soft: false,
          group: true,
          position: at(17, 9),
        },
        {
          alternatives: ['etcd-a', 'etcd-b', 'etcd-c'],
          quorum: 2,
          soft: false,
          group: true,
          position: at(18, 9),
        },
      ],
      position: at(6, 3),
    });
  });

  it('fills in what a service leaves out', () => {
    expect(services.get('analytics')).toEqual({
      id: 'analytics',
      entrypoint: false,
      tags: [],
      sla: 99.9,
      costPerHour: 0,
      monitors: [],
      dependsOn: [],
      position: at(21, 3),
    });
    expect(services.get('s3-use1')).toMatchObject({
      provider: 'aws',
      region: 'us-east-1',
      zone: 'use1-az1',
      sla: 99.99,
      recoveryTime: 4 * 3600,
    });
    expect(services.get('status-page')?.monitors).toEqual(['web', 'api']);
  });

  it('converts durations to seconds', () => {
    const durations = byId(parseManifestText(DURATIONS).services);
    expect(durations.get('search-api')?.rto).toBe(90);
    expect(durations.get('search-index')?.rto).toBe(90);
    expect(durations.get('orders-db')?.rto).toBe(900);
    expect(durations.get('ledger-db')).toMatchObject({ rto: 4 * 3600, recoveryTime: 5400 });
    expect(durations.get('cold-archive')).toMatchObject({ rto: 0, recoveryTime: 2 * 86_400 });
  });

  it('refuses durations that are not', () => {
    const errors = parseErrors(
      'version: 1\nservices:\n  orders-db: { rto: 15 minutes }\n  ledger-db: { rto: -5 }\n  cold-archive: { recovery_time: 2w }\n',
    );
    expectErrors(errors, [
      { file: 'shop.yaml', line: 3, column: 21, phrase: 'rto must be a duration' },
      { file: 'shop.yaml', line: 4, column: 21, phrase: 'rto must be a duration' },
      { file: 'shop.yaml', line: 5, column: 34, phrase: 'recovery_time must be a duration' },
    ]);
  });

  it('reads JSON like YAML', () => {
    const json = JSON.stringify({
      version: 1,
      name: 'acme-shop',
      services: {
        checkout: {
          entrypoint: true,
          depends_on: ['payments-db', { service: 'fraud-check', soft: true }],
        },
        'payments-db': { kind: 'datastore', rto: '15m' },
        'fraud-check': {},
      },
    });
    const fromJson = parseManifestText(json, 'shop.json');
    const fromYaml = parseManifestText(
      'version: 1\nname: acme-shop\nservices:\n  checkout:\n    entrypoint: true\n    depends_on: [payments-db, { service: fraud-check, soft: true }]\n  payments-db: { kind: datastore, rto: 15m }\n  fraud-check: {}\n',
      'shop.json',
      { format: 'yaml' },
    );
    const withoutPositions = (services: Service[]) =>
      services.map(({ position: _, dependsOn, ...rest }) => ({
        ...rest,
        dependsOn: dependsOn.map(({ position: __, ...requirement }) => requirement),
      }));
    expect(withoutPositions(fromJson.services)).toEqual(withoutPositions(fromYaml.services));
    expect(fromJson.services[0]?.position).toEqual({ file: 'shop.json', line: 1, column: 45 });
  });

  it('refuses an include, which needs files', () => {
    expectErrors(parseErrors('version: 1\ninclude: [teams/*.yaml]\nservices: {}\n'), [
      { file: 'shop.yaml', line: 2, column: 11, phrase: 'use loadManifest' },
    ]);
  });

  it('reports errors with the did-you-mean for tiers and keys at every level', () => {
    const errors = parseErrors(
      'version: 1\nservice: {}\ndefaults: { depends_on: [api] }\nservices:\n  api: { tier: Critical, depends_on: [{ sevice: web }] }\n  web: {}\n',
    );
    expectErrors(errors, [
      {
        file: 'shop.yaml',
        line: 2,
        column: 1,
        phrase: 'unknown top-level key "service"; did you mean "services"?',
      },
      { file: 'shop.yaml', line: 3, column: 13, phrase: '"depends_on" cannot have a default' },
      { file: 'shop.yaml', line: 5, column: 16, phrase: 'did you mean "critical"?' },
      {
        file: 'shop.yaml',
        line: 5,
        column: 39,
        phrase: 'needs exactly one of service, any_of, or quorum and of',
      },
      {
        file: 'shop.yaml',
        line: 5,
        column: 41,
        phrase: 'unknown key "sevice" in a dependency; did you mean "service"?',
      },
    ]);
  });

  it('refuses wrong types, naming the expected one', () => {
    const errors = parseErrors(
      'version: 1\nservices:\n  api:\n    entrypoint: yes\n    tags: checkout\n    cost_per_hour: "25000"\n    depends_on: { service: web }\n  web: [api]\n',
    );
    expectErrors(errors, [
      {
        file: 'shop.yaml',
        line: 4,
        column: 17,
        phrase: 'entrypoint must be true or false, not a string',
      },
      {
        file: 'shop.yaml',
        line: 5,
        column: 11,
        phrase: 'tags must be a list of strings, not a string',
      },
      {
        file: 'shop.yaml',
        line: 6,
        column: 20,
        phrase: 'cost_per_hour must be a number, not a string',
      },
      {
        file: 'shop.yaml',
        line: 7,
        column: 17,
        phrase: 'depends_on must be a list, not a mapping',
      },
      {
        file: 'shop.yaml',
        line: 8,
        column: 8,
        phrase: 'service "web" must be a mapping, not a list',
      },
    ]);
  });

  it('refuses a key repeated in a mapping, naming both places', () => {
    const yaml =
      'version: 1\nservices:\n  checkout:\n    tier: high\n    tier: low\n    depends_on: [{ service: payments-db, soft: true, soft: false }]\n  payments-db: {}\n';
    expectErrors(parseErrors(yaml), [
      {
        file: 'shop.yaml',
        line: 5,
        column: 5,
        phrase: 'duplicate key "tier"; first at shop.yaml:4:5',
      },
      {
        file: 'shop.yaml',
        line: 6,
        column: 54,
        phrase: 'duplicate key "soft"; first at shop.yaml:6:42',
      },
    ]);
  });

  it('refuses duplicate alternatives, duplicate dependencies and empty groups', () => {
    const errors = parseErrors(
      'version: 1\nservices:\n  config-api:\n    depends_on:\n      - { any_of: [etcd-a, etcd-a] }\n      - { quorum: 1, of: [] }\n      - etcd-b\n      - { service: etcd-b, soft: true }\n  etcd-a: {}\n  etcd-b: {}\n',
    );
    expectErrors(errors, [
      { file: 'shop.yaml', line: 5, column: 28, phrase: '"etcd-a" appears twice in this group' },
      {
        file: 'shop.yaml',
        line: 6,
        column: 26,
        phrase: 'of must be a non-empty list of service ids, not an empty list',
      },
      { file: 'shop.yaml', line: 8, column: 9, phrase: 'depends on "etcd-b" twice' },
    ]);
  });
});

describe('loadManifest', () => {
  it('reads standard input as YAML for the path -', async () => {
    const manifest = await loadManifest('-', {
      stdin: async () => 'version: 1\nservices:\n  checkout: {}\n',
    });
    expect(manifest.file).toBe('<stdin>');
    expect(manifest.services[0]?.position).toEqual({ file: '<stdin>', line: 3, column: 3 });
  });

  it('reports a failing standard input as a ManifestError', async () => {
    await expect(
      loadManifest('-', { stdin: () => Promise.reject(new Error('stream closed')) }),
    ).rejects.toThrow('<stdin>: cannot read standard input: Error: stream closed');
  });
});

function at(line: number, column: number) {
  return { file: 'shop.yaml', line, column };
}
