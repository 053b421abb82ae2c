// Resolves one `include` pattern to files, refusing anything outside the directory of the
// top-level manifest: by the pattern itself (`../x`, `/etc/x`) and by realpath (symlinks out).

import { realpath } from 'node:fs/promises';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { expandGlob, GlobLimitError, hasWildcard } from './glob.js';
import type { IncludePattern } from './manifest-file.js';
import { quote } from '../parse/quote.js';
import type { SourceFile } from '../parse/source-file.js';

/** The directory of the top-level manifest, as written and with symlinks resolved. */
export interface IncludeRoot {
  lexical: string;
  real: string;
}

export interface IncludedFile {
  /** Absolute path as reached through the pattern (used for names shown to the user). */
  path: string;
  /** Absolute path with symlinks resolved (used to read each file once). */
  real: string;
}

export function isInside(path: string, directory: string): boolean {
  const rel = relative(directory, path);
  return rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel);
}

/** Files matched by `include` written in `src` (whose directory is `fromDir`); errors go to `src`. */
export async function resolveInclude(
  { pattern, offset }: IncludePattern,
  fromDir: string,
  root: IncludeRoot,
  src: SourceFile,
): Promise<IncludedFile[]> {
  const shown = quote(pattern);
  const segments = pattern.split('/').filter((segment, i) => segment !== '' || i === 0);
  let firstWildcard = segments.findIndex(hasWildcard);
  if (firstWildcard === -1) firstWildcard = segments.length - 1;
  const base = resolve(fromDir, segments.slice(0, firstWildcard).join('/') || '.');
  const rest = segments.slice(firstWildcard);
  if (rest.includes('..')) {
    src.error(offset, `include ${shown}: ".." after a wildcard is not supported`);
    return [];
  }
  if (!isInside(resolve(base, rest.join('/')), root.lexical)) {
    src.error(offset, `include ${shown} reaches outside the directory of the top-level manifest`);
    return [];
  }
  const matches = await expandPattern(base, rest, shown, offset, src);
  if (matches === undefined) return [];
  if (matches.length === 0) src.error(offset, `include ${shown} matches no file`);
  const files: IncludedFile[] = [];
  for (const path of matches) {
    // The file may vanish between listing and here; it is then simply not included.
    const real = await realpath(path).catch(() => undefined);
    if (real === undefined) continue;
    if (isInside(real, root.real)) files.push({ path, real });
    else {
      const name = quote(relative(fromDir, path));
      src.error(
        offset,
        `include ${shown}: ${name} is a symbolic link to a file outside the directory of the top-level manifest`,
      );
    }
  }
  return files;
}

async function expandPattern(
  base: string,
  rest: string[],
  shown: string,
  offset: number,
  src: SourceFile,
): Promise<string[] | undefined> {
  try {
    return await expandGlob(base, rest);
  } catch (error) {
    if (error instanceof GlobLimitError) src.error(offset, `include ${shown}: ${error.message}`);
    else if (error instanceof SyntaxError)
      src.error(offset, `include ${shown} is not a valid pattern`);
    else src.error(offset, `include ${shown}: ${(error as Error).message}`);
    return undefined;
  }
}
