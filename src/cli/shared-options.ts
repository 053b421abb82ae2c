// Options and steps every command shares: the manifest argument, --format from the reporter
// registry, -o, colour, and loading the manifest into the compiled graph.

import { availableParallelism } from 'node:os';
import { Option, type Command } from 'commander';
import { analyze, FocusError, type AnalyzeOptions } from '../analysis/analyze.js';
import type { AnalysisResult } from '../analysis/analysis-result.js';
import { DURATION_HINT, parseDuration } from '../manifest/fields/duration.js';
import { loadManifest } from '../manifest/load.js';
import type { Manifest } from '../manifest/types.js';
import { compileGraph, type CompiledGraph } from '../model/compiled-graph.js';
import { UsageError } from './errors.js';
import type { Reporter } from '../report/reporter.js';
import { wantsColor, writeResult, type CliIO } from './io.js';
import { announceLoad, createProgress } from './progress.js';

export const DEFAULT_MANIFEST = 'blast-radius.yaml';

export interface CommonOptions {
  format: string;
  output?: string;
}

export function addCommonOptions(
  command: Command,
  formats: readonly string[],
  fallback: string,
): Command {
  return command
    .argument('[manifest]', `manifest file (YAML or JSON; - reads stdin)`, DEFAULT_MANIFEST)
    .addOption(
      new Option('-f, --format <format>', 'output format').choices(formats).default(fallback),
    )
    .option('-o, --output <file>', 'write the result to a file (atomically) instead of stdout');
}

export async function loadGraph(
  io: CliIO,
  file: string,
): Promise<{ manifest: Manifest; graph: CompiledGraph }> {
  const manifest = await loadManifestFor(io, file);
  return { manifest, graph: compileGraph(manifest) };
}

/** Loads a manifest, saying so at a terminal when the file is large. */
export async function loadManifestFor(io: CliIO, file: string): Promise<Manifest> {
  const done = await announceLoad(io, file);
  try {
    return await loadManifest(file, { cwd: io.cwd, stdin: io.readStdin });
  } finally {
    done();
  }
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
 * the cores), else two where there are two cores. On large graphs the second computes
 * availability while this one sweeps every single failure; a third and more share the sweep.
 */
export function sweepThreads(env: CliIO['env']): number {
  const text = env['BLAST_RADIUS_THREADS'];
  if (text === undefined || text === '') return Math.min(2, availableParallelism());
  if (!/^\d+$/.test(text) || Number(text) < 1) {
    throw new UsageError(
      `BLAST_RADIUS_THREADS takes a whole number of at least 1, not ${JSON.stringify(text)}`,
    );
  }
  return Math.min(Number(text), availableParallelism());
}

/** Colour only for text to a terminal (or when FORCE_COLOR asks for it). */
export function colorFor(io: CliIO, options: CommonOptions): boolean {
  const toTerminal = options.output === undefined || options.output === '-';
  return wantsColor(io.env, toTerminal && io.stdout.isTTY === true);
}

/** `--for D`: the length of an outage, a manifest duration of more than 0 seconds. */
export function parseOutageLength(text: string): number {
  const seconds = parseDuration(/^\d+(\.\d+)?$/.test(text) ? Number(text) : text);
  if (seconds === undefined || seconds <= 0) {
    throw new UsageError(
      `--for takes a duration of more than 0 seconds (${DURATION_HINT}), not ${JSON.stringify(text)}`,
    );
  }
  return seconds;
}

export function parseCount(text: string, option: string): number {
  if (!/^\d+$/.test(text)) throw new UsageError(`${option} takes a whole number, not "${text}"`);
  return Number(text);
}

/**
 * Renders a result with the reporter --format chose and writes it where -o says; colour only
 * for a terminal. Every command ends here.
 */
export async function writeReport<T>(
  io: CliIO,
  reporters: Readonly<Record<string, Reporter<T>>>,
  result: T,
  options: CommonOptions,
  top = 10,
): Promise<void> {
  const render = reporters[options.format]!; // commander's choices come from these keys
  await writeResult(io, render(result, { color: colorFor(io, options), top }), options.output);
}
