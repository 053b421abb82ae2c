// The result of `analyze`: the one object every analyze reporter renders and `--format json`
// prints as is (documented by schema/analysis-result.schema.json). Lists are sorted.

import type { DomainLevel } from '../manifest/types.js';
import type { ComponentImportance, EntryAvailability } from './reliability/result.js';

export type { ComponentImportance, EntryAvailability };

export interface BlastRadius {
  /** Services down when this fails alone (itself not counted). */
  down: number;
  /** Services degraded when this fails alone. */
  degraded: number;
  /** Entry points down (counting itself if it is one). */
  entrypointsDown: number;
  /** Sum of cost_per_hour over the failed and down services. */
  costPerHour: number;
}

export interface ComponentSpof {
  id: string;
  /** Entry points (other than itself) it takes down alone. */
  takesDown: string[];
  blastRadius: BlastRadius;
  /** Also an articulation point of the undirected hard-dependency graph. */
  cutVertex: boolean;
  /**
   * Seconds it can be down before the first entry point of `takesDown` goes down; present only
   * when some requirement of the manifest tolerates anything.
   */
  grace?: number;
}

export type { DomainLevel };

export interface DomainSpof {
  /** `provider=aws`, `provider=aws,region=us-east-1` or `provider=aws,region=us-east-1,zone=use1-az1`. */
  domain: string;
  level: DomainLevel;
  services: number;
  takesDown: string[];
  /** Entry points taken down by the whole domain but by no single component of it. */
  onlyAsDomain: string[];
  blastRadius: BlastRadius;
  /** As for a component: seconds before the first entry point goes down, with tolerances only. */
  grace?: number;
}

export interface ComponentBlastRadius extends BlastRadius {
  id: string;
}

export interface DomainBlastRadius extends BlastRadius {
  domain: string;
  level: DomainLevel;
  services: number;
}

export interface FateSharing {
  monitor: string;
  target: string;
  /** Components other than the monitor whose single failure takes down both. */
  via: string[];
}

export interface ProviderConcentration {
  provider: string;
  services: number;
  /** Entry points down when the whole provider is down. */
  takesDown: number;
  /** takesDown / number of entry points. */
  share: number;
  /** Of those, entry points that reach the provider through their own services only. */
  direct: number;
  /** Of those, entry points that reach it only through another provider's services. */
  indirect: number;
  /** takesDown / direct (Kashaf et al., IMC 2020); null when there is no direct one. */
  amplification: number | null;
}

export interface ColdStartBlock {
  /** A cycle of hard requirements, smallest id first: each member needs the next, the last the first. */
  cycle: string[];
  /** The blocked services that wait, directly or through other blocked ones, on this cycle. */
  blocks: string[];
}

export interface AnalysisSummary {
  services: number;
  dependencies: number;
  entrypoints: number;
  /** Entry points with at least one single-component or failure-domain SPOF. */
  entrypointsAtRisk: number;
  entrypointsWithComponentSpof: number;
  componentSpofs: number;
  domainSpofs: number;
  cutVertices: number;
  cycles: number;
  coldStartBlocked: number;
  fateSharing: number;
}

export interface AnalysisResult {
  manifest: string | null;
  /** Set when --entry narrowed the analysis to some entry points. */
  focus: string[] | null;
  /**
   * With `--for`: the outage length in seconds that the SPOFs, failure-domain SPOFs, blast radii
   * and provider concentration answer for (tolerances of that length or more ride it out).
   */
  duration?: number;
  summary: AnalysisSummary;
  entrypoints: string[];
  /** Components that take down at least one entry point alone; costliest first. */
  spofs: ComponentSpof[];
  domainSpofs: DomainSpof[];
  /** Every component, largest blast radius first. */
  blastRadius: ComponentBlastRadius[];
  /** Every failure domain, largest blast radius first. */
  domainBlastRadius: DomainBlastRadius[];
  cutVertices: string[];
  bridges: Array<[string, string]>;
  cycles: string[][];
  coldStartOrder: string[][];
  coldStartBlocked: string[];
  coldStartWitnesses: ColdStartBlock[];
  fateSharing: FateSharing[];
  providerConcentration: ProviderConcentration[];
  /** With `--order 2` and more: minimal pairs of components; null otherwise. */
  pairs: PairCut[] | null;
  /** With `--order 2` and more: minimal pairs of failure domains; null otherwise. */
  domainPairs: DomainPairCut[] | null;
  /** With `--order 2` and more: how far the pair searches went; null otherwise. */
  pairSearch: PairSearch | null;
  /** With `--order N`, N ≥ 2: minimal cut sets of up to N components; null otherwise. */
  cutSets: CutSets | null;
  /** Services whose rto is shorter than what their hard dependencies need to recover. */
  rtoViolations: RtoViolation[];
  /** Availability of each entry point in focus, from the SLAs (reliability-result.ts). */
  availability: Record<string, EntryAvailability>;
  /** Per entry point in focus: components ranked by criticality ("what to fix first"). */
  importance: Record<string, ComponentImportance[]>;
  /** Services that are not virtual and declare no sla: availability counts them as never failing. */
  slaUnknown: string[];
  /**
   * Estimated RTO and RPO per entry point in focus (by id) and kind of disruption; present only
   * when the manifest declares recovery objectives or copies of data.
   */
  objectives?: Record<string, EntryObjectives>;
  /** Services that are not virtual and declare no recovery_time (back at once, as estimated). */
  recoveryTimeUnknown?: string[];
  /** Datastores whose every copy shares one of their failure domains, per level. */
  dataSharesFate?: DataSharingFate[];
}

/** The recovery estimates of one entry point, per kind of disruption. */
export interface EntryObjectives {
  component: RecoveryEstimate;
  zone: RecoveryEstimate;
  region: RecoveryEstimate;
  provider: RecoveryEstimate;
}

