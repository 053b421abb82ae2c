// The CI gate end to end, in a temporary git repository, the way a team adopts it: accept
// today's findings in a baseline, fail the pull request that adds a dependency on a lone region
// (with the rule, file and line), pass and report the fix of a known finding, fail on the stale
// entry with --strict-baseline. Also: the baseline is never left half-written.

import { execFileSync } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeResult } from '../../src/cli/io.js';
import { runCli, type CliRun } from '../support/run-cli.js';
import { assertMatches } from '../schema/schemas.js';

const BASELINE = '.blast-radius-baseline.json';

/** Critical web across two regions, except for its DNS: one provider, a known risk. */
const BEFORE = `version: 1
name: gate-e2e
services:
  web:
    entrypoint: true
    tier: critical
    sla: 99.95
    depends_on:
      - dns
      - api
  api:
    sla: 99.95
    depends_on:
      - { any_of: [db-use1, db-euw1] }
  dns: { provider: dyn, sla: 99.9 }
  db-use1: { provider: aws, region: us-east-1, sla: 99.9 }
  db-euw1: { provider: aws, region: eu-west-1, sla: 99.9 }
  queue-use1: { provider: aws, region: us-east-1, sla: 99.9 }
`;

/** The pull request: api now needs a queue that lives in us-east-1 only. */
const ADDS_LONE_REGION = BEFORE.replace(
  '      - { any_of: [db-use1, db-euw1] }\n',
  '      - { any_of: [db-use1, db-euw1] }\n      - queue-use1\n',
);

/** The fix of the known finding: a second DNS provider. */
const FIXES_DNS = BEFORE.replace(
  '      - dns\n',
  '      - { any_of: [dns, dns-route53] }\n',
).replace(
  '  dns: { provider: dyn, sla: 99.9 }\n',
  '  dns: { provider: dyn, sla: 99.9 }\n  dns-route53: { provider: aws, sla: 99.99 }\n',
);

let repo: string;
const git = (...args: string[]) =>
  execFileSync('git', ['-c', 'user.name=CI', '-c', 'user.email=ci@example.com', ...args], {
    cwd: repo,
    encoding: 'utf8',
  });
const check = (...args: string[]): Promise<CliRun> =>
  runCli(['check', 'blast-radius.yaml', ...args], { cwd: repo });
async function commit(manifest: string, message: string): Promise<void> {
  await writeFile(path.join(repo, 'blast-radius.yaml'), manifest);
  git('add', '-A');
  git('commit', '-q', '-m', message);
}

beforeAll(async () => {
  repo = await mkdtemp(path.join(tmpdir(), 'br-gate-'));
  git('init', '-q', '-b', 'main');
  await commit(BEFORE, 'the system as it is');
});
afterAll(async () => {
  await rm(repo, { recursive: true, force: true });
});

describe('adopting the gate on a system that already has risks', () => {
  it('without a baseline, fails on today’s critical single point of failure', async () => {
    const run = await check();
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(
      '9:9      error  entry point "web" goes down when "dns" fails alone: web → dns  no-spof',
    );
  });

  it('accepts today’s findings with --update-baseline, and then passes', async () => {
    const update = await check('--baseline', BASELINE, '--update-baseline');
    expect(update.code).toBe(0);
    expect(update.stderr).toBe(
      `blast-radius: wrote ${BASELINE}: 2 accepted findings (2 added, 0 removed)\n`,
    );
    const baseline = JSON.parse(await readFile(path.join(repo, BASELINE), 'utf8'));
    assertMatches('baseline', baseline);
    expect(baseline.findings.map((f: { subject: unknown }) => f.subject)).toEqual([
      { component: 'api' },
      { component: 'dns' },
    ]);
    expect(baseline.findings.map((f: { entrypoints: unknown }) => f.entrypoints)).toEqual([
      ['web'],
      ['web'],
    ]);
    await commit(BEFORE, 'adopt blast-radius check');
    const run = await check('--baseline', BASELINE, '--strict-baseline');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('✓ 0 new errors, 0 new warnings, 2 known, 0 fixed — gate passed');
  });
});

