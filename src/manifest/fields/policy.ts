// Reads the `policy` section of a manifest: the rules `check` evaluates, each with a severity,
// an optional scope of selectors and its own settings, and the recovery objectives. Selectors are checked against the
// services later, in the model, once every file's services are known.

import { describeNode, isMap, isSeq, type DocMap, type DocNode } from '../parse/doc-node.js';
import { didYouMean } from './did-you-mean.js';
import { readBoolean, readLabel } from './fields.js';
import { readObjectives } from './objectives.js';
import { POLICY_KEYS, POLICY_MAX_KEYS, POLICY_RULE_KEYS } from './keys.js';
import { quote } from '../parse/quote.js';
import type { SourceFile } from '../parse/source-file.js';
import {
  DOMAIN_LEVELS,
  POLICY_RULES,
  RECOVERY_RULES,
  SEVERITIES,
  type BlastRadiusLimits,
  type Policy,
  type PolicyRule,
  type PolicyRuleId,
  type ScopeSelector,
} from '../types.js';

const RULE_NAMES: readonly PolicyRuleId[] = [...POLICY_RULES, ...RECOVERY_RULES];

export function readPolicy(node: DocNode, offset: number, src: SourceFile): Policy | undefined {
  if (!isMap(node)) {
    src.error(offset, `policy must be a mapping with rules, not ${describeNode(node)}`);
    return undefined;
  }
  src.dropDuplicateKeys(node);
  const policy: Policy = { defaults: true, rules: [] };
  for (let i = 0; i < node.keys.length; i++) {
    const [key, value, valueOffset] = [node.keys[i]!, node.values[i]!, node.valueOffsets[i]!];
    if (key === 'defaults')
      policy.defaults = readBoolean(value, valueOffset, src, 'policy.defaults') ?? true;
    else if (key === 'rules') policy.rules = readRules(value, valueOffset, src);
    else if (key === 'objectives') {
      const objectives = readObjectives(value, valueOffset, src);
      if (objectives !== undefined) policy.objectives = objectives;
    } else {
      const hint = didYouMean(key, POLICY_KEYS);
      src.error(node.keyOffsets[i]!, `unknown key ${quote(key)} in policy${hint}`);
    }
  }
  return policy;
}

function readRules(node: DocNode, offset: number, src: SourceFile): PolicyRule[] {
  if (!isSeq(node)) {
    src.error(offset, `policy.rules must be a list of rules, not ${describeNode(node)}`);
    return [];
  }
  const rules: PolicyRule[] = [];
  for (let i = 0; i < node.items.length; i++) {
    const rule = readRule(node.items[i]!, node.offsets[i]!, src);
    if (rule !== undefined) rules.push(rule);
  }
  return rules;
}

function readRule(node: DocNode, offset: number, src: SourceFile): PolicyRule | undefined {
  if (!isMap(node)) {
    const message = `each policy rule must be a mapping such as { rule: no-spof, severity: error }, not ${describeNode(node)}`;
    src.error(offset, message);
    return undefined;
  }
  src.dropDuplicateKeys(node);
  const at = (key: string) => node.keys.indexOf(key);
  const ruleIndex = at('rule');
  if (ruleIndex < 0) {
    src.error(offset, `a policy rule needs \`rule:\`, one of ${RULE_NAMES.join(', ')}`);
    return undefined;
  }
  const ruleOffset = node.valueOffsets[ruleIndex]!;
  const id = readChoice(node.values[ruleIndex]!, ruleOffset, src, 'rule', RULE_NAMES);
  let ok = id !== undefined;
  const rule: PolicyRule = {
    rule: id ?? 'no-spof',
    severity: 'error',
    position: src.position(offset),
  };
  for (let i = 0; i < node.keys.length; i++) {
    const [key, value, valueOffset] = [node.keys[i]!, node.values[i]!, node.valueOffsets[i]!];
    if (key === 'rule') continue;
    if (key === 'severity') {
      const severity = readChoice(value, valueOffset, src, 'severity', SEVERITIES);
      if (severity === undefined) ok = false;
      else rule.severity = severity;
    } else if (key === 'scope') {
      const scope = readScope(value, valueOffset, src);
      if (scope === undefined) ok = false;
      else rule.scope = scope;
    } else if (key === 'level') {
      const level = readChoice(value, valueOffset, src, 'level', DOMAIN_LEVELS);
      if (level === undefined) ok = false;
      else rule.level = level;
    } else if (key === 'max') {
      const max = readLimits(value, valueOffset, src);
      if (max === undefined) ok = false;
      else rule.max = max;
    } else if (key === 'min') {
      const min = readMinAvailability(value, valueOffset, src);
      if (min === undefined) ok = false;
      else rule.min = min;
    } else {
      const hint = didYouMean(key, POLICY_RULE_KEYS);
      src.error(node.keyOffsets[i]!, `unknown key ${quote(key)} in a policy rule${hint}`);
      ok = false;
    }
  }
  if (id !== undefined && !checkSettings(id, node, src)) ok = false;
  return ok ? rule : undefined;
}

