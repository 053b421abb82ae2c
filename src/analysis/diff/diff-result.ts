// The result of `diff`: the risk one manifest adds to and removes from another, the one object
// every diff reporter renders and `--format json` prints as is (schema/diff-result.schema.json).

import type { BlastRadius } from '../analysis-result.js';

/** The conditions `--fail-on` can name, in the order they are reported. */
export const FAIL_ON = ['new-spof', 'new-domain-spof', 'new-risk'] as const;
export type FailOn = (typeof FAIL_ON)[number];

/** One manifest of the comparison. */
export interface DiffSide {
  /** Where it was read: a path, or `REF:path/in/repo.yaml` for `--base`. */
  source: string;
  /** The manifest's `name`, or null. */
  manifest: string | null;
  /** False when there was no manifest there (at the git revision): this side is empty. */
  exists: boolean;
  services: number;
  entrypoints: number;
  /** Entry points with at least one component or failure-domain SPOF. */
  entrypointsAtRisk: number;
  /** (entry point, component) SPOF pairs. */
  spofPairs: number;
  /** (entry point, failure domain) SPOF pairs. */
  domainSpofPairs: number;
}

export interface IdChanges {
  added: string[];
  removed: string[];
}

/** A component whose single failure takes down an entry point. */
export interface SpofPair {
  entrypoint: string;
  component: string;
}

/** A failure domain whose whole loss takes down an entry point. */
export interface DomainSpofPair {
  entrypoint: string;
  domain: string;
}

export interface PairChanges<T> {
  added: T[];
  removed: T[];
}

/** How one component's blast radius changed; before is null for an added one, after for a removed one. */
export interface BlastRadiusChange {
  id: string;
  before: BlastRadius | null;
  after: BlastRadius | null;
  /** after − before, a missing side counting as zero. */
  delta: BlastRadius;
}

export interface NeighbourhoodNode {
  id: string;
  entrypoint: boolean;
  /** One of the new SPOF components the picture leads to. */
  spof: boolean;
  /** Not in the old manifest. */
  added: boolean;
}

export interface NeighbourhoodEdge {
  /** The dependent. */
  from: string;
  /** Its hard dependency. */
  to: string;
  /** Not a hard dependency in the old manifest. */
  added: boolean;
}

/**
 * The changed neighbourhood: the hard-dependency paths from entry points to their new SPOF
 * components, bounded so that it stays readable in a pull-request comment.
 */
export interface Neighbourhood {
  nodes: NeighbourhoodNode[];
  edges: NeighbourhoodEdge[];
  /** New (entry point, component) SPOF pairs drawn with every path between them. */
  drawn: number;
  /** Pairs drawn with one shortest path only: all of them did not fit. */
  shortened: number;
  /** Pairs not drawn at all. */
  leftOut: number;
}

export interface DiffGate {
  /** The conditions asked for with --fail-on, in FAIL_ON order. */
  failOn: FailOn[];
  /** Those that matched. */
  triggered: FailOn[];
  passed: boolean;
}

export interface DiffResult {
  before: DiffSide;
  after: DiffSide;
  services: IdChanges;
  entrypoints: IdChanges;
  /** Component SPOF pairs, sorted by entry point, then component. */
  spofs: PairChanges<SpofPair>;
  /** Failure-domain SPOF pairs, sorted by entry point, then domain. */
  domainSpofs: PairChanges<DomainSpofPair>;
  /** Components whose blast radius changed, appeared or vanished; the largest change first. */
  blastRadius: BlastRadiusChange[];
  /** Entry points at risk now that were not (or did not exist) before, sorted. */
  newlyAtRisk: string[];
  /** Entry points at risk before that are not now (or no longer exist), sorted. */
  noLongerAtRisk: string[];
  neighbourhood: Neighbourhood;
  gate: DiffGate;
}
