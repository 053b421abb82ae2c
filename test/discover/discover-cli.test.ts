// `blast-radius discover` end to end against a real DNS server on 127.0.0.1: the manifest it
// writes shows the single-provider site's DNS SPOF and the two-provider site's redundancy in
// `analyze`, includes into a team's manifest, replays byte for byte from its records, and
// survives a resolver that never answers and hostile names.

import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv } from 'ajv';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { parseManifestText } from '../../src/manifest/load.js';
import { ROOT, runCli } from '../support/run-cli.js';
import { startDnsServer, type FixtureRecord } from './support/dns-server.js';
import { startWorld, type World } from './support/world.js';

const LONGEST = `${'a'.repeat(63)}.${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(56)}.test`;
const ESC = '\u001b';

const HOSTILE: FixtureRecord[] = [
  { name: 'evil.test', ttl: 60, type: 'SOA', data: 'ns1.p31.dynect.net hostmaster.evil.test 1' },
  { name: 'evil.test', ttl: 60, type: 'NS', data: `ns1.${ESC}[2jbad-dns.test` },
  { name: `ns1.${ESC}[2jbad-dns.test`, ttl: 60, type: 'A', data: '127.0.0.1' },
  { name: 'www.evil.test', ttl: 60, type: 'CNAME', data: `x${ESC}[31m.evil-cdn.test` },
  { name: LONGEST, ttl: 60, type: 'SOA', data: 'ns1.p31.dynect.net hostmaster.dyn.com 1' },
  { name: LONGEST, ttl: 60, type: 'NS', data: 'ns1.p31.dynect.net' },
  { name: LONGEST, ttl: 60, type: 'A', data: '127.0.0.1' },
];

let world: World;

beforeAll(async () => {
  world = await startWorld(HOSTILE);
});

afterAll(async () => {
  await world.close();
});

const file = (name: string) => path.join(world.dir, name);
const read = (name: string) => readFileSync(file(name), 'utf8');

describe('discover, then analyze', () => {
  test("analyze shows shop.test's DNS SPOF and bank.test's redundancy", async () => {
    // Exactly the command a user types: default ports for the lame check and TLS (nothing
    // listens there on this machine, so those come back as warnings), exit 0 all the same.
    const run = await runCli(
      [
        'discover',
        '--resolver',
        `127.0.0.1:${world.port}`,
        'shop.test',
        'bank.test',
        '-o',
        'discovered.yaml',
      ],
      { cwd: world.dir },
    );
    expect(run).toMatchObject({ code: 0, stdout: '' });
    const analyzed = await runCli(['analyze', 'discovered.yaml', '--format', 'json'], {
      cwd: world.dir,
    });
    expect(analyzed.code).toBe(0);
    const result = JSON.parse(analyzed.stdout) as {
      spofs: { id: string; takesDown: string[] }[];
      domainSpofs: { domain: string; takesDown: string[] }[];
    };
    const takesDown = (id: string) => result.spofs.find((each) => each.id === id)?.takesDown;
    expect(takesDown('dns:dyn')).toEqual(['site:shop.test']);
    expect(takesDown('cdn:akamai')).toEqual(['site:shop.test']);
    expect(takesDown('dns:route53')).toBeUndefined();
    expect(takesDown('dns:ns1')).toBeUndefined();
    expect(result.spofs.flatMap((each) => each.takesDown)).not.toContain('site:bank.test');
    expect(result.domainSpofs).toContainEqual(
      expect.objectContaining({ domain: 'provider=oracle', takesDown: ['site:shop.test'] }),
    );
    const text = await runCli(['analyze', 'discovered.yaml'], { cwd: world.dir });
    expect(text.stdout).toContain('dns:dyn');
  });

  test("the manifest includes cleanly into a team's own manifest", async () => {
    await world.discover(['shop.test', '-o', 'shop.yaml']);
    writeFileSync(
      file('team.yaml'),
      [
        'version: 1',
        'include: [shop.yaml]',
        'services:',
        '  checkout:',
        '    entrypoint: true',
        '    depends_on: [site:shop.test]',
        '',
      ].join('\n'),
    );
    const simulated = await runCli(['simulate', 'team.yaml', '--fail', 'provider=oracle'], {
      cwd: world.dir,
    });
    expect(simulated.code).toBe(0);
    expect(simulated.stdout).toMatch(/checkout/);
    const validated = await runCli(['validate', 'team.yaml'], { cwd: world.dir });
    expect(validated.code).toBe(0);
  });

  test('JSON output is the same manifest', async () => {
    const yaml = await world.discover(['shop.test', 'bank.test']);
    const json = await world.discover(['shop.test', 'bank.test', '--format', 'json']);
    const fromYaml = parseManifestText(yaml.stdout, 'a.yaml').services;
    const fromJson = parseManifestText(json.stdout, 'a.json').services;
    const strip = (services: typeof fromYaml) =>
      services.map(({ id, dependsOn, provider, kind }) => ({
        id,
        provider,
        kind,
        dependsOn: dependsOn.map((r) => [r.alternatives, r.soft]),
      }));
    expect(strip(fromJson)).toEqual(strip(fromYaml));
  });
});

