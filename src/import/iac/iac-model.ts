// The resources of an infrastructure-as-code input (a Terraform plan or state, CloudFormation
// templates) as both importers describe them: what role each plays at run time, the zone and
// region facts it carries with where they came from, the references between resources, and the
// redundancy it declares. The shared builder turns this into services.

/**
 * What a resource is to the running system.
 * - service: a runtime component (compute, load balancer, database, queue, bucket, NAT…);
 * - member: a runtime component grouped into the service it names (an Aurora instance in its
 *   cluster, an EFS mount target of its file system);
 * - subnet: placement that gives a zone; route-table / route: which NAT a subnet reaches;
 * - routing: listeners, target groups and attachments that tie a load balancer to its backends;
 * - placement: other placement and configuration (VPC, security groups, launch templates,
 *   parameter and subnet groups), folded into the services that use it;
 * - control: deploy-order only (IAM, log groups, random values, alarms);
 * - skip: a type this importer does not know.
 */
export type IacRole =
  | 'service'
  | 'member'
  | 'subnet'
  | 'route-table'
  | 'route'
  | 'routing'
  | 'placement'
  | 'control'
  | 'skip';

/** A zone or region value and where it was read. */
export interface Fact {
  value: string;
  /** `availability_zone attribute`, `ARN`, `AZ name`, `provider configuration`, `--region`… */
  source: string;
}

export interface IacReference {
  /** The key of the resource referred to. */
  target: string;
  /** Written as an ordering constraint (`depends_on`, `DependsOn`), not read from a value. */
  explicit: boolean;
  /** A replica naming the source it copies: replication, not a runtime dependency. */
  replication?: boolean;
}

/** A replica of a service the resource declares (a failover standby, a Cloud SQL zone pair). */
export interface Replica {
  /** Suffix of the replica's id: `primary`, `standby`, a zone. */
  name: string;
  zone?: Fact;
}

/** A data copy of the resource kept elsewhere (read replica, global-table replica, replication). */
export interface Copy {
  /** The resource key of the copy, or what names it when it is not in the input (a bucket). */
  to: string;
  /**
   * A copy with no resource of its own, in this region (a global table's replica): it becomes a
   * service `<id>@<region>` beside the one it copies.
   */
  region?: string;
  /** How far behind the copy may be, when the resource states it (a duration); else unknown. */
  every?: string;
  note: string;
}

export interface IacResource {
  /** Stable, unique name: the Terraform address, or `stack/LogicalId`. */
  key: string;
  /** Id candidates, shortest first (see service-ids); the last is unique. */
  idCandidates: string[];
  file: string;
  line?: number;
  column?: number;
  type: string;
  role: IacRole;
  kind?: string;
  provider?: string;
  /** Where it runs: in one zone (or spread over zones), in a region, or everywhere. */
  scope: 'zonal' | 'regional' | 'global';
  region?: Fact;
  /** Zones the resource states itself (an instance's AZ; a Cloud SQL zone). */
  zone?: Fact;
  /** Why the zone cannot be known, when the resource has one and it is not stated. */
  zoneUnknown?: string;
  refs: IacReference[];
  /** Placement references that point at nothing in the input (parameters, other states). */
  unresolvedPlacement: string[];
  /**
   * Spread over its subnets' zones: instances (ASG, ECS service, node group) or nodes (load
   * balancer, VPC Lambda). `capacity` is how many run; undefined when not known. `zones` when
   * the resource lists its zones itself instead of subnets; `everyZone` when it runs in each
   * (a load balancer node per subnet).
   */
  spread?: { capacity?: number; everyZone?: boolean; capacityNote?: string; zones?: Fact[] };
  /** The region to use when neither the resource nor its zones say (a provider configuration). */
  regionFallback?: Fact;
  /** Declared failover replicas (RDS Multi-AZ, ElastiCache failover, Cloud SQL REGIONAL). */
  replicas?: Replica[];
  copies: Copy[];
  /** Why copies the resource declares could not be written (which replica is itself). */
  copiesUnknown?: string;
  /** Comment lines for the service. */
  notes: string[];
}

export interface IacModel {
  resources: IacResource[];
  /** What the import could not understand or had to leave out, for the report. */
  notUnderstood: { file: string; what: string }[];
  /** Header lines for the manifest. */
  caveats: string[];
}

export function newResource(key: string, type: string, file: string, role: IacRole): IacResource {
  return {
    key,
    idCandidates: [key],
    file,
    type,
    role,
    scope: 'regional',
    refs: [],
    unresolvedPlacement: [],
    copies: [],
    notes: [],
  };
}
