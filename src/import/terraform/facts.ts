// The failure-domain facts of one Terraform instance, each from the most trustworthy source it
// has: region from the resource's own `region` / `location`, then its ARN, then (in the shared
// builder) its zone's name, then the provider configuration; zone from the resource's own
// attribute; capacity, declared failover replicas and data copies from the attributes that
// state them. What is not known until apply stays unknown, with the reason.

import type { Copy, IacResource, Replica } from '../iac/iac-model.js';
import {
  arnPartition,
  arnRegion,
  awsRegionOfZone,
  gcpRegionOfZone,
  isGcpRegion,
  isGcpZone,
} from '../iac/places.js';
import {
  attribute,
  booleanAttribute,
  isSensitive,
  numberAttribute,
  stringAttribute,
  stringsAttribute,
  UNKNOWN,
} from './attributes.js';
import type { TfInstance } from './instances.js';

/** Region, provider partition, and whether the resource is global (an ARN with no region). */
export function regionFacts(
  instance: TfInstance,
  cloud: string | undefined,
  resource: IacResource,
): void {
  const arn = stringAttribute(instance, 'arn');
  if (cloud === 'aws' && arn) resource.provider = arnPartition(arn) ?? 'aws';
  const own = stringAttribute(instance, 'region');
  if (own && cloud !== 'azure' && !/^[A-Z]+$/.test(own)) {
    resource.region = { value: own, source: 'region attribute' };
    return;
  }
  if (arn) {
    const region = arnRegion(arn);
    if (region) {
      resource.region = { value: region, source: 'ARN' };
      return;
    }
  }
  const location = stringAttribute(instance, 'location');
  if (location && cloud === 'azure') {
    resource.region = { value: location, source: 'location attribute' };
  } else if (location && cloud === 'gcp') {
    const region = isGcpZone(location) ? gcpRegionOfZone(location) : location;
    if (region) resource.region = { value: region, source: 'location attribute' };
    if (!isGcpRegion(location) && !isGcpZone(location)) {
      resource.notes.push(`location ${location}: a multi-region location`);
    }
  }
  if (resource.region === undefined && resource.role === 'service') {
    // A regional resource over named zones (an RDS cluster's storage): their region.
    const zones = stringsAttribute(instance, 'availability_zones');
    const regions = new Set(zones === UNKNOWN ? [] : zones.map((z) => awsRegionOfZone(z) ?? ''));
    const [only] = regions;
    if (regions.size === 1 && only) resource.region = { value: only, source: 'availability_zones' };
  }
}

/** The zone the instance states itself, or why it is not known. */
export function zoneFacts(instance: TfInstance, resource: IacResource): void {
  const location = stringAttribute(instance, 'location');
  const region = resource.region?.value;
  for (const name of ['availability_zone', 'availability_zone_name', 'zone']) {
    if (isSensitive(instance, name)) {
      resource.zoneUnknown = `${name} is marked sensitive, so it is not read`;
      return;
    }
    const value = attribute(instance, name);
    if (value === UNKNOWN) {
      resource.zoneUnknown = `${name} is not known until apply`;
      return;
    }
    if (typeof value === 'string' && value !== '') {
      resource.zone = { value: azureZone(value, region), source: `${name} attribute` };
      return;
    }
  }
  if (resource.provider === 'gcp' && location && isGcpZone(location)) {
    resource.zone = { value: location, source: 'location attribute' };
    return;
  }
  const zones = stringsAttribute(instance, 'zones');
  if (zones === UNKNOWN) resource.zoneUnknown = 'zones are not known until apply';
  else if (zones.length === 1)
    resource.zone = { value: azureZone(zones[0]!, region), source: 'zones attribute' };
  else if (zones.length > 1) {
    resource.replicas = zones.map((zone) => ({
      name: azureZone(zone, region),
      zone: { value: azureZone(zone, region), source: 'zones attribute' },
    }));
  } else if (resource.provider === 'azure' && resource.scope === 'zonal') {
    resource.zoneUnknown = 'no zones set: Azure places it in a zone it does not name';
  }
}

/** Azure writes zones as `1`, `2`, `3`; a label names the region too (`northeurope-1`). */
function azureZone(zone: string, region: string | undefined): string {
  return /^\d+$/.test(zone) && region ? `${region}-${zone}` : zone;
}

