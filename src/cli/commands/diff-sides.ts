// The two sides of `diff`, loaded and analysed. They are independent until compared, so on a
// machine with more than one core a large manifest file's side runs on a worker thread
// (diff-side-worker.js, beside this file once built) while this thread does the other. Only
// what the comparison reads comes back, in columns. A worker that cannot start or dies without
// an answer has its side done here instead; an error in its manifest comes back as the same
// error, and errors are reported in the order one thread would meet them.

import { existsSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { AnalysisResult } from '../../analysis/analysis-result.js';
import {
  comparedSide,
  sideOfMessage,
  type ComparedSide,
  type SideMessage,
} from '../../analysis/diff/compared-side.js';
import { ManifestError, ManifestErrors, STDIN_NAME } from '../../manifest/load.js';
import type { Manifest } from '../../manifest/types.js';
import { compileGraph, type CompiledGraph } from '../../model/compiled-graph.js';
import { SelectorError } from '../../model/selector.js';
import type { CliIO } from '../io.js';
import { UsageError } from '../errors.js';
import { loadManifestAtRevision } from '../git.js';
import { analyzeWithProgress, sweepThreads } from '../analyze-with-progress.js';
import { DEFAULT_MANIFEST } from '../common-options.js';
import { loadManifestFor } from '../shared-options.js';

const WORKER = new URL('./diff-side-worker.js', import.meta.url);

/**
 * Manifest files smaller than this are done on one thread: starting a worker and loading its
 * modules takes longer than analysing a few thousand services.
 */
const MIN_WORKER_BYTES = 1 << 20;

/** Where a side comes from: a manifest file (or `-`), or a file at a git revision. */
type SideSource =
  { which: 'old' | 'new'; file: string } | { which: 'old'; file: string; revision: string };

/** What the worker is asked: one manifest file's side. */
export interface SideRequest {
  which: 'old' | 'new';
  file: string;
  cwd: string;
  /** Threads its single-failure sweep may use. */
  sweepThreads: number;
}

/** The worker's answer: the side, or the error its manifest gave. */
export type SideAnswer = { side: SideMessage } | { error: SentError };

/** Tests make the worker take small manifests, or stand in a worker that fails. */
export interface SideThreads {
  /** 1: both sides on this thread; 2: one of them on a worker when it can. */
  threads: number;
  minWorkerBytes?: number;
  worker?: URL;
}

/** Both sides, and on how many threads they were done (2 when a worker's answer was used). */
export interface LoadedSides {
  before: ComparedSide;
  after: ComparedSide;
  threads: number;
}

/**
 * The old and the new side, from two files or from the git revision and one file; `threads`
 * from BLAST_RADIUS_THREADS and the cores unless given.
 */
export async function loadSides(
  io: CliIO,
  files: readonly string[],
  base: string | undefined,
  given?: SideThreads,
): Promise<LoadedSides> {
  const threads = given ?? { threads: diffThreads(io.env) };
  if (base === undefined) {
    if (files.length !== 2) {
      throw new UsageError('diff needs two manifests (OLD NEW), or one and --base REF');
    }
    if (files[0] === '-' && files[1] === '-') {
      throw new UsageError('only one of the manifests can be read from stdin');
    }
    const { sides, ran } = await bothSides(
      io,
      [
        { which: 'old', file: files[0]! },
        { which: 'new', file: files[1]! },
      ],
      threads,
    );
    return { before: sides[0], after: sides[1], threads: ran };
  }
  if (files.length > 1) {
    throw new UsageError('with --base, give only the new manifest: the old one comes from git');
  }
  const file = files[0] ?? DEFAULT_MANIFEST;
  // One thread meets the new file first, then the revision.
  const { sides, ran } = await bothSides(
    io,
    [
      { which: 'new', file },
      { which: 'old', file, revision: base },
    ],
    threads,
  );
  return { before: sides[1], after: sides[0], threads: ran };
}

/**
 * BLAST_RADIUS_THREADS=1 keeps diff to one thread; otherwise (unset, or 2 and more) both sides
 * run at once when there is more than one core. A value that is not a number of threads is
 * reported where one thread meets it, when the first side is analysed.
 */
export function diffThreads(env: CliIO['env']): number {
  const text = env['BLAST_RADIUS_THREADS'];
  if (text === undefined || text === '') return Math.min(availableParallelism(), 2);
  try {
    return Math.min(sweepThreads(env), 2);
  } catch {
    return 1;
  }
}

/** Both sides, in the order given; the first error in that order is the one thrown. */
async function bothSides(
  io: CliIO,
  sources: [SideSource, SideSource],
  threads: SideThreads,
): Promise<{ sides: [ComparedSide, ComparedSide]; ran: number }> {
  const offloaded = await sideForWorker(io, sources, threads);
  if (offloaded === undefined) {
    const first = await sideHere(io, sources[0]);
    return { sides: [first, await sideHere(io, sources[1])], ran: 1 };
  }
  const [elsewhere, here] = offloaded === 0 ? sources : [sources[1], sources[0]];
  const answer = startWorker(io, elsewhere as SideSource & { which: 'old' | 'new' }, threads);
  const settled = await sideHere(io, here).then(
    (side) => ({ side }),
    (error: unknown) => ({ error }),
  );
  const fromWorker = await answer;
  // The worker's side, or its error; when it gave no answer, its side is done here after all.
  const workerSide = async (): Promise<ComparedSide> => {
    if (fromWorker === undefined) return sideHere(io, elsewhere);
    if ('error' in fromWorker) throw errorOf(fromWorker.error);
    return sideOfMessage(fromWorker.side);
  };
  const hereSide = (): ComparedSide => {
    if ('error' in settled) throw settled.error;
    return settled.side;
  };
  const ran = fromWorker !== undefined && 'side' in fromWorker ? 2 : 1;
  if (offloaded === 0) {
    const first = await workerSide();
    return { sides: [first, hereSide()], ran };
  }
  const first = hereSide();
  return { sides: [first, await workerSide()], ran };
}

/** Which side (0 or 1) goes to a worker: a large enough manifest file, not stdin, not git. */
async function sideForWorker(
  io: CliIO,
  sources: readonly SideSource[],
  { threads, minWorkerBytes = MIN_WORKER_BYTES, worker = WORKER }: SideThreads,
): Promise<0 | 1 | undefined> {
  if (threads < 2 || !workerAvailable(worker)) return undefined;
  for (const i of [0, 1] as const) {
    const source = sources[i]!;
    if ('revision' in source || source.file === '-') continue;
    const size = await stat(path.resolve(io.cwd, source.file)).then(
      (s) => (s.isFile() ? s.size : -1),
      () => -1,
    );
    // A file that cannot be read stays here, where its error is reported as it always was.
    if (size >= minWorkerBytes) return i;
  }
  return undefined;
}

/** The worker is a built `.js` file beside this one: not there when run from the sources. */
function workerAvailable(worker: URL): boolean {
  return worker.protocol === 'file:' && existsSync(fileURLToPath(worker));
}

/** The worker's answer, or undefined when it could not start or ended without one. */
function startWorker(
  io: CliIO,
  source: { which: 'old' | 'new'; file: string },
  { worker: script = WORKER }: SideThreads,
): Promise<SideAnswer | undefined> {
  const request: SideRequest = {
    which: source.which,
    file: source.file,
    cwd: io.cwd,
    sweepThreads: sweepThreads(io.env),
  };
  return new Promise((resolve) => {
    let worker: Worker;
    try {
      worker = new Worker(script, { workerData: request });
    } catch {
      resolve(undefined);
      return;
    }
    worker.once('message', (answer: SideAnswer) => resolve(answer));
    worker.once('error', () => resolve(undefined));
    worker.once('exit', () => resolve(undefined));
  });
}

/** A side loaded and analysed on this thread, with the progress lines of a terminal. */
async function sideHere(io: CliIO, source: SideSource): Promise<ComparedSide> {
  if ('revision' in source) {
    const old = await loadManifestAtRevision(source.revision, source.file, io.cwd);
    return analysedSide(old.source, old.manifest, (graph, name) =>
      analyzeWith(io, graph, name, source.which),
    );
  }
  const manifest = await loadManifestFor(io, source.file);
  return analysedSide(source.file, manifest, (graph, name) =>
    analyzeWith(io, graph, name, source.which),
  );
}

function analyzeWith(
  io: CliIO,
  graph: CompiledGraph,
  name: string | null,
  which: 'old' | 'new',
): AnalysisResult {
  // No diff output reads availability or importance: they are left out.
  return analyzeWithProgress(
    io,
    graph,
    name,
    { availability: false },
    `analysing the ${which} manifest`,
  );
}

/**
 * Compiles and analyses one manifest for the comparison; a missing one (null) is a side with
 * no services. The same steps on either thread.
 */
export function analysedSide(
  source: string,
  manifest: Manifest | null,
  analyse: (graph: CompiledGraph, name: string | null) => AnalysisResult,
): ComparedSide {
  const graph = compileGraph(manifest ?? { file: source, files: [], services: [] });
  const analysis = analyse(graph, manifest?.name ?? null);
  return comparedSide(source === '-' ? STDIN_NAME : source, manifest !== null, graph, analysis);
}

/** An error as a message between threads: what reporting it reads, and its kind. */
export type SentError =
  | {
      kind: 'manifest';
      errors: Array<{ message: string; file: string; line?: number; column?: number }>;
    }
  | { kind: 'usage' | 'selector'; message: string }
  | { kind: 'other'; message: string; code?: string; stack?: string };

export function sentError(error: unknown): SentError {
  if (error instanceof ManifestErrors) {
    return {
      kind: 'manifest',
      errors: error.errors.map((e) => ({
        message: e.message,
        file: e.file,
        ...(e.line === undefined ? {} : { line: e.line, column: e.column ?? 1 }),
      })),
    };
  }
  if (error instanceof UsageError) return { kind: 'usage', message: error.message };
  if (error instanceof SelectorError) return { kind: 'selector', message: error.message };
  const message = error instanceof Error ? error.message : String(error);
  const code = (error as { code?: unknown } | null)?.code;
  return {
    kind: 'other',
    message,
    ...(typeof code === 'string' ? { code } : {}),
    ...(error instanceof Error && error.stack ? { stack: error.stack } : {}),
  };
}

/** The error a worker sent, as the error the CLI reports the same way. */
export function errorOf(sent: SentError): Error {
  switch (sent.kind) {
    case 'manifest':
      return new ManifestErrors(
        sent.errors.map(
          ({ message, file, line, column }) =>
            new ManifestError(
              message,
              line === undefined ? { file } : { file, line, column: column ?? 1 },
            ),
        ),
      );
    case 'usage':
      return new UsageError(sent.message);
    case 'selector':
      return new SelectorError(sent.message);
    case 'other': {
      const error = new Error(sent.message);
      if (sent.stack !== undefined) error.stack = sent.stack;
      return sent.code === undefined ? error : Object.assign(error, { code: sent.code });
    }
  }
}
