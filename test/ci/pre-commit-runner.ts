// Runs a hook of .pre-commit-hooks.yaml as pre-commit does on a commit, short of installing the
// package: when a changed file matches its `files`, the entry's words and the hook's args, no
// file names, with `blast-radius` on PATH being this repository's CLI.

import { spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'yaml';
import { ROOT } from '../support/run-cli.js';

export interface Hook {
  id: string;
  name: string;
  description: string;
  entry: string;
  language: string;
  files: string;
  pass_filenames: boolean;
}

export const hooks = parse(
  readFileSync(path.join(ROOT, '.pre-commit-hooks.yaml'), 'utf8'),
) as Hook[];

/** A PATH on which `blast-radius` is this repository's CLI, as the installed package's bin. */
function pathWithCli(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'br-bin-'));
  const bin = path.join(dir, 'blast-radius');
  writeFileSync(
    bin,
    `#!/bin/sh\nexec "${process.execPath}" "${path.join(ROOT, 'bin/blast-radius.js')}" "$@"\n`,
  );
  chmodSync(bin, 0o755);
  return `${dir}${path.delimiter}${process.env['PATH']}`;
}

/** What pre-commit does for a hook on a commit: runs it when a changed file matches `files`. */
export function runHook(hook: Hook, repo: string, changed: string[], args: string[] = []) {
  const pattern = new RegExp(hook.files);
  if (!changed.some((file) => pattern.test(file))) return undefined;
  const [program, ...words] = hook.entry.split(' ');
  const run = spawnSync(program!, [...words, ...args], {
    cwd: repo,
    env: { PATH: pathWithCli() },
    encoding: 'utf8',
  });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}
