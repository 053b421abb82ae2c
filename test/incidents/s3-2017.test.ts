// fixtures/s3-2017: S3 in us-east-1 on 2017-02-28, seen by the fictional shop acme.

import { describe, expect, it } from 'vitest';
import {
  SCHEMA_LINE,
  entryPointIds,
  firstLine,
  loadFixture,
  outage,
  statuses,
  whyOf,
} from './fixture.js';

const fixture = await loadFixture('s3-2017');

describe('fixtures/s3-2017', () => {
  it('loads, with the schema line, its five entry points and the recovery times of the timeline', () => {
    expect(firstLine('s3-2017')).toBe(SCHEMA_LINE);
    expect(fixture.manifest.name).toBe('acme-on-s3-2017');
    expect(fixture.manifest.services).toHaveLength(26);
    expect(entryPointIds(fixture)).toEqual([
      'acme-api',
      'acme-docs',
      'acme-status',
      'acme-support',
      'acme-web',
    ]);
    const recovery = Object.fromEntries(
      fixture.manifest.services
        .filter((s) => s.recoveryTime !== undefined)
        .map((s) => [s.id, s.recoveryTime]),
    );
    expect(recovery).toEqual({
      'aws-health-dashboard-admin': 118 * 60,
      's3-get-use1': 221 * 60,
      's3-index-use1': 221 * 60,
      's3-placement-use1': 257 * 60,
      's3-put-use1': 257 * 60,
    });
  });

  describe('the index subsystem fails', () => {
    const result = outage(fixture, ['s3-index-use1']);

    it('takes down S3, the AWS services built on it, Trello, the image CDN and acme', () => {
      expect(statuses(result)).toEqual({
        failed: ['s3-index-use1'],
        down: [
          'acme-api',
          'acme-deploy',
          'acme-support',
          'acme-web',
          'aws-health-dashboard',
          'aws-health-dashboard-admin',
          'cdn-images',
          'ebs-snapshot-restore-use1',
          'ec2-launch-use1',
          'lambda-use1',
          's3-console-use1',
          's3-get-use1',
          's3-placement-use1',
          's3-put-use1',
          'trello',
        ],
        degraded: ['acme-db', 'acme-docs', 'acme-status', 'slack', 'statuspage'],
        up: ['acme-analytics', 'ec2-instances-use1', 'ec2-instances-usw2', 'route53', 's3-usw2'],
        entrypointsDown: ['acme-api', 'acme-support', 'acme-web'],
        entrypointsDegraded: ['acme-docs', 'acme-status'],
        costPerHour: 12000 + 8000 + 600,
      });
    });

    it('traces every loss back to the index', () => {
      expect(
        whyOf(result, [
          's3-placement-use1',
          's3-put-use1',
          'acme-web',
          'acme-api',
          'acme-support',
          'acme-deploy',
        ]),
      ).toEqual({
        's3-placement-use1': ['s3-placement-use1', 's3-index-use1'],
        's3-put-use1': ['s3-put-use1', 's3-index-use1'],
        'acme-web': ['acme-web', 'cdn-images', 's3-get-use1', 's3-index-use1'],
        'acme-api': ['acme-api', 's3-put-use1', 's3-index-use1'],
        'acme-support': ['acme-support', 'trello', 's3-get-use1', 's3-index-use1'],
        'acme-deploy': ['acme-deploy', 'ec2-launch-use1', 's3-get-use1', 's3-index-use1'],
      });
      for (const id of [...result.down, ...result.degraded]) {
        expect(result.why[id]?.at(-1), id).toBe('s3-index-use1');
      }
    });

    it('takes the AWS status dashboard down with everything it monitors', () => {
      const dashboard = fixture.manifest.services.find((s) => s.id === 'aws-health-dashboard')!;
      expect([...dashboard.monitors].sort()).toEqual([
        'ec2-launch-use1',
        'lambda-use1',
        's3-get-use1',
        's3-put-use1',
      ]);
      for (const id of ['aws-health-dashboard', ...dashboard.monitors]) {
        expect(result.down, id).toContain(id);
      }
      expect(result.why['aws-health-dashboard']).toEqual([
        'aws-health-dashboard',
        'aws-health-dashboard-admin',
        's3-get-use1',
        's3-index-use1',
      ]);
    });

    it('only degrades what uses S3 for styling, screenshots or backups', () => {
      expect(whyOf(result, ['statuspage', 'acme-status', 'acme-docs', 'acme-db', 'slack'])).toEqual(
        {
          statuspage: ['statuspage', 's3-get-use1', 's3-index-use1'],
          'acme-status': ['acme-status', 'statuspage', 's3-get-use1', 's3-index-use1'],
          'acme-docs': ['acme-docs', 'cdn-images', 's3-get-use1', 's3-index-use1'],
          'acme-db': ['acme-db', 's3-put-use1', 's3-index-use1'],
          slack: ['slack', 's3-get-use1', 's3-index-use1'],
        },
      );
    });
  });

  it('losing placement alone stops writes but not reads', () => {
    const result = outage(fixture, ['s3-placement-use1']);
    expect(statuses(result)).toEqual({
      failed: ['s3-placement-use1'],
      down: [
        'acme-api',
        'acme-web',
        'aws-health-dashboard',
        'aws-health-dashboard-admin',
        's3-console-use1',
        's3-put-use1',
      ],
      degraded: ['acme-db'],
      up: [
        'acme-analytics',
        'acme-deploy',
        'acme-docs',
        'acme-status',
        'acme-support',
        'cdn-images',
        'ebs-snapshot-restore-use1',
        'ec2-instances-use1',
        'ec2-instances-usw2',
        'ec2-launch-use1',
        'lambda-use1',
        'route53',
        's3-get-use1',
        's3-index-use1',
        's3-usw2',
        'slack',
        'statuspage',
        'trello',
      ],
      entrypointsDown: ['acme-api', 'acme-web'],
      entrypointsDegraded: [],
      costPerHour: 12000 + 8000,
    });
    expect(result.why['acme-web']).toEqual([
      'acme-web',
      'acme-api',
      's3-put-use1',
      's3-placement-use1',
    ]);
  });

  it('losing all of us-east-1 also takes running instances and acme-db, but not us-west-2', () => {
    const result = outage(fixture, ['provider=aws,region=us-east-1']);
    expect(statuses(result)).toEqual({
      failed: [
        'acme-api',
        'acme-db',
        'acme-web',
        'ebs-snapshot-restore-use1',
        'ec2-instances-use1',
        'ec2-launch-use1',
        'lambda-use1',
        's3-console-use1',
        's3-get-use1',
        's3-index-use1',
        's3-placement-use1',
        's3-put-use1',
      ],
      down: [
        'acme-deploy',
        'acme-support',
        'aws-health-dashboard',
        'aws-health-dashboard-admin',
        'cdn-images',
        'trello',
      ],
      degraded: ['acme-docs', 'acme-status', 'slack', 'statuspage'],
      up: ['acme-analytics', 'ec2-instances-usw2', 'route53', 's3-usw2'],
      entrypointsDown: ['acme-api', 'acme-support', 'acme-web'],
      entrypointsDegraded: ['acme-docs', 'acme-status'],
      costPerHour: 12000 + 8000 + 600,
    });
    expect(whyOf(result, ['acme-support', 'acme-docs'])).toEqual({
      'acme-support': ['acme-support', 'trello', 's3-get-use1'],
      'acme-docs': ['acme-docs', 'cdn-images', 's3-get-use1'],
    });
  });
});
