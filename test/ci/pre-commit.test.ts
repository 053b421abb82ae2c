// .pre-commit-hooks.yaml: it parses, its `files` pattern picks the manifest, its includes under
// blast-radius/ and the baseline (and nothing else), and each hook's entry, run as pre-commit
// runs it (the entry's words, the hook's args, no file names) with `blast-radius` on PATH, in a
// git repository whose last commit adds a single point of failure, passes or fails as it should.
// pre-commit itself is not run: it would install the package from the npm registry.

import { describe, expect, it } from 'vitest';
import { hooks, runHook } from './pre-commit-runner.js';
import { git, pullRequestRepo } from './support.js';

const hook = (id: string) => hooks.find((each) => each.id === id)!;

describe('.pre-commit-hooks.yaml', () => {
  it('has the validate and check hooks, node packages run once per commit', () => {
    expect(hooks.map((each) => each.id)).toEqual(['blast-radius-validate', 'blast-radius-check']);
    for (const each of hooks) {
      expect(each.language).toBe('node');
      expect(each.pass_filenames).toBe(false);
      expect(each.description).toBeTruthy();
    }
    expect(hooks.map((each) => each.entry)).toEqual([
      'blast-radius validate',
      'blast-radius check',
    ]);
  });

  it('runs on manifest changes only', () => {
    const pattern = new RegExp(hook('blast-radius-validate').files);
    const yes = [
      'blast-radius.yaml',
      'blast-radius.yml',
      'blast-radius.json',
      'deploy/blast-radius.yaml',
      'blast-radius/compose.generated.yaml',
      '.blast-radius-baseline.json',
    ];
    const no = [
      'README.md',
      'src/app.ts',
      'compose.yaml',
      'my-blast-radius.yaml',
      'blast-radius.md',
    ];
    for (const file of yes) expect(pattern.test(file), file).toBe(true);
    for (const file of no) expect(pattern.test(file), file).toBe(false);
    expect(hook('blast-radius-check').files).toBe(hook('blast-radius-validate').files);
  });

  it('validate passes and check (with the baseline) fails on a commit that adds a SPOF', async () => {
    const repo = await pullRequestRepo();
    const changed = git(repo, 'diff', '--name-only', 'HEAD~1').trim().split('\n');
    expect(changed).toEqual(['blast-radius.yaml']);
    const validate = runHook(hook('blast-radius-validate'), repo, changed)!;
    expect(validate.stderr).toBe('');
    expect(validate.code).toBe(0);
    const baseline = ['--baseline', '.blast-radius-baseline.json'];
    const check = runHook(hook('blast-radius-check'), repo, changed, baseline)!;
    expect(check.code).toBe(1);
    expect(check.stdout).toContain('queue-use1');
    git(repo, 'checkout', '-q', 'main');
    expect(runHook(hook('blast-radius-check'), repo, changed, baseline)!.code).toBe(0);
    expect(runHook(hook('blast-radius-check'), repo, ['README.md'], baseline)).toBeUndefined();
  });

  it('validate fails on a broken manifest with file:line:col', async () => {
    const repo = await pullRequestRepo('version: 1\nservices:\n  web: { depends_on: [nowhere] }\n');
    const validate = runHook(hook('blast-radius-validate'), repo, ['blast-radius.yaml'])!;
    expect(validate.code).toBe(2);
    expect(validate.stderr).toMatch(/^blast-radius\.yaml:3:\d+: /m);
  });
});