/** The worst recovery of an entry point over every disruption of one kind, and its target. */
export interface RecoveryEstimate {
  /** Seconds until the entry point is back, counted from the start of the disruption. */
  rto: number;
  /** The disruption (a component id, or a domain) that sets rto; null when none takes it down. */
  rtoDisruption: string | null;
  /** From the entry point to the failed component whose recovery_time sets rto. */
  rtoChain: string[];
  /** Seconds of data lost; null: unbounded (the disruption takes every copy with the data). */
  rpo: number | null;
  /** The disruption that sets rpo; null when none reaches a datastore with copies. */
  rpoDisruption: string | null;
  /** The datastore whose data loss sets rpo. */
  rpoDatastore: string | null;
  /** The target of policy.objectives for this entry point and kind; null when there is none. */
  target: { rto?: number; rpo?: number } | null;
  /** Which estimates exceed the target ('rto', 'rpo'); empty when both are within it. */
  exceeds: Array<'rto' | 'rpo'>;
}

/** A datastore whose every copy is in the same failure domain as the datastore itself. */
export interface DataSharingFate {
  datastore: string;
  level: DomainLevel;
  /** The shared domain, e.g. "provider=aws,region=us-east-1". */
  domain: string;
  /** The copies in it: all of the datastore's copies, by id. */
  copies: string[];
}

// Issue 7: pairs of failures and RTO consistency.

/**
 * A minimal cut set of size two: failing both components takes the entry points of `takesDown`
 * down, while failing either alone does not (and neither is one of those entry points).
 */
export interface PairCut {
  /** The two components, smaller id first. */
  ids: [string, string];
  takesDown: string[];
}

/** Two disjoint failure domains whose joint loss takes down entry points that neither alone does. */
export interface DomainPairCut {
  /** The two domains, smaller first. */
  domains: [string, string];
  takesDown: string[];
}

/** One pair search: the pairs are complete unless the budget ran out. */
export interface PairSearchTotals {
  /** Candidate pairs propagated. */
  checked: number;
  /** True when every candidate pair was checked: the list is then every minimal pair. */
  complete: boolean;
  /**
   * Candidate pairs left unchecked when the budget ran out; 0 when complete. Counted up to ten
   * times the budget: beyond that, at least this many.
   */
  unchecked: number;
}

export interface PairSearch {
  /** Candidate pairs each search may propagate (`--pair-budget`). */
  budget: number;
  components: PairSearchTotals;
  domains: PairSearchTotals;
}

/**
 * Minimal cut sets of up to `order` members per entry point: sets of components, and of failure
 * domains that are events of their own, whose joint failure takes the entry point down while no
 * smaller part of them does (the entry point's own failure left out).
 */
export interface CutSets {
  order: number;
  /** Diagram nodes the search may create (`--cut-budget`). */
  budget: number;
  /** True when every entry point in focus was solved: within the budget, and the pair searches complete. */
  complete: boolean;
  /** Diagram nodes created; 0 at order two (the SPOFs and the pairs need none). */
  nodes: number;
  /** The failure domains that are members like components (the manifest's `domains:`), sorted. */
  domains: string[];
  /** Every entry point in focus, by id. */
  entrypoints: CutSetEntry[];
  /**
   * The cut sets that `spofs` and `pairs` do not list — three or more members, or a domain
   * among them — most entry points first, then fewer members, then ids, then domains; null
   * when there are more than 100,000 of them (the counts stay exact).
   */
  sets: LargerCutSet[] | null;
}

export interface CutSetEntry {
  id: string;
  /** counts[s − 1]: minimal cut sets of s members; null when the budget ran out first. */
  counts: number[] | null;
}

export interface LargerCutSet {
  /** The components, by id. */
  ids: string[];
  /** The failure domains, by name. */
  domains: string[];
  takesDown: string[];
}

/** A single point of failure by graph index, as `check` reads it. */
export interface IndexedSpof {
  component: number;
  /** The entry points (other than the component) it takes down alone, ascending by index. */
  takesDown: readonly number[];
}

export interface RtoViolation {
  service: string;
  /** The service's rto, in seconds. */
  rto: number;
  /** The service whose recovery_time bounds how soon the service can be back. */
  dependency: string;
  /** That service's recovery_time, in seconds (greater than rto). */
  recoveryTime: number;
  /** The hard requirements from the service to the dependency, both ends included. */
  chain: string[];
}

/**
 * What the policy rules of `check` read of an analysis (analyze.ts analyzeForGate), and only
 * that; analyze.ts gateAnalysisOf reads one off a full AnalysisResult. Lists are in no
 * particular order.
 */
export interface GateAnalysis {
  /** Components (not virtual) that take down an entry point alone, by graph index. */
  spofs: ReadonlyArray<IndexedSpof>;
  domainSpofs: ReadonlyArray<Pick<DomainSpof, 'domain' | 'level' | 'takesDown' | 'onlyAsDomain'>>;
  /**
   * Every component that is not virtual; `check`'s own analysis leaves it empty unless a
   * `max-blast-radius` rule is in effect.
   */
  blastRadius: ReadonlyArray<
    Pick<ComponentBlastRadius, 'id' | 'down' | 'entrypointsDown' | 'costPerHour'>
  >;
  fateSharing: AnalysisResult['fateSharing'];
  coldStartWitnesses: AnalysisResult['coldStartWitnesses'];
  rtoViolations: AnalysisResult['rtoViolations'];
  /** Empty unless availability was asked for (a `min-availability` rule is in effect). */
  availability: AnalysisResult['availability'];
  objectives?: AnalysisResult['objectives'];
  dataSharesFate?: AnalysisResult['dataSharesFate'];
}
