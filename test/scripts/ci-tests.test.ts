// CI's test step (scripts/ci-tests.mjs) reads the ledger a run leaves (scripts/test-ledger.mjs)
// and decides: a run that was stopped or lost a test process has its files without a result
// run once more; a test that failed is never rerun; the closing counts are over each file's
// last result, and a file with no result, or a red run with nothing to show for it, counts as
// failed. The watchdog itself is exercised for real by hand (see README's testing paragraph).

import { describe, expect, it } from 'vitest';
import {
  attemptOutcome,
  countsLine,
  parseLimits,
  readLedger,
  verdict,
  LIMITS,
} from '../../scripts/ci-tests.mjs';
import { lostLine } from '../../scripts/test-ledger.mjs';

const FILES = ['test/a.test.ts', 'test/b.test.ts', 'test/c.test.ts'];

/** A ledger's text from events, one JSON line each, a second apart. */
function ledgerText(...events: object[]): string {
  return events.map((e, i) => JSON.stringify({ at: 1000 * (i + 1), ...e })).join('\n') + '\n';
}

const run = { event: 'run', files: FILES, pid: 7 };
const taken = (file: string) => ({ event: 'file', file });
const ended = (file: string, passed: number, failed = 0, state = failed ? 'failed' : 'passed') => ({
  event: 'end',
  file,
  state,
  errors: 0,
  passed,
  failed,
  skipped: 0,
});
const done = (...errors: string[]) => ({ event: 'done', reason: 'passed', errors });
const LOST = '[vitest-pool]: Worker forks emitted error.: Worker exited unexpectedly';

describe('the ledger', () => {
  it('reads the files, what was taken up and ended, the last test, and skips a line cut short', () => {
    const text =
      ledgerText(
        run,
        taken(FILES[0]!),
        { event: 'test', file: FILES[0], test: 'one' },
        { event: 'result', file: FILES[0], test: 'one', state: 'passed' },
        ended(FILES[0]!, 1),
        taken(FILES[1]!),
        { event: 'test', file: FILES[1], test: 'slow' },
      ) + '{"at":9000,"event":"end","fi';
    const ledger = readLedger(text);
    expect(ledger.files).toEqual(FILES);
    expect([...ledger.taken.keys()]).toEqual(FILES.slice(0, 2));
    expect(ledger.ended.get(FILES[0]!)).toMatchObject({ passed: 1, failed: 0 });
    expect(ledger.lastTest.get(FILES[1]!)).toBe('slow');
    expect(ledger.lastResult.get(FILES[0]!)).toBe('one');
    expect(ledger.lastEventAt).toBe(7000);
    expect(ledger.done).toBeUndefined();
  });

  it('names the file whose test process died in one line', () => {
    expect(lostLine('test/x.test.ts')).toMatch(/^npm test: test\/x\.test\.ts: no result, .*died/);
    expect(lostLine('test/x.test.ts')).not.toContain('\n');
  });
});

describe('one attempt', () => {
  it('that passed is green, with its counts, and is not rerun', () => {
    const ledger = readLedger(
      ledgerText(run, ...FILES.flatMap((f) => [taken(f), ended(f, 2)]), done()),
    );
    const outcome = attemptOutcome(ledger, { exitCode: 0, stopped: undefined });
    expect(outcome.rerun).toBe(false);
    expect(verdict([outcome])).toEqual({ passed: 6, failed: 0, green: true, problems: [] });
  });

  it('where a test failed is red and not rerun', () => {
    const ledger = readLedger(
      ledgerText(run, ...FILES.flatMap((f, i) => [taken(f), ended(f, 2, i === 1 ? 1 : 0)]), done()),
    );
    const outcome = attemptOutcome(ledger, { exitCode: 1, stopped: undefined });
    expect(outcome.rerun).toBe(false);
    expect(verdict([outcome])).toMatchObject({ passed: 6, failed: 1, green: false });
  });

  it('that lost a test process reruns the file it was running, and nothing else', () => {
    const ledger = readLedger(
      ledgerText(
        run,
        taken(FILES[0]!),
        ended(FILES[0]!, 2),
        taken(FILES[1]!),
        taken(FILES[2]!),
        ended(FILES[2]!, 1),
        done(LOST),
      ),
    );
    const outcome = attemptOutcome(ledger, { exitCode: 1, stopped: undefined });
    expect(outcome).toMatchObject({ rerun: true, unfinished: [FILES[1]], running: [FILES[1]] });
    expect(outcome.otherErrors).toEqual([]);
  });

  it('that stalled reruns the file that hung and those never reached', () => {
    const ledger = readLedger(
      ledgerText(run, taken(FILES[0]!), ended(FILES[0]!, 2), taken(FILES[1]!)),
    );
    const outcome = attemptOutcome(ledger, { exitCode: null, stopped: 'stalled' });
    expect(outcome).toMatchObject({
      rerun: true,
      unfinished: FILES.slice(1),
      running: [FILES[1]],
      notReached: [FILES[2]],
    });
    // Without a rerun, the files with no result count as failed.
    expect(verdict([outcome])).toMatchObject({ passed: 2, failed: 2, green: false });
  });

  it('that never listed its files is red with one failure', () => {
    const outcome = attemptOutcome(readLedger(''), { exitCode: 1, stopped: undefined });
    expect(outcome.rerun).toBe(false);
    expect(verdict([outcome])).toMatchObject({ passed: 0, failed: 1, green: false });
  });

  it('that exits red with every test passed stays red', () => {
    const ledger = readLedger(
      ledgerText(run, ...FILES.flatMap((f) => [taken(f), ended(f, 1)]), done('boom')),
    );
    const outcome = attemptOutcome(ledger, { exitCode: 1, stopped: undefined });
    expect(outcome.rerun).toBe(false);
    const result = verdict([outcome]);
    expect(result).toMatchObject({ passed: 3, failed: 1, green: false });
    expect(result.problems).toEqual(['unhandled error: boom']);
    const silent = readLedger(
      ledgerText(run, ...FILES.flatMap((f) => [taken(f), ended(f, 1)]), done()),
    );
    expect(verdict([attemptOutcome(silent, { exitCode: 1, stopped: undefined })]).green).toBe(
      false,
    );
  });

  it('counts a file that broke without a failed test (an import error) as failed', () => {
    const ledger = readLedger(
      ledgerText(
        run,
        taken(FILES[0]!),
        ended(FILES[0]!, 0, 0, 'failed'),
        ...FILES.slice(1).flatMap((f) => [taken(f), ended(f, 1)]),
        done(),
      ),
    );
    expect(verdict([attemptOutcome(ledger, { exitCode: 1, stopped: undefined })])).toMatchObject({
      passed: 2,
      failed: 1,
      green: false,
    });
  });
});

