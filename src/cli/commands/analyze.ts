// `blast-radius analyze [manifest]`: single points of failure per entry point, failure domains,
// blast radii, cut vertices, cycles and cold start, fate-sharing monitors, provider concentration.

import type { Command } from 'commander';
import { analyze, FocusError } from '../../analysis/analyze.js';
import { ANALYZE_REPORTERS } from '../../report/registry.js';
import type { CommandContext } from '../command-context.js';
import { UsageError } from '../errors.js';
import { createProgress } from '../progress.js';
import {
  addCommonOptions,
  loadGraph,
  parseCount,
  type CommonOptions,
  writeReport,
} from '../shared-options.js';

interface AnalyzeOptions extends CommonOptions {
  entry?: string[];
  top: string;
}

export function registerAnalyze(program: Command, context: CommandContext): void {
  addCommonOptions(
    program
      .command('analyze')
      .addHelpText(
        'after',
        '\nExamples:\n  blast-radius analyze fixtures/s3-2017/blast-radius.yaml --top 5\n  blast-radius analyze --entry acme-web --format markdown -o spofs.md',
      )
      .description(
        'find every single point of failure, failure domain, cut vertex and blast radius',
      )
      .option('--entry <id...>', 'narrow the analysis to these entry points')
      .option(
        '--top <n>',
        'rows shown per listing in text and markdown (json has everything)',
        '10',
      ),
    Object.keys(ANALYZE_REPORTERS),
    'text',
  ).action(async (file: string, options: AnalyzeOptions) =>
    context.run(async () => {
      const top = parseCount(options.top, '--top');
      const { manifest, graph } = await loadGraph(context.io, file);
      const progress = createProgress(context.io, 'analysing every single failure');
      let result;
      try {
        const focus = options.entry ? { focus: options.entry } : {};
        result = analyze(graph, manifest.name ?? null, { ...focus, onProgress: progress.update });
      } catch (error) {
        if (!(error instanceof FocusError)) throw error;
        throw new UsageError(
          `--entry: ${error.message}; entry points are ${error.entrypoints.join(', ')}`,
        );
      } finally {
        progress.done();
      }
      await writeReport(context.io, ANALYZE_REPORTERS, result, options, top);
      return 'ok';
    }),
  );
}
