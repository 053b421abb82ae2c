// fixtures/multi-region: a fictional system that survives any one region and any one zone, and
// says honestly that it does not survive its cloud provider.

import { describe, expect, it } from 'vitest';
import { SCHEMA_LINE, entryPointIds, firstLine, loadFixture, outage, statuses } from './fixture.js';

const fixture = await loadFixture('multi-region');

/** Every `provider=…,region=…` and `provider=…,region=…,zone=…` some service is in. */
function regionsAndZones(): string[] {
  const domains = new Set<string>();
  for (const s of fixture.manifest.services) {
    if (s.provider === undefined || s.region === undefined) continue;
    const region = `provider=${s.provider},region=${s.region}`;
    domains.add(region);
    if (s.zone !== undefined) domains.add(`${region},zone=${s.zone}`);
  }
  return [...domains].sort();
}

const DOMAINS = regionsAndZones();

describe('fixtures/multi-region', () => {
  it('loads, with the schema line and its three entry points', () => {
    expect(firstLine('multi-region')).toBe(SCHEMA_LINE);
    expect(fixture.manifest.name).toBe('ledgerline-multi-region');
    expect(fixture.manifest.services).toHaveLength(26);
    expect(entryPointIds(fixture)).toEqual([
      'ledgerline-api',
      'ledgerline-status',
      'ledgerline-web',
    ]);
  });

  it('spans two regions of three zones each', () => {
    expect(DOMAINS).toEqual([
      'provider=aws,region=us-east-1',
      'provider=aws,region=us-east-1,zone=use1-az1',
      'provider=aws,region=us-east-1,zone=use1-az2',
      'provider=aws,region=us-east-1,zone=use1-az3',
      'provider=aws,region=us-west-2',
      'provider=aws,region=us-west-2,zone=usw2-az1',
      'provider=aws,region=us-west-2,zone=usw2-az2',
      'provider=aws,region=us-west-2,zone=usw2-az3',
    ]);
  });

  it.each(DOMAINS)('keeps every entry point up when %s fails', (domain) => {
    const result = outage(fixture, [domain]);
    expect(result.down).toEqual([]);
    expect(result.entrypointsDown).toEqual([]);
    expect(result.costPerHour).toBe(0);
  });

  it('runs on us-west-2 alone when us-east-1 is lost', () => {
    const result = outage(fixture, ['provider=aws,region=us-east-1']);
    expect(statuses(result)).toEqual({
      failed: [
        'api-use1',
        'api-use1-az1',
        'api-use1-az2',
        'api-use1-az3',
        'assets-use1',
        'db-use1',
        'db-use1-az1',
        'db-use1-az2',
        'db-use1-az3',
      ],
      down: [],
      degraded: ['api-usw2', 'cloudfront', 'db-usw2', 'fastly', 'ledgerline-api', 'ledgerline-web'],
      up: [
        'api-usw2-az1',
        'api-usw2-az2',
        'api-usw2-az3',
        'assets-usw2',
        'db-usw2-az1',
        'db-usw2-az2',
        'db-usw2-az3',
        'ledgerline-status',
        'ns1',
        'route53',
        'statuspage',
      ],
      entrypointsDown: [],
      entrypointsDegraded: ['ledgerline-api', 'ledgerline-web'],
      costPerHour: 0,
    });
    expect(result.why['ledgerline-web']).toEqual(['ledgerline-web', 'ledgerline-api', 'api-use1']);
  });

  it('has no single service whose loss takes down the web app or the API', () => {
    for (const id of fixture.graph.ids) {
      if (id === 'ledgerline-web' || id === 'ledgerline-api') continue;
      const down = outage(fixture, [id]).entrypointsDown;
      expect(
        down.filter((e) => e !== 'ledgerline-status'),
        id,
      ).toEqual([]);
    }
  });

  it('loses the web app, not the API, when both CDNs fail', () => {
    const result = outage(fixture, ['cloudfront', 'fastly']);
    expect(result.down).toEqual(['ledgerline-web']);
    expect(result.entrypointsDown).toEqual(['ledgerline-web']);
    expect(result.why['ledgerline-web']).toEqual(['ledgerline-web', 'fastly']);
  });

  it('does not survive the loss of AWS itself, but its status page does', () => {
    const result = outage(fixture, ['provider=aws']);
    expect(result.down).toEqual(['fastly', 'ledgerline-api', 'ledgerline-web']);
    expect(result.degraded).toEqual([]);
    expect(result.up).toEqual(['ledgerline-status', 'ns1', 'statuspage']);
    expect(result.entrypointsDown).toEqual(['ledgerline-api', 'ledgerline-web']);
    expect(result.costPerHour).toBe(9000 + 15000);
    expect(result.why['ledgerline-api']).toEqual(['ledgerline-api', 'api-usw2']);
  });
});
