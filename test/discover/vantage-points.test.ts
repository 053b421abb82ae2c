// Several resolvers are several vantage points: a CDN answer that differs between them (GSLB,
// client subnet) merges into any_of, the NS sets into one union.

import { afterAll, beforeAll, expect, test } from 'vitest';
import { parseManifestText } from '../../src/manifest/load.js';
import { runCli } from '../support/run-cli.js';
import { readZoneFile, startDnsServer, type DnsServer } from './support/dns-server.js';
import { WORLD_ZONE } from './support/world.js';

let here: DnsServer;
let elsewhere: DnsServer;

beforeAll(async () => {
  const world = readZoneFile(WORLD_ZONE);
  here = await startDnsServer(world);
  // The same zones, but www.shop.test is handed to Fastly from this vantage point.
  const fastly = world
    .filter((record) => record.name !== 'www.shop.test')
    .concat([
      { name: 'www.shop.test', ttl: 60, type: 'CNAME', data: 'shop.global.ssl.fastly.net' },
      {
        name: 'fastly.net',
        ttl: 3600,
        type: 'SOA',
        data: 'ns1.fastly.net hostmaster.fastly.com 1',
      },
      { name: 'fastly.net', ttl: 3600, type: 'NS', data: 'ns1.fastly.net' },
      { name: 'shop.global.ssl.fastly.net', ttl: 30, type: 'A', data: '127.0.0.1' },
    ]);
  elsewhere = await startDnsServer(fastly);
});

afterAll(async () => {
  await here.close();
  await elsewhere.close();
});

test('two resolvers seeing two CDNs give any_of the CDNs', async () => {
  const run = await runCli([
    'discover',
    'shop.test',
    '--no-tls',
    '--no-lame-check',
    '--resolver',
    `127.0.0.1:${here.port}`,
    '--resolver',
    `127.0.0.1:${elsewhere.port}`,
  ]);
  expect(run.code, run.stderr).toBe(0);
  const site = parseManifestText(run.stdout, 'v.yaml').services.find(
    (s) => s.id === 'site:shop.test',
  )!;
  expect(site.dependsOn.map((r) => r.alternatives)).toEqual([
    ['cdn:akamai', 'cdn:fastly'],
    ['dns:dyn'],
  ]);
  expect(run.stdout).toContain(`through 127.0.0.1:${here.port}, 127.0.0.1:${elsewhere.port}`);
});
