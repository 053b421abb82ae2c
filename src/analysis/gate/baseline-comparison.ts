// A check's findings against a baseline of accepted ones: which are new, which known, and which
// baseline entries no longer occur (stale: fixed, or their rule switched off). The gate fails on
// a new finding at `error`, and with `strict` on a stale entry too, so a baseline only shrinks.
// A single point of failure is one finding however many entry points it takes down: when the
// baseline accepts it, it stays known as that number changes, and the entry points it takes down
// now but did not then (and the other way round) are shown beside it (`sinceBaseline`).

import { byCodeUnit } from '../../compare.js';
import type { BaselineEntry } from '../../manifest/baseline.js';
import type { PolicyRuleId } from '../../manifest/types.js';
import type { NewFinding } from './evaluate-policy.js';
import type { CheckResult, Finding, StaleEntry } from './check-result.js';
import { canonicalSubject } from './fingerprint.js';
import { groupPairEntries } from './baseline-pairs.js';

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
  const entries = groupPairEntries(baseline ?? []);
  const accepted = new Map(entries.map((entry) => [entry.fingerprint, entry]));
  const judged: Finding[] = findings.map((finding) => {
    const entry = accepted.get(finding.fingerprint);
    const judgement = judge(finding, entry === undefined ? 'new' : 'known');
    const change = entry && changeOfEntrypoints(entry.entrypoints, finding.entrypoints);
    if (change !== undefined) judgement.sinceBaseline = change;
    return judgement;
  });
  const stale = staleEntries(entries, findings);
  let fresh = 0;
  let newErrors = 0;
  let errors = 0;
  for (const f of judged) {
    if (f.severity === 'error') errors++;
    if (f.state !== 'new') continue;
    fresh++;
    if (f.severity === 'error') newErrors++;
  }
  return {
    manifest: options.manifest,
    baseline: options.baselineFile,
    strictBaseline: options.strict,
    passed: newErrors === 0 && !(options.strict && stale.length > 0),
    summary: {
      errors,
      warnings: judged.length - errors,
      new: fresh,
      newErrors,
      known: judged.length - fresh,
      fixed: stale.length,
    },
    rules: [...options.rules].map(([rule, enabled]) => ({ rule, enabled })),
    findings: judged,
    stale,
  };
}

/** The finding as judged: its fields in the order they are printed, then its state. */
function judge(finding: NewFinding, state: Finding['state']): Finding {
  const { rule, severity, fingerprint, subject, message, location, entrypoints } = finding;
  return entrypoints === undefined
    ? { rule, severity, fingerprint, subject, message, location, state }
    : { rule, severity, fingerprint, subject, message, location, entrypoints, state };
}

/** The baseline entries that no finding has, sorted. */
function staleEntries(
  entries: readonly BaselineEntry[],
  findings: readonly NewFinding[],
): StaleEntry[] {
  if (entries.length === 0) return [];
  const current = new Set(findings.map((finding) => finding.fingerprint));
  return sortByRuleThenSubject(
    dedupe(entries)
      .filter((entry) => !current.has(entry.fingerprint))
      .map(({ rule, fingerprint, subject }) => ({ rule, fingerprint, subject })),
  );
}

/** Which entry points were added and removed since the baseline; undefined: none, or unknown. */
function changeOfEntrypoints(
  before: readonly string[] | undefined,
  now: readonly string[] | undefined,
): Finding['sinceBaseline'] {
  if (before === undefined || now === undefined) return undefined;
  // Most often nothing changed: the same sorted list, told apart without building sets.
  if (before.length === now.length && before.every((id, i) => id === now[i])) return undefined;
  const was = new Set(before);
  const is = new Set(now);
  const added = now.filter((id) => !was.has(id));
  const removed = before.filter((id) => !is.has(id));
  return added.length + removed.length === 0 ? undefined : { added, removed };
}

/** The baseline that accepts exactly `findings`: one entry each, sorted. */
export function baselineOf(findings: readonly NewFinding[]): BaselineEntry[] {
  return sortByRuleThenSubject(
    dedupe(
      findings.map(({ rule, fingerprint, subject, entrypoints }) => {
        const entry: BaselineEntry = {
          rule,
          fingerprint,
          subject: Object.fromEntries(canonicalSubject(subject)),
        };
        if (entrypoints !== undefined) entry.entrypoints = entrypoints;
        return entry;
      }),
    ),
  );
}

function dedupe<T extends { fingerprint: string }>(entries: readonly T[]): T[] {
  const seen = new Set<string>();
  return entries.filter((entry) => !seen.has(entry.fingerprint) && seen.add(entry.fingerprint));
}

type Entry = Pick<BaselineEntry, 'rule' | 'fingerprint'> & { subject: StaleEntry['subject'] };

/**
 * By rule, then by subject (keys in order), so that a baseline reads like a list of risks. Each
 * subject's key is made once, not once per comparison.
 */
function sortByRuleThenSubject<T extends Entry>(entries: T[]): T[] {
  const keyed = entries.map((entry) => ({ entry, key: subjectKey(entry.subject) }));
  keyed.sort(
    (a, b) =>
      byCodeUnit(a.entry.rule, b.entry.rule) ||
      byCodeUnit(a.key, b.key) ||
      byCodeUnit(a.entry.fingerprint, b.entry.fingerprint),
  );
  return keyed.map(({ entry }) => entry);
}

function subjectKey(subject: StaleEntry['subject']): string {
  return JSON.stringify(canonicalSubject(subject));
}
