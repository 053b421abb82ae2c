// action.yml, the composite GitHub Action: it parses, passes every input through the
// environment, names only outputs its steps write, and its `run:` steps, run as written by
// test/ci/action-runner.ts in a git repository with a pull request that adds a single point of
// failure, write the SARIF, the annotations, the job summary and the diff's Markdown, comment on
// the pull request (through a `gh` stand-in: GitHub is unreachable here), and gate as `fail-on`
// says. The `uses:` steps (setup-node, the SARIF upload) are checked for what they are given.

import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../support/run-cli.js';
import { githubContext, loadAction, runAction, type ActionRun } from './action-runner.js';
import { CLI, pullRequestRepo, recordingStandIns } from './support.js';

const action = loadAction();

function step(run: ActionRun, name: string) {
  const found = run.steps.find((each) => each.name.startsWith(name));
  if (found === undefined) throw new Error(`no step ${name}`);
  return found;
}

describe('action.yml', () => {
  it('is a composite action whose inputs are described and reach scripts only through env', () => {
    expect(action.runs.using).toBe('composite');
    for (const [name, input] of Object.entries(action.inputs)) {
      expect(input.description, name).toBeTruthy();
    }
    expect(Object.keys(action.inputs).sort()).toEqual(
      [
        'base-ref',
        'baseline',
        'command',
        'comment',
        'fail-on',
        'manifest',
        'node-version',
        'strict-baseline',
        'token',
        'upload-sarif',
        'version',
      ].sort(),
    );
    for (const each of action.runs.steps.filter((s) => s.run !== undefined)) {
      expect(each.shell, each.name).toBe('bash');
      expect(each.run, each.name).not.toContain('${{');
    }
  });

  it('names as outputs only what its steps write to GITHUB_OUTPUT', () => {
    for (const [name, output] of Object.entries(action.outputs)) {
      const match = /^\$\{\{ steps\.([\w-]+)\.outputs\.([\w-]+) \}\}$/.exec(output.value);
      expect(match, name).not.toBeNull();
      const writer = action.runs.steps.find((each) => each.id === match![1]);
      expect(writer?.run, name).toContain(`echo "${match![2]}=`);
    }
  });
});

describe('a pull request that adds a single point of failure', () => {
  it('SARIF, annotations, summary, diff comment, and the gate fails on the new finding', async () => {
    const repo = await pullRequestRepo();
    const gh = recordingStandIns(['gh']);
    const run = runAction(action, {
      inputs: { command: CLI, baseline: '.blast-radius-baseline.json', 'strict-baseline': 'true' },
      github: githubContext(),
      cwd: repo,
      path: `${gh.dir}${path.delimiter}${process.env['PATH']}`,
    });

    expect(step(run, 'Set up Node.js').with).toEqual({ 'node-version': '20' });
    expect(step(run, 'Install').outputs).toEqual({ command: CLI });

    const check = step(run, 'Check');
    expect(check.stderr).toBe('');
    expect(check.code).toBe(0);
    expect(check.stdout).toMatch(/^::error file=blast-radius\.yaml,line=\d+/m);
    expect(check.stdout).toContain('queue-use1');
    const sarif = JSON.parse(readFileSync(run.outputs['sarif']!, 'utf8'));
    expect(sarif.version).toBe('2.1.0');
    expect(JSON.stringify(sarif.runs[0].results)).toContain('queue-use1');
    expect(run.summary).toContain('queue-use1');

    const upload = step(run, 'Upload SARIF');
    expect(upload.uses).toMatch(/^github\/codeql-action\/upload-sarif@v\d+$/);
    expect(upload.with).toEqual({ sarif_file: run.outputs['sarif'], category: 'blast-radius' });

    const diff = step(run, 'Diff');
    expect(diff.stderr).toBe('');
    expect(diff.code).toBe(0);
    const markdown = readFileSync(run.outputs['diff-markdown']!, 'utf8');
    expect(markdown).toContain('queue-use1');

    expect(readFileSync(gh.log, 'utf8')).toBe(
      `gh pr comment 7 --body-file ${run.outputs['diff-markdown']} --edit-last\n`,
    );

    const gate = step(run, 'Gate');
    expect(gate.code).toBe(1);
    expect(gate.stdout).toBe(
      '::error::blast-radius: check found something new at severity error\n',
    );
    expect(run.outputs).toMatchObject({ 'exit-code': '1', 'diff-exit-code': '0' });
    for (const name of Object.keys(action.outputs)) expect(run.outputs[name], name).not.toBe('');
  });

  it('with fail-on new-spof, the diff is the gate', async () => {
    const repo = await pullRequestRepo();
    const gh = recordingStandIns(['gh']);
    const run = runAction(action, {
      inputs: { command: CLI, 'fail-on': 'new-spof', comment: 'false', 'upload-sarif': 'false' },
      github: githubContext(),
      cwd: repo,
      path: `${gh.dir}${path.delimiter}${process.env['PATH']}`,
    });
    expect(step(run, 'Upload SARIF').uses).toBeUndefined();
    expect(step(run, 'Comment').ran).toBe(false);
    expect(readFileSync(gh.log, 'utf8')).toBe('');
    expect(run.outputs).toMatchObject({ 'exit-code': '1', 'diff-exit-code': '1' });
    expect(step(run, 'Gate').stdout).toBe(
      '::error::blast-radius: the pull request adds risk (diff --fail-on)\n',
    );
  });

  it('a comment that cannot be posted is a warning, and the gate still decides', async () => {
    const repo = await pullRequestRepo();
    const gh = recordingStandIns(['gh'], 1);
    const run = runAction(action, {
      inputs: { command: CLI, 'upload-sarif': 'false' },
      github: githubContext(),
      cwd: repo,
      path: `${gh.dir}${path.delimiter}${process.env['PATH']}`,
    });
    const comment = step(run, 'Comment');
    expect(comment.code).toBe(0);
    expect(comment.stdout).toMatch(/^::warning::blast-radius: could not comment/);
    expect(readFileSync(gh.log, 'utf8').trimEnd().split('\n')).toHaveLength(2);
    expect(step(run, 'Gate').code).toBe(1);
  });

  it('on a push there is no diff and no comment; fail-on never only reports', async () => {
    const repo = await pullRequestRepo();
    const run = runAction(action, {
      inputs: { command: CLI, 'fail-on': 'never', 'node-version': '' },
      github: githubContext({ event_name: 'push', base_ref: '', event: {} }),
      cwd: repo,
    });
    expect(step(run, 'Set up Node.js').uses).toBeUndefined();
    expect(step(run, 'Diff').ran).toBe(false);
    expect(step(run, 'Comment').ran).toBe(false);
    expect(run.failed).toBe(false);
    expect(step(run, 'Gate').stdout).toBe('blast-radius: the gate passes (fail-on: never)\n');
    expect(run.outputs).toMatchObject({ 'exit-code': '1', 'diff-markdown': '' });
  });
});

