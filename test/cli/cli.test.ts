import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { POLICY_RULES } from '../../src/manifest/types.js';
import { DEFAULT_POLICY } from '../../src/model/policy.js';
import { runBin, runCli } from '../support/run-cli.js';

const S3 = 'fixtures/s3-2017/blast-radius.yaml';
const DYN = 'fixtures/dyn-2016/blast-radius.yaml';
const ESC = '\u001b';

describe('exit codes and streams', () => {
  it('analyze succeeds with 0 and writes only to stdout', async () => {
    const run = await runCli(['analyze', S3]);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    expect(run.stdout).toContain('Single points of failure per entry point');
  });

  it('an unknown command or option is a usage error (2)', async () => {
    expect((await runCli(['analyse', S3])).code).toBe(2);
    expect((await runCli(['analyze', S3, '--frmat', 'json'])).code).toBe(2);
    expect((await runCli(['analyze', S3, '--format', 'yaml'])).code).toBe(2);
    expect((await runCli(['analyze', S3, '--top', 'ten'])).stderr).toContain(
      '--top takes a whole number',
    );
  });

  it('--help and --version exit 0', async () => {
    const help = await runCli(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('analyze');
    expect(help.stdout).toContain('Exit codes');
    expect((await runCli(['--version'])).code).toBe(0);
  });

  it('check --help lists every policy rule and the whole built-in policy', async () => {
    const help = (await runCli(['check', '--help'])).stdout;
    for (const rule of POLICY_RULES) expect(help).toMatch(new RegExp(`^  ${rule} +\\S`, 'm'));
    for (const entry of DEFAULT_POLICY) expect(help).toContain(`  ${entry.rule}`);
    expect(help).toContain('no-unknown-sla: warn for tier=critical');
    expect(help).toContain('rto-consistency: warn');
  });

  it('a missing manifest is an input error naming the file', async () => {
    const run = await runCli(['validate', 'no-such-dir/blast-radius.yaml']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('no-such-dir/blast-radius.yaml');
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });

  it('simulate without --fail is a usage error', async () => {
    const run = await runCli(['simulate', S3]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--fail');
  });

  it('a selector that is a provider name, not an id, suggests the key=value form', async () => {
    const run = await runCli(['simulate', S3, '--fail', 'aws']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('provider=aws');
  });

  it('an unknown selector key is a usage error with a suggestion', async () => {
    const run = await runCli(['simulate', S3, '--fail', 'provder=aws']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('did you mean "provider"');
  });

  it('a selector value that matches nothing suggests a close one', async () => {
    const run = await runCli(['simulate', S3, '--fail', 'provider=aws,region=us-east1']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('did you mean "us-east-1"');
  });
});

describe('the pre-maintenance guard', () => {
  it('--max-down exits 1 and says which limit was crossed', async () => {
    const run = await runCli([
      'simulate',
      S3,
      '--fail',
      'provider=aws,region=us-east-1',
      '--max-down',
      '2',
    ]);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/Guard failed: \d+ services would go down, more than --max-down 2/);
  });

  it('--max-down passes when the outage stays within the limit', async () => {
    const run = await runCli([
      'simulate',
      S3,
      '--fail',
      'provider=aws,region=us-east-1',
      '--max-down',
      '10000',
    ]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Guard passed');
  });

  it('--forbid-down exits 1 when a protected service would go down, in every format', async () => {
    for (const format of ['text', 'json', 'markdown']) {
      const run = await runCli([
        'simulate',
        DYN,
        '--fail',
        'dyn',
        '--forbid-down',
        'tier=critical',
        '--format',
        format,
      ]);
      expect(run.code).toBe(1);
    }
    const json = JSON.parse(
      (
        await runCli([
          'simulate',
          DYN,
          '--fail',
          'dyn',
          '--forbid-down',
          'tier=critical',
          '--format',
          'json',
        ])
      ).stdout,
    );
    expect(json.guard.passed).toBe(false);
    expect(json.guard.violations[0].limit).toBe('forbid-down');
  });
});

describe('output', () => {
  it('is byte-identical across runs', async () => {
    for (const format of ['text', 'json', 'markdown']) {
      const a = await runCli(['analyze', S3, '--format', format]);
      const b = await runCli(['analyze', S3, '--format', format]);
      expect(a.stdout).toBe(b.stdout);
    }
  });

  it('has no colour unless asked, and colour with FORCE_COLOR or at a terminal', async () => {
    expect((await runCli(['analyze', S3])).stdout).not.toContain(ESC);
    expect((await runCli(['analyze', S3], { tty: true })).stdout).toContain(ESC);
    expect(
      (await runCli(['analyze', S3], { tty: true, env: { NO_COLOR: '1' } })).stdout,
    ).not.toContain(ESC);
    expect((await runCli(['analyze', S3], { env: { FORCE_COLOR: '1' } })).stdout).toContain(ESC);
  });

  it('-o writes the file and nothing to stdout', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'blast-radius-'));
    const out = path.join(dir, 'result.json');
    const run = await runCli(['analyze', S3, '--format', 'json', '-o', out]);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe('');
    expect(JSON.parse(readFileSync(out, 'utf8')).entrypoints.length).toBeGreaterThan(0);
  });

  it('reads a manifest from standard input with -', async () => {
    const text = readFileSync(DYN, 'utf8');
    const run = await runCli(['validate', '-'], { stdin: text });
    expect(run.code).toBe(0);
  });

  it('never lets a control character from a manifest reach the terminal', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'blast-radius-'));
    const file = path.join(dir, 'hostile.yaml');
    writeFileSync(
      file,
      'version: 1\nname: "evil\\e[2J\\e]0;pwned\\a"\nservices:\n  web:\n    entrypoint: true\n    owner: "team\\e[31m"\n    depends_on: [db]\n  db: {}\n',
    );
    for (const args of [
      ['analyze', file],
      ['simulate', file, '--fail', 'db'],
      ['validate', file],
      ['graph', file],
    ]) {
      const run = await runCli(args);
      expect(run.stdout + run.stderr).not.toContain(ESC);
      expect(run.stdout + run.stderr).not.toContain('\u0007');
    }
    const bad = path.join(dir, 'bad-id.yaml');
    writeFileSync(bad, 'version: 1\nservices:\n  "web\\e[31m": {}\n');
    const run = await runCli(['validate', bad]);
    expect(run.code).toBe(2);
    expect(run.stderr).not.toContain(ESC);
    expect(run.stderr).toContain('bad-id.yaml:3:');
  });
});