describe('records and evidence', () => {
  test('--records replays offline to a byte-identical manifest and evidence', async () => {
    const domains = ['shop.test', 'bank.test', 'lame.test', 'chain.test', 'app.test'];
    const live = await world.discover([
      ...domains,
      '--save-records',
      'records.json',
      '--evidence',
      'live-evidence.json',
      '-o',
      'live.yaml',
    ]);
    expect(live.code).toBe(0);
    await world.stopDns(); // nothing to ask any more
    const replay = await runCli(
      [
        'discover',
        '--records',
        'records.json',
        '--evidence',
        'replay-evidence.json',
        '-o',
        'replay.yaml',
      ],
      { cwd: world.dir },
    );
    expect(replay.code, replay.stderr).toBe(0);
    expect(replay.stderr).toBe(live.stderr);
    expect(read('replay.yaml')).toBe(read('live.yaml'));
    expect(read('replay-evidence.json')).toBe(read('live-evidence.json'));
    await world.close();
    world = await startWorld(HOSTILE);
  }, 20_000);

  test('the evidence matches its JSON Schema', async () => {
    const run = await world.discover([
      'shop.test',
      'bank.test',
      'lame.test',
      'flat.test',
      'loop.test',
      '--evidence',
      'evidence.json',
    ]);
    expect(run.code, run.stderr).toBe(0);
    const schema = JSON.parse(
      readFileSync(path.join(ROOT, 'schema/discover-evidence.schema.json'), 'utf8'),
    );
    const validate = new Ajv({ strict: true, allErrors: true }).compile(schema);
    const evidence = JSON.parse(read('evidence.json'));
    expect(validate(evidence), JSON.stringify(validate.errors)).toBe(true);
    const lame = evidence.sites.find((site: { domain: string }) => site.domain === 'lame.test');
    expect(lame.zones[0].nameServers).toContainEqual(
      expect.objectContaining({ host: 'dns2.p01.nsone.net', check: 'lame', why: 'REFUSED' }),
    );
  });

  test('a records file that is not one is an input error naming the file', async () => {
    writeFileSync(file('bad.json'), '{"format": "something else"}');
    const run = await runCli(['discover', '--records', 'bad.json'], { cwd: world.dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^blast-radius: bad\.json: not a records file/);
  });

  test('--domains reads one name a line, with comments', async () => {
    writeFileSync(file('domains.txt'), '# our sites\nshop.test\n\nbank.test  # the bank\n');
    const run = await world.discover(['--domains', 'domains.txt']);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('site:shop.test:');
    expect(run.stdout).toContain('site:bank.test:');
  });
});

describe('usage errors', () => {
  test.each([
    [['--timeout', '5x', 'shop.test'], '--timeout takes a duration'],
    [['--resolver', 'dns.example', 'shop.test'], '--resolver takes IP or IP:PORT'],
    [['--depth', '0', 'shop.test'], '--depth takes 1 or more'],
    [['--hosts', ',', 'shop.test'], '--hosts needs at least one name'],
    [['--records', 'r.json', '--resolver', '127.0.0.1', 'shop.test'], 'leave out --resolver'],
    [[], 'no domain to discover'],
  ])('discover %j', async (args, message) => {
    const run = await runCli(['discover', ...args], { cwd: world.dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(message);
  });
});

describe('a resolver that does not answer', () => {
  test('warnings and exit 0; with --strict exit 2 and nothing written', async () => {
    const silent = await startDnsServer([], { behaviour: 'silent' });
    try {
      const args = ['discover', '--resolver', `127.0.0.1:${silent.port}`, '--timeout', '100ms'];
      const run = await runCli([...args, '--no-tls', 'shop.test', '-o', 'down.yaml'], {
        cwd: world.dir,
      });
      expect(run.code, run.stderr).toBe(0);
      expect(run.stderr).toContain('warning: shop.test: zone of shop.test: SOA shop.test: timeout');
      expect(parseManifestText(read('down.yaml'), 'down.yaml').services.map((s) => s.id)).toEqual([
        'site:shop.test',
      ]);
      const strict = await runCli(
        [...args, '--no-tls', '--strict', 'shop.test', '-o', 'strict.yaml'],
        {
          cwd: world.dir,
        },
      );
      expect(strict.code).toBe(2);
      expect(strict.stderr).toContain('nothing written (--strict)');
      expect(existsSync(file('strict.yaml'))).toBe(false);
    } finally {
      await silent.close();
    }
  });
});

describe('hostile names', () => {
  test('escape sequences, __proto__ and 253-character names: safe ids, no crash', async () => {
    const run = await world.discover([
      `${ESC}[31mred.test`,
      '__proto__.test',
      LONGEST,
      `${LONGEST}x`,
      'dns',
      'evil.test',
      '--evidence',
      'hostile.json',
    ]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).not.toContain(ESC);
    expect(run.stderr).not.toContain(ESC);
    expect(run.stderr).toContain('warning: skipping "\\u001b[31mred.test"');
    expect(run.stderr).toContain('warning: skipping "dns": a public suffix, not a domain');
    const manifest = parseManifestText(run.stdout, 'hostile.yaml');
    const ids = manifest.services.map((service) => service.id);
    expect(ids).toContain('site:__proto__.test');
    expect(ids).toContain('site:evil.test');
    expect(ids.every((id) => /^[A-Za-z0-9_][A-Za-z0-9._:/@-]{0,199}$/.test(id))).toBe(true);
    const longest = manifest.services.find((service) => service.id.startsWith('site:aaaa'));
    expect(longest?.dependsOn.map((r) => r.alternatives)).toEqual([['dns:dyn']]);
    const evil = manifest.services.find((service) => service.id === 'site:evil.test')!;
    expect(evil.dependsOn).toHaveLength(1);
    expect(evil.dependsOn[0]!.alternatives[0]).toMatch(/^dns:[A-Za-z0-9._-]+$/);
    expect(JSON.parse(read('hostile.json')).sites).toHaveLength(3);
  });

  test('a bad --providers file is an input error naming the file', async () => {
    writeFileSync(file('providers.yaml'), 'providers:\n  - { kind: dns, id: x, bogus: 1 }\n');
    const run = await world.discover(['shop.test', '--providers', 'providers.yaml']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('providers.yaml: providers[0]: unknown key "bogus"');
  });
});