/** How many instances run, for what spreads over zones. */
export function capacityFacts(instance: TfInstance, resource: IacResource): void {
  const type = instance.type;
  const spread: NonNullable<IacResource['spread']> = {};
  if (type === 'aws_autoscaling_group') {
    const desired = numberAttribute(instance, 'desired_capacity');
    const min = numberAttribute(instance, 'min_size');
    const max = numberAttribute(instance, 'max_size');
    spread.capacity = desired ?? (min ? min : max);
    const zones = stringsAttribute(instance, 'availability_zones');
    const subnets = stringsAttribute(instance, 'vpc_zone_identifier');
    if (zones !== UNKNOWN && zones.length > 0 && (subnets === UNKNOWN || subnets.length === 0)) {
      spread.zones = zones.map((value) => ({ value, source: 'availability_zones attribute' }));
    }
  } else if (type === 'aws_ecs_service') {
    spread.capacity = numberAttribute(instance, 'desired_count');
  } else if (type === 'aws_eks_node_group') {
    spread.capacity =
      numberAttribute(instance, 'scaling_config', 0, 'desired_size') ??
      numberAttribute(instance, 'scaling_config', 0, 'min_size');
  } else if (type === 'google_compute_region_instance_group_manager') {
    spread.capacity = numberAttribute(instance, 'target_size');
    const zones = stringsAttribute(instance, 'distribution_policy_zones');
    if (zones !== UNKNOWN)
      spread.zones = zones.map((value) => ({ value, source: 'distribution_policy_zones' }));
  } else if (type.endsWith('virtual_machine_scale_set')) {
    spread.capacity = numberAttribute(instance, 'instances');
    const zones = stringsAttribute(instance, 'zones');
    if (zones !== UNKNOWN) {
      spread.zones = zones.map((z) => ({
        value: azureZone(z, resource.region?.value),
        source: 'zones attribute',
      }));
    }
  } else if (type === 'google_container_node_pool') {
    // node_count is per zone: a node in every zone of node_locations.
    spread.everyZone = true;
    const zones = stringsAttribute(instance, 'node_locations');
    const location = stringAttribute(instance, 'location');
    if (zones === UNKNOWN) resource.zoneUnknown = 'node_locations is not known until apply';
    else if (zones.length > 0)
      spread.zones = zones.map((value) => ({ value, source: 'node_locations' }));
    else if (location && isGcpZone(location))
      spread.zones = [{ value: location, source: 'location' }];
    else resource.zoneUnknown = 'no node_locations: the cluster picks the zones';
  } else if (type === 'aws_elb') {
    spread.everyZone = true;
    const zones = stringsAttribute(instance, 'availability_zones');
    if (
      zones !== UNKNOWN &&
      zones.length > 0 &&
      stringsAttribute(instance, 'subnets') !== UNKNOWN
    ) {
      spread.zones = zones.map((value) => ({ value, source: 'availability_zones attribute' }));
    }
  } else {
    spread.everyZone = true; // a load balancer node, a Lambda ENI per subnet
  }
  if (!spread.everyZone && spread.capacity === undefined)
    spread.capacityNote = 'not known until apply';
  resource.spread = spread;
}

