// Shared by the CI integration tests: a temporary git repository as a CI job sees a pull request
// — a manifest whose findings are accepted in a committed baseline on main (also as
// origin/main), then a commit that adds a hard dependency of a critical entry point on a lone
// queue in us-east-1, a new single point of failure — and the CLI as a command line.

import { execFileSync } from 'node:child_process';
import { chmodSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect } from 'vitest';
import { ROOT, runCli } from '../support/run-cli.js';

export const MANIFEST = `version: 1
services:
  web: { entrypoint: true, tier: critical, depends_on: [api] }
  api: { depends_on: [{ any_of: [db-use1, db-euw1] }] }
  db-use1: { provider: aws, region: us-east-1 }
  db-euw1: { provider: aws, region: eu-west-1 }
  queue-use1: { provider: aws, region: us-east-1 }
`;

export const CHANGED = MANIFEST.replace(
  '[{ any_of: [db-use1, db-euw1] }]',
  '[{ any_of: [db-use1, db-euw1] }, queue-use1]',
);

/** `node …/bin/blast-radius.js`: the built CLI as a command line for a shell. */
export const CLI = `${process.execPath} ${path.join(ROOT, 'bin/blast-radius.js')}`;

export function git(repo: string, ...args: string[]): string {
  return execFileSync(
    'git',
    [
      '-c',
      'user.name=CI',
      '-c',
      'user.email=ci@example.com',
      '-c',
      'commit.gpgsign=false',
      ...args,
    ],
    { cwd: repo, encoding: 'utf8' },
  );
}

/** The repository of a pull request that adds a new SPOF (or, with `change`, another edit). */
export async function pullRequestRepo(change = CHANGED): Promise<string> {
  const repo = mkdtempSync(path.join(tmpdir(), 'br-ci-'));
  git(repo, 'init', '-q', '-b', 'main');
  writeFileSync(path.join(repo, 'blast-radius.yaml'), MANIFEST);
  const adopt = await runCli(
    ['check', '--baseline', '.blast-radius-baseline.json', '--update-baseline'],
    { cwd: repo },
  );
  expect(adopt.code).toBe(0);
  git(repo, 'add', '-A');
  git(repo, 'commit', '-q', '-m', 'adopt blast-radius');
  git(repo, 'update-ref', 'refs/remotes/origin/main', 'HEAD');
  git(repo, 'checkout', '-q', '-b', 'change');
  writeFileSync(path.join(repo, 'blast-radius.yaml'), change);
  git(repo, 'commit', '-q', '-am', 'the change under review');
  return repo;
}

/**
 * A folder of stand-ins for programs that talk to a service unreachable here (`gh`, GitHub's
 * CLI): each appends its arguments, one call a line, to `calls.log` in the folder, and exits
 * with `exitCode`.
 */
export function recordingStandIns(names: string[], exitCode = 0): { dir: string; log: string } {
  const dir = mkdtempSync(path.join(tmpdir(), 'br-standin-'));
  const log = path.join(dir, 'calls.log');
  for (const name of names) {
    const file = path.join(dir, name);
    writeFileSync(file, `#!/bin/sh\necho "${name} $*" >> "${log}"\nexit ${exitCode}\n`);
    chmodSync(file, 0o755);
  }
  writeFileSync(log, '');
  return { dir, log };
}
