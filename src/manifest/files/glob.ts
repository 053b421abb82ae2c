// File-name patterns for `include`: `*`, `?`, `[a-z]`/`[!a-z]` within one path segment and
// `**` for any number of directories. Node 20 has no fs.glob; this walks with an explicit stack.

import type { Dirent } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { MAX_GLOB_ENTRIES } from '../parse/limits.js';

const GLOBSTAR = Symbol('**');
type Segment = string | RegExp | typeof GLOBSTAR;

export class GlobLimitError extends Error {}

/** True when `segment` holds a wildcard (a backslash makes the next character literal). */
export function hasWildcard(segment: string): boolean {
  return /(^|[^\\])[*?[]/.test(segment);
}

/**
 * A segment as a literal name, a RegExp, or GLOBSTAR. As in shells, a wildcard does not match a
 * leading dot: `*.yaml` skips `.hidden.yaml`.
 */
export function compileSegment(segment: string): Segment {
  if (segment === '**') return GLOBSTAR;
  if (!hasWildcard(segment)) return segment.replace(/\\(.)/g, '$1');
  let source = segment.startsWith('.') ? '' : '(?!\\.)';
  for (let i = 0; i < segment.length; i++) {
    const ch = segment[i]!;
    if (ch === '\\' && i + 1 < segment.length) source += escapeRegExp(segment[++i]!);
    else if (ch === '*') source += '[^/]*';
    else if (ch === '?') source += '[^/]';
    else if (ch === '[') {
      const end = segment.indexOf(']', i + 2);
      if (end === -1) source += '\\[';
      else {
        const body = segment
          .slice(i + 1, end)
          .replace(/^!/, '^')
          .replace(/\\/g, '\\\\');
        source += `[${body}]`;
        i = end;
      }
    } else source += escapeRegExp(ch);
  }
  return new RegExp(`^${source}$`, 'u');
}

function escapeRegExp(text: string): string {
  // Only syntax characters: under the `u` flag, escaping anything else is an error.
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

interface Step {
  dir: string;
  index: number;
}

/**
 * Regular files under `base` matching `segments` (relative, already split on "/"), as absolute
 * paths in code-unit order. Symbolic links to files match; `**` does not descend into
 * symbolic links to directories (no cycles) nor into dot-directories.
 */
export async function expandGlob(base: string, segments: readonly string[]): Promise<string[]> {
  const compiled = segments.map(compileSegment);
  if (compiled.at(-1) === GLOBSTAR) compiled.push(compileSegment('*'));
  const matches = new Set<string>();
  const visited = new Set<string>();
  const budget = { entries: MAX_GLOB_ENTRIES };
  const stack: Step[] = [{ dir: base, index: 0 }];
  for (let step = stack.pop(); step; step = stack.pop()) {
    const key = `${step.index}\u0000${step.dir}`;
    if (visited.has(key)) continue;
    visited.add(key);
    await expandStep(step, compiled, stack, matches, budget);
  }
  return [...matches].sort();
}

async function expandStep(
  { dir, index }: Step,
  compiled: readonly Segment[],
  stack: Step[],
  matches: Set<string>,
  budget: { entries: number },
): Promise<void> {
  const segment = compiled[index]!;
  const last = index === compiled.length - 1;
  if (typeof segment === 'string') {
    const path = join(dir, segment);
    if (!last) stack.push({ dir: path, index: index + 1 });
    else if ((await kindOf(path)) === 'file') matches.add(path);
    return;
  }
  const entries = await listDirectory(dir, budget);
  if (segment === GLOBSTAR) {
    stack.push({ dir, index: index + 1 });
    for (const entry of entries) {
      if (entry.isDirectory() && !entry.name.startsWith('.'))
        stack.push({ dir: join(dir, entry.name), index });
    }
    return;
  }
  for (const entry of entries) {
    if (!segment.test(entry.name)) continue;
    const path = join(dir, entry.name);
    const kind = entry.isSymbolicLink()
      ? await kindOf(path)
      : entry.isDirectory()
        ? 'dir'
        : entry.isFile()
          ? 'file'
          : 'other';
    if (last && kind === 'file') matches.add(path);
    if (!last && kind === 'dir') stack.push({ dir: path, index: index + 1 });
  }
}

async function listDirectory(dir: string, budget: { entries: number }): Promise<Dirent[]> {
  let entries: Dirent[];
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return [];
    throw error;
  }
  budget.entries -= entries.length;
  if (budget.entries < 0) {
    throw new GlobLimitError(`the pattern visits more than ${MAX_GLOB_ENTRIES} directory entries`);
  }
  return entries;
}

async function kindOf(path: string): Promise<'file' | 'dir' | 'other' | 'missing'> {
  try {
    const stats = await stat(path);
    return stats.isFile() ? 'file' : stats.isDirectory() ? 'dir' : 'other';
  } catch {
    return 'missing';
  }
}
