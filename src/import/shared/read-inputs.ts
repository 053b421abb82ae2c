// The importers' only contact with the file system: reads the files and directories named on
// the command line (and, for Backstage, the files Location entities point at) into SourceTexts,
// refusing what is not a regular text file or is too large, with a `file: message` diagnostic.

import { byCodeUnit } from '../../compare.js';
import { open, readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { decodeText } from '../../manifest/parse/decode-text.js';
import { MAX_FILES, MAX_YAML_FILE_BYTES } from '../../manifest/parse/limits.js';
import type { Diagnostics } from './diagnostics.js';
import type { SourceText } from './imported-manifest.js';

/** What a directory contributes: the files with these endings, at any depth. */
const INPUT_EXTENSIONS = ['.yaml', '.yml', '.json'];

export interface InputFile {
  /** As the user named it, or relative to the working directory for files found on the way. */
  name: string;
  absolute: string;
}

/**
 * The files `names` stand for: a file itself, a directory every YAML and JSON file below it (in
 * sorted order, hidden folders skipped) when `directories` allows, else an error.
 */
export async function listInputs(
  names: readonly string[],
  cwd: string,
  directories: boolean,
  diagnostics: Diagnostics,
): Promise<InputFile[]> {
  const files: InputFile[] = [];
  for (const name of names) {
    const absolute = path.resolve(cwd, name);
    const info = await stat(absolute).catch((error: unknown) => error as NodeJS.ErrnoException);
    if (info instanceof Error) {
      diagnostics.error({ file: name }, fsProblem(info));
    } else if (!info.isDirectory()) {
      files.push({ name, absolute });
    } else if (!directories) {
      diagnostics.error({ file: name }, 'is a directory; name the files');
    } else {
      for (const found of await filesBelow(absolute)) {
        files.push({ name: path.join(name, path.relative(absolute, found)), absolute: found });
      }
    }
    if (files.length > MAX_FILES) {
      diagnostics.error({ file: name }, `more than ${MAX_FILES} input files`);
      return [];
    }
  }
  return files;
}

/** Every input file below `root`, sorted, without recursion. */
async function filesBelow(root: string): Promise<string[]> {
  const found: string[] = [];
  const pending = [root];
  for (let dir = pending.pop(); dir !== undefined; dir = pending.pop()) {
    const entries = await readdir(dir, { withFileTypes: true });
    for (const entry of entries) {
      if (entry.name.startsWith('.')) continue;
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) pending.push(full);
      else if (entry.isFile() && INPUT_EXTENSIONS.some((ext) => entry.name.endsWith(ext))) {
        found.push(full);
      }
    }
    if (found.length > MAX_FILES) break;
  }
  return found.sort(byCodeUnit);
}

/** The file's text, or undefined with the reason reported. */
export async function readInput(
  file: InputFile,
  diagnostics: Diagnostics,
): Promise<SourceText | undefined> {
  let handle;
  try {
    handle = await open(file.absolute, 'r');
  } catch (error) {
    diagnostics.error({ file: file.name }, fsProblem(error as NodeJS.ErrnoException));
    return undefined;
  }
  try {
    const info = await handle.stat();
    if (!info.isFile()) {
      diagnostics.error({ file: file.name }, 'cannot read it: not a regular file');
      return undefined;
    }
    if (info.size > MAX_YAML_FILE_BYTES) {
      const limit = MAX_YAML_FILE_BYTES / 2 ** 20;
      diagnostics.error({ file: file.name }, `the file is larger than ${limit} MiB`);
      return undefined;
    }
    const decoded = decodeText(await handle.readFile());
    if (decoded.problem) {
      diagnostics.error({ file: file.name }, decoded.problem.message);
      return undefined;
    }
    return { file: file.name, text: decoded.text };
  } catch (error) {
    diagnostics.error({ file: file.name }, fsProblem(error as NodeJS.ErrnoException));
    return undefined;
  } finally {
    await handle.close();
  }
}

/** Reads every file; the ones that cannot be read are reported and left out. */
export async function readInputs(
  files: readonly InputFile[],
  diagnostics: Diagnostics,
): Promise<SourceText[]> {
  const texts: SourceText[] = [];
  for (const file of files) {
    const text = await readInput(file, diagnostics);
    if (text) texts.push(text);
  }
  return texts;
}

function fsProblem(error: NodeJS.ErrnoException): string {
  switch (error.code) {
    case 'ENOENT':
      return 'no such file or directory';
    case 'EACCES':
    case 'EPERM':
      return 'cannot read it: permission denied';
    case 'EISDIR':
      return 'is a directory; name the files';
    default:
      return `cannot read it (${error.code ?? error.message})`;
  }
}
