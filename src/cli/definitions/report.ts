// `blast-radius report [manifest]` as the command line declares it; the analysis and the page
// (commands/report.ts) are loaded when the command runs.

import type { Command } from 'commander';
import { REPORT_REPORTERS } from '../../report/registry.js';
import type { CommandContext } from '../command-context.js';
import type { ReportOptions } from '../commands/report.js';
import { addCommonOptions } from '../common-options.js';

export function registerReport(program: Command, context: CommandContext): void {
  addCommonOptions(
    program
      .command('report')
      .addHelpText(
        'after',
        [
          '',
          'The HTML page works offline (open it from disk): click a component or pick a failure',
          'domain to see what its outage takes down, and why.',
          '',
          'Examples:',
          '  blast-radius report fixtures/s3-2017/blast-radius.yaml -o report.html',
          '  blast-radius report --format markdown -o ARCHITECTURE-REVIEW.md',
        ].join('\n'),
      )
      .description('the architecture-review report: an interactive HTML page, or Markdown')
      .option('--top <n>', 'rows shown per table', '25'),
    Object.keys(REPORT_REPORTERS),
    'html',
  ).action(async (file: string, options: ReportOptions) =>
    context.run(async () =>
      (await import('../commands/report.js')).runReport(context.io, file, options),
    ),
  );
}
