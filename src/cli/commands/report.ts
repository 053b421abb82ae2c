// `blast-radius report [manifest]`: the architecture-review report, as one offline HTML page with
// the interactive what-if graph (default) or as Markdown for a wiki. Both render the result of
// `analyze`; the HTML page also gets its bundled script and a layout computed here, once.

import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { Command } from 'commander';
import { REPORT_REPORTERS } from '../../report/registry.js';
import { buildReportInput, type PageAssets } from '../../report/review/input.js';
import { layoutGraph } from '../../report/review/layout.js';
import type { CompiledGraph } from '../../model/compiled-graph.js';
import type { CommandContext } from '../command-context.js';
import { UsageError } from '../errors.js';
import {
  addCommonOptions,
  analyzeWithProgress,
  type CommonOptions,
  loadGraph,
  parseCount,
  writeReport,
} from '../shared-options.js';

interface ReportOptions extends CommonOptions {
  top: string;
}

/** The page script, built by `npm run build` (scripts/build-page.mjs) into dist/ at the root. */
const PAGE_BUNDLE = new URL('../../../dist/report-page.js', import.meta.url);

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
    context.run(async () => {
      const top = parseCount(options.top, '--top');
      const toTerminal = options.output === undefined || options.output === '-';
      if (options.format === 'html' && toTerminal && context.io.stdout.isTTY === true) {
        throw new UsageError('report --format html writes a web page: use -o report.html');
      }
      const { manifest, graph } = await loadGraph(context.io, file);
      const result = analyzeWithProgress(context.io, graph, manifest.name ?? null);
      const page = options.format === 'html' ? await pageAssets(graph) : null;
      await writeReport(
        context.io,
        REPORT_REPORTERS,
        buildReportInput(graph, result, page),
        options,
        top,
      );
      return 'ok';
    }),
  );
}

async function pageAssets(graph: CompiledGraph): Promise<PageAssets> {
  const script = await readFile(PAGE_BUNDLE, 'utf8').catch(() => {
    throw new UsageError(
      `the report page script is missing (${fileURLToPath(PAGE_BUNDLE)}): run "npm run build"`,
    );
  });
  return { script, layout: await layoutGraph(graph) };
}
