// fixtures/site-in-time: outages with a length — a CDN that rides out its S3 origin for an hour,
// two DNS providers whose delegation resolvers keep for two days — told by `simulate --for`.

import { describe, expect, it } from 'vitest';
import { simulate } from '../../src/analysis/outage/simulate.js';
import { resolveSelectors } from '../../src/model/selector.js';
import { runCli } from '../support/run-cli.js';
import { SCHEMA_LINE, firstLine, fixturePath, loadFixture } from './fixture.js';
import { assertMatches } from '../schema/schemas.js';

const fixture = await loadFixture('site-in-time');
const FILE = fixturePath('site-in-time');

function outageFor(selectors: string[], duration?: number) {
  const failed = resolveSelectors(fixture.graph, selectors);
  return simulate(fixture.graph, failed, duration === undefined ? {} : { duration });
}

describe('fixtures/site-in-time', () => {
  it('loads, with the schema line, two entry points and its tolerances', () => {
    expect(firstLine('site-in-time')).toBe(SCHEMA_LINE);
    expect(fixture.manifest.name).toBe('acme-in-time');
    const tolerances = fixture.manifest.services.flatMap((s) =>
      s.dependsOn.filter((r) => r.tolerates).map((r) => [s.id, r.alternatives, r.tolerates]),
    );
    expect(tolerances).toEqual([
      ['cdn', ['s3-use1'], 3600],
      ['checkout', ['route53', 'ns1-dns'], 172_800],
      ['site', ['route53', 'ns1-dns'], 172_800],
    ]);
  });

  it('a 30-minute S3 outage is ridden out by the CDN: nothing down, the site degraded', () => {
    const result = outageFor(['s3-use1'], 1800);
    expect(result.down).toEqual([]);
    expect(result.entrypointsDegraded).toEqual(['site']);
    expect(result.timeline).toEqual([]);
  });

  it('a four-hour S3 outage takes the site down after an hour, when the stale objects run out', () => {
    const result = outageFor(['s3-use1'], 4 * 3600);
    expect(result.down).toEqual(['cdn', 'site']);
    expect(result.timeline).toEqual([
      {
        id: 'site',
        downAt: 3600,
        failed: false,
        after: 'cdn',
        expired: { service: 'cdn', lost: 's3-use1', tolerated: 3600 },
      },
    ]);
    // Without --for the outage never ends: the site is down, as it always was.
    expect(outageFor(['s3-use1']).down).toEqual(['cdn', 'site']);
  });

  it('losing us-east-1: checkout at once, the site an hour later', async () => {
    const run = await runCli([
      'simulate',
      FILE,
      '--fail',
      'provider=aws,region=us-east-1',
      '--for',
      '4h',
    ]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(
      'Timeline of an outage of 4h\n' +
        '  0s  checkout down (lost orders-api)\n' +
        '  1h  site down (cdn rode out losing s3-use1 for 1h)\n',
    );
    const json = await runCli([
      'simulate',
      FILE,
      '--fail',
      'provider=aws,region=us-east-1',
      '--for',
      '4h',
      '--format',
      'json',
    ]);
    const report = JSON.parse(json.stdout) as { downAt: Record<string, number> };
    assertMatches('simulate-result', report);
    expect(report.downAt).toEqual({
      'backups-use1': 0,
      cdn: 3600,
      checkout: 0,
      'orders-api': 0,
      'orders-db': 0,
      's3-use1': 0,
      site: 3600,
    });
  });

  it('losing both DNS providers: everything holds for two days, the TTL of the delegation', () => {
    expect(outageFor(['route53', 'ns1-dns'], 172_800).entrypointsDown).toEqual([]);
    const long = outageFor(['route53', 'ns1-dns'], 3 * 86_400);
    expect(long.entrypointsDown).toEqual(['checkout', 'site']);
    expect(long.downAt).toEqual({ checkout: 172_800, 'ns1-dns': 0, route53: 0, site: 172_800 });
  });

  it('the maintenance guard honours --for: ten minutes without S3 pass, five hours do not', async () => {
    const short = await runCli([
      'simulate',
      FILE,
      '--fail',
      's3-use1',
      '--for',
      '10m',
      '--forbid-down',
      'site',
    ]);
    expect(short.code).toBe(0);
    expect(short.stdout).toContain('Guard passed');
    const long = await runCli([
      'simulate',
      FILE,
      '--fail',
      's3-use1',
      '--for',
      '5h',
      '--forbid-down',
      'site',
    ]);
    expect(long.code).toBe(1);
    expect(long.stdout).toContain('Guard failed: --forbid-down site would lose site');
  });

  it('--max-down counts what is down at the end: 30 minutes without us-east-1 lose one service, 2 h three', async () => {
    const region = ['simulate', FILE, '--fail', 'provider=aws,region=us-east-1', '--max-down', '1'];
    const short = await runCli([...region, '--for', '30m']);
    expect(short.code).toBe(0);
    expect(short.stdout).toContain('Guard passed');
    const long = await runCli([...region, '--for', '2h']);
    expect(long.code).toBe(1);
    expect(long.stdout).toContain('Guard failed: 3 services would go down, more than --max-down 1');
  });

  it('a tolerance equal to the outage rides it out; one second more does not', async () => {
    const guarded = (length: string) =>
      runCli(['simulate', FILE, '--fail', 's3-use1', '--for', length, '--forbid-down', 'site']);
    expect((await guarded('1h')).code).toBe(0);
    expect((await guarded('3601')).code).toBe(1);
  });

  it('analyze: S3 takes down the site after an hour, the orders database takes checkout at once', async () => {
    const run = await runCli(['analyze', FILE]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(
      '  component   takes down  down     cost/h  after\n' +
        '  orders-db   checkout       2  30,000.00     0s\n' +
        '  orders-api  checkout       1  30,000.00     0s\n' +
        '  s3-use1     site           2  12,000.00     1h\n' +
        '  cdn         site           1  12,000.00     0s\n',
    );
  });

  it('refuses an outage length that is not a positive duration, and --for with --random', async () => {
    for (const length of ['0', 'soon', '-5m']) {
      const run = await runCli(['simulate', FILE, '--fail', 's3-use1', '--for', length]);
      expect(run.code).toBe(2);
      expect(run.stderr).toContain('--for takes a duration of more than 0 seconds');
    }
    const random = await runCli(['simulate', FILE, '--random', '10', '--for', '1h']);
    expect(random.code).toBe(2);
  });
});
