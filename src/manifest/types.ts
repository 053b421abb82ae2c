// The manifest as the rest of the program sees it: validated, defaults applied, durations in
// seconds, every service and requirement carrying the source position it was declared at.

/** A place in a manifest file; line and column are 1-based. */
export interface SourcePosition {
  file: string;
  line: number;
  column: number;
}

export const TIERS = ['critical', 'high', 'medium', 'low'] as const;
export type Tier = (typeof TIERS)[number];

/**
 * One entry of `depends_on`. A plain dependency is a requirement with one alternative and
 * quorum 1; `any_of` is quorum 1 over its alternatives; `quorum: k, of: [...]` is k of n.
 * The requirement is met while at least `quorum` alternatives are not down.
 */
export interface Requirement {
  alternatives: string[];
  quorum: number;
  soft: boolean;
  /** True for `any_of` and `quorum` entries, even with a single alternative. */
  group: boolean;
  /**
   * How long the owner rides out the requirement being unmet (a cache, a DNS TTL), in seconds;
   * absent when not declared or 0, so manifests without tolerances read exactly as before.
   */
  tolerates?: number;
  position: SourcePosition;
}

/**
 * One entry of `copies`: the data of the owning service also lives in `to` (a replica, a
 * backup), at most `every` seconds behind; `every` is absent when not declared.
 */
export interface DataCopy {
  to: string;
  every?: number;
  position: SourcePosition;
}

export interface Service {
  id: string;
  entrypoint: boolean;
  /**
   * A logical node that cannot fail by itself (a "checkout path" grouping requirements, a
   * fault-tree gate): never a single point of failure, no SLA, no failure domain. Set only when true.
   */
  virtual?: true;
  kind?: string;
  owner?: string;
  tier?: Tier;
  tags: string[];
  provider?: string;
  region?: string;
  zone?: string;
  /** Percent, e.g. 99.95. */
  sla?: number;
  /** Cost of this service being down, per hour; 0 when not declared. */
  costPerHour: number;
  /** Recovery-time objective, in seconds. */
  rto?: number;
  /** Time to come back after a full outage, in seconds. */
  recoveryTime?: number;
  monitors: string[];
  dependsOn: Requirement[];
  /** Where its data also lives; set only when the manifest declares some. */
  copies?: DataCopy[];
  /** Where the service's id is declared. */
  position: SourcePosition;
}

/**
 * The order of a Service's keys as the loader builds them (property order is insertion order,
 * and JSON output follows it); whatever changes a service afterwards keeps this order.
 */
export const SERVICE_FIELD_ORDER = [
  'id',
  'entrypoint',
  'virtual',
  'kind',
  'owner',
  'tier',
  'tags',
  'provider',
  'region',
  'zone',
  'sla',
  'costPerHour',
  'rto',
  'recoveryTime',
  'monitors',
  'dependsOn',
  'copies',
  'position',
] as const satisfies ReadonlyArray<keyof Service>;

export interface Manifest {
  name?: string;
  /** The top-level manifest file as given. */
  file: string;
  /** Every file read: the top-level one first, then included ones in sorted order. */
  files: string[];
  /** Every service of every file, sorted by id. */
  services: Service[];
  /** The top-level file's `policy` section, when it has one. */
  policy?: Policy;
  /** The top-level file's `domains` section: failure domains with a probability of their own. */
  domains?: CommonCauseDomain[];
}

/**
 * A failure domain (`provider=aws,region=us-east-1`) that fails as a whole with probability
 * 1 − sla/100, independently of its members' own failures: a common cause of all of them.
 */
export interface CommonCauseDomain {
  domain: string;
  sla: number;
  position: SourcePosition;
}

/** The rules `check` evaluates (README "Policy"). */
export const POLICY_RULES = [
  'no-spof',
  'no-domain-spof',
  'max-blast-radius',
  'independent-monitoring',
  'cold-start',
  'no-unknown-sla',
  'rto-consistency',
  'min-availability',
] as const;
/**
 * Rules about recovery objectives and copies of data: in effect (objectives at error, data that
 * shares fate at warn) only when the manifest declares objectives, respectively copies.
 */
export const RECOVERY_RULES = ['objectives', 'data-shares-fate'] as const;
export type PolicyRuleId = (typeof POLICY_RULES)[number] | (typeof RECOVERY_RULES)[number];

export const SEVERITIES = ['error', 'warn', 'off'] as const;
export type Severity = (typeof SEVERITIES)[number];

/** Failure-domain levels, outermost first. */
export const DOMAIN_LEVELS = ['provider', 'region', 'zone'] as const;
export type DomainLevel = (typeof DOMAIN_LEVELS)[number];

/** A selector of a rule's `scope`, as written. */
export interface ScopeSelector {
  selector: string;
  position: SourcePosition;
}

/** Limits of `max-blast-radius`; a component exceeding any one of them is a finding. */
export interface BlastRadiusLimits {
  /** Services down (the failed component itself not counted). */
  services?: number;
  /** Entry points down. */
  entrypoints?: number;
  /** cost_per_hour summed over the failed component and everything down. */
  costPerHour?: number;
}

/** One entry of `policy.rules`. */
export interface PolicyRule {
  rule: PolicyRuleId;
  severity: Severity;
  /** Selectors whose union the entry applies to; undefined: everything. */
  scope?: ScopeSelector[];
  /** no-domain-spof only. */
  level?: DomainLevel;
  /** max-blast-radius only. */
  max?: BlastRadiusLimits;
  /** min-availability only: the least availability allowed, in percent (e.g. 99.95). */
  min?: number;
  /** Where the entry is written; undefined for the built-in defaults. */
  position?: SourcePosition;
}

/** The `policy` section of the top-level manifest. */
export interface Policy {
  /** False when the manifest says `defaults: false`: only its own rules apply. */
  defaults: boolean;
  rules: PolicyRule[];
  /** Recovery targets per kind of disruption; set only when the manifest declares them. */
  objectives?: RecoveryObjectives;
}

/**
 * Kinds of disruption, innermost first: one component fails, or every member of one zone,
 * region or provider fails together.
 */
export const DISRUPTION_KINDS = ['component', 'zone', 'region', 'provider'] as const;
export type DisruptionKind = (typeof DISRUPTION_KINDS)[number];

/** A recovery target: the longest outage (rto) and data loss (rpo) allowed, in seconds. */
export interface RecoveryObjective {
  rto?: number;
  rpo?: number;
  /** Where the target is written. */
  position: SourcePosition;
}

export type RecoveryTargets = Partial<Record<DisruptionKind, RecoveryObjective>>;

/**
 * `policy.objectives`: targets for every entry point, and per tier; an entry point of a tier
 * that sets a kind's target is held to that one instead of the general one.
 */
export interface RecoveryObjectives {
  targets: RecoveryTargets;
  tiers: Partial<Record<Tier, RecoveryTargets>>;
}
