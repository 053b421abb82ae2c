// The certificate side against a loopback TLS server with a certificate the test made: the CA
// from the OCSP/CRL hosts (a --providers entry), soft by default and hard with --ca-hard or a
// must-staple certificate served without a staple, the CA's OCSP host on a CDN (a depth-2 edge),
// stapling in the evidence, and a replay that needs no network for TLS either.

import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { parseManifestText } from '../../src/manifest/load.js';
import { runCli } from '../support/run-cli.js';
import { startTlsServer, type TlsFixture } from './support/tls-fixture.js';
import { startWorld, type World } from './support/world.js';

let world: World;
let stapled: TlsFixture;
let mustStapleUnstapled: TlsFixture;

beforeAll(async () => {
  world = await startWorld();
  stapled = await startTlsServer({ staple: true });
  mustStapleUnstapled = await startTlsServer({ mustStaple: true, staple: false });
  writeFileSync(
    path.join(world.dir, 'providers.yaml'),
    'providers:\n  - { kind: ca, id: fixture-ca, name: Fixture CA, provider: fixture-ca, suffixes: [fixture-ca.test] }\n',
  );
});

afterAll(async () => {
  await world.close();
  await stapled.close();
  await mustStapleUnstapled.close();
});

function tlsArgs(server: TlsFixture, extra: string[] = []): string[] {
  const args = ['secure.test', '--hosts', 'www', '--tls', '--tls-port', String(server.port)];
  return [...args, '--providers', 'providers.yaml', ...extra];
}

function requirements(text: string, id: string): string[] {
  const service = parseManifestText(text, 'tls.yaml').services.find((each) => each.id === id)!;
  return service.dependsOn.map((r) => `${r.soft ? '~' : ''}${r.alternatives.join('|')}`).sort();
}

describe('certificates', () => {
  test('the CA is a soft edge; its OCSP host on Cloudflare makes ca -> cdn', async () => {
    const run = await world.discover(tlsArgs(stapled, ['--evidence', 'tls.json']));
    expect(run.code, run.stderr).toBe(0);
    expect(requirements(run.stdout, 'site:secure.test')).toEqual(['dns:route53', '~ca:fixture-ca']);
    expect(requirements(run.stdout, 'ca:fixture-ca')).toEqual(['cdn:cloudflare']);
    const evidence = JSON.parse(readFileSync(path.join(world.dir, 'tls.json'), 'utf8'));
    expect(evidence.sites[0].hosts[0].tls).toMatchObject({
      issuer: 'Fixture CA Inc',
      ocspHosts: ['ocsp.fixture-ca.test'],
      crlHosts: ['crl.fixture-ca.test'],
      stapled: true,
      mustStaple: false,
      ca: 'ca:fixture-ca',
    });
  });

  test('--ca-hard makes the CA edge hard', async () => {
    const run = await world.discover(tlsArgs(stapled, ['--ca-hard']));
    expect(requirements(run.stdout, 'site:secure.test')).toEqual(['ca:fixture-ca', 'dns:route53']);
  });

  test('a must-staple certificate served without a staple is a hard edge', async () => {
    const run = await world.discover(tlsArgs(mustStapleUnstapled, ['--evidence', 'ms.json']));
    expect(requirements(run.stdout, 'site:secure.test')).toEqual(['ca:fixture-ca', 'dns:route53']);
    const evidence = JSON.parse(readFileSync(path.join(world.dir, 'ms.json'), 'utf8'));
    expect(evidence.sites[0].hosts[0].tls).toMatchObject({ stapled: false, mustStaple: true });
  });

  test('without a table entry the CA is named by its issuer, and its hosts are unmatched', async () => {
    const args = ['secure.test', '--hosts', 'www', '--tls', '--tls-port', String(stapled.port)];
    const run = await world.discover(args);
    expect(requirements(run.stdout, 'site:secure.test')).toEqual([
      'dns:route53',
      '~ca:fixture-ca-inc',
    ]);
    expect(run.stderr).toMatch(/ca {2}fixture-ca\.test 1/);
  });

  test('TLS facts replay from the records file', async () => {
    const live = await world.discover(tlsArgs(stapled, ['--save-records', 'tls-records.json']));
    const replay = await runCli(
      ['discover', '--records', 'tls-records.json', '--providers', 'providers.yaml'],
      { cwd: world.dir },
    );
    expect(replay.code, replay.stderr).toBe(0);
    expect(replay.stdout).toBe(live.stdout);
  });
});