describe('the built command (bin shim) as a subprocess', () => {
  it('analyzes a fixture', () => {
    const run = runBin(['analyze', S3, '--format', 'json']);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout).summary.entrypoints).toBeGreaterThan(0);
  });

  it('reports a bad manifest with file:line:col, exit 2 and no stack trace', () => {
    const run = runBin(['validate', '-'], {
      input: 'version: 1\nservices:\n  web:\n    depends_on: [api]\n',
    });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^<stdin>:4:\d+: .*api/m);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });
});

describe('analyze --entry', () => {
  it('narrows the analysis to one entry point', async () => {
    const run = await runCli(['analyze', S3, '--entry', 'acme-support', '--format', 'json']);
    expect(run.code).toBe(0);
    const result = JSON.parse(run.stdout);
    expect(result.focus).toEqual(['acme-support']);
    expect(result.entrypoints).toEqual(['acme-support']);
    expect(result.spofs.length).toBeGreaterThan(0);
    for (const spof of result.spofs) expect(spof.takesDown).toEqual(['acme-support']);
  });

  it('refuses an id that is not an entry point, listing the entry points', async () => {
    const run = await runCli(['analyze', S3, '--entry', 's3-index-use1']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('not an entry point');
    expect(run.stderr).toContain('acme-web');
  });
});

describe('-o to something that is not a regular file', () => {
  it('writes into a named pipe instead of renaming a file over it', async () => {
    const { execFileSync, spawn } = await import('node:child_process');
    const { closeSync, constants, openSync, statSync } = await import('node:fs');
    const dir = mkdtempSync(path.join(tmpdir(), 'blast-radius-'));
    const fifo = path.join(dir, 'result.pipe');
    execFileSync('mkfifo', [fifo]);
    // The CLI opens the pipe with a blocking open, on this thread: it must find a reader there
    // at once, or nothing could end the wait (no test timeout fires while this thread waits).
    // This idle reader, opened without waiting, is always there; `cat` takes the bytes.
    const standby = openSync(fifo, constants.O_RDONLY | constants.O_NONBLOCK);
    const reader = spawn('cat', [fifo]);
    try {
      let received = '';
      reader.stdout.on('data', (chunk: Buffer) => (received += chunk.toString('utf8')));
      const closed = new Promise((resolve) => reader.on('close', resolve));
      const run = await runCli(['analyze', S3, '--format', 'json', '-o', fifo]);
      // A run that failed before it opened the pipe leaves `cat` waiting for a writer.
      if (run.code !== 0) reader.kill();
      await closed;
      expect(run.code).toBe(0);
      expect(JSON.parse(received).summary.entrypoints).toBeGreaterThan(0);
      expect(statSync(fifo).isFIFO()).toBe(true);
    } finally {
      reader.kill();
      closeSync(standby);
    }
  });
});

describe('-o into a folder that does not exist', () => {
  it('is an input error naming the file, with nothing left behind', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'blast-radius-'));
    const run = await runCli(['analyze', S3, '-o', path.join(dir, 'missing', 'report.txt')]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(
      `cannot write ${path.join(dir, 'missing', 'report.txt')}: no such directory`,
    );
    expect(run.stderr).not.toContain('.tmp');
  });
});
