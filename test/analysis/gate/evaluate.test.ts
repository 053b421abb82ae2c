// The policy's findings: hand-checked on a small system (which rule, which severity, which line),
// and checked against a brute-force reference — every single component and every failure
// domain failed in turn — on random manifests with random policies.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fingerprint } from '../../../src/analysis/gate/fingerprint.js';
import { parseManifestText } from '../../../src/manifest/load.js';
import type { Manifest, PolicyRule, Severity } from '../../../src/manifest/types.js';
import {
  referenceDomains,
  referenceEntryPoints,
  referenceStatuses,
} from '../../support/brute-force.js';
import { arbitraryManifest } from '../../support/random-manifest.js';
import {
  brief,
  findingsOf,
  findingsOfManifest,
  GATE_DEMO,
  gateFindingsOfManifest,
} from '../../check/support.js';

describe('the built-in policy on a small system', () => {
  const findings = findingsOf(GATE_DEMO);

  it('makes SPOFs of critical entry points errors and the others warnings', () => {
    expect(brief(findings)).toEqual([
      'independent-monitoring error status web',
      'no-domain-spof warn provider=aws,region=us-east-1 [admin web]',
      'no-domain-spof warn provider=aws,region=us-east-1,zone=use1-az1 [admin web]',
      'no-spof error api [admin web]',
      'no-spof error db [admin web]',
    ]);
  });

  it('locates a SPOF at the dependency through which it reaches its most critical entry point', () => {
    const at = (component: string) => findings.find((f) => f.subject['component'] === component)!;
    // web (critical) → api (line 9); api → db (line 17).
    expect(at('api').location).toEqual({ file: 'blast-radius.yaml', line: 9, column: 9 });
    expect(at('db').location).toEqual({ file: 'blast-radius.yaml', line: 17, column: 18 });
    expect(at('db').message).toBe(
      '2 entry points go down when "db" fails alone ("admin", "web"); for "web": web → api → db',
    );
  });

  it('explains a monitor that goes blind with what it watches', () => {
    const monitor = findings.find((f) => f.rule === 'independent-monitoring')!;
    expect(monitor.message).toBe('monitor "status" goes blind together with "web" when "db" fails');
    expect(monitor.location.line).toBe(21);
  });

  it('gives every finding a fingerprint of its rule and subject only', () => {
    for (const f of findings) expect(f.fingerprint).toBe(fingerprint(f.rule, f.subject));
  });
});

describe('long chains', () => {
  it('are shortened in the middle, keeping the failed component at the end', () => {
    const hops = Array.from({ length: 9 }, (_, i) => `  s${i}: { depends_on: [s${i + 1}] }`);
    const findings = findingsOf(
      `version: 1\nservices:\n  web: { entrypoint: true, tier: critical, depends_on: [s0] }\n${hops.join('\n')}\n  s9: {}\n`,
    );
    const at = (component: string) => findings.find((f) => f.subject['component'] === component)!;
    expect(at('s9').message).toBe(
      'entry point "web" goes down when "s9" fails alone: web → s0 → s1 → s2 → s3 → … → s9',
    );
    expect(at('s4').message).toBe(
      'entry point "web" goes down when "s4" fails alone: web → s0 → s1 → s2 → s3 → s4',
    );
    expect(at('s9').location.line).toBe(12);
  });
});

describe('a written policy', () => {
  const withPolicy = (policy: string) =>
    brief(findingsOf(GATE_DEMO.replace('services:\n', `${policy}services:\n`)));

  it('refines the built-in rules: the last entry covering a subject decides', () => {
    expect(
      withPolicy(`policy:
  rules:
    - { rule: no-spof, severity: off, scope: admin }
    - { rule: no-domain-spof, level: zone, severity: off }
    - { rule: no-domain-spof, level: region, severity: error, scope: tier=critical }
    - { rule: independent-monitoring, severity: warn }
`),
    ).toEqual([
      'independent-monitoring warn status web',
      'no-domain-spof error provider=aws,region=us-east-1 [admin web]',
      'no-spof error api [web]',
      'no-spof error db [web]',
    ]);
  });

  it('bounds blast radii and asks for SLAs', () => {
    const text = GATE_DEMO.replace('    sla: 99\n    depends_on: [db]', '    depends_on: [db]');
    const findings = findingsOf(
      text.replace(
        'services:\n',
        `policy:
  defaults: false
  rules:
    - { rule: max-blast-radius, max: { services: 2 } }
    - { rule: max-blast-radius, severity: warn, scope: api, max: { entrypoints: 1 } }
    - { rule: no-unknown-sla }
services:
`,
      ),
    );
    expect(brief(findings)).toEqual([
      'max-blast-radius error db',
      'max-blast-radius warn api',
      'no-unknown-sla error status',
    ]);
    expect(findings.find((f) => f.subject['component'] === 'db')!.message).toBe(
      '"db" alone takes down too much: services down 4 (limit 2)',
    );
  });

  it('reports a cycle that blocks a cold start once, as a set, at its first edge', () => {
    const findings = findingsOf(`version: 1
services:
  web: { entrypoint: true, depends_on: [auth] }
  auth:
    depends_on: [vault]
  vault:
    depends_on: [auth]
`);
    const cycle = findings.filter((f) => f.rule === 'cold-start');
    expect(cycle).toHaveLength(1);
    expect(cycle[0]!.subject).toEqual({ cycle: ['auth', 'vault'] });
    expect(cycle[0]!.location.line).toBe(5);
    expect(cycle[0]!.message).toBe(
      'the cycle "auth" → "vault" → "auth" can never cold-start and keeps 1 more service from starting: "auth", "vault", "web"',
    );
  });
});

