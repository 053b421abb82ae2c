// `copies` on a service: where its data also lives, read with `every` in seconds; a dangling
// `to`, a copy to itself and two copies to one place refused at their place; added by overlays;
// listed (never drawn) by graph.

import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ManifestErrors } from '../../src/manifest/errors.js';
import { loadManifest, parseManifestText } from '../../src/manifest/load.js';
import { buildDependencyGraph } from '../../src/model/dependency-graph.js';
import { renderGraphDot } from '../../src/report/graph/dot.js';
import { renderGraphJson } from '../../src/report/graph/json.js';
import { assertMatches } from '../schema/schemas.js';
import { expectErrors, parseErrors } from './helpers.js';

const ORDERS = `version: 1
services:
  orders-db:
    kind: datastore
    copies:
      - { to: orders-db-usw2, every: 1s }
      - { to: backups-use1, every: 24h }
      - { to: archive }
  orders-db-usw2: {}
  backups-use1: {}
  archive: {}
`;

describe('copies', () => {
  it('is read in order, every in seconds, left out when not declared', () => {
    const manifest = parseManifestText(ORDERS, 'orders.yaml');
    const db = manifest.services.find((s) => s.id === 'orders-db')!;
    expect(db.copies).toEqual([
      { to: 'orders-db-usw2', every: 1, position: { file: 'orders.yaml', line: 6, column: 9 } },
      { to: 'backups-use1', every: 86_400, position: { file: 'orders.yaml', line: 7, column: 9 } },
      { to: 'archive', position: { file: 'orders.yaml', line: 8, column: 9 } },
    ]);
    expect(Object.keys(db)).toEqual([
      'id',
      'entrypoint',
      'kind',
      'tags',
      'costPerHour',
      'monitors',
      'dependsOn',
      'copies',
      'position',
    ]);
    const archive = manifest.services.find((s) => s.id === 'archive')!;
    expect(Object.keys(archive)).not.toContain('copies');
  });

  it('refuses a dangling to, a copy to itself and a second copy to one place', () => {
    const errors = parseErrors(`version: 1
services:
  orders-db:
    copies:
      - { to: orders-db-usw3, every: 1s }
      - { to: orders-db }
      - { to: backups, every: 1h }
      - { to: backups, every: 2h }
  orders-db-usw2: {}
  backups: {}
`);
    expectErrors(errors, [
      { file: 'shop.yaml', line: 5, column: 15, phrase: 'did you mean "orders-db-usw2"?' },
      { file: 'shop.yaml', line: 6, column: 15, phrase: 'copies its data to itself' },
      { file: 'shop.yaml', line: 8, column: 9, phrase: 'copies its data to "backups" twice' },
    ]);
  });

  it('refuses what is not a list of { to, every }, at its place', () => {
    const errors = parseErrors(`version: 1
services:
  a:
    copies: b
  b:
    copies: [a, { every: 1h }, { to: a, every: soon }, { to: a, evry: 1h }]
`);
    expectErrors(errors, [
      { file: 'shop.yaml', line: 4, column: 13, phrase: 'copies must be a list' },
      { file: 'shop.yaml', line: 6, column: 14, phrase: 'each entry of copies must be' },
      { file: 'shop.yaml', line: 6, column: 17, phrase: 'a copy needs to' },
      { file: 'shop.yaml', line: 6, column: 48, phrase: 'every must be a duration' },
      { file: 'shop.yaml', line: 6, column: 65, phrase: 'did you mean "every"?' },
    ]);
  });

  it('is listed in graph json without positions, and drawn as no edge', () => {
    const graph = buildDependencyGraph(parseManifestText(ORDERS, 'orders.yaml'));
    const json = JSON.parse(renderGraphJson(graph)) as {
      services: Array<{ id: string; copies?: unknown }>;
    };
    assertMatches('graph', json);
    expect(json.services.find((s) => s.id === 'orders-db')!.copies).toEqual([
      { to: 'orders-db-usw2', every: 1 },
      { to: 'backups-use1', every: 86_400 },
      { to: 'archive' },
    ]);
    expect(renderGraphDot(graph)).not.toContain('->');
  });
});

describe('copies in overlays', () => {
  const GENERATED = `version: 1
services:
  orders-db: { copies: [{ to: snapshots, every: 24h }] }
  replica: {}
  snapshots: {}
`;

  async function load(top: string) {
    const dir = await mkdtemp(path.join(tmpdir(), 'br-copies-'));
    await writeFile(path.join(dir, 'services.generated.yaml'), GENERATED);
    await writeFile(path.join(dir, 'blast-radius.yaml'), top);
    return loadManifest('blast-radius.yaml', { cwd: dir });
  }

  it('adds copies to the services it matches; the same copy again changes nothing', async () => {
    const manifest = await load(`version: 1
include: [services.generated.yaml]
services:
  web: {}
overlays:
  - match: orders-db
    copies: [{ to: replica, every: 1s }, { to: snapshots, every: 24h }]
`);
    const db = manifest.services.find((s) => s.id === 'orders-db')!;
    expect(db.copies?.map((c) => [c.to, c.every])).toEqual([
      ['snapshots', 86_400],
      ['replica', 1],
    ]);
  });

  it('refuses another every for a copy already declared, naming both places', async () => {
    const error = await load(`version: 1
include: [services.generated.yaml]
services:
  web: {}
overlays:
  - match: orders-db
    copies: [{ to: snapshots, every: 1h }]
  - match: replica
    copies: [{ to: replica }]
`).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ManifestErrors);
    const errors = (error as ManifestErrors).errors;
    expect(errors.map((e) => [e.line, e.column])).toEqual([
      [7, 14],
      [9, 14],
    ]);
    expect(errors[0]!.message).toContain('services.generated.yaml:3:25 says every 1d');
    expect(errors[1]!.message).toContain('copy its data to itself');
  });
});
