// The policy section of a manifest: what the loader accepts and refuses, and how the model
// resolves scopes (a scope that matches nothing is an error: a typo must not disable a gate).

import { describe, expect, it } from 'vitest';
import { ManifestErrors } from '../../../src/manifest/errors.js';
import { parseManifestText } from '../../../src/manifest/load.js';
import { compileGraph } from '../../../src/model/compiled-graph.js';
import {
  DEFAULT_POLICY,
  resolvePolicy,
  ruleFor,
  rulesInEffect,
} from '../../../src/model/policy.js';
import { matchSelector, resolveSelector, SelectorError } from '../../../src/model/selector.js';

const SERVICES = `services:
  web: { entrypoint: true, tier: critical, depends_on: [db] }
  db: { provider: aws }
`;

function errorsOf(policy: string): string[] {
  try {
    const manifest = parseManifestText(`version: 1\n${policy}${SERVICES}`, 'm.yaml');
    resolvePolicy(manifest, compileGraph(manifest));
  } catch (error) {
    if (error instanceof ManifestErrors) return error.errors.map((e) => e.format());
    throw error;
  }
  return [];
}

describe('the policy section', () => {
  it('reads every rule with its settings, in order', () => {
    const manifest = parseManifestText(
      `version: 1
policy:
  defaults: false
  rules:
    - { rule: no-spof, scope: [tier=critical, db] }
    - { rule: no-domain-spof, level: region, severity: warn }
    - { rule: max-blast-radius, max: { services: 3, cost_per_hour: 10.5 } }
${SERVICES}`,
      'm.yaml',
    );
    expect(manifest.policy).toEqual({
      defaults: false,
      rules: [
        {
          rule: 'no-spof',
          severity: 'error',
          scope: [
            { selector: 'tier=critical', position: { file: 'm.yaml', line: 5, column: 32 } },
            { selector: 'db', position: { file: 'm.yaml', line: 5, column: 47 } },
          ],
          position: { file: 'm.yaml', line: 5, column: 7 },
        },
        {
          rule: 'no-domain-spof',
          severity: 'warn',
          level: 'region',
          position: { file: 'm.yaml', line: 6, column: 7 },
        },
        {
          rule: 'max-blast-radius',
          severity: 'error',
          max: { services: 3, costPerHour: 10.5 },
          position: { file: 'm.yaml', line: 7, column: 7 },
        },
      ],
    });
  });

  it.each([
    ['policy: [no-spof]\n', 'm.yaml:2:9: policy must be a mapping with rules, not a list'],
    [
      'policy: { rulez: [] }\n',
      'm.yaml:2:11: unknown key "rulez" in policy; did you mean "rules"?',
    ],
    [
      'policy: { rules: [{ rule: no-spoof }] }\n',
      'm.yaml:2:27: rule must be one of no-spof, no-domain-spof, max-blast-radius, independent-monitoring, cold-start, no-unknown-sla, rto-consistency, min-availability, objectives, data-shares-fate, not "no-spoof"; did you mean "no-spof"?',
    ],
    [
      'policy: { rules: [{ severity: error }] }\n',
      'm.yaml:2:19: a policy rule needs `rule:`, one of no-spof, no-domain-spof, max-blast-radius, independent-monitoring, cold-start, no-unknown-sla, rto-consistency, min-availability, objectives, data-shares-fate',
    ],
    [
      'policy: { rules: [{ rule: no-spof, severity: fatal }] }\n',
      'm.yaml:2:46: severity must be one of error, warn, off, not "fatal"',
    ],
    [
      'policy: { rules: [{ rule: no-domain-spof }] }\n',
      'm.yaml:2:19: the no-domain-spof rule needs level: region (provider, region or zone)',
    ],
    [
      'policy: { rules: [{ rule: min-availability }] }\n',
      'm.yaml:2:19: the min-availability rule needs min: 99.95 (percent)',
    ],
    [
      'policy: { rules: [{ rule: min-availability, min: 120 }] }\n',
      'm.yaml:2:50: min must be a percent, more than 0 and at most 100 (e.g. 99.95), not 120',
    ],
    [
      'policy: { rules: [{ rule: no-spof, min: 99.9 }] }\n',
      'm.yaml:2:36: min only applies to the min-availability rule, not no-spof',
    ],
    [
      'policy: { rules: [{ rule: no-spof, level: zone }] }\n',
      'm.yaml:2:36: level only applies to the no-domain-spof rule, not no-spof',
    ],
    [
      'policy: { rules: [{ rule: max-blast-radius, max: {} }] }\n',
      'm.yaml:2:50: max must be a mapping with at least one of services, entrypoints, cost_per_hour, not an empty mapping',
    ],
    [
      'policy: { rules: [{ rule: max-blast-radius, max: { services: 2.5 } }] }\n',
      'm.yaml:2:62: max.services must be a whole number, at least 0, not 2.5',
    ],
    [
      'policy: { rules: [{ rule: max-blast-radius, max: { servics: 2 } }] }\n',
      'm.yaml:2:52: unknown key "servics" in max; did you mean "services"?',
    ],
    [
      'policy: { rules: [{ rule: cold-start, scope: [] }] }\n',
      'm.yaml:2:46: scope is empty: name at least one selector, or leave scope out to mean every service',
    ],
    [
      'policy: { rules: [{ rule: cold-start, scope: tier=critcal }] }\n',
      'm.yaml:2:46: scope: selector "tier=critcal" matches no service: no service has tier "critcal" (did you mean "critical"?)',
    ],
    [
      'policy: { rules: [{ rule: cold-start, scope: [web, dbb] }] }\n',
      'm.yaml:2:52: scope: no service "dbb"; did you mean "db"?',
    ],
    [
      'policy: { rules: [{ rule: cold-start, scope: [rgion=x] }] }\n',
      'm.yaml:2:47: scope: selector "rgion=x": unknown key "rgion" (did you mean "region"?); keys are provider, region, zone, kind, tier, owner, tag',
    ],
  ])('refuses %j', (policy, message) => {
    expect(errorsOf(policy)).toEqual([message]);
  });

  it('is read from the top-level manifest only', async () => {
    const { mkdtemp, writeFile } = await import('node:fs/promises');
    const { tmpdir } = await import('node:os');
    const path = await import('node:path');
    const { loadManifest } = await import('../../../src/manifest/load.js');
    const dir = await mkdtemp(path.join(tmpdir(), 'br-policy-'));
    await writeFile(path.join(dir, 'top.yaml'), 'version: 1\ninclude: [team.yaml]\nservices: {}\n');
    await writeFile(
      path.join(dir, 'team.yaml'),
      'version: 1\npolicy: { rules: [] }\nservices: { a: {} }\n',
    );
    await expect(loadManifest('top.yaml', { cwd: dir })).rejects.toThrow(
      'team.yaml:2:1: policy is read from the top-level manifest (top.yaml) only, not from an included file',
    );
  });
});

