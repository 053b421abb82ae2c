// fixtures/aws-2025: the empty DynamoDB DNS record in us-east-1 on 2025-10-19/20, seen by the
// fictional tidewater.

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

const fixture = await loadFixture('aws-2025');

describe('fixtures/aws-2025', () => {
  it('loads, with the schema line and its four entry points', () => {
    expect(firstLine('aws-2025')).toBe(SCHEMA_LINE);
    expect(fixture.manifest.name).toBe('aws-2025-dynamodb-dns');
    expect(fixture.manifest.services).toHaveLength(35);
    expect(entryPointIds(fixture)).toEqual([
      'bi-dashboards',
      'order-tracking',
      'pulse-realtime',
      'shopfront',
    ]);
  });

  describe('the DynamoDB DNS record is emptied', () => {
    const result = outage(fixture, ['dynamodb-dns-record-use1']);

    it('takes down DynamoDB and the control planes built on it; running instances stay up', () => {
      expect(statuses(result)).toEqual({
        failed: ['dynamodb-dns-record-use1'],
        down: [
          'connect-use1',
          'console-signin-euw1',
          'console-signin-use1',
          'dwfm-use1',
          'dynamodb-use1',
          'ec2-launch-use1',
          'ecs-use1',
          'lambda-use1',
          'orders-table-use1',
          'redshift-use1',
          'shop-api-use1',
          'shopfront',
          'sts-use1',
        ],
        degraded: [
          'nlb-health-checks-use1',
          'nlb-use1',
          'order-tracking',
          'order-tracking-use2',
          'orders-table-use2',
          'pulse-edge-use1',
          'pulse-realtime',
        ],
        up: [
          'bi-dashboards',
          'dynamodb-dns-enactor-use1-az1',
          'dynamodb-dns-enactor-use1-az2',
          'dynamodb-dns-enactor-use1-az3',
          'dynamodb-dns-planner-use1',
          'dynamodb-use2',
          'ec2-instances-use1',
          'ec2-instances-use2',
          'ec2-launch-use2',
          'ec2-network-manager-use1',
          'iam-use1',
          'pulse-edge-use2',
          'redshift-usw2',
          'route53',
        ],
        entrypointsDown: ['shopfront'],
        entrypointsDegraded: ['order-tracking', 'pulse-realtime'],
        costPerHour: 20000,
      });
    });

    it('explains each chain back to the record', () => {
      expect(
        whyOf(result, [
          'ec2-launch-use1',
          'ecs-use1',
          'nlb-use1',
          'console-signin-euw1',
          'shopfront',
          'order-tracking',
          'pulse-realtime',
        ]),
      ).toEqual({
        'ec2-launch-use1': [
          'ec2-launch-use1',
          'dwfm-use1',
          'dynamodb-use1',
          'dynamodb-dns-record-use1',
        ],
        'ecs-use1': [
          'ecs-use1',
          'ec2-launch-use1',
          'dwfm-use1',
          'dynamodb-use1',
          'dynamodb-dns-record-use1',
        ],
        'nlb-use1': [
          'nlb-use1',
          'nlb-health-checks-use1',
          'ec2-launch-use1',
          'dwfm-use1',
          'dynamodb-use1',
          'dynamodb-dns-record-use1',
        ],
        'console-signin-euw1': [
          'console-signin-euw1',
          'console-signin-use1',
          'dynamodb-use1',
          'dynamodb-dns-record-use1',
        ],
        shopfront: [
          'shopfront',
          'shop-api-use1',
          'orders-table-use1',
          'dynamodb-use1',
          'dynamodb-dns-record-use1',
        ],
        // Global Tables: the replica serves on, lagging behind.
        'order-tracking': [
          'order-tracking',
          'order-tracking-use2',
          'orders-table-use2',
          'orders-table-use1',
          'dynamodb-use1',
          'dynamodb-dns-record-use1',
        ],
        // Ably's lesson: the region is up but cannot add capacity.
        'pulse-realtime': [
          'pulse-realtime',
          'pulse-edge-use1',
          'ec2-launch-use1',
          'dwfm-use1',
          'dynamodb-use1',
          'dynamodb-dns-record-use1',
        ],
      });
    });
  });

  it('losing all three DNS Enactors only degrades: the record still resolves, unrefreshed', () => {
    const result = outage(fixture, [
      'dynamodb-dns-enactor-use1-az1',
      'dynamodb-dns-enactor-use1-az2',
      'dynamodb-dns-enactor-use1-az3',
    ]);
    expect(result.down).toEqual([]);
    expect(result.entrypointsDown).toEqual([]);
    expect(result.entrypointsDegraded).toEqual(['order-tracking', 'pulse-realtime', 'shopfront']);
    expect(result.why['dynamodb-dns-record-use1']).toEqual([
      'dynamodb-dns-record-use1',
      'dynamodb-dns-enactor-use1-az1',
    ]);
  });

  it('losing EC2 launches alone stops containers and scaling, not DynamoDB users', () => {
    const result = outage(fixture, ['ec2-launch-use1']);
    expect(result.down).toEqual(['ecs-use1']);
    expect(result.degraded).toEqual([
      'connect-use1',
      'lambda-use1',
      'nlb-health-checks-use1',
      'nlb-use1',
      'pulse-edge-use1',
      'pulse-realtime',
      'sts-use1',
    ]);
    expect(result.entrypointsDown).toEqual([]);
    expect(result.entrypointsDegraded).toEqual(['pulse-realtime']);
  });

  it('losing all of us-east-1 reaches Redshift in us-west-2 through IAM; the multi-region products degrade', () => {
    const result = outage(fixture, ['provider=aws,region=us-east-1']);
    expect(result.down).toEqual([
      'bi-dashboards',
      'console-signin-euw1',
      'redshift-usw2',
      'shopfront',
    ]);
    expect(result.degraded).toEqual([
      'order-tracking',
      'order-tracking-use2',
      'orders-table-use2',
      'pulse-realtime',
    ]);
    expect(result.up).toEqual([
      'dynamodb-use2',
      'ec2-instances-use2',
      'ec2-launch-use2',
      'pulse-edge-use2',
      'route53',
    ]);
    expect(result.entrypointsDown).toEqual(['bi-dashboards', 'shopfront']);
    expect(result.entrypointsDegraded).toEqual(['order-tracking', 'pulse-realtime']);
    expect(result.costPerHour).toBe(20000 + 500);
    expect(whyOf(result, ['bi-dashboards', 'pulse-realtime'])).toEqual({
      'bi-dashboards': ['bi-dashboards', 'redshift-usw2', 'iam-use1'],
      'pulse-realtime': ['pulse-realtime', 'pulse-edge-use1'],
    });
  });
});