describe('a rerun', () => {
  const stalled = attemptOutcome(
    readLedger(ledgerText(run, taken(FILES[0]!), ended(FILES[0]!, 2), taken(FILES[1]!))),
    { exitCode: null, stopped: 'stalled' },
  );
  const rerunOf = (...events: object[]) =>
    attemptOutcome(readLedger(ledgerText({ ...run, files: FILES.slice(1) }, ...events)), {
      exitCode: events.some((e) => 'failed' in e && (e as { failed: number }).failed > 0) ? 1 : 0,
      stopped: undefined,
    });

  it('that passes makes the run green, counting each file once', () => {
    const again = rerunOf(
      taken(FILES[1]!),
      ended(FILES[1]!, 4),
      taken(FILES[2]!),
      ended(FILES[2]!, 1),
      done(),
    );
    expect(verdict([stalled, again])).toEqual({ passed: 7, failed: 0, green: true, problems: [] });
  });

  it('where a test fails is red: the failure counts', () => {
    const again = rerunOf(
      taken(FILES[1]!),
      ended(FILES[1]!, 3, 1),
      taken(FILES[2]!),
      ended(FILES[2]!, 1),
      done(),
    );
    expect(verdict([stalled, again])).toMatchObject({ passed: 6, failed: 1, green: false });
  });

  it('that stalls again is red, the file without a result named', () => {
    const again = attemptOutcome(
      readLedger(ledgerText({ ...run, files: FILES.slice(1) }, taken(FILES[1]!))),
      { exitCode: null, stopped: 'stalled' },
    );
    const result = verdict([stalled, again]);
    expect(result).toMatchObject({ passed: 2, failed: 2, green: false });
    expect(result.problems).toContain(`${FILES[1]}: no result`);
  });

  it('keeps a failure of the first run: a test that failed is never rerun away', () => {
    const failedThenLost = attemptOutcome(
      readLedger(
        ledgerText(run, taken(FILES[0]!), ended(FILES[0]!, 1, 1), taken(FILES[1]!), done(LOST)),
      ),
      { exitCode: 1, stopped: undefined },
    );
    expect(failedThenLost.unfinished).toEqual(FILES.slice(1));
    const again = rerunOf(
      taken(FILES[1]!),
      ended(FILES[1]!, 1),
      taken(FILES[2]!),
      ended(FILES[2]!, 1),
      done(),
    );
    expect(verdict([failedThenLost, again])).toMatchObject({ passed: 3, failed: 1, green: false });
  });
});

describe('the limits and the closing line', () => {
  it('takes the limits from the environment, and the defaults otherwise', () => {
    expect(parseLimits({})).toEqual(LIMITS);
    expect(
      parseLimits({ BLAST_RADIUS_TEST_STALL_SECONDS: '20', BLAST_RADIUS_TEST_TOTAL_MINUTES: 'x' }),
    ).toEqual({
      ...LIMITS,
      stallSeconds: 20,
    });
    // The whole CI, tests included, stays within 90 minutes.
    expect(LIMITS.totalMinutes).toBeLessThanOrEqual(70);
  });

  it('is "N passed, N failed"', () => {
    expect(countsLine({ passed: 1165, failed: 0 })).toBe('1165 passed, 0 failed');
  });
});
