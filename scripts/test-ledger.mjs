// A vitest reporter that keeps a ledger of the run, one JSON line per event, written at once so
// it survives a run that is killed: every test file of the run, each file as its test process
// takes it up, each test as it starts and ends, each file's counts when it ends, and the run's
// end. scripts/ci-tests.mjs reads it to see a stalled run and which files never reported. With
// or without a ledger (BLAST_RADIUS_TEST_LEDGER names its file), it closes the run with one line
// per test file that never ended: its test process died.

import { appendFileSync } from 'node:fs';
import path from 'node:path';

/** What a file's tests came to: passed, failed and skipped, from its test cases' results. */
export function moduleCounts(testModule) {
  const counts = { passed: 0, failed: 0, skipped: 0 };
  for (const testCase of testModule.children.allTests()) {
    const state = testCase.result().state;
    if (state === 'passed') counts.passed++;
    else if (state === 'failed') counts.failed++;
    else counts.skipped++;
  }
  return counts;
}

/** The line that names a test file whose test process ended before it reported. */
export function lostLine(file) {
  return (
    `npm test: ${file}: no result, its test process died before it reported ` +
    '(vitest\'s "Worker exited unexpectedly")'
  );
}

export default class TestLedger {
  constructor() {
    const file = process.env.BLAST_RADIUS_TEST_LEDGER;
    this.file = file === '' ? undefined : file;
    this.root = process.cwd();
    this.files = [];
    this.ended = new Set();
  }

  onInit(vitest) {
    this.root = vitest.config.root;
  }

  write(event) {
    if (this.file !== undefined)
      appendFileSync(this.file, `${JSON.stringify({ at: Date.now(), ...event })}\n`);
  }

  name(moduleId) {
    return path.relative(this.root, moduleId).split(path.sep).join('/');
  }

  onTestRunStart(specifications) {
    // A run of its own (watch mode runs again and again).
    this.ended.clear();
    const files = [...new Set(specifications.map((s) => this.name(s.moduleId)))].sort();
    this.files = files;
    this.write({ event: 'run', files, pid: process.pid });
  }

  onTestModuleQueued(testModule) {
    const file = this.name(testModule.moduleId);
    this.write({ event: 'file', file });
  }

  onTestCaseReady(testCase) {
    this.write({
      event: 'test',
      file: this.name(testCase.module.moduleId),
      test: testCase.fullName,
    });
  }

  onTestCaseResult(testCase) {
    this.write({
      event: 'result',
      file: this.name(testCase.module.moduleId),
      test: testCase.fullName,
      state: testCase.result().state,
    });
  }

  onTestModuleEnd(testModule) {
    const file = this.name(testModule.moduleId);
    this.ended.add(file);
    const errors = testModule.errors().length;
    this.write({
      event: 'end',
      file,
      state: testModule.state(),
      errors,
      ...moduleCounts(testModule),
    });
  }

  onTestRunEnd(testModules, unhandledErrors, reason) {
    const errors = unhandledErrors.map((e) =>
      [e.message, e.cause?.message].filter((m) => typeof m === 'string').join(': '),
    );
    this.write({ event: 'done', reason, errors });
    // Every file of a run that was not interrupted ends, skipped or not; one that did not lost
    // its test process, while it ran or as it started.
    if (reason === 'interrupted') return;
    for (const file of this.files.filter((f) => !this.ended.has(f)))
      process.stderr.write(`${lostLine(file)}\n`);
  }
}
