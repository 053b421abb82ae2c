// `include` through loadManifest on scratch directories: globs, nesting, cycles, per-file
// defaults, and every way of reaching outside the top-level manifest's directory.

import { mkdir, symlink, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadManifest } from '../../src/manifest/load.js';
import { expectErrors, loadErrors, scratchDirectory } from './helpers.js';

let dir: string;
let remove: () => Promise<void>;

beforeEach(async () => {
  ({ dir, remove } = await scratchDirectory());
});
afterEach(() => remove());

async function write(files: Record<string, string>): Promise<void> {
  for (const [path, text] of Object.entries(files)) {
    await mkdir(dirname(join(dir, path)), { recursive: true });
    await writeFile(join(dir, path), text);
  }
}

const service = (id: string, body = '{}') => `version: 1\nservices:\n  ${id}: ${body}\n`;

describe('include', () => {
  it('merges included files, listing them sorted after the top-level file', async () => {
    await write({
      'blast-radius.yaml':
        'version: 1\ninclude: [teams/*.yaml, platform/**/*.yaml]\nservices:\n  web: { depends_on: [checkout, s3-use1] }\n',
      'teams/payments.yaml': service('payments-db'),
      'teams/checkout.yaml': service('checkout', '{ depends_on: [payments-db] }'),
      'teams/.draft.yaml': service('draft'),
      'teams/notes.txt': 'not a manifest',
      'platform/aws/storage/s3.yaml': service('s3-use1'),
    });
    const manifest = await loadManifest('blast-radius.yaml', { cwd: dir });
    expect(manifest.files).toEqual([
      'blast-radius.yaml',
      'platform/aws/storage/s3.yaml',
      'teams/checkout.yaml',
      'teams/payments.yaml',
    ]);
    expect(manifest.services.map((s) => [s.id, s.position.file])).toEqual([
      ['checkout', 'teams/checkout.yaml'],
      ['payments-db', 'teams/payments.yaml'],
      ['s3-use1', 'platform/aws/storage/s3.yaml'],
      ['web', 'blast-radius.yaml'],
    ]);
  });

  it('applies defaults per file', async () => {
    await write({
      'shop.yaml':
        'version: 1\ninclude: [payments.yaml]\ndefaults: { owner: team-web, sla: 99.9 }\nservices:\n  web: {}\n  api: { owner: team-api }\n',
      'payments.yaml':
        'version: 1\ndefaults: { owner: team-payments, provider: aws, tags: [pci] }\nservices:\n  payments-db: {}\n  ledger: { tags: [] }\n',
    });
    const services = new Map(
      (await loadManifest('shop.yaml', { cwd: dir })).services.map((s) => [s.id, s]),
    );
    expect(services.get('web')).toMatchObject({ owner: 'team-web', sla: 99.9, tags: [] });
    expect(services.get('api')).toMatchObject({ owner: 'team-api', sla: 99.9 });
    expect(services.get('payments-db')).toMatchObject({
      owner: 'team-payments',
      provider: 'aws',
      tags: ['pci'],
    });
    expect(services.get('payments-db')?.sla).toBeUndefined();
    expect(services.get('ledger')?.tags).toEqual([]);
  });

  it('resolves nested includes relative to the including file and reads each file once', async () => {
    await write({
      'shop.yaml': 'version: 1\ninclude: ["*.yaml", teams/payments.yaml]\nservices:\n  web: {}\n',
      'teams/payments.yaml':
        'version: 1\ninclude: [../shop.yaml, "pay?ents-*.yaml"]\nservices:\n  payments-api: {}\n',
      'teams/payments-db.yaml':
        'version: 1\ninclude: [payments.yaml]\nservices:\n  payments-db: {}\n',
    });
    const manifest = await loadManifest(join(dir, 'shop.yaml'));
    expect(manifest.files).toEqual([
      join(dir, 'shop.yaml'),
      join(dir, 'teams/payments-db.yaml'),
      join(dir, 'teams/payments.yaml'),
    ]);
    expect(manifest.services.map((s) => s.id)).toEqual(['payments-api', 'payments-db', 'web']);
  });

  it('refuses a pattern that matches nothing', async () => {
    await write({ 'shop.yaml': 'version: 1\ninclude: [teams/*.yml]\nservices: {}\n' });
    expectErrors(await loadErrors('shop.yaml', { cwd: dir }), [
      { file: 'shop.yaml', line: 2, column: 11, phrase: 'include "teams/*.yml" matches no file' },
    ]);
  });

  it('refuses an absolute path outside the manifest directory', async () => {
    await write({
      'outside/secrets.yaml': service('vault'),
      'shop/blast-radius.yaml': `version: 1\ninclude: ["${join(dir, 'outside/secrets.yaml')}"]\nservices: {}\n`,
    });
    expectErrors(await loadErrors('shop/blast-radius.yaml', { cwd: dir }), [
      {
        file: 'shop/blast-radius.yaml',
        line: 2,
        column: 11,
        phrase: 'reaches outside the directory of the top-level manifest',
      },
    ]);
  });

  it('refuses a symbolic link to a file outside, and a nested ../ that climbs out', async () => {
    await write({
      'outside/secrets.yaml': service('vault'),
      'shop/blast-radius.yaml': 'version: 1\ninclude: [teams/*.yaml]\nservices: {}\n',
      'shop/teams/sneaky.yaml': 'version: 1\ninclude: [../../outside/secrets.yaml]\nservices: {}\n',
    });
    await symlink(join(dir, 'outside/secrets.yaml'), join(dir, 'shop/teams/link.yaml'));
    expectErrors(await loadErrors('shop/blast-radius.yaml', { cwd: dir }), [
      {
        file: 'shop/blast-radius.yaml',
        line: 2,
        column: 11,
        phrase: '"teams/link.yaml" is a symbolic link to a file outside',
      },
      {
        file: 'shop/teams/sneaky.yaml',
        line: 2,
        column: 11,
        phrase: 'include "../../outside/secrets.yaml" reaches outside',
      },
    ]);
  });

  it('follows a symbolic link that stays inside', async () => {
    await write({
      'shop.yaml':
        'version: 1\ninclude: [current.yaml]\nservices:\n  web: { depends_on: [checkout] }\n',
      'releases/v2.yaml': service('checkout'),
    });
    await symlink(join(dir, 'releases/v2.yaml'), join(dir, 'current.yaml'));
    const manifest = await loadManifest('shop.yaml', { cwd: dir });
    expect(manifest.files).toEqual(['shop.yaml', 'current.yaml']);
  });

  it('reports errors of every file in one run', async () => {
    await write({
      'shop.yaml': 'version: 1\ninclude: [teams/*.yaml]\nservices:\n  web: { tier: top }\n',
      'teams/a.yaml': 'version: 1\nservices:\n  checkout: { depends_on: [web, web] }\n',
      'teams/b.yaml': 'services:\n  payments-db: { slo: 99.9 }\n',
    });
    expectErrors(await loadErrors('shop.yaml', { cwd: dir }), [
      { file: 'shop.yaml', line: 4, column: 16, phrase: 'tier must be one of' },
      { file: 'teams/a.yaml', line: 3, column: 33, phrase: 'depends on "web" twice' },
      { file: 'teams/b.yaml', line: 1, column: 1, phrase: 'missing version' },
      { file: 'teams/b.yaml', line: 2, column: 18, phrase: 'unknown key "slo"' },
    ]);
  });
});
