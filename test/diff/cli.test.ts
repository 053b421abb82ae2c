// `blast-radius diff OLD NEW` through the CLI: golden files for every format (regenerate on
// purpose with `npx vitest -u`), the gate's exit codes, usage errors, and the markdown bound.

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderDiffMarkdown, MAX_MARKDOWN_CHARS } from '../../src/report/diff/markdown.js';
import { buildManifest, type ServiceSketch } from '../support/build-manifest.js';
import { runCli } from '../support/run-cli.js';
import { diffOf, GOLDEN } from './support.js';

const [, OLD, NEW] = GOLDEN as [string, string, string];
const ESC = '\u001b';

describe('golden files', () => {
  it.each([
    ['text', 'txt'],
    ['markdown', 'md'],
    ['json', 'json'],
  ])('diff --format %s', async (format, extension) => {
    const run = await runCli([...GOLDEN, '--format', format, '--fail-on', 'new-spof']);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe('');
    await expect(run.stdout).toMatchFileSnapshot(`../golden/diff/shop.diff.${extension}`);
    expect((await runCli([...GOLDEN, '--format', format, '--fail-on', 'new-spof'])).stdout).toBe(
      run.stdout,
    );
  });
});

describe('the gate', () => {
  it('exits 0 without --fail-on, and 1 only for the conditions that matched', async () => {
    expect((await runCli(GOLDEN)).code).toBe(0);
    expect((await runCli([...GOLDEN, '--fail-on', 'new-risk'])).code).toBe(0);
    const run = await runCli([
      ...GOLDEN,
      '--fail-on',
      'new-risk',
      '--fail-on',
      'new-domain-spof',
      '--format',
      'json',
    ]);
    expect(run.code).toBe(1);
    expect(JSON.parse(run.stdout).gate).toEqual({
      failOn: ['new-domain-spof', 'new-risk'],
      triggered: ['new-domain-spof'],
      passed: false,
    });
  });

  it('passes when nothing is new', async () => {
    const run = await runCli(['diff', NEW, NEW, '--fail-on', 'new-spof,new-domain-spof,new-risk']);
    expect(run.stdout).toContain('Gate passed');
    expect(run.code).toBe(0);
  });
});

describe('usage', () => {
  it.each([
    [['diff', OLD], 'two manifests'],
    [['diff', OLD, NEW, NEW], 'two manifests'],
    [['diff', OLD, NEW, '--base', 'HEAD'], 'with --base, give only the new manifest'],
    [[...GOLDEN, '--fail-on', 'new-spofs'], 'unknown condition "new-spofs"'],
    [[...GOLDEN, '--top', 'all'], '--top takes a whole number'],
    [['diff', '-', '-'], 'only one of the manifests'],
    [[...GOLDEN, '--format', 'sarif'], 'sarif'],
  ])('%j is a usage error', async (args, message) => {
    const run = await runCli(args);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(message);
    expect(run.stdout).toBe('');
  });

  it('a bad manifest on either side is an input error with file:line:col', async () => {
    const run = await runCli(['diff', OLD, '-'], {
      stdin: 'version: 1\nservices:\n  web: { depends_on: [api] }\n',
    });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^<stdin>:3:\d+: .*api/m);
  });

  it('--help shows the forms and examples', async () => {
    const run = await runCli(['diff', '--help']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('OLD NEW | [NEW] --base REF');
    expect(run.stdout).toContain('--fail-on');
  });

  it('never lets a control character in a file name reach the output', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'blast-radius-'));
    const [old, now] = ['old\u001b[2J.yaml', 'new\u001b]0;pwned\u0007.yaml'];
    writeFileSync(path.join(dir, old), 'version: 1\nservices:\n  web: { entrypoint: true }\n');
    writeFileSync(
      path.join(dir, now),
      'version: 1\nservices:\n  web: { entrypoint: true, depends_on: [db] }\n  db: {}\n',
    );
    for (const format of ['text', 'markdown', 'json']) {
      const run = await runCli(['diff', old, now, '--format', format], { cwd: dir });
      expect(run.stderr).toBe('');
      expect(run.code).toBe(0);
      expect(run.stdout).toContain('db');
      expect(run.stdout).not.toContain(ESC);
      expect(run.stdout).not.toContain('\u0007');
    }
    rmSync(dir, { recursive: true, force: true });
  });

  it('colours only when asked', async () => {
    expect((await runCli(GOLDEN)).stdout).not.toContain(ESC);
    expect((await runCli(GOLDEN, { env: { FORCE_COLOR: '1' } })).stdout).toContain(ESC);
  });
});

describe('the markdown comment', () => {
  it('stays under 60,000 characters however large the change and --top', () => {
    const id = (prefix: string, i: number) =>
      `${prefix}-${String(i).padStart(4, '0')}-${'x'.repeat(180)}`;
    const sketch: Record<string, ServiceSketch> = {
      'shared-db': { provider: 'aws', region: 'us-east-1' },
    };
    for (let i = 0; i < 1500; i++) {
      sketch[id('entry', i)] = { entrypoint: true, depends_on: [id('svc', i)] };
      sketch[id('svc', i)] = { depends_on: ['shared-db'], provider: 'aws', region: `r-${i}` };
    }
    const result = diffOf(null, buildManifest(sketch), ['new-spof']);
    const markdown = renderDiffMarkdown(result, { top: 1_000_000 });
    expect(markdown.length).toBeLessThan(MAX_MARKDOWN_CHARS);
    expect(markdown).toContain('```mermaid');
    expect(markdown).toContain('more (`--format json` for all)');
    expect(markdown).toContain('not drawn (at most 40 services)');
  });
});
