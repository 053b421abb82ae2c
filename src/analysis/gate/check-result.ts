// The result of `check`: the one object every check reporter renders and `--format json` prints
// as is (documented by schema/check-result.schema.json). Findings are sorted by place, then rule.

import type { PolicyRuleId, SourcePosition } from '../../manifest/types.js';

export type FindingSeverity = 'error' | 'warn';

/**
 * What a finding is about, by id: the input of its fingerprint. Which keys a rule uses:
 * no-spof {component}; no-domain-spof {domain} (one finding per single point of failure, its
 * entry points listed beside: `entrypoints`);
 * max-blast-radius {component}; independent-monitoring {monitor, target};
 * cold-start {cycle} (its members, sorted); no-unknown-sla {service};
 * rto-consistency {service, dependency}.
 */
export type FindingSubject = Readonly<Record<string, string | readonly string[]>>;

export interface Finding {
  rule: PolicyRuleId;
  severity: FindingSeverity;
  /** Stable across reorderings and unrelated renames: rule and subject only. */
  fingerprint: string;
  subject: FindingSubject;
  message: string;
  /** The manifest line to look at: the dependency that brings the risk in, where there is one. */
  location: SourcePosition;
  /**
   * no-spof and no-domain-spof: every entry point in the rule's scope that the single point of
   * failure takes down, sorted by id. The severity is the worst among them.
   */
  entrypoints?: string[];
  /** `known` when the baseline accepts it. */
  state: 'new' | 'known';
  /**
   * A known finding whose entry points differ from those the baseline accepted: which are
   * taken down now and were not then (`added`), and the other way round (`removed`).
   */
  sinceBaseline?: { added: string[]; removed: string[] };
}

/** Severities in order, `off` lowest: the worst decides where several apply. */
export const SEVERITY_RANK = { off: 0, warn: 1, error: 2 } as const;

/** A baseline entry that no longer occurs: fixed, or its rule switched off. */
export interface StaleEntry {
  rule: string;
  fingerprint: string;
  subject: FindingSubject;
}

export interface CheckSummary {
  errors: number;
  warnings: number;
  new: number;
  newErrors: number;
  known: number;
  /** Baseline entries that no longer occur (the `stale` list). */
  fixed: number;
}

/** A policy rule and whether the policy lets it produce findings (false: `off` everywhere). */
export interface RuleInEffect {
  rule: PolicyRuleId;
  enabled: boolean;
}

export interface CheckResult {
  manifest: string;
  /** The baseline file given with --baseline, or null. */
  baseline: string | null;
  strictBaseline: boolean;
  /** The gate: no new finding at `error`, and with strictBaseline no stale entry. */
  passed: boolean;
  summary: CheckSummary;
  /** Every rule, in the policy's rule order. */
  rules: RuleInEffect[];
  findings: Finding[];
  stale: StaleEntry[];
}
