// `analyze` as the commands that report on it run it (analyze, diff, report): the sweep's
// threads from the environment, a progress line on a terminal, and an unknown --entry as a
// usage error.

import { availableParallelism } from 'node:os';
import { analyze, FocusError, type AnalyzeOptions } from '../analysis/analyze.js';
import type { AnalysisResult } from '../analysis/analysis-result.js';
import type { CompiledGraph } from '../model/compiled-graph.js';
import { UsageError } from './errors.js';
import type { CliIO } from './io.js';
import { createProgress } from './progress.js';

/**
 * `analyze` with its progress line on a terminal (`what` names the work). An --entry that is not
 * an entry point becomes a usage error that lists the entry points.
 */
export function analyzeWithProgress(
  io: CliIO,
  graph: CompiledGraph,
  name: string | null,
  options: Omit<AnalyzeOptions, 'onProgress'> = {},
  what = 'analysing every single failure',
): AnalysisResult {
  const threads = { count: sweepThreads(io.env) };
  const progress = createProgress(io, what);
  try {
    return analyze(graph, name, { threads, ...options, onProgress: progress.update });
  } catch (error) {
    if (!(error instanceof FocusError)) throw error;
    throw new UsageError(
      `--entry: ${error.message}; entry points are ${error.entrypoints.join(', ')}`,
    );
  } finally {
    progress.done();
  }
}

/**
 * Threads the analysis may use: BLAST_RADIUS_THREADS (a whole number, at least 1; no more than
 * the cores), else one. With 2 on a large graph the second computes availability while this one
 * sweeps every single failure; a third and more share the sweep. On the two-core benchmark
 * machine two threads took no wall time off `analyze` (and added some on the internet map), so
 * they are asked for, not assumed.
 */
export function sweepThreads(env: CliIO['env']): number {
  const text = env['BLAST_RADIUS_THREADS'];
  if (text === undefined || text === '') return 1;
  if (!/^\d+$/.test(text) || Number(text) < 1) {
    throw new UsageError(
      `BLAST_RADIUS_THREADS takes a whole number of at least 1, not ${JSON.stringify(text)}`,
    );
  }
  return Math.min(Number(text), availableParallelism());
}
