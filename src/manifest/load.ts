// The manifest loader's public API: a manifest file (and the files it includes) or in-memory
// text to a validated Manifest, or ManifestErrors listing every error found, across all files.

import { byCodeUnit } from '../compare.js';
import { realpath } from 'node:fs/promises';
import { dirname, isAbsolute, relative, resolve } from 'node:path';
import { assembleManifest } from './files/assemble.js';
import { checkText, decodeText } from './parse/decode-text.js';
import { ManifestErrors } from './errors.js';
import { resolveInclude, type IncludeRoot } from './files/include.js';
import { MAX_FILES } from './parse/limits.js';
import type { ManifestFile } from './files/manifest-file.js';
import { formatOf, readManifestText, type ManifestFormat } from './parse/read-document.js';
import {
  InputTooLargeError,
  maxBytes,
  readFileBytes,
  readStdinBytes,
  tooLargeMessage,
} from './parse/read-file.js';
import { Diagnostics } from './parse/source-file.js';
import type { Manifest } from './types.js';

export { ManifestError, ManifestErrors } from './errors.js';
export type { ManifestFormat } from './parse/read-document.js';

export interface LoadOptions {
  /** Directory that relative paths are resolved against; default process.cwd(). */
  cwd?: string;
  /** Reads standard input for the path `-`; default: process.stdin. */
  stdin?: () => Promise<string>;
}

export interface ParseOptions {
  /** Default: JSON when `file` ends in `.json`, YAML otherwise. */
  format?: ManifestFormat;
  /**
   * Read JSON with the positional parser alone, never with JSON.parse (which is quicker and
   * gives way to it at any error): to compare the two readers.
   */
  positionalJson?: boolean;
}

/** The name errors use for standard input. */
export const STDIN_NAME = '<stdin>';

/**
 * Loads the manifest at `path` (`-`: YAML from standard input) and every file it includes.
 * @throws ManifestErrors listing every error found; never anything else for bad input.
 */
export async function loadManifest(path: string, options: LoadOptions = {}): Promise<Manifest> {
  const cwd = resolve(options.cwd ?? process.cwd());
  const diagnostics = new Diagnostics();
  const fromStdin = path === '-';
  const absolute = fromStdin ? cwd : resolve(cwd, path);
  const top = fromStdin
    ? await readStdinFile(options.stdin, diagnostics)
    : await readDiskFile(absolute, path, diagnostics);
  if (top === undefined) return finish([], diagnostics, false);
  const topDir = fromStdin ? cwd : dirname(absolute);
  const root: IncludeRoot = { lexical: topDir, real: await realpathOr(topDir) };
  const seen = new Set<string>();
  if (!fromStdin) seen.add(await realpathOr(absolute));
  const name = (file: string) => (isAbsolute(path) ? file : relative(cwd, file));
  const included = await loadIncludes(top, topDir, root, seen, name, diagnostics);
  return finish([top, ...included.files], diagnostics, included.allRead);
}

/**
 * Parses a manifest held in memory, for tests and tools. `file` only names it in errors and
 * picks the format. An `include` is an error here: there are no files to read; use loadManifest.
 * @throws ManifestErrors listing every error found.
 */
export function parseManifestText(
  text: string,
  file = 'manifest.yaml',
  options: ParseOptions = {},
): Manifest {
  const diagnostics = new Diagnostics();
  const format = options.format ?? formatOf(file);
  if (text.length > maxBytes(format)) {
    diagnostics.add(tooLargeMessage(text.length, format), { file });
    return finish([], diagnostics, false);
  }
  const parsed = readManifestText(
    file,
    checkText(text),
    format,
    diagnostics,
    options.positionalJson,
  );
  for (const include of parsed?.includes ?? []) {
    parsed?.src.error(
      include.offset,
      'include reads files: use loadManifest, not parseManifestText',
    );
  }
  return finish(parsed ? [parsed] : [], diagnostics, parsed !== undefined);
}

/**
 * Files included from `top`, transitively, each read once (include cycles end there), sorted.
 * `allRead` is false when an include was refused or a file could not be read or parsed.
 */
async function loadIncludes(
  top: ManifestFile,
  topDir: string,
  root: IncludeRoot,
  seen: Set<string>,
  name: (absolute: string) => string,
  diagnostics: Diagnostics,
): Promise<{ files: ManifestFile[]; allRead: boolean }> {
  const loaded: ManifestFile[] = [];
  let allRead = true;
  const queue = [{ file: top, dir: topDir }];
  for (let next = queue.shift(); next; next = queue.shift()) {
    for (const include of next.file.includes) {
      const errorsBefore = diagnostics.errors.length;
      const matches = await resolveInclude(include, next.dir, root, next.file.src);
      // A refused include hides ids: checking references without them would only add noise.
      if (diagnostics.errors.length > errorsBefore) allRead = false;
      for (const { path, real } of matches) {
        if (seen.has(real)) continue;
        seen.add(real);
        if (seen.size > MAX_FILES) {
          next.file.src.error(include.offset, `the manifest includes more than ${MAX_FILES} files`);
          return { files: loaded, allRead: false };
        }
        const file = await readDiskFile(path, name(path), diagnostics);
        if (file === undefined) allRead = false;
        else {
          loaded.push(file);
          queue.push({ file, dir: dirname(path) });
        }
      }
    }
  }
  loaded.sort((a, b) => byCodeUnit(a.src.name, b.src.name));
  return { files: loaded, allRead };
}

async function readDiskFile(
  path: string,
  name: string,
  diagnostics: Diagnostics,
): Promise<ManifestFile | undefined> {
  const format = formatOf(path);
  const read = await readFileBytes(path, format);
  if ('error' in read) {
    diagnostics.add(read.error, { file: name });
    return undefined;
  }
  return readManifestText(name, decodeText(read.bytes), format, diagnostics);
}

async function readStdinFile(
  stdin: LoadOptions['stdin'],
  diagnostics: Diagnostics,
): Promise<ManifestFile | undefined> {
  try {
    const decoded = stdin ? checkText(await stdin()) : decodeText(await readStdinBytes());
    if (decoded.text.length > maxBytes('yaml')) {
      diagnostics.add(tooLargeMessage(decoded.text.length, 'yaml'), { file: STDIN_NAME });
      return undefined;
    }
    return readManifestText(STDIN_NAME, decoded, 'yaml', diagnostics);
  } catch (error) {
    const message =
      error instanceof InputTooLargeError
        ? error.message
        : `cannot read standard input: ${String(error)}`;
    diagnostics.add(message, { file: STDIN_NAME });
    return undefined;
  }
}

async function realpathOr(path: string): Promise<string> {
  try {
    return await realpath(path);
  } catch {
    return path;
  }
}

/**
 * The manifest, or ManifestErrors. When a file could not be read or parsed, its ids are
 * unknown, so the cross-file checks are skipped rather than calling every reference undeclared.
 */
function finish(files: ManifestFile[], diagnostics: Diagnostics, allRead: boolean): Manifest {
  const manifest = allRead ? assembleManifest(files) : undefined;
  if (manifest === undefined || diagnostics.errors.length > 0) {
    throw new ManifestErrors(diagnostics.errors);
  }
  return manifest;
}
