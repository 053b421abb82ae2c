// The README's CI recipes, run: every blast-radius command of its GitHub Actions workflow and
// GitLab job, in a temporary git repository with a pull request's change, must run as written
// and exit as the recipe expects (0, or 1 where it accepts findings), writing the files that the
// following steps upload.

import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, runCli } from '../support/run-cli.js';

const README = await readFile(path.join(ROOT, 'README.md'), 'utf8');

/** The first ```yaml block after a heading of the README. */
function recipe(heading: string): string {
  const after = README.slice(README.indexOf(`### ${heading}\n`));
  const match = /```yaml\n([\s\S]*?)```/.exec(after);
  if (!match) throw new Error(`no yaml block after ${heading}`);
  return match[1]!;
}

/** The blast-radius commands of a recipe's shell lines: argv, and whether exit 1 is accepted. */
function commands(lines: string[]): Array<{ argv: string[]; acceptsOne: boolean; line: string }> {
  return lines
    .flatMap((line) => line.split('\n'))
    .filter((line) => line.includes('npx -y blast-radius '))
    .map((line) => {
      const acceptsOne = line.includes('|| [ $? -eq 1 ]');
      const command = line
        .slice(line.indexOf('npx -y blast-radius ') + 'npx -y blast-radius '.length)
        .replace('|| [ $? -eq 1 ]', '')
        .replace('${{ github.base_ref }}', 'main')
        .trim();
      return { argv: command.split(/\s+/), acceptsOne, line };
    });
}

const MANIFEST = `version: 1
services:
  web: { entrypoint: true, tier: critical, depends_on: [api] }
  api: { depends_on: [{ any_of: [db-use1, db-euw1] }] }
  db-use1: { provider: aws, region: us-east-1 }
  db-euw1: { provider: aws, region: eu-west-1 }
  queue-use1: { provider: aws, region: us-east-1 }
`;

let repo: string;
const git = (...args: string[]) =>
  execFileSync('git', ['-c', 'user.name=CI', '-c', 'user.email=ci@example.com', ...args], {
    cwd: repo,
  });

beforeAll(async () => {
  repo = await mkdtemp(path.join(tmpdir(), 'br-readme-ci-'));
  git('init', '-q', '-b', 'main');
  await writeFile(path.join(repo, 'blast-radius.yaml'), MANIFEST);
  const adopt = await runCli(
    ['check', '--baseline', '.blast-radius-baseline.json', '--update-baseline'],
    { cwd: repo },
  );
  expect(adopt.code).toBe(0);
  git('add', '-A');
  git('commit', '-q', '-m', 'adopt');
  // What actions/checkout with fetch-depth 0 gives a pull request: origin/main, and the change.
  git('update-ref', 'refs/remotes/origin/main', 'HEAD');
  await writeFile(
    path.join(repo, 'blast-radius.yaml'),
    MANIFEST.replace(
      '[{ any_of: [db-use1, db-euw1] }]',
      '[{ any_of: [db-use1, db-euw1] }, queue-use1]',
    ),
  );
});
afterAll(async () => {
  await rm(repo, { recursive: true, force: true });
});

describe('the README’s GitHub Actions workflow', () => {
  const workflow = parse(recipe('GitHub Actions')) as {
    jobs: Record<
      string,
      { steps: Array<{ run?: string; uses?: string; with?: Record<string, string> }> }
    >;
  };
  const steps = Object.values(workflow.jobs)[0]!.steps;

  it('runs every blast-radius step on a pull request that adds a new SPOF', async () => {
    const found = commands(steps.flatMap((s) => (s.run ? [s.run] : [])));
    expect(found.map((c) => c.argv[0])).toEqual(['check', 'diff', 'check']);
    for (const [i, { argv, acceptsOne, line }] of found.entries()) {
      const run = await runCli(argv, { cwd: repo, env: { GITHUB_STEP_SUMMARY: 'summary.md' } });
      expect(run.stderr, line).toBe('');
      // The gate, last, fails the pull request; the other steps must not stop the job.
      const expected = i === found.length - 1 ? [1] : acceptsOne ? [0, 1] : [0];
      expect(expected, line).toContain(run.code);
    }
    const upload = steps.find((s) => s.uses?.startsWith('github/codeql-action/upload-sarif'))!;
    const sarif = JSON.parse(await readFile(path.join(repo, upload.with!['sarif_file']!), 'utf8'));
    expect(sarif.version).toBe('2.1.0');
    expect(await readFile(path.join(repo, 'blast-radius-diff.md'), 'utf8')).toContain('queue-use1');
    expect((await stat(path.join(repo, 'summary.md'))).size).toBeGreaterThan(0);
  });
});

describe('the README’s GitLab CI job', () => {
  const job = Object.values(
    parse(recipe('GitLab CI')) as Record<
      string,
      {
        script: string[];
        artifacts: { reports: Record<string, string> };
      }
    >,
  )[0]!;

  it('writes the reports GitLab reads, and its last command is the gate', async () => {
    const found = commands(job.script);
    for (const [i, { argv, acceptsOne, line }] of found.entries()) {
      const run = await runCli(argv, { cwd: repo });
      expect(run.stderr, line).toBe('');
      const expected = i === found.length - 1 ? [1] : acceptsOne ? [0, 1] : [0];
      expect(expected, line).toContain(run.code);
    }
    for (const report of Object.values(job.artifacts.reports)) {
      expect((await stat(path.join(repo, report))).size, report).toBeGreaterThan(0);
    }
  });
});
