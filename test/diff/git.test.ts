// `diff --base REF` end to end in a temporary git repository: the old manifest and the file it
// includes are read at REF, the working tree and the repository are left as they were.

import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { devNull, tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runBin, runCli } from '../support/run-cli.js';

const TOP = `version: 1
name: acme
include: [teams/*.yaml]
services:
  web:
    entrypoint: true
    cost_per_hour: 1000
    depends_on: [api]
`;
const API_BEFORE = `version: 1
services:
  api:
    depends_on: [{ any_of: [db-use1, db-euw1] }]
  db-use1: { provider: aws, region: us-east-1 }
  db-euw1: { provider: aws, region: eu-west-1 }
`;
/** api gains a hard dependency on a cache that lives in one region. */
const API_AFTER = `${API_BEFORE.replace('depends_on: [{', 'depends_on: [cache-use1, {')}  cache-use1: { provider: aws, region: us-east-1 }
`;
const API_BROKEN = `version: 1
services:
  api:
    depends_on: [db-use2]
`;

const GIT_ENV = { ...process.env, GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: devNull };

function git(cwd: string, ...args: string[]): string {
  const config = ['-c', 'user.name=Blast Radius', '-c', 'user.email=ci@example.com'];
  return execFileSync('git', [...config, '-c', 'commit.gpgsign=false', ...args], {
    cwd,
    env: GIT_ENV,
    encoding: 'utf8',
  });
}

let repo: string;
let infra: string;

beforeAll(() => {
  repo = mkdtempSync(path.join(tmpdir(), 'blast-radius-repo-'));
  infra = path.join(repo, 'infra');
  mkdirSync(path.join(infra, 'teams'), { recursive: true });
  git(repo, 'init', '--quiet', '--initial-branch=main');
  writeFileSync(path.join(infra, 'blast-radius.yaml'), TOP);
  writeFileSync(path.join(infra, 'teams/api.yaml'), API_BROKEN);
  git(repo, 'add', '.');
  git(repo, 'commit', '--quiet', '-m', 'a manifest with a dangling reference');
  writeFileSync(path.join(infra, 'teams/api.yaml'), API_BEFORE);
  git(repo, 'commit', '--quiet', '-am', 'api on two regions');
  // The pull request: not committed, as in a CI checkout with the change in the working tree.
  writeFileSync(path.join(infra, 'teams/api.yaml'), API_AFTER);
});

afterAll(() => rmSync(repo, { recursive: true, force: true }));

/** What a read must not change: the status, HEAD, the index file and leftover snapshots. */
function repositoryState(): string {
  const snapshots = readdirSync(tmpdir()).filter((f) => f.startsWith('blast-radius-base-'));
  return JSON.stringify([
    git(repo, '--no-optional-locks', 'status', '--porcelain'),
    git(repo, 'rev-parse', 'HEAD'),
    statSync(path.join(repo, '.git/index')).mtimeMs,
    snapshots,
  ]);
}

describe('diff --base', () => {
  it('shows exactly the new SPOF, reading the included file at the revision', async () => {
    const state = repositoryState();
    const run = await runCli(
      ['diff', '--base', 'HEAD', '--format', 'json', '--fail-on', 'new-spof'],
      {
        cwd: infra,
      },
    );
    expect(run.stderr).toBe('');
    expect(run.code).toBe(1);
    const result = JSON.parse(run.stdout);
    expect(result.spofs).toEqual({
      added: [{ entrypoint: 'web', component: 'cache-use1' }],
      removed: [],
    });
    expect(result.services).toEqual({ added: ['cache-use1'], removed: [] });
    expect(result.before).toMatchObject({ source: 'HEAD:infra/blast-radius.yaml', exists: true });
    expect(result.gate.triggered).toEqual(['new-spof']);
    expect(repositoryState()).toBe(state);
  });

  it('exits 0 without --fail-on, and names the new SPOF in text and markdown', async () => {
    const text = await runCli(['diff', 'blast-radius.yaml', '--base', 'HEAD'], { cwd: infra });
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/New single points of failure\n.*\n\s+cache-use1\s+web\n/);
    const markdown = await runCli(['diff', '--base', 'HEAD', '--format', 'markdown'], {
      cwd: infra,
    });
    expect(markdown.stdout).toContain('| `cache-use1` | `web` |');
    expect(markdown.stdout).toContain('```mermaid');
  });

  it('works the same through the built command, from another directory', () => {
    const manifest = path.join(infra, 'blast-radius.yaml');
    const gated = runBin([
      'diff',
      manifest,
      '--base',
      'HEAD',
      '--fail-on',
      'new-spof',
      '--format',
      'json',
    ]);
    expect(gated.code).toBe(1);
    expect(JSON.parse(gated.stdout).spofs.added).toEqual([
      { entrypoint: 'web', component: 'cache-use1' },
    ]);
    expect(runBin(['diff', manifest, '--base', 'HEAD']).code).toBe(0);
  });

  it('names errors of the old manifest as REF:path:line:col', async () => {
    const run = await runCli(['diff', '--base', 'HEAD~1'], { cwd: infra });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^HEAD~1:infra\/teams\/api\.yaml:4:\d+: .*db-use2/m);
    expect(run.stderr).not.toContain('blast-radius-base-');
  });

  it('treats a manifest absent at the revision as empty: everything is new', async () => {
    writeFileSync(
      path.join(infra, 'edge.yaml'),
      'version: 1\nservices:\n  cdn: { depends_on: [origin] }\n  origin: {}\n',
    );
    const run = await runCli(['diff', 'edge.yaml', '--base', 'HEAD', '--fail-on', 'new-risk'], {
      cwd: infra,
    });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('HEAD:infra/edge.yaml does not exist: everything is new.');
    const json = JSON.parse(
      (await runCli(['diff', 'edge.yaml', '--base', 'HEAD', '--format', 'json'], { cwd: infra }))
        .stdout,
    );
    expect(json.before).toMatchObject({ exists: false, services: 0 });
    expect(json.newlyAtRisk).toEqual(['cdn']);
    expect(json.spofs.added).toEqual([{ entrypoint: 'cdn', component: 'origin' }]);
  });

  it.each([
    [['--base', 'no-such-branch'], 'unknown git revision "no-such-branch"'],
    [['--base', '--output=x'], 'is not a revision'],
  ])('%j is an error with exit 2 and one line', async (args, message) => {
    const run = await runCli(['diff', ...args], { cwd: infra });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(message);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('outside a git repository is an error with exit 2', async () => {
    const outside = mkdtempSync(path.join(tmpdir(), 'blast-radius-plain-'));
    writeFileSync(
      path.join(outside, 'blast-radius.yaml'),
      TOP.replace(/include.*\n/, '').replace('[api]', '[]'),
    );
    const run = await runCli(['diff', '--base', 'HEAD'], { cwd: outside });
    expect(run.code).toBe(2);
    expect(run.stderr).toBe('blast-radius: --base: blast-radius.yaml is not in a git repository\n');
    rmSync(outside, { recursive: true, force: true });
  });

  it('without git installed is an error with exit 2', () => {
    const run = runBin(['diff', path.join(infra, 'blast-radius.yaml'), '--base', 'HEAD'], {
      env: { PATH: '' },
    });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--base needs git, and git is not installed');
  });
});
