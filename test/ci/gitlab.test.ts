// The GitLab CI template (ci/gitlab/blast-radius.gitlab-ci.yml): it parses, and its job's script,
// run as written with `sh -e` and the template's variables (some overridden, as a project's
// .gitlab-ci.yml does) in a git repository with a merge request that adds a single point of
// failure, writes the reports its artifacts name, the diff's Markdown, posts it as a note to a
// real HTTP server on 127.0.0.1 standing for the GitLab API, and gates as BLAST_RADIUS_FAIL_ON says.

import { once } from 'node:events';
import { readFileSync, statSync } from 'node:fs';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadTemplate, runJob } from './gitlab-runner.js';
import { CLI, pullRequestRepo } from './support.js';

const MERGE_REQUEST = {
  CI_PIPELINE_SOURCE: 'merge_request_event',
  CI_MERGE_REQUEST_TARGET_BRANCH_NAME: 'main',
  CI_MERGE_REQUEST_IID: '12',
  CI_PROJECT_ID: '34',
};

/** A server on 127.0.0.1 that records the requests the job makes to "the GitLab API". */
async function notesServer() {
  const requests: Array<{
    method: string;
    url: string;
    headers: IncomingHttpHeaders;
    body: string;
  }> = [];
  const server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    request.on('end', () => {
      requests.push({ method: request.method!, url: request.url!, headers: request.headers, body });
      response.writeHead(201, { 'content-type': 'application/json' }).end('{"id":1}');
    });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  return { requests, url: `http://127.0.0.1:${port}/api/v4`, close: () => server.close() };
}

describe('the GitLab CI template', () => {
  const { variables, job } = loadTemplate();

  it('declares its variables, reports and rules', () => {
    expect(Object.keys(variables).every((name) => name.startsWith('BLAST_RADIUS_'))).toBe(true);
    expect(job.image).toBe('node:${BLAST_RADIUS_NODE_VERSION}');
    expect(job.artifacts.reports).toEqual({
      codequality: 'gl-code-quality-report.json',
      junit: 'blast-radius-junit.xml',
    });
    expect(job.rules.map((rule) => rule.if)).toContain(
      '$CI_PIPELINE_SOURCE == "merge_request_event"',
    );
  });

  it('in a merge request: reports, the diff as a note, and the gate fails on the new finding', async () => {
    const repo = await pullRequestRepo();
    const api = await notesServer();
    try {
      const run = await runJob(job, repo, {
        ...variables,
        ...MERGE_REQUEST,
        BLAST_RADIUS_COMMAND: CLI,
        BLAST_RADIUS_BASELINE: '.blast-radius-baseline.json',
        BLAST_RADIUS_GITLAB_TOKEN: 'secret-token',
        CI_API_V4_URL: api.url,
      });
      expect(run.stderr).toBe('blast-radius: check found something new at severity error\n');
      expect(run.code).toBe(1);
      for (const report of [...Object.values(job.artifacts.reports), ...job.artifacts.paths]) {
        expect(statSync(path.join(repo, report)).size, report).toBeGreaterThan(0);
      }
      const quality = JSON.parse(
        readFileSync(path.join(repo, 'gl-code-quality-report.json'), 'utf8'),
      );
      expect(JSON.stringify(quality)).toContain('queue-use1');
      expect(readFileSync(path.join(repo, 'blast-radius-junit.xml'), 'utf8')).toContain('<failure');
      const markdown = readFileSync(path.join(repo, 'blast-radius-diff.md'), 'utf8');
      expect(markdown).toContain('queue-use1');
      expect(api.requests).toHaveLength(1);
      const [note] = api.requests;
      expect(note!.method).toBe('POST');
      expect(note!.url).toBe('/api/v4/projects/34/merge_requests/12/notes');
      expect(note!.headers['private-token']).toBe('secret-token');
      expect(new URLSearchParams(note!.body).get('body')).toBe(markdown);
    } finally {
      api.close();
    }
  });

  it('with fail-on new-spof the diff is the gate; without a token no note is posted', async () => {
    const repo = await pullRequestRepo();
    const run = await runJob(job, repo, {
      ...variables,
      ...MERGE_REQUEST,
      BLAST_RADIUS_COMMAND: CLI,
      BLAST_RADIUS_FAIL_ON: 'new-spof',
      CI_API_V4_URL: 'http://127.0.0.1:9/unused',
    });
    expect(run.stderr).toBe('blast-radius: the merge request adds risk (diff --fail-on)\n');
    expect(run.code).toBe(1);
  });

  it('on the default branch: no diff; fail-on never only reports', async () => {
    const repo = await pullRequestRepo();
    const run = await runJob(job, repo, {
      ...variables,
      CI_PIPELINE_SOURCE: 'push',
      BLAST_RADIUS_COMMAND: CLI,
      BLAST_RADIUS_FAIL_ON: 'never',
    });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toBe('blast-radius: the gate passes (fail-on: never)\n');
    expect(() => statSync(path.join(repo, 'blast-radius-diff.md'))).toThrow();
  });

  it('stops on a broken manifest (exit 2, file:line:col) and on an unknown condition', async () => {
    const broken = await pullRequestRepo(
      'version: 1\nservices:\n  web: { depends_on: [nowhere] }\n',
    );
    const run = await runJob(job, broken, { ...variables, BLAST_RADIUS_COMMAND: CLI });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^blast-radius\.yaml:3:\d+: /m);
    const repo = await pullRequestRepo();
    const typo = await runJob(job, repo, {
      ...variables,
      BLAST_RADIUS_COMMAND: CLI,
      BLAST_RADIUS_FAIL_ON: 'findings,new-spf',
    });
    expect(typo.code).toBe(2);
    expect(typo.stderr).toContain('unknown condition "new-spf"');
  });
});