describe('what stops the action', () => {
  it('a broken manifest: the check step fails with file:line:col, nothing after it runs', async () => {
    const repo = await pullRequestRepo('version: 1\nservices:\n  web: { depends_on: [nowhere] }\n');
    const run = runAction(action, {
      inputs: { command: CLI },
      github: githubContext(),
      cwd: repo,
    });
    const check = step(run, 'Check');
    expect(check.code).toBe(2);
    expect(check.stderr).toMatch(/^blast-radius\.yaml:3:\d+: /m);
    expect(run.steps.slice(run.steps.indexOf(check) + 1).every((each) => !each.ran)).toBe(true);
    expect(run.failed).toBe(true);
  });

  it('an unknown fail-on condition, rather than a gate silently off', async () => {
    const repo = await pullRequestRepo();
    const run = runAction(action, {
      inputs: { command: CLI, 'fail-on': 'finding' },
      github: githubContext(),
      cwd: repo,
    });
    expect(step(run, 'Check').code).toBe(2);
    expect(step(run, 'Check').stdout).toContain('fail-on: unknown condition "finding"');
    expect(step(run, 'Gate').ran).toBe(false);
  });
});

describe('installing blast-radius', () => {
  it("installs the action's own version from npm (npm is a stand-in: no registry here)", () => {
    const npm = recordingStandIns(['npm']);
    const dir = path.dirname(npm.log);
    const run = runAction(action, {
      stepCount: 2,
      inputs: {},
      github: githubContext(),
      cwd: dir,
      path: `${npm.dir}${path.delimiter}${process.env['PATH']}`,
    });
    const install = step(run, 'Install');
    expect(install.code).toBe(0);
    const version = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')).version;
    const log = readFileSync(npm.log, 'utf8');
    expect(log).toMatch(
      new RegExp(
        `^npm install --no-save --no-audit --no-fund --prefix \\S+ blast-radius@${version}\\n$`,
      ),
    );
    expect(install.outputs['command']).toMatch(
      /\/blast-radius\/node_modules\/\.bin\/blast-radius$/,
    );
    writeFileSync(npm.log, '');
    runAction(action, {
      stepCount: 2,
      inputs: { version: '9.9.9' },
      github: githubContext(),
      cwd: dir,
      path: `${npm.dir}${path.delimiter}${process.env['PATH']}`,
    });
    expect(readFileSync(npm.log, 'utf8')).toContain(' blast-radius@9.9.9\n');
    expect(existsSync(path.join(dir, 'node_modules'))).toBe(false);
  });
});
