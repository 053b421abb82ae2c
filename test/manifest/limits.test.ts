// Limits and scale: a 200,000-service chain loads (no recursion anywhere), huge files are
// refused before they are read, and deep nesting is an error rather than a crash.

import { truncate, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MAX_FILE_BYTES, MAX_YAML_FILE_BYTES } from '../../src/manifest/parse/limits.js';
import { parseManifestText } from '../../src/manifest/load.js';
import { expectErrors, loadErrors, parseErrors, scratchDirectory } from './helpers.js';

let dir: string;
let remove: () => Promise<void>;

beforeEach(async () => {
  ({ dir, remove } = await scratchDirectory());
});
afterEach(() => remove());

describe('limits', () => {
  it('loads a 200,000-service chain', () => {
    const n = 200_000;
    const parts: string[] = [];
    for (let i = 0; i < n; i++) {
      const dependsOn = i + 1 < n ? `"depends_on":["svc-${i + 1}"]` : '';
      parts.push(
        `"svc-${i}":{"owner":"team-${i % 40}","rto":"15m",${dependsOn}}`.replace(',}', '}'),
      );
    }
    const text = `{"version":1,"services":{${parts.join(',\n')}}}`;
    // How long it takes is measured by `npm run bench`, never asserted here.
    const manifest = parseManifestText(text, 'chain.json');
    expect(manifest.services).toHaveLength(n);
    expect(manifest.services[0]).toMatchObject({
      id: 'svc-0',
      rto: 900,
      position: { line: 1, column: 26 },
    });
    // Code-unit order: svc-99999 sorts after svc-199999.
    expect(manifest.services.at(-1)?.id).toBe('svc-99999');
    const last = manifest.services.find((s) => s.id === `svc-${n - 1}`);
    expect(last?.position).toEqual({ file: 'chain.json', line: n, column: 1 });
  });

  it('refuses a YAML file over the YAML limit before reading it', async () => {
    const path = join(dir, 'huge.yaml');
    await writeFile(path, '');
    await truncate(path, MAX_YAML_FILE_BYTES + 1);
    const started = performance.now();
    expectErrors(await loadErrors(path), [
      { file: path, phrase: 'YAML manifests are limited to 64 MiB' },
    ]);
    // A hang guard (reading 64 MiB of YAML would take seconds), generous for a loaded machine.
    expect(performance.now() - started).toBeLessThan(10_000);
  });

  it('refuses a JSON file over the JSON limit before reading it', async () => {
    const path = join(dir, 'huge.json');
    await writeFile(path, '');
    await truncate(path, MAX_FILE_BYTES + 1);
    expectErrors(await loadErrors(path), [
      { file: path, phrase: 'JSON manifests are limited to 500 MiB' },
    ]);
  });

  it('refuses deeply nested YAML with an error, not a crash', () => {
    const depth = 20_000;
    const started = performance.now();
    const errors = parseErrors(`version: 1\nservices: ${'['.repeat(depth)}${']'.repeat(depth)}\n`);
    expect(errors.errors[0]?.message).toMatch(/nested too deeply/);
    // A hang guard, generous for a loaded machine: the point is an error instead of a crash.
    expect(performance.now() - started).toBeLessThan(10_000);
  });

  it('handles deeply nested JSON without recursion', () => {
    const depth = 200_000;
    const text = `{"version":1,"services":${'['.repeat(depth)}${']'.repeat(depth)}}`;
    expectErrors(parseErrors(text, 'deep.json'), [
      {
        file: 'deep.json',
        line: 1,
        column: 25,
        phrase: 'services must be a mapping of service ids to services, not a list',
      },
    ]);
  });

  it('refuses an alias inside its own anchor', () => {
    expectErrors(parseErrors('version: 1\nservices:\n  checkout: { tags: &loop [*loop] }\n'), [
      { file: 'shop.yaml', line: 3, column: 28, phrase: 'an alias inside its own anchor' },
    ]);
  });
});
