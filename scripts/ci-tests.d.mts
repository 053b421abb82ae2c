// Types for scripts/ci-tests.mjs, for the tests that import it.

export interface FileResult {
  passed: number;
  failed: number;
  skipped: number;
  state: string;
  errors: number;
}
export interface Ledger {
  files: string[] | undefined;
  vitestPid: number | undefined;
  taken: Map<string, number>;
  ended: Map<string, FileResult>;
  lastTest: Map<string, string>;
  lastResult: Map<string, string>;
  lastEventAt: number | undefined;
  done: { reason: string; errors: string[] } | undefined;
}
export interface Attempt {
  started: boolean;
  files: string[] | undefined;
  ended: Map<string, FileResult>;
  unfinished: string[];
  running: string[];
  notReached: string[];
  otherErrors: string[];
  exitCode: number | null;
  stopped: string | undefined;
  rerun: boolean;
}
export interface Verdict {
  passed: number;
  failed: number;
  green: boolean;
  problems: string[];
}
export const LIMITS: { stallSeconds: number; attemptMinutes: number; totalMinutes: number };
export function readLedger(text: string): Ledger;
export function fileFailed(result: FileResult): boolean;
export function attemptOutcome(
  ledger: Ledger,
  how: { exitCode: number | null; stopped: string | undefined },
): Attempt;
export function verdict(attempts: Attempt[]): Verdict;
export function countsLine(counts: { passed: number; failed: number }): string;
export function parseLimits(env: NodeJS.ProcessEnv): typeof LIMITS;
