// Hand-made check results for the CI reporters: one with a baseline that accepts some findings
// and has a stale entry, manifest paths with a space, `#`, `%` and non-ASCII letters, and a
// message with `%`, `,`, `:` and a line break; and one clean run without a baseline.

import type {
  CheckResult,
  Finding,
  FindingSubject,
} from '../../../src/analysis/gate/check-result.js';
import { POLICY_RULES, type PolicyRuleId } from '../../../src/manifest/types.js';
import { fingerprint } from '../../../src/analysis/gate/fingerprint.js';
import type { Reporter } from '../../../src/report/reporter.js';

const MANIFEST = 'deploy/prod manifests/blast-radius.yaml';
const TEAM_FILE = 'deploy/prod manifests/teams/100% #1 zahlungsdienst-ü.yaml';

function finding(
  rule: PolicyRuleId,
  severity: Finding['severity'],
  subject: FindingSubject,
  message: string,
  where: [file: string, line: number, column: number],
  state: Finding['state'],
  grouped: Pick<Finding, 'entrypoints' | 'sinceBaseline'> = {},
): Finding {
  const [file, line, column] = where;
  const print = fingerprint(rule, subject);
  return {
    rule,
    severity,
    fingerprint: print,
    subject,
    message,
    location: { file, line, column },
    ...(grouped.entrypoints === undefined ? {} : { entrypoints: grouped.entrypoints }),
    state,
    ...(grouped.sinceBaseline === undefined ? {} : { sinceBaseline: grouped.sinceBaseline }),
  };
}

const FINDINGS: Finding[] = [
  finding(
    'no-unknown-sla',
    'warn',
    { service: 'checkout' },
    'service "checkout" (tier critical) declares no sla',
    [MANIFEST, 7, 3],
    'known',
  ),
  finding(
    'no-spof',
    'error',
    { component: 'payments-db' },
    '2 entry points go down when "payments-db" fails alone ("checkout", "refunds"); for "checkout": checkout → payments → payments-db',
    [MANIFEST, 12, 9],
    'new',
    { entrypoints: ['checkout', 'refunds'] },
  ),
  finding(
    'independent-monitoring',
    'warn',
    { monitor: 'status-page', target: 'checkout' },
    'monitor "status-page" goes blind with "checkout": 100% of its probes, and its alerts,\n' +
      'run on s3-use1',
    [MANIFEST, 31, 5],
    'new',
  ),
  finding(
    'no-domain-spof',
    'warn',
    { domain: 'provider=aws,region=us-east-1' },
    'entry point "checkout" goes down when provider=aws,region=us-east-1 fails: checkout → payments-db',
    [TEAM_FILE, 4, 7],
    'known',
    { entrypoints: ['checkout'], sinceBaseline: { added: ['checkout'], removed: ['shop'] } },
  ),
  finding(
    'cold-start',
    'error',
    { cycle: ['auth', 'config-service'] },
    'auth and config-service cannot cold-start: auth → config-service → auth',
    [TEAM_FILE, 18, 11],
    'new',
  ),
];

const STALE_SUBJECT = { component: 'legacy-queue' };

/** Every rule in effect except those named. */
function rulesInEffect(off: readonly PolicyRuleId[]): CheckResult['rules'] {
  return POLICY_RULES.map((rule) => ({ rule, enabled: !off.includes(rule) }));
}

/** Two new errors, one new warning, two known, one stale entry under a strict baseline. */
export const WITH_BASELINE: CheckResult = {
  manifest: MANIFEST,
  baseline: '.blast-radius-baseline.json',
  strictBaseline: true,
  passed: false,
  summary: { errors: 2, warnings: 3, new: 3, newErrors: 2, known: 2, fixed: 1 },
  rules: rulesInEffect(['min-availability']),
  findings: FINDINGS,
  stale: [
    {
      rule: 'max-blast-radius',
      fingerprint: fingerprint('max-blast-radius', STALE_SUBJECT),
      subject: STALE_SUBJECT,
    },
  ],
};

/** A clean run without a baseline. */
export const CLEAN: CheckResult = {
  manifest: 'blast-radius.yaml',
  baseline: null,
  strictBaseline: false,
  passed: true,
  summary: { errors: 0, warnings: 0, new: 0, newErrors: 0, known: 0, fixed: 0 },
  rules: rulesInEffect([]),
  findings: [],
  stale: [],
};

export const FIXTURES = { 'with-baseline': WITH_BASELINE, clean: CLEAN };

/** A reporter's whole output as one string. */
export function render(reporter: Reporter<CheckResult>, result: CheckResult): string {
  const rendered = reporter(result, { color: false, top: 10 });
  return typeof rendered === 'string' ? rendered : [...rendered].join('');
}
