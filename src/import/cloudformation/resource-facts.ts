// The failure-domain facts one CloudFormation resource states in its evaluated properties: its
// zone (a name, an AZ slot, or why it is not known), the capacity of what spreads over subnets,
// declared failover (Multi-AZ, automatic failover), and data copies (global-table replicas,
// bucket replication). Read replicas are linked to their source by the caller.

import type { Fact, IacResource } from '../iac/iac-model.js';
import { isRecord, type Json } from '../shared/values.js';
import { isSymbolic } from './intrinsics.js';

/** Zone, capacity, failover and copies from the evaluated properties of one resource. */
export function resourceFacts(r: IacResource, props: Json): void {
  const zone = zoneOf(props['AvailabilityZone'] ?? props['PreferredAvailabilityZone']);
  if (zone && 'value' in zone) r.zone = zone;
  else if (zone) r.zoneUnknown = zone.why;
  switch (r.type) {
    case 'AWS::AutoScaling::AutoScalingGroup': {
      const desired = count(props['DesiredCapacity']);
      const min = count(props['MinSize']);
      const max = count(props['MaxSize']);
      const capacity = desired ?? (min ? min : max);
      r.spread =
        capacity === undefined
          ? { capacityNote: 'DesiredCapacity, MinSize and MaxSize not known' }
          : { capacity };
      const zones = props['AvailabilityZones'];
      if (props['VPCZoneIdentifier'] === undefined && Array.isArray(zones)) {
        const facts = zones.map(zoneOf).filter((z): z is Fact => z !== undefined && 'value' in z);
        if (facts.length === zones.length) r.spread.zones = facts;
        else r.unresolvedPlacement.push('AvailabilityZones not known offline');
      }
      break;
    }
    case 'AWS::ECS::Service': {
      const capacity = count(props['DesiredCount']);
      r.spread = capacity === undefined ? { capacityNote: 'DesiredCount not known' } : { capacity };
      break;
    }
    case 'AWS::EKS::Nodegroup': {
      const scaling = isRecord(props['ScalingConfig']) ? props['ScalingConfig'] : {};
      const capacity = count(scaling['DesiredSize']) ?? count(scaling['MinSize']);
      r.spread =
        capacity === undefined ? { capacityNote: 'ScalingConfig not known' } : { capacity };
      break;
    }
    case 'AWS::RDS::DBInstance':
    case 'AWS::DMS::ReplicationInstance':
      if (flag(props['MultiAZ']) === true) {
        r.replicas = [
          { name: 'primary', ...(r.zone ? { zone: r.zone } : {}) },
          { name: 'standby' },
        ];
      } else if (!r.zone) {
        r.zoneUnknown ??= 'no AvailabilityZone: AWS picks one';
      }
      break;
    case 'AWS::ElastiCache::ReplicationGroup': {
      const nodes = count(props['NumCacheClusters']) ?? 1;
      if (flag(props['AutomaticFailoverEnabled']) === true && nodes >= 2) {
        const azs = Array.isArray(props['PreferredCacheClusterAZs'])
          ? props['PreferredCacheClusterAZs']
          : [];
        r.replicas = Array.from({ length: nodes }, (_, i) => {
          const z = zoneOf(azs[i]);
          return {
            name: i === 0 ? 'primary' : `replica-${i}`,
            ...(z && 'value' in z ? { zone: z } : {}),
          };
        });
      } else r.zoneUnknown ??= 'no automatic failover; AWS picks the zone';
      break;
    }
    case 'AWS::ElastiCache::CacheCluster':
      if (props['AZMode'] === 'cross-az') {
        r.zoneUnknown =
          'nodes spread over zones, each holding part of the cache (partitioned, no failover)';
      } else r.zoneUnknown ??= 'no PreferredAvailabilityZone: AWS picks one';
      break;
    case 'AWS::ElasticLoadBalancingV2::LoadBalancer':
    case 'AWS::ElasticLoadBalancing::LoadBalancer':
    case 'AWS::Lambda::Function':
    case 'AWS::Serverless::Function':
      r.spread = { everyZone: true };
      if (r.type === 'AWS::ElasticLoadBalancing::LoadBalancer' && props['Subnets'] === undefined) {
        const zones = Array.isArray(props['AvailabilityZones']) ? props['AvailabilityZones'] : [];
        const facts = zones.map(zoneOf).filter((z): z is Fact => z !== undefined && 'value' in z);
        if (facts.length > 0) r.spread.zones = facts;
      }
      break;
    case 'AWS::DynamoDB::GlobalTable': {
      const replicas = Array.isArray(props['Replicas']) ? props['Replicas'] : [];
      const regions = replicas
        .map((replica) => (isRecord(replica) ? replica['Region'] : undefined))
        .filter((region): region is string => typeof region === 'string');
      // The stack's own region is one of the replicas: without --region, not which one.
      if (r.region === undefined) {
        if (regions.length > 0) r.copiesUnknown = `global table replicas in ${regions.join(', ')}`;
        break;
      }
      for (const region of regions) {
        if (region === r.region.value) continue;
        r.copies.push({
          to: `${region} replica`,
          region,
          note: `global table replica in ${region}; replication lag unknown`,
        });
      }
      break;
    }
    case 'AWS::S3::Bucket': {
      const replication = isRecord(props['ReplicationConfiguration'])
        ? props['ReplicationConfiguration']
        : {};
      const rules = Array.isArray(replication['Rules']) ? replication['Rules'] : [];
      for (const rule of rules) {
        const destination =
          isRecord(rule) && isRecord(rule['Destination'])
            ? rule['Destination']['Bucket']
            : undefined;
        const target =
          isSymbolic(destination) && destination.sym === 'resource' ? destination.key : undefined;
        const where = target ? 'bucket replication in the same stack, so the same region' : '';
        const every = replicationTime(isRecord(rule) ? rule['Destination'] : undefined);
        r.copies.push({
          to:
            target ??
            (typeof destination === 'string' ? destination : 'a bucket not known offline'),
          ...(every === undefined ? {} : { every: `${every}m` }),
          note: [
            where || 'bucket replication',
            every === undefined
              ? 'replication lag unknown'
              : `within ${every} minutes (Replication Time Control)`,
          ].join('; '),
        });
      }
      break;
    }
    default:
  }
}

export function zoneOf(value: unknown): Fact | { why: string } | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'string' && value !== '') return { value, source: 'AvailabilityZone' };
  if (isSymbolic(value)) {
    if (value.sym === 'zone') return { value: value.label, source: value.source };
    if (value.sym === 'unknown') return { why: `zone from ${value.why}` };
    if (value.sym === 'resource') return { why: `zone of ${value.key}` };
  }
  return { why: 'a zone not known offline' };
}

function count(value: unknown): number | undefined {
  if (typeof value === 'number' && Number.isInteger(value) && value >= 0) return value;
  if (typeof value === 'string' && /^\d+$/.test(value)) return Number(value);
  return undefined;
}

function flag(value: unknown): boolean | undefined {
  if (typeof value === 'boolean') return value;
  if (value === 'true' || value === 'false') return value === 'true';
  return undefined;
}

/** The minutes Replication Time Control promises, when it is enabled with a number. */
function replicationTime(destination: unknown): number | undefined {
  const time = isRecord(destination) ? destination['ReplicationTime'] : undefined;
  if (!isRecord(time) || time['Status'] !== 'Enabled' || !isRecord(time['Time'])) return undefined;
  const minutes = Number(time['Time']['Minutes']);
  return Number.isFinite(minutes) && minutes > 0 ? minutes : undefined;
}
