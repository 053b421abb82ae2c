// The README's CI recipes, run: its GitHub Actions workflow's use of the action (action.yml, with
// the inputs the README gives), its GitLab include of the template (with the README's variables)
// and its pre-commit configuration, each on a temporary git repository with a pull request that
// adds a new single point of failure, must fail that pull request and leave what the following
// steps upload.

import { readFile, stat } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { githubContext, loadAction, runAction } from '../ci/action-runner.js';
import { loadTemplate, runJob } from '../ci/gitlab-runner.js';
import { hooks, runHook } from '../ci/pre-commit-runner.js';
import { CLI, pullRequestRepo, recordingStandIns } from '../ci/support.js';
import { ROOT } from '../support/run-cli.js';

const README = await readFile(path.join(ROOT, 'README.md'), 'utf8');

/** The first ```yaml block after a heading of the README. */
function recipe(heading: string): string {
  const after = README.slice(README.indexOf(`### ${heading}\n`));
  const match = /```yaml\n([\s\S]*?)```/.exec(after);
  if (!match) throw new Error(`no yaml block after ${heading}`);
  return match[1]!;
}

/** YAML values as GitHub and GitLab hand them on: text (`true` is "true"). */
function asText(record: Record<string, unknown>): Record<string, string> {
  return Object.fromEntries(Object.entries(record).map(([key, value]) => [key, String(value)]));
}

describe('the README’s GitHub Actions workflow', () => {
  const workflow = parse(recipe('GitHub Actions')) as {
    permissions: Record<string, string>;
    jobs: Record<string, { steps: Array<{ uses?: string; with?: Record<string, unknown> }> }>;
  };
  const steps = Object.values(workflow.jobs)[0]!.steps;

  it('checks out, and grants what the action needs', () => {
    expect(steps[0]!.uses).toMatch(/^actions\/checkout@v\d+$/);
    expect(workflow.permissions).toMatchObject({
      'security-events': 'write',
      'pull-requests': 'write',
    });
  });

  it('uses the action with inputs it declares, and fails a pull request that adds a SPOF', async () => {
    const use = steps.find((step) => /\/blast-radius@/.test(step.uses ?? ''))!;
    const action = loadAction();
    const inputs = asText(use.with ?? {});
    for (const name of Object.keys(inputs)) expect(action.inputs, name).toHaveProperty(name);
    const repo = await pullRequestRepo();
    const gh = recordingStandIns(['gh']);
    const run = runAction(action, {
      inputs: { ...inputs, command: CLI },
      github: githubContext(),
      cwd: repo,
      path: `${gh.dir}${path.delimiter}${process.env['PATH']}`,
    });
    const gate = run.steps.at(-1)!;
    expect(gate.code).toBe(1);
    const sarif = JSON.parse(await readFile(run.outputs['sarif']!, 'utf8'));
    expect(sarif.version).toBe('2.1.0');
    expect(await readFile(run.outputs['diff-markdown']!, 'utf8')).toContain('queue-use1');
    expect(run.summary).toContain('queue-use1');
    expect(await readFile(gh.log, 'utf8')).toContain('gh pr comment 7 --body-file ');
  });
});

describe('the README’s GitLab CI include', () => {
  const pipeline = parse(recipe('GitLab CI')) as {
    include: Array<{ remote: string }>;
    variables: Record<string, unknown>;
  };

  it('includes the template of this repository, and its variables fail the merge request', async () => {
    const remote = pipeline.include[0]!.remote;
    const file = /\/v[\d.]+\/(.*)$/.exec(remote)![1]!;
    expect(existsSync(path.join(ROOT, file))).toBe(true);
    const { variables, job } = loadTemplate();
    for (const name of Object.keys(pipeline.variables))
      expect(variables, name).toHaveProperty(name);
    const repo = await pullRequestRepo();
    const run = await runJob(job, repo, {
      ...variables,
      ...asText(pipeline.variables),
      BLAST_RADIUS_COMMAND: CLI,
      CI_PIPELINE_SOURCE: 'merge_request_event',
      CI_MERGE_REQUEST_TARGET_BRANCH_NAME: 'main',
    });
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(
      'blast-radius: check found something new at severity error; ' +
        'the merge request adds risk (diff --fail-on)\n',
    );
    for (const report of Object.values(job.artifacts.reports)) {
      expect((await stat(path.join(repo, report))).size, report).toBeGreaterThan(0);
    }
  });
});

describe('the README’s pre-commit configuration', () => {
  const config = parse(recipe('pre-commit')) as {
    repos: Array<{ rev: string; hooks: Array<{ id: string; args?: string[] }> }>;
  };

  it('names hooks this repository has, and its check fails the commit that adds a SPOF', async () => {
    const repo = await pullRequestRepo();
    for (const use of config.repos[0]!.hooks) {
      const hook = hooks.find((each) => each.id === use.id);
      expect(hook, use.id).toBeDefined();
      const run = runHook(hook!, repo, ['blast-radius.yaml'], use.args ?? []);
      expect(run!.code, use.id).toBe(use.id === 'blast-radius-check' ? 1 : 0);
    }
  });

  it('pins the version the package has', async () => {
    const { version } = JSON.parse(await readFile(path.join(ROOT, 'package.json'), 'utf8'));
    expect(config.repos[0]!.rev).toBe(`v${version}`);
    expect(recipe('GitHub Actions')).toContain(`/blast-radius@v${version} `);
    expect(recipe('GitLab CI')).toContain(`/v${version}/ci/gitlab/`);
    expect(loadTemplate().variables['BLAST_RADIUS_VERSION']).toBe(version);
  });
});