/** Failover replicas the resource declares. */
export function replicaFacts(instance: TfInstance, resource: IacResource): Replica[] | undefined {
  const type = instance.type;
  if (type === 'aws_db_instance' && booleanAttribute(instance, 'multi_az') === true) {
    return [
      { name: 'primary', ...(resource.zone ? { zone: resource.zone } : {}) },
      { name: 'standby' },
    ];
  }
  if (type === 'aws_elasticache_replication_group') {
    const failover = booleanAttribute(instance, 'automatic_failover_enabled') === true;
    const nodes =
      numberAttribute(instance, 'num_cache_clusters') ??
      numberAttribute(instance, 'number_cache_clusters') ??
      1;
    if (!failover || nodes < 2) return undefined;
    const zones = stringsAttribute(instance, 'preferred_cache_cluster_azs');
    const known = zones === UNKNOWN ? [] : zones;
    return Array.from({ length: nodes }, (_, i) => ({
      name: i === 0 ? 'primary' : `replica-${i}`,
      ...(known[i] ? { zone: { value: known[i]!, source: 'preferred_cache_cluster_azs' } } : {}),
    }));
  }
  if (type === 'google_sql_database_instance') {
    const availability = stringAttribute(instance, 'settings', 0, 'availability_type');
    const zone = stringAttribute(instance, 'settings', 0, 'location_preference', 0, 'zone');
    const secondary = stringAttribute(
      instance,
      'settings',
      0,
      'location_preference',
      0,
      'secondary_zone',
    );
    if (availability !== 'REGIONAL') {
      if (zone) resource.zone = { value: zone, source: 'location_preference.zone' };
      else resource.zoneUnknown = 'ZONAL, and no location_preference zone';
      return undefined;
    }
    return [
      {
        name: 'primary',
        ...(zone ? { zone: { value: zone, source: 'location_preference.zone' } } : {}),
      },
      {
        name: 'standby',
        ...(secondary
          ? { zone: { value: secondary, source: 'location_preference.secondary_zone' } }
          : {}),
      },
    ];
  }
  if (type === 'google_redis_instance' && stringAttribute(instance, 'tier') === 'STANDARD_HA') {
    const primary = stringAttribute(instance, 'location_id');
    const alternative = stringAttribute(instance, 'alternative_location_id');
    return [
      { name: 'primary', ...(primary ? { zone: { value: primary, source: 'location_id' } } : {}) },
      {
        name: 'standby',
        ...(alternative ? { zone: { value: alternative, source: 'alternative_location_id' } } : {}),
      },
    ];
  }
  if (type === 'google_redis_instance') {
    const primary = stringAttribute(instance, 'location_id');
    if (primary) resource.zone = { value: primary, source: 'location_id' };
  }
  return resource.replicas;
}

/** A source a replica names (`replicate_source_db`, `master_instance_name`), if any. */
export function copySource(instance: TfInstance): string | undefined {
  if (instance.type === 'aws_db_instance') return stringAttribute(instance, 'replicate_source_db');
  if (instance.type === 'google_sql_database_instance') {
    return stringAttribute(instance, 'master_instance_name');
  }
  return undefined;
}

/** Copies the resource itself declares: global-table replicas, bucket replication. */
export function declaredCopies(
  instance: TfInstance,
  ownRegion: string | undefined,
): { copy: Copy; targetId?: string }[] {
  const copies: { copy: Copy; targetId?: string }[] = [];
  const type = instance.type;
  if (type === 'aws_dynamodb_table' || type === 'aws_dynamodb_global_table') {
    const replicas = attribute(instance, 'replica');
    const list = Array.isArray(replicas) ? replicas : [];
    list.forEach((_, i) => {
      const region = stringAttribute(instance, 'replica', i, 'region_name');
      // The legacy global table lists its own region among its replicas.
      if (region && region !== ownRegion) {
        copies.push({
          copy: {
            to: `${region} replica`,
            region,
            note: `global table replica in ${region}; replication lag unknown`,
          },
        });
      }
    });
  }
  if (type === 'aws_s3_bucket' || type === 'aws_s3_bucket_replication_configuration') {
    const rules =
      type === 'aws_s3_bucket'
        ? (['replication_configuration', 0, 'rules'] as const)
        : (['rule'] as const);
    const list = attribute(instance, ...rules);
    (Array.isArray(list) ? list : []).forEach((_, i) => {
      const destination = [...rules, i, 'destination', 0] as const;
      const bucket = stringAttribute(instance, ...destination, 'bucket');
      const time = [...destination, 'replication_time', 0] as const;
      const minutes = attribute(instance, ...time, 'time', 0, 'minutes');
      const timed =
        stringAttribute(instance, ...time, 'status') === 'Enabled' && typeof minutes === 'number';
      if (bucket) {
        copies.push({
          copy: timed
            ? {
                to: bucket,
                every: `${minutes}m`,
                note: `bucket replication within ${minutes} minutes (Replication Time Control)`,
              }
            : { to: bucket, note: 'bucket replication; replication lag unknown' },
          targetId: bucket,
        });
      }
    });
  }
  return copies;
}