describe('fingerprints', () => {
  it('survive reordering the manifest and renaming an unrelated service', () => {
    const before = findingsOf(GATE_DEMO);
    const cdnA = '  cdn-a: { provider: cloudflare, sla: 99.9 }\n';
    const reordered = GATE_DEMO.replace(cdnA, '')
      .replace('  status:\n', `${cdnA}  status:\n`)
      .replace('{ any_of: [cdn-a, cdn-b] }', '{ any_of: [cdn-b, cdn-a] }')
      .replace(/cdn-a/g, 'cdn-fastly');
    expect(reordered).not.toBe(GATE_DEMO);
    const after = findingsOf(reordered);
    const prints = (fs: typeof before) => fs.map((f) => f.fingerprint).sort();
    expect(prints(after)).toEqual(prints(before));
  });

  it('compare lists as sets', () => {
    expect(fingerprint('cold-start', { cycle: ['b', 'a'] })).toBe(
      fingerprint('cold-start', { cycle: ['a', 'b'] }),
    );
    expect(fingerprint('no-spof', { entrypoint: 'a', component: 'b' })).not.toBe(
      fingerprint('no-spof', { entrypoint: 'b', component: 'a' }),
    );
  });
});

/** Random no-spof and no-domain-spof entries with random scopes over the manifest's ids. */
function arbitraryPolicy(manifest: Manifest): fc.Arbitrary<Manifest> {
  const ids = manifest.services.map((s) => s.id);
  const entry = fc.record({
    rule: fc.constantFrom(
      'no-spof' as const,
      'no-domain-spof' as const,
      'max-blast-radius' as const,
    ),
    severity: fc.constantFrom<Severity>('error', 'warn', 'off'),
    level: fc.constantFrom('provider' as const, 'region' as const, 'zone' as const),
    max: fc.record({ services: fc.nat(4), entrypoints: fc.nat(2) }),
    scope: fc.option(fc.uniqueArray(fc.constantFrom(...ids), { minLength: 1 }), {
      nil: undefined,
    }),
  });
  return fc
    .record({ defaults: fc.boolean(), rules: fc.array(entry, { maxLength: 4 }) })
    .map(({ defaults, rules }) => ({
      ...manifest,
      policy: {
        defaults,
        rules: rules.map(({ rule, severity, level, max, scope }): PolicyRule => {
          const written: PolicyRule = { rule, severity };
          if (rule === 'no-domain-spof') written.level = level;
          // Limits make `check` count the blast radii, which it leaves out otherwise.
          if (rule === 'max-blast-radius') written.max = max;
          if (scope) written.scope = scope.map((selector) => ({ selector, position: HERE }));
          return written;
        }),
      },
    }));
}

const HERE = { file: 'test.yaml', line: 1, column: 1 };

/** Each requirement at its own line, so that a finding's location names one requirement. */
function numberRequirements(manifest: Manifest): Manifest {
  let line = 1;
  return {
    ...manifest,
    services: manifest.services.map((s) => ({
      ...s,
      dependsOn: s.dependsOn.map((r) => ({ ...r, position: { ...HERE, line: line++ } })),
    })),
  };
}

/** The built-in rules these two rule kinds have, restated from the README. */
const BUILT_IN: Array<{ rule: string; severity: Severity; level?: string; critical?: boolean }> = [
  { rule: 'no-spof', severity: 'warn' },
  { rule: 'no-spof', severity: 'error', critical: true },
  { rule: 'no-domain-spof', severity: 'warn', level: 'zone' },
  { rule: 'no-domain-spof', severity: 'warn', level: 'region' },
];

