// The cases of the discovery test matrix against a real DNS server on 127.0.0.1: one provider,
// two, a lame secondary, vanity NS names, private DNS, chains across zones, loops, long chains,
// a flattened apex and a provider's own dependency, read from the manifest `discover` writes.

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { parseManifestText } from '../../src/manifest/load.js';
import type { Manifest } from '../../src/manifest/types.js';
import { runCli } from '../support/run-cli.js';
import { startWorld, type World } from './support/world.js';

const DOMAINS = [
  'shop.test',
  'bank.test',
  'lame.test',
  'vanity.test',
  'private.test',
  'mixed.test',
  'chain.test',
  'loop.test',
  'long.test',
  'flat.test',
  'app.test',
];

let world: World;
let manifest: Manifest;
let stderr: string;
let evidence: {
  sites: {
    domain: string;
    hosts: { host: string; note?: string; rideOutSeconds: number | null }[];
  }[];
  unmatchedSuffixes: { kind: string; suffix: string; count: number }[];
};

beforeAll(async () => {
  world = await startWorld();
  const run = await world.discover([...DOMAINS, '--evidence', 'evidence.json', '-o', 'out.yaml']);
  expect(run.code).toBe(0);
  stderr = run.stderr;
  manifest = parseManifestText(readFileSync(path.join(world.dir, 'out.yaml'), 'utf8'), 'out.yaml');
  evidence = JSON.parse(readFileSync(path.join(world.dir, 'evidence.json'), 'utf8'));
});

afterAll(async () => {
  await world.close();
});

/** A service's requirements as `id` (hard), `~id` (soft) or `a|b` (any_of), sorted. */
function requirements(id: string): string[] {
  const service = manifest.services.find((each) => each.id === id);
  if (!service) throw new Error(`no service ${id}`);
  return service.dependsOn.map((r) => `${r.soft ? '~' : ''}${r.alternatives.join('|')}`).sort();
}

function service(id: string) {
  return manifest.services.find((each) => each.id === id);
}

describe('DNS providers of a zone', () => {
  test('one provider (Dyn) is a hard edge, labelled with its company', () => {
    expect(requirements('site:shop.test')).toEqual(['cdn:akamai', 'dns:dyn']);
    expect(service('dns:dyn')).toMatchObject({ kind: 'dns', provider: 'oracle' });
  });

  test('two providers (Route 53 and NS1) are any_of', () => {
    expect(requirements('site:bank.test')).toEqual(['dns:ns1|dns:route53']);
    expect(service('dns:route53')?.provider).toBe('aws');
  });

  test('a lame secondary adds no redundancy, with a warning', () => {
    expect(requirements('site:lame.test')).toEqual(['dns:route53']);
    expect(stderr).toContain('zone lame.test: name server dns2.p01.nsone.net is lame (REFUSED)');
  });

  test("vanity NS names in the site's own domain are Route 53 when its SOA says so", () => {
    expect(requirements('site:vanity.test')).toEqual(['dns:route53']);
  });

  test('private DNS only: no third-party edge', () => {
    expect(requirements('site:private.test')).toEqual(['dns-self:private.test']);
    expect(service('dns-self:private.test')?.provider).toBeUndefined();
  });

  test('private and third-party together are any_of', () => {
    expect(requirements('site:mixed.test')).toEqual(['dns-self:mixed.test|dns:dyn']);
  });
});

test("a domain that does not exist gets no edge to its TLD's servers", async () => {
  const run = await world.discover(['missing.test']);
  expect(run.code).toBe(0);
  expect(run.stderr).toContain(
    'missing.test: zone of missing.test: missing.test is in no zone of its own',
  );
  expect(parseManifestText(run.stdout, 'missing.yaml').services.map((s) => s.id)).toEqual([
    'site:missing.test',
  ]);
});

describe('CNAME chains', () => {
  test('a chain across three zones on three providers: three DNS edges and the CDN', () => {
    expect(requirements('site:chain.test')).toEqual([
      'cdn:akamai',
      'dns:dyn',
      'dns:ns1',
      'dns:route53',
    ]);
  });

  test('unmatched CNAME suffixes are reported with their counts', () => {
    expect(stderr).toMatch(/cdn trafficmgr\.test 1/);
    expect(evidence.unmatchedSuffixes).toContainEqual({
      kind: 'cdn',
      suffix: 'origin-alias.test',
      count: 1,
    });
  });

  test('a CNAME loop and a 17-hop chain are clean warnings, the zone still counted', () => {
    expect(stderr).toContain('www.loop.test: CNAME loop at www.loop.test');
    expect(stderr).toContain('www.long.test: CNAME chain longer than 16 hops');
    expect(requirements('site:loop.test')).toEqual(['dns:dyn']);
    expect(requirements('site:long.test')).toEqual(['dns:dyn']);
  });

  test('a flattened apex (A only) leaves the CDN unknown, and says so', () => {
    expect(requirements('site:flat.test')).toEqual(['dns:route53']);
    const site = evidence.sites.find((each) => each.domain === 'flat.test')!;
    expect(site.hosts.map((host) => host.note)).toEqual([
      expect.stringContaining('no CNAME'),
      expect.stringContaining('no CNAME'),
    ]);
  });

  test('a DNS edge tolerates the outage for the shortest answer TTL of its zone; the comment keeps why', () => {
    const text = readFileSync(path.join(world.dir, 'out.yaml'), 'utf8');
    expect(text).toContain('- { service: dns:dyn, tolerates: 300s }  # zone shop.test');
    expect(text).toContain(
      '- { service: dns:ns1, tolerates: 30s }  # www.chain.test via zone trafficmgr.test',
    );
    const shop = evidence.sites.find((each) => each.domain === 'shop.test')!;
    expect(shop.hosts.find((host) => host.host === 'www.shop.test')?.rideOutSeconds).toBe(20);
  });
});