/**
 * `level` belongs to no-domain-spof, `max` to max-blast-radius and `min` to min-availability,
 * and each needs its own.
 */
function checkSettings(id: PolicyRuleId, node: DocMap, src: SourceFile): boolean {
  let ok = true;
  const own: Record<string, PolicyRuleId> = {
    level: 'no-domain-spof',
    max: 'max-blast-radius',
    min: 'min-availability',
  };
  for (const [key, owner] of Object.entries(own)) {
    const index = node.keys.indexOf(key);
    if (index >= 0 && id !== owner) {
      src.error(node.keyOffsets[index]!, `${key} only applies to the ${owner} rule, not ${id}`);
      ok = false;
    }
    if (index < 0 && id === owner) {
      const example = SETTING_EXAMPLES[key];
      src.error(node.offset, `the ${owner} rule needs ${example}`);
      ok = false;
    }
  }
  return ok;
}

function readChoice<T extends string>(
  node: DocNode,
  offset: number,
  src: SourceFile,
  key: string,
  choices: readonly T[],
): T | undefined {
  if (typeof node === 'string' && (choices as readonly string[]).includes(node)) return node as T;
  if (typeof node !== 'string') {
    src.error(offset, `${key} must be one of ${choices.join(', ')}, not ${describeNode(node)}`);
    return undefined;
  }
  const hint = didYouMean(node, choices);
  src.error(offset, `${key} must be one of ${choices.join(', ')}, not ${quote(node)}${hint}`);
  return undefined;
}

/** A selector or a list of them; an empty list is refused (leave `scope` out for everything). */
function readScope(node: DocNode, offset: number, src: SourceFile): ScopeSelector[] | undefined {
  const items = isSeq(node) ? node.items : [node];
  const offsets = isSeq(node) ? node.offsets : [offset];
  if (items.length === 0) {
    src.error(
      offset,
      'scope is empty: name at least one selector, or leave scope out to mean every service',
    );
    return undefined;
  }
  const scope: ScopeSelector[] = [];
  for (let i = 0; i < items.length; i++) {
    const selector = readLabel(items[i]!, offsets[i]!, src, 'each selector of scope');
    if (selector === undefined) return undefined;
    scope.push({ selector, position: src.position(offsets[i]!) });
  }
  return scope;
}

const SETTING_EXAMPLES: Record<string, string> = {
  level: 'level: region (provider, region or zone)',
  max: 'max: { services: 20 }',
  min: 'min: 99.95 (percent)',
};

/** min-availability's `min`: a percent, more than 0 and at most 100. */
function readMinAvailability(node: DocNode, offset: number, src: SourceFile): number | undefined {
  if (typeof node === 'number' && Number.isFinite(node) && node > 0 && node <= 100) return node;
  const shown = typeof node === 'number' ? String(node) : describeNode(node);
  src.error(
    offset,
    `min must be a percent, more than 0 and at most 100 (e.g. 99.95), not ${shown}`,
  );
  return undefined;
}

function readLimits(node: DocNode, offset: number, src: SourceFile): BlastRadiusLimits | undefined {
  if (!isMap(node) || node.keys.length === 0) {
    const message = `max must be a mapping with at least one of ${POLICY_MAX_KEYS.join(', ')}, not ${isMap(node) ? 'an empty mapping' : describeNode(node)}`;
    src.error(offset, message);
    return undefined;
  }
  src.dropDuplicateKeys(node);
  const limits: BlastRadiusLimits = {};
  let ok = true;
  for (let i = 0; i < node.keys.length; i++) {
    const [key, value, valueOffset] = [node.keys[i]!, node.values[i]!, node.valueOffsets[i]!];
    const whole = key !== 'cost_per_hour';
    const valid =
      typeof value === 'number' &&
      Number.isFinite(value) &&
      value >= 0 &&
      (!whole || Number.isInteger(value));
    if (!(POLICY_MAX_KEYS as readonly string[]).includes(key)) {
      const hint = didYouMean(key, POLICY_MAX_KEYS);
      src.error(node.keyOffsets[i]!, `unknown key ${quote(key)} in max${hint}`);
      ok = false;
    } else if (!valid) {
      const kind = whole ? 'a whole number' : 'a number';
      const shown = typeof value === 'number' ? String(value) : describeNode(value);
      src.error(valueOffset, `max.${key} must be ${kind}, at least 0, not ${shown}`);
      ok = false;
    } else if (key === 'services') limits.services = value;
    else if (key === 'entrypoints') limits.entrypoints = value;
    else limits.costPerHour = value;
  }
  return ok ? limits : undefined;
}
