#!/usr/bin/env node
// The test step of CI (.ci/run): `npm test` under a watchdog, so a run can neither hang silently
// nor be lost to one test process that died. vitest runs in a process group of its own and keeps
// a ledger (scripts/test-ledger.mjs). When nothing is reported for a while (a test file blocked in
// a synchronous call, where no test timeout can fire), or the run takes too long, the watchdog
// says which files were running, shows their processes, ends the group and runs once more the
// files that had no result; the same when a file's test process died. A test that fails is never
// rerun, and a file with no result twice fails. It ends with the line "N passed, N failed" over
// every file's last result, and exits 0 only when everything passed.

import { spawn, spawnSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** How long the run may go without a word, one attempt may take, and the whole step. */
export const LIMITS = { stallSeconds: 300, attemptMinutes: 45, totalMinutes: 65 };

/** The unhandled errors vitest raises for a test process that ended under it. */
const LOST_PROCESS = /Worker exited unexpectedly|\[vitest-pool\]/;

/**
 * The ledger's lines read back: the run's files, the files taken up and ended (with counts),
 * the last test started and finished in each, the time of the last event, and the run's end.
 * A line cut short by a kill is left out.
 */
export function readLedger(text) {
  const ledger = {
    files: undefined,
    vitestPid: undefined,
    taken: new Map(),
    ended: new Map(),
    lastTest: new Map(),
    lastResult: new Map(),
    lastEventAt: undefined,
    done: undefined,
  };
  for (const line of text.split('\n')) {
    let event;
    try {
      event = JSON.parse(line);
    } catch {
      continue;
    }
    ledger.lastEventAt = event.at;
    if (event.event === 'run') {
      ledger.files = event.files;
      ledger.vitestPid = event.pid;
    } else if (event.event === 'file') ledger.taken.set(event.file, event.at);
    else if (event.event === 'test') ledger.lastTest.set(event.file, event.test);
    else if (event.event === 'result') ledger.lastResult.set(event.file, event.test);
    else if (event.event === 'end') {
      const { passed, failed, skipped, state, errors } = event;
      ledger.ended.set(event.file, { passed, failed, skipped, state, errors });
    } else if (event.event === 'done') ledger.done = { reason: event.reason, errors: event.errors };
  }
  return ledger;
}

/** Whether a file's result is a failure: a failed test, or the file itself broken (no test ran). */
export function fileFailed(result) {
  return result.failed > 0 || result.state === 'failed' || result.errors > 0;
}

/**
 * What one attempt came to. `exitCode` is vitest's (null when the watchdog ended it), `stopped`
 * why the watchdog ended it ('stalled' or 'too long'), if it did.
 */
export function attemptOutcome(ledger, { exitCode, stopped }) {
  const files = ledger.files;
  const unfinished = files === undefined ? [] : files.filter((f) => !ledger.ended.has(f));
  const running = unfinished.filter((f) => ledger.taken.has(f));
  const notReached = unfinished.filter((f) => !ledger.taken.has(f));
  const errors = ledger.done?.errors ?? [];
  const otherErrors = errors.filter((e) => !LOST_PROCESS.test(e));
  // Files without a result, when the run got as far as listing them: a test process that died,
  // a stall, or vitest itself gone.
  const lost = files !== undefined && unfinished.length > 0;
  return {
    started: files !== undefined,
    files,
    ended: ledger.ended,
    unfinished,
    running,
    notReached,
    otherErrors,
    exitCode,
    stopped,
    // Run once more what has no result: only for a run that was stopped or lost files, never
    // for one that merely failed.
    rerun: stopped !== undefined || lost,
  };
}

/**
 * The verdict over the attempts (one, or the first and its rerun): each file's last result,
 * the counts, and whether everything passed. A file with no result in the last attempt counts
 * as failed, and so does a run that ended red without any failure to show for it.
 */
export function verdict(attempts) {
  const results = new Map();
  for (const attempt of attempts)
    for (const [file, result] of attempt.ended) results.set(file, result);
  const last = attempts.at(-1);
  let passed = 0;
  let failed = 0;
  for (const result of results.values()) {
    passed += result.passed;
    failed += result.failed;
    if (result.failed === 0 && fileFailed(result)) failed += 1;
  }
  const missing = last.started ? last.unfinished : [];
  failed += missing.length;
  const problems = [];
  for (const attempt of attempts) {
    for (const error of attempt.otherErrors) problems.push(`unhandled error: ${error}`);
  }
  if (!last.started) problems.push('vitest ran no test (see its output above)');
  if (last.stopped !== undefined) problems.push(`the last attempt was stopped (${last.stopped})`);
  for (const file of missing) problems.push(`${file}: no result`);
  // vitest's own exit code, where nothing above explains it.
  if (last.exitCode !== 0 && last.exitCode !== null && failed === 0 && problems.length === 0)
    problems.push(`vitest exited with code ${last.exitCode} though every test passed`);
  const green = failed === 0 && problems.length === 0;
  if (!green && failed === 0) failed = 1;
  return { passed, failed, green, problems };
}

/** The closing line the CI system reads. */
export function countsLine({ passed, failed }) {
  return `${passed} passed, ${failed} failed`;
}

function say(line) {
  process.stdout.write(`CI: ${line}\n`);
}

/** Up to ten names, and how many more. */
function listed(files) {
  const more = files.length - 10;
  return files.slice(0, 10).join(' ') + (more > 0 ? ` and ${more} more` : '');
}

function plural(n, word) {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function clock(ms) {
  return new Date(ms).toISOString().slice(11, 19);
}

/** The process group's processes (and their descendants), with state and where they wait. */
function processTable(pgid) {
  const ps = spawnSync('ps', ['-e', '-o', 'pid=,ppid=,pgid=,stat=,wchan:24=,etime=,time=,args='], {
    encoding: 'utf8',
  });
  const rows = (ps.stdout ?? '')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => {
      const [pid, ppid, group] = l.trim().split(/\s+/).map(Number);
      return { pid, ppid, group, line: l.trim() };
    });
  const ours = new Set(rows.filter((r) => r.group === pgid).map((r) => r.pid));
  for (let grew = true; grew;) {
    grew = false;
    for (const r of rows) {
      if (!ours.has(r.pid) && ours.has(r.ppid)) {
        ours.add(r.pid);
        grew = true;
      }
    }
  }
  return rows.filter((r) => ours.has(r.pid));
}

/** Whether a command is node (vitest names its test processes "node (vitest 1)"). */
function isNode(program) {
  return program === process.execPath || path.basename(program ?? '') === 'node';
}

/** Says what a stopped run was doing: the files in flight, the processes, where they wait. */
function diagnose(ledger, pgid, reason, reportDir) {
  say(`the tests ${reason}; what they were doing:`);
  const outcome = attemptOutcome(ledger, { exitCode: null, stopped: reason });
  for (const file of outcome.running) {
    const test = ledger.lastTest.get(file);
    const result = ledger.lastResult.get(file);
    say(
      `  running since ${clock(ledger.taken.get(file))}: ${file}` +
        (test === undefined ? ' (no test reported as started)' : `; last test started: "${test}"`) +
        (result === undefined ? '' : `; last result: "${result}"`),
    );
  }
  if (outcome.notReached.length > 0)
    say(`  not reached: ${plural(outcome.notReached.length, 'test file')}`);
  const table = processTable(pgid);
  say('  processes (pid ppid pgid state wait-channel elapsed cpu command):');
  for (const row of table) say(`    ${row.line.slice(0, 220)}`);
  // The node processes write a diagnostic report (JavaScript stack, open handles) on SIGUSR2
  // when they get to run JavaScript; one blocked in a system call or in Atomics.wait shows only
  // its wait channel above and its kernel stack.
  const nodes = table.filter((r) => isNode(r.line.split(/\s+/)[7]));
  for (const row of nodes) {
    try {
      process.kill(row.pid, 'SIGUSR2');
    } catch {
      // gone already
    }
  }
  if (nodes.length > 0) spawnSync('sleep', ['3']);
  for (const row of nodes) {
    let stack = '';
    try {
      stack = readFileSync(`/proc/${row.pid}/stack`, 'utf8').split('\n').slice(0, 6).join(' | ');
    } catch {
      // not root, or gone
    }
    if (stack !== '') say(`  kernel stack of ${row.pid}: ${stack}`);
  }
  for (const name of existsSync(reportDir) ? readdirSync(reportDir) : []) {
    try {
      const report = JSON.parse(readFileSync(path.join(reportDir, name), 'utf8'));
      const frames = (report.javascriptStack?.stack ?? []).filter((f) => f.trim() !== '');
      const pid = report.header?.processId;
      // What an idle process waits on: its active handles by kind (a child process, a socket).
      const handles = new Map();
      for (const handle of report.libuv ?? []) {
        if (handle.is_active) handles.set(handle.type, (handles.get(handle.type) ?? 0) + 1);
      }
      const waits = [...handles].map(([type, n]) => `${n} ${type}`).join(', ');
      if (frames.length === 0)
        say(`  ${pid}: no JavaScript running; waiting in its event loop on ${waits || 'nothing'}`);
      else say(`  JavaScript stack of ${pid}: ${report.javascriptStack?.message ?? ''}`);
      for (const frame of frames.slice(0, 15)) say(`    ${frame.trim()}`);
    } catch {
      // a report cut short
    }
  }
  return table;
}

/** One run of vitest over `files` (all when undefined), watched. */
async function attempt({ files, ledgerFile, reportDir, limits, deadline, skipBuild }) {
  writeFileSync(ledgerFile, '');
  mkdirSync(reportDir, { recursive: true });
  const args = ['test', '--', '--reporter=default', '--reporter=./scripts/test-ledger.mjs'];
  if (files !== undefined) args.push(...files);
  const env = {
    ...process.env,
    BLAST_RADIUS_TEST_LEDGER: ledgerFile,
    // A node process of the run writes a diagnostic report (its JavaScript stack, its handles)
    // on SIGUSR2, which the watchdog sends before it ends a stalled run.
    NODE_OPTIONS: [
      process.env['NODE_OPTIONS'] ?? '',
      '--report-on-signal',
      `--report-directory=${reportDir}`,
    ]
      .join(' ')
      .trim(),
    ...(skipBuild ? { BLAST_RADIUS_SKIP_BUILD: '1' } : {}),
  };
  const started = Date.now();
  const child = spawn('npm', args, { cwd: ROOT, env, stdio: 'inherit', detached: true });
  const exited = new Promise((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal })),
  );
  const forward = (signal) => {
    try {
      process.kill(-child.pid, signal);
    } catch {
      // gone already
    }
  };
  // Stopped from outside (the CI system cancels): the group stops too, then this process.
  const onSignal = (signal) => {
    forward(signal);
    process.off('SIGTERM', onSignal);
    process.off('SIGINT', onSignal);
    process.kill(process.pid, signal);
  };
  process.on('SIGTERM', onSignal);
  process.on('SIGINT', onSignal);
  let stopped;
  let result;
  for (;;) {
    result = await Promise.race([exited, sleep(5000)]);
    if (result !== undefined) break;
    const ledger = readLedger(readFileSync(ledgerFile, 'utf8'));
    const now = Date.now();
    const quietSince = Math.max(ledger.lastEventAt ?? started, started);
    if (now - quietSince > limits.stallSeconds * 1000) {
      stopped = `stalled: nothing reported for ${Math.round((now - quietSince) / 1000)} s`;
    } else if (now > deadline) {
      stopped = `took too long: ${Math.round((now - started) / 60000)} min`;
    }
    if (stopped !== undefined) {
      const table = diagnose(ledger, child.pid, stopped, reportDir);
      forward('SIGTERM');
      if ((await Promise.race([exited, sleep(5000)])) === undefined) forward('SIGKILL');
      // What left the group (a process that started a session of its own) goes too.
      for (const row of table) {
        try {
          process.kill(row.pid, 'SIGKILL');
        } catch {
          // gone already
        }
      }
      await exited;
      break;
    }
  }
  // Whatever a finished run left behind in its group (a browser, a CLI a test started) ends.
  if (stopped === undefined) forward('SIGKILL');
  process.off('SIGTERM', onSignal);
  process.off('SIGINT', onSignal);
  const ledger = readLedger(readFileSync(ledgerFile, 'utf8'));
  return attemptOutcome(ledger, { exitCode: stopped ? null : (result.code ?? 1), stopped });
}