describe('tolerances from DNS TTLs', () => {
  /** A service's requirements as `ids@seconds` (no `@` without a tolerance), sorted. */
  function tolerances(id: string): string[] {
    return service(id)!
      .dependsOn.map(
        (r) => `${r.alternatives.join('|')}${r.tolerates === undefined ? '' : `@${r.tolerates}`}`,
      )
      .sort();
  }

  test('one provider, a group, and a chain through three zones each ride out their TTL', () => {
    // shop.test answers in 300 s; www goes on to Akamai, which caches nothing in front of itself.
    expect(tolerances('site:shop.test')).toEqual(['cdn:akamai', 'dns:dyn@300']);
    // Both providers of bank.test: resolvers ride out the loss of the whole group as long.
    expect(tolerances('site:bank.test')).toEqual(['dns:ns1|dns:route53@600']);
    // The site's own DNS beside Dyn: the same rule for the group.
    expect(tolerances('site:mixed.test')).toEqual(['dns-self:mixed.test|dns:dyn@300']);
    expect(tolerances('site:chain.test')).toEqual([
      'cdn:akamai',
      'dns:dyn@300',
      'dns:ns1@30',
      'dns:route53@90',
    ]);
  });

  test('no tolerance where the TTL is not known: a CDN zone seen only through the site', () => {
    // Netlify's zone came from the site's chain; no name of Netlify's own was asked of it.
    expect(tolerances('cdn:netlify')).toEqual(['dns:ns1']);
    const text = readFileSync(path.join(world.dir, 'out.yaml'), 'utf8');
    expect(text).toContain('      - dns:ns1  # zone netlifyglobalcdn.com\n');
  });

  test('simulate --for: an outage shorter than the TTL is ridden out, a longer one is not', async () => {
    const simulate = async (duration: string) => {
      const run = await runCli(
        ['simulate', 'out.yaml', '--fail', 'dns:dyn', '--for', duration, '--format', 'json'],
        { cwd: world.dir },
      );
      expect(run.stderr).toBe('');
      return (JSON.parse(run.stdout) as { entrypointsDown: string[] }).entrypointsDown;
    };
    const short = await simulate('4m');
    const long = await simulate('6m');
    expect(short).not.toContain('site:shop.test');
    expect(long).toContain('site:shop.test');
    // Without a duration the outage is unbounded: every tolerance is exceeded.
    const unbounded = await runCli(
      ['simulate', 'out.yaml', '--fail', 'dns:dyn', '--format', 'json'],
      {
        cwd: world.dir,
      },
    );
    expect(JSON.parse(unbounded.stdout).entrypointsDown).toContain('site:shop.test');
  });

  test('the JSON manifest carries the same tolerances', async () => {
    const run = await world.discover(['shop.test', 'bank.test', '-f', 'json']);
    expect(run.code).toBe(0);
    const services = (
      JSON.parse(run.stdout) as { services: Record<string, { depends_on?: unknown[] }> }
    ).services;
    expect(services['site:shop.test']!.depends_on).toContainEqual({
      service: 'dns:dyn',
      tolerates: '300s',
    });
    expect(services['site:bank.test']!.depends_on).toEqual([
      { any_of: ['dns:ns1', 'dns:route53'], tolerates: '600s' },
    ]);
    expect(parseManifestText(run.stdout, 'out.json').services.length).toBeGreaterThan(0);
  });
});

describe('indirect dependencies', () => {
  test('a CDN whose own zone is on NS1 depends on NS1 at depth 2', () => {
    expect(requirements('site:app.test')).toEqual(['cdn:netlify', 'dns:route53']);
    expect(requirements('cdn:netlify')).toEqual(['dns:ns1']);
  });

  test("a provider's zones on its own company's DNS are no extra edge", () => {
    expect(requirements('cdn:akamai')).toEqual([]);
    expect(requirements('dns:dyn')).toEqual([]);
  });

  test('--depth 1 keeps only the direct providers', async () => {
    const run = await world.discover(['app.test', '--depth', '1']);
    expect(run.code).toBe(0);
    const direct = parseManifestText(run.stdout, 'direct.yaml');
    expect(direct.services.find((each) => each.id === 'cdn:netlify')?.dependsOn).toEqual([]);
  });
});
