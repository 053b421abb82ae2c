// Runs the GitLab CI template's job as a runner's shell executor would: its variables in the
// environment (the template's, overridden by the project's), the script entries in one `sh -e`
// session. Asynchronous, so that a test's own HTTP server can answer the job meanwhile.

import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { ROOT } from '../support/run-cli.js';

export const TEMPLATE = path.join(ROOT, 'ci/gitlab/blast-radius.gitlab-ci.yml');

export interface GitlabJob {
  image: string;
  rules: Array<{ if: string }>;
  script: string[];
  artifacts: { when: string; paths: string[]; reports: Record<string, string> };
}

export function loadTemplate(): { variables: Record<string, string>; job: GitlabJob } {
  const { variables, ...jobs } = parse(readFileSync(TEMPLATE, 'utf8')) as Record<string, unknown>;
  return { variables: variables as Record<string, string>, job: jobs['blast-radius'] as GitlabJob };
}

/** Runs the job's script: one shell session, each entry failing the job. */
export async function runJob(
  job: GitlabJob,
  repo: string,
  variables: Record<string, string>,
): Promise<{ code: number; stdout: string; stderr: string }> {
  const child = spawn('sh', ['-e', '-c', job.script.join('\n')], {
    cwd: repo,
    env: { PATH: process.env['PATH'] ?? '', HOME: repo, CI_PROJECT_DIR: repo, ...variables },
    timeout: 60_000,
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  const [code] = (await once(child, 'close')) as [number | null];
  return { code: code ?? -1, stdout, stderr };
}
