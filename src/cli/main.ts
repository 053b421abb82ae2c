// The command line: commander wiring, one file per command under definitions/ (its arguments,
// options and help) and under commands/ (what it does, imported only when it runs, so that each
// command loads only the code it needs). Returns the exit code instead of exiting, and takes its
// streams as arguments, so tests can run it in-process.

import { Command, CommanderError } from 'commander';
import { registerAnalyze } from './definitions/analyze.js';
import { registerCheck } from './definitions/check.js';
import { registerDiff } from './definitions/diff.js';
import { registerDiscover } from './definitions/discover.js';
import { registerGraph } from './definitions/graph.js';
import { registerImport } from './definitions/import.js';
import { registerInit } from './definitions/init.js';
import { registerReport } from './definitions/report.js';
import { registerSimulate } from './definitions/simulate.js';
import { registerValidate } from './definitions/validate.js';
import type { CommandContext } from './command-context.js';
import { reportError } from './errors.js';
import { exitCode, type Outcome } from './exit-code.js';
import { processIO, type CliIO } from './io.js';
import { VERSION } from '../report/shared/version.js';

export async function main(argv: readonly string[], io: CliIO = processIO()): Promise<number> {
  let outcome: Outcome = 'ok';
  const context: CommandContext = {
    io,
    run: async (action) => {
      try {
        outcome = await action();
      } catch (error) {
        outcome = reportError(io, error);
      }
    },
  };
  const program = createProgram(context);
  try {
    await program.parseAsync([...argv], { from: 'user' });
  } catch (error) {
    if (!(error instanceof CommanderError)) return exitCode(reportError(io, error));
    const done = ['commander.helpDisplayed', 'commander.version', 'commander.help'];
    return exitCode(done.includes(error.code) ? 'ok' : 'usage-error');
  }
  return exitCode(outcome);
}

function createProgram(context: CommandContext): Command {
  const { io } = context;
  const program = new Command('blast-radius')
    .description(
      "Find the single points of failure in a system's dependencies before an outage does.",
    )
    .version(VERSION)
    .showHelpAfterError('(run with --help for usage)')
    .showSuggestionAfterError(true)
    .configureOutput({
      writeOut: (text) => io.stdout.write(text),
      writeErr: (text) => io.stderr.write(text),
    })
    .exitOverride();
  registerValidate(program, context);
  registerAnalyze(program, context);
  registerSimulate(program, context);
  registerGraph(program, context);
  registerCheck(program, context);
  registerDiff(program, context);
  registerImport(program, context);
  registerDiscover(program, context);
  registerInit(program, context);
  registerReport(program, context);
  program.addHelpText(
    'after',
    '\nExit codes: 0 ok, 1 a gate failed (check, diff --fail-on, simulate --max-down/--forbid-down), 2 usage or input error.',
  );
  return program;
}
