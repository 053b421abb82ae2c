#!/usr/bin/env node
// The programs the test suite drives for real, checked before any test runs: Chromium (the
// report's browser tests) and SCRAM (the fault-tree oracle), both Debian packages. Run by
// `npm test` first. When one is missing it installs it with apt-get where it can (as root, with
// apt-get on PATH), and otherwise stops with one line saying what to install and how, so a
// missing program never reads as a green run with tests skipped.

import { spawnSync } from 'node:child_process';
import { accessSync, constants, existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** What the suite needs: the program it runs and the Debian package that brings it. */
export const PREREQUISITES = [
  { program: 'chromium', package: 'chromium', for: "the report's browser tests" },
  { program: 'scram', package: 'scram', for: 'the fault-tree oracle' },
];

/** The executable file `name` on `env.PATH`, or undefined. */
export function findOnPath(name, env = process.env) {
  for (const dir of (env.PATH ?? '').split(path.delimiter)) {
    if (dir === '') continue;
    const candidate = path.join(dir, name);
    try {
      accessSync(candidate, constants.X_OK);
      if (statSync(candidate).isFile()) return candidate;
    } catch {
      // not here
    }
  }
  return undefined;
}

/** The Chromium the browser tests launch: BLAST_RADIUS_CHROMIUM, else `chromium` on PATH. */
export function chromiumPath(env = process.env) {
  const named = env.BLAST_RADIUS_CHROMIUM;
  if (named !== undefined && named !== '') return existsSync(named) ? named : undefined;
  return findOnPath('chromium', env);
}

/** The prerequisites not found, in the order of PREREQUISITES. */
export function missingPrerequisites(env = process.env) {
  return PREREQUISITES.filter((each) =>
    each.program === 'chromium' ? chromiumPath(env) === undefined : !findOnPath(each.program, env),
  );
}

/**
 * What to do about the missing ones: nothing, install them (root with apt-get, unless
 * BLAST_RADIUS_NO_INSTALL=1 forbids touching the system), or stop with one line.
 */
export function plan(missing, { root, aptGet, noInstall }) {
  if (missing.length === 0) return { action: 'run' };
  const packages = missing.map((each) => each.package);
  if (root && aptGet && !noInstall) return { action: 'install', packages };
  return { action: 'stop', message: stopMessage(missing) };
}

/** The one line that says what is missing and how to get it. */
export function stopMessage(missing) {
  const names = missing.map((each) => `${each.program} (${each.for})`).join(' and ');
  const packages = missing.map((each) => each.package).join(' ');
  return (
    `npm test: ${names} not installed; install with \`sudo apt-get install -y ${packages}\` ` +
    '(Debian; as root, npm test installs them itself), then run npm test again'
  );
}

/** The opt-in check that is skipped unless installed, said before the run rather than hidden. */
export function optionalNotes(env = process.env) {
  const installed =
    (env.SARIF_MULTITOOL ?? '') !== '' ||
    existsSync(path.join(ROOT, 'node_modules', '.bin', 'sarif-multitool'));
  return installed
    ? []
    : [
        'npm test: note: the SARIF multitool validation is skipped (opt-in: ' +
          'SARIF_MULTITOOL=/path/to/sarif-multitool, or npm install --no-save @microsoft/sarif-multitool)',
      ];
}

function install(packages) {
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  console.error(`npm test: installing ${packages.join(' ')} with apt-get`);
  for (const args of [['update'], ['install', '-y', ...packages]]) {
    const run = spawnSync('apt-get', args, { stdio: ['ignore', 'inherit', 'inherit'], env });
    if (run.status !== 0) return false;
  }
  return true;
}

function main() {
  const env = process.env;
  const decision = plan(missingPrerequisites(env), {
    root: typeof process.getuid === 'function' && process.getuid() === 0,
    aptGet: findOnPath('apt-get', env) !== undefined,
    noInstall: env.BLAST_RADIUS_NO_INSTALL === '1',
  });
  if (decision.action === 'install') {
    const installed = install(decision.packages);
    const still = missingPrerequisites(env);
    if (still.length > 0) {
      const why = installed ? 'apt-get ran but did not put them on PATH' : 'apt-get failed';
      console.error(`${stopMessage(still)} (${why})`);
      return 1;
    }
  } else if (decision.action === 'stop') {
    console.error(decision.message);
    return 1;
  }
  for (const note of optionalNotes(env)) console.error(note);
  return 0;
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = main();
}