describe('resolving the policy', () => {
  const manifest = parseManifestText(
    `version: 1
policy:
  rules:
    - { rule: no-spof, severity: off, scope: provider=aws }
    - { rule: no-domain-spof, level: provider, severity: error, scope: web }
${SERVICES}`,
  );
  const graph = compileGraph(manifest);
  const rules = resolvePolicy(manifest, graph);
  const [web, db] = [graph.index.get('web')!, graph.index.get('db')!];

  it('matches a selector to nothing without an error, and resolves one to an error', () => {
    for (const text of ['tier=gold', 'nowhere', 'provider=gcp,tier=critical']) {
      expect(matchSelector(graph, text)).toEqual([]);
      expect(() => resolveSelector(graph, text)).toThrow(SelectorError);
    }
    expect(matchSelector(graph, 'provider=aws')).toEqual(resolveSelector(graph, 'provider=aws'));
    expect(matchSelector(graph, 'web')).toEqual([web]);
  });

  it('puts the built-in rules first, then the manifest’s', () => {
    expect(rules.map((r) => r.rule)).toEqual([
      ...DEFAULT_POLICY.map((r) => r.rule),
      'no-spof',
      'no-domain-spof',
    ]);
  });

  it('lets the last entry covering a subject decide, and `off` switch a rule off', () => {
    expect(ruleFor(rules, 'no-spof', web)?.severity).toBe('error'); // built-in, tier=critical
    expect(ruleFor(rules, 'no-spof', db)).toBeUndefined(); // off for provider=aws
    expect(ruleFor(rules, 'no-domain-spof', web, 'provider')?.severity).toBe('error');
    expect(ruleFor(rules, 'no-domain-spof', web, 'region')?.severity).toBe('warn');
    expect(ruleFor(rules, 'no-domain-spof', db, 'provider')).toBeUndefined();
  });

  it('drops the built-in rules with defaults: false', () => {
    const own = parseManifestText(`version: 1\npolicy: { defaults: false }\n${SERVICES}`);
    expect(resolvePolicy(own, compileGraph(own))).toEqual([]);
  });

  it('knows which rules can produce findings at all', () => {
    const off = (policy: string) => {
      const m = parseManifestText(`version: 1\n${policy}${SERVICES}`);
      const effect = rulesInEffect(resolvePolicy(m, compileGraph(m)));
      return [...effect].filter(([, on]) => !on).map(([rule]) => rule);
    };
    // Built in: all but the two whose limits only the team can choose.
    expect(off('')).toEqual(['max-blast-radius', 'min-availability']);
    // Off everywhere, then on again for one scope: still in effect.
    expect(
      off(`policy:
  rules:
    - { rule: no-spof, severity: off }
    - { rule: cold-start, severity: off }
    - { rule: cold-start, severity: warn, scope: web }
    - { rule: no-domain-spof, level: zone, severity: off }
`),
    ).toEqual(['no-spof', 'max-blast-radius', 'min-availability']);
    // Off for one scope only: in effect elsewhere.
    expect(off('policy: { rules: [{ rule: no-spof, severity: off, scope: web }] }\n')).toEqual([
      'max-blast-radius',
      'min-availability',
    ]);
  });
});
