// Steps every command's action shares: loading the manifest into the compiled graph, reading
// option values, colour, and writing the chosen report.

import { DURATION_HINT, parseDuration } from '../manifest/fields/duration.js';
import { loadManifest } from '../manifest/load.js';
import type { Manifest } from '../manifest/types.js';
import { compileGraph, type CompiledGraph } from '../model/compiled-graph.js';
import { UsageError } from './errors.js';
import type { ReporterLoader } from '../report/registry.js';
import type { CommonOptions } from './common-options.js';
import { wantsColor, writeResult, type CliIO } from './io.js';
import { announceLoad } from './progress.js';

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
  reporters: Readonly<Record<string, ReporterLoader<T>>>,
  result: T,
  options: CommonOptions,
  top = 10,
): Promise<void> {
  const render = await reporters[options.format]!(); // commander's choices come from these keys
  await writeResult(io, render(result, { color: colorFor(io, options), top }), options.output);
}