export function parseLimits(env) {
  const number = (name, fallback) => {
    const value = Number(env[name]);
    return env[name] !== undefined && env[name] !== '' && value > 0 ? value : fallback;
  };
  return {
    stallSeconds: number('BLAST_RADIUS_TEST_STALL_SECONDS', LIMITS.stallSeconds),
    attemptMinutes: number('BLAST_RADIUS_TEST_ATTEMPT_MINUTES', LIMITS.attemptMinutes),
    totalMinutes: number('BLAST_RADIUS_TEST_TOTAL_MINUTES', LIMITS.totalMinutes),
  };
}

async function main() {
  const limits = parseLimits(process.env);
  const work = mkdtempSync(path.join(tmpdir(), 'blast-radius-ci-'));
  const ledgerFile = path.join(work, 'ledger.jsonl');
  const started = Date.now();
  const end = started + limits.totalMinutes * 60_000;
  const deadlineOf = () => Math.min(Date.now() + limits.attemptMinutes * 60_000, end);
  say(
    `tests under a watchdog: stopped after ${limits.stallSeconds} s without a test reported, ` +
      `${limits.attemptMinutes} min for a run, ${limits.totalMinutes} min in all`,
  );
  const reportDir = path.join(work, 'reports-1');
  const attempts = [
    await attempt({ ledgerFile, reportDir, limits, deadline: deadlineOf(), skipBuild: false }),
  ];
  const first = attempts[0];
  if (first.rerun && Date.now() < end) {
    const files = first.started ? first.unfinished : undefined;
    const why = [];
    if (first.stopped !== undefined) why.push(`the run was stopped (${first.stopped})`);
    if (first.running.length > 0 && first.stopped === undefined)
      why.push(`the test process died running ${first.running.join(', ')}`);
    if (first.notReached.length > 0)
      why.push(`${plural(first.notReached.length, 'file')} not reached`);
    say(`not every test file has a result: ${why.join('; ')}.`);
    say(
      files === undefined
        ? 'running the whole suite once more'
        : `running once more the ${plural(files.length, 'test file')} with no result: ${listed(files)}`,
    );
    const again = await attempt({
      files,
      ledgerFile,
      reportDir: path.join(work, 'reports-2'),
      limits,
      deadline: deadlineOf(),
      skipBuild: first.started,
    });
    if (files !== undefined && again.files !== undefined) {
      const asked = [...files].sort().join('\n');
      if (again.files.join('\n') !== asked) {
        again.otherErrors.push(`the rerun ran other files than the ${files.length} asked for`);
      }
    }
    attempts.push(again);
  } else if (first.rerun) {
    say('no time left for a rerun');
  }
  const result = verdict(attempts);
  if (attempts.length > 1) {
    const again = attempts[1];
    const rerunGreen =
      again.started &&
      again.stopped === undefined &&
      again.exitCode === 0 &&
      again.unfinished.length === 0;
    say(
      rerunGreen
        ? 'the rerun passed: those files count with their results from it'
        : 'the rerun did not pass',
    );
  }
  const failing = [...attempts.at(-1).ended, ...attempts[0].ended]
    .filter(([, r]) => fileFailed(r))
    .map(([file]) => file);
  if (failing.length > 0) say(`failed: ${[...new Set(failing)].sort().join(' ')}`);
  for (const problem of result.problems) say(problem);
  rmSync(work, { recursive: true, force: true });
  return result;
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const countsFile = process.argv[2];
  const result = await main();
  const line = countsLine(result);
  if (countsFile !== undefined) writeFileSync(countsFile, `${line}\n`);
  else process.stdout.write(`${line}\n`);
  process.exitCode = result.green ? 0 : 1;
}
