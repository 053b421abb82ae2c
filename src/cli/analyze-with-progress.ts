// `analyze` as the commands that report on it run it (analyze, diff, report): the sweep's
// threads from the environment, the availability worker started before a large manifest is
// read, a progress line on a terminal, and an unknown --entry as a usage error.

import { statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { analyze, FocusError, type AnalyzeOptions } from '../analysis/analyze.js';
import type { AnalysisResult } from '../analysis/analysis-result.js';
import type { SweepThreads } from '../analysis/outage/sweep/single-failure-sweep.js';
import { AVAILABILITY_THREAD_SERVICES } from '../analysis/reliability/thread/availability-thread.js';
import { AvailabilityWorker } from '../analysis/reliability/thread/availability-worker-start.js';
import type { Manifest } from '../manifest/types.js';
import type { CompiledGraph } from '../model/compiled-graph.js';
import { UsageError } from './errors.js';
import type { CliIO } from './io.js';
import { createProgress } from './progress.js';
import { loadGraph } from './shared-options.js';

/**
 * Bytes of a manifest per service, at least (the generated shapes: 127–280 in JSON, more in
 * YAML): a file of the minimum threaded size times this may hold enough services for two threads.
 */
const BYTES_PER_SERVICE = 100;

/**
 * Loads the manifest `file` and analyses it; on two threads, when the file is large enough to
 * hold a graph that gets them, the availability worker starts before the file is read, so that
 * its start-up overlaps loading. Given work, it ends once its answer is read (the result's
 * availability fields may still be on their way when this returns: reading them waits);
 * otherwise it is ended once the analysis is done, or when loading or the analysis failed.
 */
export async function loadAndAnalyze(
  io: CliIO,
  file: string,
  options: Omit<AnalyzeOptions, 'onProgress' | 'availabilityWorker'> = {},
): Promise<{ manifest: Manifest; graph: CompiledGraph; result: AnalysisResult }> {
  const early = options.availability === false ? undefined : startEarly(io, file);
  try {
    const { manifest, graph } = await loadGraph(io, file);
    const worker = early ? { availabilityWorker: early } : {};
    const result = analyzeWithProgress(io, graph, manifest.name ?? null, { ...options, ...worker });
    early?.endIfIdle();
    return { manifest, graph, result };
  } catch (error) {
    early?.end();
    throw error;
  }
}

/** The availability worker, started now when `file` is large enough for it; else undefined. */
function startEarly(io: CliIO, file: string): AvailabilityWorker | undefined {
  const threads = analysisThreads(io.env);
  if (threads.count < 2 || file === '-') return undefined;
  let bytes: number;
  try {
    bytes = statSync(path.resolve(io.cwd, file)).size;
  } catch {
    return undefined; // loading says what is wrong with the file
  }
  const least = (threads.minServices ?? AVAILABILITY_THREAD_SERVICES) * BYTES_PER_SERVICE;
  return bytes >= least ? AvailabilityWorker.start() : undefined;
}

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
  const threads = analysisThreads(io.env, graph);
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
 * Graphs of this many services or more get a second thread by default: at 100,000 services on
 * the two-core benchmark machine it took 1.4 CPU seconds off the main thread's path on the
 * layered graph and 1.5 on the random one (see BENCHMARKS.md).
 */
export const TWO_THREAD_SERVICES = 100_000;

/**
 * Below this many services, a graph whose services are mostly entry points (the internet map)
 * stays on one thread by default: availability's answer is decoded here at a cost that grows
 * with the entry points, and the sweep and the phases it could run beside are short, so at
 * 100,000 the second thread took nothing off the main thread's path.
 */
const LARGE_GRAPH_SERVICES = 500_000;

/**
 * The threads `analyze` may use: as BLAST_RADIUS_THREADS says (from 20,000 services), else two
 * where there are two cores on graphs of TWO_THREAD_SERVICES or more (but one for `graph`, when
 * given, if it is mostly entry points and below LARGE_GRAPH_SERVICES), one below. With two the
 * second computes availability while this one sweeps every single failure, and joins the sweep
 * once free; a third and more share the sweep.
 */
export function analysisThreads(env: CliIO['env'], graph?: CompiledGraph): SweepThreads {
  const text = env['BLAST_RADIUS_THREADS'];
  if (text !== undefined && text !== '') return { count: sweepThreads(env) };
  const count = graph && mostlyEntryPoints(graph) ? 1 : Math.min(2, availableParallelism());
  return { count, minServices: TWO_THREAD_SERVICES };
}

/** Whether more than half of `graph`'s services are entry points, below LARGE_GRAPH_SERVICES. */
function mostlyEntryPoints(graph: CompiledGraph): boolean {
  if (graph.n >= LARGE_GRAPH_SERVICES) return false;
  let entries = 0;
  for (let v = 0; v < graph.n; v++) entries += graph.entry[v]!;
  return 2 * entries > graph.n;
}

/**
 * Threads as BLAST_RADIUS_THREADS says (a whole number, at least 1; no more than the cores),
 * else one.
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
