// The JSON Schema for editors (schema/manifest.schema.json) against the loader: the same keys
// at every level, the same id rule and tiers, and every good test manifest valid under it.

import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { ID_PATTERN } from '../../src/manifest/fields/ids.js';
import {
  COPY_KEYS,
  DEFAULT_KEYS,
  DEPENDENCY_KEYS,
  OBJECTIVE_KEYS,
  OVERLAY_KEYS,
  OVERLAY_SET_KEYS,
  POLICY_KEYS,
  POLICY_MAX_KEYS,
  POLICY_RULE_KEYS,
  SERVICE_KEYS,
  TOP_LEVEL_KEYS,
} from '../../src/manifest/fields/keys.js';
import {
  DISRUPTION_KINDS,
  DOMAIN_LEVELS,
  POLICY_RULES,
  RECOVERY_RULES,
  SEVERITIES,
  TIERS,
} from '../../src/manifest/types.js';
import { GOOD_MANIFESTS } from './good-manifests.js';
import { validate } from './mini-json-schema.js';

type Schema = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const schema = JSON.parse(
  readFileSync(new URL('../../schema/manifest.schema.json', import.meta.url), 'utf8'),
) as Schema;
const definitions = schema.definitions as Schema;

const sorted = (keys: Iterable<string>) => [...keys].sort();

describe('manifest JSON Schema', () => {
  it('is a draft-07 schema of a closed object', () => {
    expect(schema.$schema).toBe('http://json-schema.org/draft-07/schema#');
    expect(schema.type).toBe('object');
    expect(schema.additionalProperties).toBe(false);
    expect(schema.required).toEqual(['version', 'services']);
  });

  it('lists the keys the loader accepts, at every level', () => {
    expect(sorted(Object.keys(schema.properties))).toEqual(sorted(TOP_LEVEL_KEYS));
    expect(sorted(Object.keys(definitions.service.properties))).toEqual(sorted(SERVICE_KEYS));
    expect(sorted(Object.keys(definitions.defaults.properties))).toEqual(sorted(DEFAULT_KEYS));
    const dependencyKeys = (definitions.dependency.oneOf as Schema[]).flatMap((branch) =>
      Object.keys(branch.properties ?? {}),
    );
    expect(sorted(new Set(dependencyKeys))).toEqual(sorted(DEPENDENCY_KEYS));
    expect(sorted(Object.keys(definitions.policy.properties))).toEqual(sorted(POLICY_KEYS));
    expect(sorted(Object.keys(definitions.overlay.properties))).toEqual(sorted(OVERLAY_KEYS));
    expect(sorted(Object.keys(definitions.copies.items.properties))).toEqual(sorted(COPY_KEYS));
    const objectives = definitions.policy.properties.objectives.properties as Schema;
    expect(sorted(Object.keys(objectives))).toEqual(sorted([...DISRUPTION_KINDS, ...TIERS]));
    expect(Object.keys(definitions.recoveryTargets.properties)).toEqual([...DISRUPTION_KINDS]);
    expect(sorted(Object.keys(definitions.recoveryObjective.properties))).toEqual(
      sorted(OBJECTIVE_KEYS),
    );
    expect(sorted(Object.keys(definitions.overlay.properties.set.properties))).toEqual(
      sorted(OVERLAY_SET_KEYS),
    );
    const rules = definitions.policyRule.oneOf as Schema[];
    expect(rules.map((r) => r.properties.rule.const)).toEqual([...POLICY_RULES, ...RECOVERY_RULES]);
    const ruleKeys = rules.flatMap((branch) => Object.keys(branch.properties));
    expect(sorted(new Set(ruleKeys))).toEqual(sorted(POLICY_RULE_KEYS));
    const max = rules.find((r) => r.properties.max)!.properties.max;
    expect(sorted(Object.keys(max.properties))).toEqual(sorted(POLICY_MAX_KEYS));
    for (const rule of rules) {
      expect(rule.properties.severity.enum).toEqual([...SEVERITIES]);
      expect(rule.additionalProperties).toBe(false);
    }
    const level = rules.find((r) => r.properties.level)!.properties.level;
    expect(level.enum).toEqual([...DOMAIN_LEVELS]);
    expect(definitions.service.additionalProperties).toBe(false);
    expect(definitions.defaults.additionalProperties).toBe(false);
  });

  it('has the loader’s id rule and tiers', () => {
    expect(definitions.id.pattern).toBe(ID_PATTERN.source);
    expect(definitions.tier.enum).toEqual([...TIERS]);
  });

  it.each(Object.entries(GOOD_MANIFESTS))('accepts the good manifest %s', (_, text) => {
    expect(validate(schema, parse(text))).toEqual([]);
  });

  it('refuses what the loader refuses', () => {
    const bad = {
      version: 1,
      services: {
        checkout: { depend_on: ['payments-db'], tier: 'urgent', sla: 120 },
        '-payments': {},
        billing: { depends_on: [{ quorum: 0, of: ['checkout'] }, { any_of: [] }] },
      },
    };
    const errors = validate(schema, bad);
    expect(errors).toContain('$.services.checkout: unexpected property depend_on');
    expect(errors).toContain('$.services.checkout.tier: not in enum');
    expect(errors).toContain('$.services.checkout.sla: above maximum');
    expect(errors.some((e) => e.startsWith('$.services.-payments: does not match'))).toBe(true);
    expect(errors.filter((e) => e.includes('oneOf'))).toHaveLength(2);
    expect(validate(schema, { services: {} })).toEqual(['$: missing version']);
  });
});