function referenceSeverity(
  manifest: Manifest,
  rule: string,
  entry: string,
  level?: string,
): Severity {
  const service = manifest.services.find((s) => s.id === entry)!;
  let severity: Severity = 'off';
  const entries = [
    ...(manifest.policy!.defaults
      ? BUILT_IN.map((b) => ({
          ...b,
          covers: !b.critical || service.tier === 'critical',
        }))
      : []),
    ...manifest.policy!.rules.map((r) => ({
      rule: r.rule,
      severity: r.severity,
      level: r.level,
      covers: r.scope === undefined || r.scope.some((s) => s.selector === entry),
    })),
  ];
  for (const e of entries) {
    if (e.rule === rule && e.level === level && e.covers) severity = e.severity;
  }
  return severity;
}

describe('against the brute-force reference', () => {
  it('finds exactly one finding per SPOF, covering the entry points in scope, at the worst severity', () => {
    fc.assert(
      fc.property(
        arbitraryManifest({ maxServices: 8 }).chain((m) => arbitraryPolicy(numberRequirements(m))),
        (manifest) => {
          const expected: string[] = [];
          /** The most critical entry point of each expected finding: worst severity, first id. */
          const decisive = new Map<string, string>();
          const group = (name: string, covered: Array<[string, Severity]>) => {
            if (covered.length === 0) return;
            const rank = (s: Severity) => ['off', 'warn', 'error'].indexOf(s);
            const worst = covered.reduce((a, b) => (rank(b[1]) > rank(a[1]) ? b : a))[1];
            const ids = covered.map(([e]) => e).sort();
            expected.push(`${name.replace(' ', ` ${worst} `)} [${ids.join(' ')}]`);
            decisive.set(
              name,
              ids.find((id) => covered.some(([e, s]) => e === id && s === worst))!,
            );
          };
          const entries = referenceEntryPoints(manifest);
          for (const x of manifest.services) {
            const statuses = referenceStatuses(manifest, new Set([x.id]));
            const covered: Array<[string, Severity]> = [];
            for (const e of entries) {
              if (e === x.id || statuses.get(e) !== 'down') continue;
              const severity = referenceSeverity(manifest, 'no-spof', e);
              if (severity !== 'off') covered.push([e, severity]);
            }
            group(`no-spof ${x.id}`, covered);
          }
          for (const [domain, { level, members }] of referenceDomains(manifest)) {
            const statuses = referenceStatuses(manifest, new Set(members));
            const covered: Array<[string, Severity]> = [];
            for (const e of entries) {
              if (statuses.get(e) === 'up' || statuses.get(e) === 'degraded') continue;
              const severity = referenceSeverity(manifest, 'no-domain-spof', e, level);
              if (severity !== 'off') covered.push([e, severity]);
            }
            group(`no-domain-spof ${domain}`, covered);
          }
          const all = findingsOfManifest(manifest);
          // `check` analyses only what the policy reads and tells chains during the sweep.
          expect(gateFindingsOfManifest(manifest)).toEqual(all);
          const findings = all.filter((f) => ['no-spof', 'no-domain-spof'].includes(f.rule));
          expect(brief(findings)).toEqual(expected.sort());
          // The chain told is the most critical entry point's.
          for (const f of findings) {
            const name = `${f.rule} ${Object.values(f.subject)[0] as string}`;
            const entry = decisive.get(name)!;
            const chain =
              f.entrypoints!.length === 1 ? `entry point "${entry}"` : `for "${entry}": `;
            expect(f.message).toContain(chain);
          }
          // The location is a requirement on the failed component, of a service it takes down.
          for (const f of findings.filter((f) => f.rule === 'no-spof')) {
            const x = f.subject['component'] as string;
            const owner = manifest.services.find((s) =>
              s.dependsOn.some((r) => r.position.line === f.location.line),
            )!;
            const requirement = owner.dependsOn.find((r) => r.position.line === f.location.line)!;
            expect(requirement.alternatives).toContain(x);
            expect(requirement.soft).toBe(false);
            expect(referenceStatuses(manifest, new Set([x])).get(owner.id)).toBe('down');
          }
        },
      ),
      { numRuns: 400 },
    );
  });
});

describe('the loader and the evaluation agree on positions', () => {
  it('parses the demo', () => {
    expect(parseManifestText(GATE_DEMO).services).toHaveLength(7);
  });
});