describe('a pull request that adds a dependency on a lone region', () => {
  it('fails the gate with the rule, the file and the line of the new dependency', async () => {
    await commit(ADDS_LONE_REGION, 'api: publish to the queue');
    const run = await check('--baseline', BASELINE, '--format', 'json');
    expect(run.code).toBe(1);
    const result = JSON.parse(run.stdout);
    assertMatches('check-result', result);
    const fresh = result.findings.filter((f: { state: string }) => f.state === 'new');
    expect(fresh).toEqual([
      expect.objectContaining({
        rule: 'no-domain-spof',
        severity: 'warn',
        subject: { domain: 'provider=aws,region=us-east-1' },
        entrypoints: ['web'],
        location: { file: 'blast-radius.yaml', line: 15, column: 9 },
      }),
      expect.objectContaining({
        rule: 'no-spof',
        severity: 'error',
        subject: { component: 'queue-use1' },
        entrypoints: ['web'],
        location: { file: 'blast-radius.yaml', line: 15, column: 9 },
      }),
    ]);
    const line = (await readFile(path.join(repo, 'blast-radius.yaml'), 'utf8')).split('\n')[14];
    expect(line).toBe('      - queue-use1');
  });

  it('annotates that line for GitHub and writes the job summary', async () => {
    const summary = path.join(repo, 'summary.md');
    const run = await runCli(
      ['check', 'blast-radius.yaml', '--baseline', BASELINE, '--format', 'github'],
      { cwd: repo, env: { GITHUB_STEP_SUMMARY: summary } },
    );
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(
      /^::error file=blast-radius\.yaml,line=15,col=9,title=No single point of failure/m,
    );
    const markdown = await readFile(summary, 'utf8');
    expect(markdown).toContain('❌ blast-radius check');
    expect(markdown).toContain('queue-use1');
    await rm(summary);
  });
});

describe('a pull request that fixes a known finding', () => {
  it('passes and reports the fixed entry, which --strict-baseline then refuses', async () => {
    await commit(FIXES_DNS, 'dns: add route53 as a second provider');
    const run = await check('--baseline', BASELINE);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Stale baseline entries (1)');
    expect(run.stdout).toContain('no-spof  component=dns');
    expect(run.stdout).toContain('✓ 0 new errors, 0 new warnings, 1 known, 1 fixed — gate passed');
    const strict = await check('--baseline', BASELINE, '--strict-baseline');
    expect(strict.code).toBe(1);
    expect(strict.stdout).toContain('gate failed: 1 stale baseline entry (--strict-baseline)');
    const shrink = await check('--baseline', BASELINE, '--update-baseline');
    expect(shrink.stderr).toContain('1 accepted finding (0 added, 1 removed)');
    expect((await check('--baseline', BASELINE, '--strict-baseline')).code).toBe(0);
  });
});

describe('bad input', () => {
  it('a missing baseline is an input error that says how to create one', async () => {
    const run = await check('--baseline', 'nope.json');
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(
      'nope.json: cannot read the baseline: no such file; create it with `blast-radius check --baseline nope.json --update-baseline`',
    );
  });

  it('a scope that matches nothing is an input error at its line', async () => {
    await writeFile(
      path.join(repo, 'typo.yaml'),
      'version: 1\npolicy:\n  rules:\n    - { rule: no-spof, scope: tier=critcal }\nservices: { a: {} }\n',
    );
    const run = await runCli(['check', 'typo.yaml'], { cwd: repo });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(
      'typo.yaml:4:31: scope: selector "tier=critcal" matches no service',
    );
  });
});

describe('writing the baseline', () => {
  it('never leaves half a file: an interrupted write keeps the old baseline', async () => {
    const target = path.join(repo, 'interrupted.json');
    await writeFile(target, 'the old baseline\n');
    function* interrupted(): Generator<string> {
      yield '{"version": 1, "findings": [';
      throw new Error('interrupted');
    }
    const io = {
      stdout: { write: () => true },
      stderr: { write: () => true },
      readStdin: async () => '',
      env: {},
      cwd: repo,
    };
    await expect(writeResult(io, interrupted(), 'interrupted.json')).rejects.toThrow(
      'cannot write interrupted.json',
    );
    expect(await readFile(target, 'utf8')).toBe('the old baseline\n');
    expect((await readdir(repo)).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });
});
