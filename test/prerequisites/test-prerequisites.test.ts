// `npm test` checks for Chromium and SCRAM before any test: the decision (run, install with
// apt-get, or stop) for every combination, and the script itself run with a PATH that lacks
// them (one line saying what to install, exit 1, nothing installed) and with a PATH that has them.

import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  PREREQUISITES,
  findOnPath,
  missingPrerequisites,
  plan,
  stopMessage,
} from '../../scripts/test-prerequisites.mjs';
import { ROOT } from '../support/run-cli.js';

const SCRIPT = path.join(ROOT, 'scripts/test-prerequisites.mjs');

/** A folder to use as the whole PATH, holding links to the named programs only. */
function pathWith(programs: Record<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'br-path-'));
  for (const [name, target] of Object.entries(programs)) symlinkSync(target, path.join(dir, name));
  return dir;
}

function runScript(env: NodeJS.ProcessEnv) {
  return spawnSync(process.execPath, [SCRIPT], { env, encoding: 'utf8' });
}

describe('the decision', () => {
  const both = PREREQUISITES;
  const cases = [
    { missing: [], root: false, aptGet: false, noInstall: false, action: 'run' },
    { missing: both, root: true, aptGet: true, noInstall: false, action: 'install' },
    { missing: both, root: false, aptGet: true, noInstall: false, action: 'stop' },
    { missing: both, root: true, aptGet: false, noInstall: false, action: 'stop' },
    { missing: both, root: true, aptGet: true, noInstall: true, action: 'stop' },
  ];
  it.each(cases)('$action when root=$root apt-get=$aptGet no-install=$noInstall', (each) => {
    expect(plan(each.missing, each).action).toBe(each.action);
  });

  it('installs exactly the missing packages', () => {
    const scram = PREREQUISITES.filter((each) => each.program === 'scram');
    expect(plan(scram, { root: true, aptGet: true, noInstall: false })).toEqual({
      action: 'install',
      packages: ['scram'],
    });
  });

  it('says in one line what is missing and the command that installs it', () => {
    const message = stopMessage(PREREQUISITES);
    expect(message).not.toContain('\n');
    expect(message).toContain('chromium');
    expect(message).toContain('scram');
    expect(message).toContain('sudo apt-get install -y chromium scram');
  });
});

describe('finding the programs', () => {
  it('looks on PATH, and BLAST_RADIUS_CHROMIUM names Chromium', () => {
    const dir = pathWith({ scram: process.execPath });
    expect(findOnPath('scram', { PATH: dir })).toBe(path.join(dir, 'scram'));
    expect(missingPrerequisites({ PATH: dir }).map((each) => each.program)).toEqual(['chromium']);
    const env = { PATH: dir, BLAST_RADIUS_CHROMIUM: process.execPath };
    expect(missingPrerequisites(env)).toEqual([]);
    const wrong = { PATH: dir, BLAST_RADIUS_CHROMIUM: path.join(dir, 'nothing-here') };
    expect(missingPrerequisites(wrong).map((each) => each.program)).toEqual(['chromium']);
  });
});

describe('the script', () => {
  it('stops before anything runs when it may not install (one line, exit 1)', () => {
    const dir = pathWith({ node: process.execPath });
    const run = runScript({ PATH: dir, BLAST_RADIUS_NO_INSTALL: '1' });
    expect(run.status).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr.trimEnd().split('\n')).toEqual([stopMessage(PREREQUISITES)]);
  });

  it('stops when it is not root or has no apt-get, without trying to install', () => {
    // No apt-get on this PATH: whoever runs the suite, the script cannot install.
    const dir = pathWith({ node: process.execPath });
    const run = runScript({ PATH: dir });
    expect(run.status).toBe(1);
    expect(run.stderr).not.toContain('installing');
    expect(run.stderr.trimEnd().split('\n')).toEqual([stopMessage(PREREQUISITES)]);
  });

  it('lets the tests run when both are installed, and states the opt-in SARIF check', () => {
    const chromium = findOnPath('chromium');
    const scram = findOnPath('scram');
    // This suite needs both, so they are here; the links make a PATH with nothing else.
    expect(chromium).toBeDefined();
    expect(scram).toBeDefined();
    const dir = pathWith({ chromium: chromium!, scram: scram! });
    const run = runScript({ PATH: dir, BLAST_RADIUS_NO_INSTALL: '1' });
    expect(run.status).toBe(0);
    expect(run.stderr).toMatch(
      /^(npm test: note: the SARIF multitool validation is skipped.*\n)?$/,
    );
  });

  it('is what `npm test` runs first, and .ci/run goes through `npm test`', () => {
    const scripts = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')).scripts;
    expect(scripts.test).toMatch(/^node scripts\/test-prerequisites\.mjs && vitest run$/);
    // .ci/run's test step is scripts/ci-tests.mjs, the watchdog around `npm test`.
    const ci = readFileSync(path.join(ROOT, '.ci/run'), 'utf8');
    expect(ci).toMatch(/^timeout .* node scripts\/ci-tests\.mjs /m);
    const watchdog = readFileSync(path.join(ROOT, 'scripts/ci-tests.mjs'), 'utf8');
    expect(watchdog).toMatch(/const args = \['test', '--'/);
    expect(watchdog).toMatch(/spawn\('npm', args,/);
    expect(ci + watchdog).not.toMatch(/apt-get install/);
  });
});
