// `blast-radius report [manifest]`: the architecture-review report, as one offline HTML page with
// the interactive what-if graph (default) or as Markdown for a wiki. Both render the result of
// `analyze`; the HTML page also gets its bundled script and a layout computed here, once.

import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { PAGE_SCRIPT } from '../../package-files.js';
import { REPORT_REPORTERS } from '../../report/registry.js';
import { buildReportInput, type PageAssets } from '../../report/review/input.js';
import { layoutGraph } from '../../report/review/layout.js';
import type { CompiledGraph } from '../../model/compiled-graph.js';
import type { CommonOptions } from '../common-options.js';
import { UsageError } from '../errors.js';
import type { Outcome } from '../exit-code.js';
import { loadAndAnalyze } from '../analyze-with-progress.js';
import type { CliIO } from '../io.js';
import { parseCount, writeReport } from '../shared-options.js';

export interface ReportOptions extends CommonOptions {
  top: string;
}

/** Analyses the manifest and writes the review report: the HTML page or Markdown. */
export async function runReport(io: CliIO, file: string, options: ReportOptions): Promise<Outcome> {
  const top = parseCount(options.top, '--top');
  const toTerminal = options.output === undefined || options.output === '-';
  if (options.format === 'html' && toTerminal && io.stdout.isTTY === true) {
    throw new UsageError('report --format html writes a web page: use -o report.html');
  }
  const { graph, result } = await loadAndAnalyze(io, file);
  const page = options.format === 'html' ? await pageAssets(graph) : null;
  await writeReport(io, REPORT_REPORTERS, buildReportInput(graph, result, page), options, top);
  return 'ok';
}

async function pageAssets(graph: CompiledGraph): Promise<PageAssets> {
  const script = await readFile(PAGE_SCRIPT, 'utf8').catch(() => {
    throw new UsageError(
      `the report page script is missing (${fileURLToPath(PAGE_SCRIPT)}): run "npm run build"`,
    );
  });
  return { script, layout: await layoutGraph(graph) };
}
