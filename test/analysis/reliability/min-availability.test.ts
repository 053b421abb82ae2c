// The `min-availability` rule of `check`: an entry point below the minimum is a finding at its
// declaration, with the computed availability, the method and the limit in the message.

import { describe, expect, it } from 'vitest';
import { brief, findingsOf } from '../../check/support.js';

const SHOP = (rules: string) => `version: 1
name: shop
policy:
  defaults: false
  rules:
${rules}
services:
  web:
    entrypoint: true
    tier: critical
    depends_on: [api, { any_of: [cdn-a, cdn-b] }]
  admin:
    entrypoint: true
    depends_on: [api]
  api: { sla: 99.9, depends_on: [db] }
  db: { sla: 99.95 }
  cdn-a: { sla: 99 }
  cdn-b: { sla: 99 }
`;

describe('min-availability', () => {
  it('reports the entry points below the minimum, at their declaration', () => {
    const findings = findingsOf(SHOP('    - { rule: min-availability, min: 99.9 }'));
    expect(brief(findings)).toEqual(['min-availability error admin', 'min-availability error web']);
    const web = findings.find((f) => f.subject['entrypoint'] === 'web')!;
    // 0.999 × 0.9995 × (1 − 0.01²) = 0.99840060...
    expect(web.message).toBe(
      'entry point "web" can expect 99.8401 % availability (exact), below the minimum of 99.9 %',
    );
    expect(web.location).toMatchObject({ file: 'blast-radius.yaml', line: 8 });
    expect(web.fingerprint).toMatch(/^[0-9a-f]+$/);
  });

  it('honours scope and severity, and is silent when the minimum is met', () => {
    const scoped = findingsOf(
      SHOP(
        [
          '    - { rule: min-availability, min: 99.5 }',
          '    - { rule: min-availability, severity: warn, scope: tier=critical, min: 99.85 }',
        ].join('\n'),
      ),
    );
    expect(brief(scoped)).toEqual(['min-availability warn web']);
  });

  it('is not in the built-in policy', () => {
    const findings = findingsOf(
      SHOP('    - { rule: no-spof, severity: off }').replace('  defaults: false\n', ''),
    );
    expect(findings.filter((f) => f.rule === 'min-availability')).toEqual([]);
  });
});
