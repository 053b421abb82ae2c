// The process exit code, from what happened and nothing else (0 ok, 1 gate failed, 2 usage or input
// error): the same for every command and output format.

export type Outcome = 'ok' | 'gate-failed' | 'usage-error' | 'input-error';

export type ExitCode = 0 | 1 | 2;

export function exitCode(outcome: Outcome): ExitCode {
  switch (outcome) {
    case 'ok':
      return 0;
    case 'gate-failed':
      return 1;
    case 'usage-error':
    case 'input-error':
      return 2;
  }
}
