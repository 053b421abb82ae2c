// A check's findings against a baseline of accepted ones: which are new, which known, and which
// baseline entries no longer occur (stale: fixed, or their rule switched off). The gate fails on
// a new finding at `error`, and with `strict` on a stale entry too, so a baseline only shrinks.

import { byCodeUnit } from '../../compare.js';
import type { BaselineEntry } from '../../manifest/baseline.js';
import type { PolicyRuleId } from '../../manifest/types.js';
import type { NewFinding } from './evaluate-policy.js';
import type { CheckResult, Finding, StaleEntry } from './check-result.js';
import { canonicalSubject } from './fingerprint.js';

export interface BaselineOptions {
  manifest: string;
  /** Whether each rule is in effect (model/policy.ts rulesInEffect). */
  rules: ReadonlyMap<PolicyRuleId, boolean>;
  /** The baseline's file name, or null when there is none. */
  baselineFile: string | null;
  strict: boolean;
}

export function compareWithBaseline(
  findings: readonly NewFinding[],
  baseline: readonly BaselineEntry[] | null,
  options: BaselineOptions,
): CheckResult {
  const accepted = new Set((baseline ?? []).map((entry) => entry.fingerprint));
  const current = new Set(findings.map((finding) => finding.fingerprint));
  const judged: Finding[] = findings.map((finding) => ({
    ...finding,
    state: accepted.has(finding.fingerprint) ? 'known' : 'new',
  }));
  const stale: StaleEntry[] = dedupe(baseline ?? [])
    .filter((entry) => !current.has(entry.fingerprint))
    .map(({ rule, fingerprint, subject }) => ({ rule, fingerprint, subject }))
    .sort(byRuleThenSubject);
  const fresh = judged.filter((f) => f.state === 'new');
  const newErrors = fresh.filter((f) => f.severity === 'error').length;
  return {
    manifest: options.manifest,
    baseline: options.baselineFile,
    strictBaseline: options.strict,
    passed: newErrors === 0 && !(options.strict && stale.length > 0),
    summary: {
      errors: judged.filter((f) => f.severity === 'error').length,
      warnings: judged.filter((f) => f.severity === 'warn').length,
      new: fresh.length,
      newErrors,
      known: judged.length - fresh.length,
      fixed: stale.length,
    },
    rules: [...options.rules].map(([rule, enabled]) => ({ rule, enabled })),
    findings: judged,
    stale,
  };
}

/** The baseline that accepts exactly `findings`: one entry each, sorted. */
export function baselineOf(findings: readonly NewFinding[]): BaselineEntry[] {
  return dedupe(
    findings.map(({ rule, fingerprint, subject }) => ({
      rule,
      fingerprint,
      subject: Object.fromEntries(canonicalSubject(subject)),
    })),
  ).sort(byRuleThenSubject);
}

function dedupe<T extends { fingerprint: string }>(entries: readonly T[]): T[] {
  const seen = new Set<string>();
  return entries.filter((entry) => !seen.has(entry.fingerprint) && seen.add(entry.fingerprint));
}

type Entry = Pick<BaselineEntry, 'rule' | 'fingerprint'> & { subject: StaleEntry['subject'] };

/** By rule, then by subject (keys in order), so that a baseline reads like a list of risks. */
function byRuleThenSubject(a: Entry, b: Entry): number {
  return (
    byCodeUnit(a.rule, b.rule) ||
    byCodeUnit(subjectKey(a.subject), subjectKey(b.subject)) ||
    byCodeUnit(a.fingerprint, b.fingerprint)
  );
}

function subjectKey(subject: StaleEntry['subject']): string {
  return JSON.stringify(canonicalSubject(subject));
}
