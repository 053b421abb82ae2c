// The policy `check` evaluates: the built-in rules (unless the manifest says `defaults: false`)
// followed by the manifest's own, each with its scope resolved to the services it covers. For
// each subject, the last entry of its rule whose scope covers it decides: later entries refine
// earlier ones, and `severity: off` switches a rule off where it applies.

import { ManifestError, ManifestErrors } from '../manifest/errors.js';
import {
  POLICY_RULES,
  RECOVERY_RULES,
  type BlastRadiusLimits,
  type DomainLevel,
  type Manifest,
  type PolicyRule,
  type PolicyRuleId,
  type Severity,
  type SourcePosition,
} from '../manifest/types.js';
import type { CompiledGraph } from './compiled-graph.js';
import { matchSelector, resolveSelector, SelectorError } from './selector.js';

/** A policy entry with its scope resolved. */
export interface ResolvedRule {
  rule: PolicyRuleId;
  severity: Severity;
  level?: DomainLevel;
  max?: BlastRadiusLimits;
  /** min-availability: the least availability allowed, in percent. */
  min?: number;
  /** 1 for each service in scope; undefined: every service. */
  scope?: Uint8Array;
  /** The scope as written, for messages: undefined for every service. */
  scopeText?: string[];
  /** Where the manifest writes it; undefined for a built-in default. */
  position?: SourcePosition;
}

/** The built-in policy, applied before the manifest's own rules. */
export const DEFAULT_POLICY: readonly PolicyRule[] = [
  { rule: 'no-spof', severity: 'warn' },
  { rule: 'no-spof', severity: 'error', scope: scopeOf('tier=critical') },
  { rule: 'no-domain-spof', severity: 'warn', level: 'zone' },
  { rule: 'no-domain-spof', severity: 'warn', level: 'region' },
  { rule: 'independent-monitoring', severity: 'warn' },
  { rule: 'independent-monitoring', severity: 'error', scope: scopeOf('tier=critical') },
  { rule: 'cold-start', severity: 'warn' },
  { rule: 'no-unknown-sla', severity: 'warn', scope: scopeOf('tier=critical') },
  { rule: 'rto-consistency', severity: 'warn' },
];

/**
 * The recovery rules a manifest opts into by declaring what they check: objectives (an error
 * to exceed them) and copies of data (a warning when they share fate). Its own rules refine them.
 */
export function recoveryDefaults(manifest: Manifest): PolicyRule[] {
  const rules: PolicyRule[] = [];
  if (manifest.policy?.objectives !== undefined)
    rules.push({ rule: 'objectives', severity: 'error' });
  if (manifest.services.some((s) => s.copies !== undefined)) {
    rules.push({ rule: 'data-shares-fate', severity: 'warn' });
  }
  return rules;
}

function scopeOf(selector: string) {
  return [{ selector, position: { file: '(built-in policy)', line: 1, column: 1 } }];
}

/**
 * The effective policy of a manifest over its compiled graph.
 * @throws ManifestErrors for a scope selector that is malformed, names no service or matches none
 *   (a typo in a gate's scope must not switch the gate off silently).
 */
export function resolvePolicy(manifest: Manifest, graph: CompiledGraph): ResolvedRule[] {
  const own = manifest.policy;
  const errors: ManifestError[] = [];
  const resolved: ResolvedRule[] = [];
  if (own === undefined || own.defaults) {
    for (const rule of DEFAULT_POLICY) resolved.push(resolveRule(rule, graph, undefined));
  }
  for (const rule of recoveryDefaults(manifest)) resolved.push(resolveRule(rule, graph, undefined));
  for (const rule of own?.rules ?? []) resolved.push(resolveRule(rule, graph, errors));
  if (errors.length > 0) throw new ManifestErrors(errors);
  return resolved;
}

/** `errors` undefined: a built-in rule, whose scope may match nothing. */
function resolveRule(
  rule: PolicyRule,
  graph: CompiledGraph,
  errors: ManifestError[] | undefined,
): ResolvedRule {
  const resolved: ResolvedRule = { rule: rule.rule, severity: rule.severity };
  if (rule.level !== undefined) resolved.level = rule.level;
  if (rule.max !== undefined) resolved.max = rule.max;
  if (rule.min !== undefined) resolved.min = rule.min;
  if (rule.position !== undefined) resolved.position = rule.position;
  if (rule.scope === undefined) return resolved;
  const scope = new Uint8Array(graph.n);
  for (const { selector, position } of rule.scope) {
    try {
      // A built-in rule's scope may match nothing: no error, so no message is made for it.
      const matched =
        errors === undefined ? matchSelector(graph, selector) : resolveSelector(graph, selector);
      for (const v of matched) scope[v] = 1;
    } catch (error) {
      if (!(error instanceof SelectorError)) throw error;
      errors?.push(new ManifestError(`scope: ${error.message}`, position));
    }
  }
  resolved.scope = scope;
  resolved.scopeText = rule.scope.map((s) => s.selector);
  return resolved;
}

/**
 * Whether each rule can produce a finding at all: false when, for every level, the last entry
 * covering everything is `off` and no entry after it switches the rule back on somewhere.
 */
export function rulesInEffect(rules: readonly ResolvedRule[]): Map<PolicyRuleId, boolean> {
  const enabled = new Map<PolicyRuleId, boolean>(POLICY_RULES.map((rule) => [rule, false]));
  // A recovery rule is listed only where the manifest uses it, so other results read as before.
  for (const rule of RECOVERY_RULES)
    if (rules.some((r) => r.rule === rule)) enabled.set(rule, false);
  const decided = new Set<string>();
  for (let i = rules.length - 1; i >= 0; i--) {
    const entry = rules[i]!;
    const key = `${entry.rule}\u0000${entry.level ?? ''}`;
    if (decided.has(key)) continue;
    if (entry.severity !== 'off') {
      enabled.set(entry.rule, true);
      decided.add(key);
    } else if (entry.scope === undefined) decided.add(key);
  }
  return enabled;
}

/**
 * The entry that decides for subject `v` of `rule` (and `level`): the last one covering it, or
 * undefined when none does or it is `off`.
 */
export function ruleFor(
  rules: readonly ResolvedRule[],
  rule: PolicyRuleId,
  v: number,
  level?: DomainLevel,
): ResolvedRule | undefined {
  for (let i = rules.length - 1; i >= 0; i--) {
    const entry = rules[i]!;
    if (entry.rule !== rule || entry.level !== level) continue;
    if (entry.scope !== undefined && !entry.scope[v]) continue;
    return entry.severity === 'off' ? undefined : entry;
  }
  return undefined;
}
