// A manifest as it was at a git revision, for `diff --base REF`: the YAML and JSON files under
// the manifest's folder at REF are copied into a temporary folder (removed afterwards) and
// loaded from there. Read-only plumbing (rev-parse, ls-tree, cat-file): the working tree, the
// index and the repository's state are never touched. Git runs with argument arrays, no shell.

import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, rm, stat, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ManifestError, ManifestErrors, loadManifest } from '../manifest/load.js';
import { isInside } from '../manifest/files/include.js';
import type { Manifest } from '../manifest/types.js';
import { UsageError } from './errors.js';

/** Git could not answer: not installed, not a repository, an unknown revision. Exit 2. */
export class GitError extends Error {
  readonly code = 'EGIT';
  constructor(message: string) {
    super(message);
    this.name = 'GitError';
  }
}

export interface ManifestAtRevision {
  /** null when the manifest did not exist at the revision. */
  manifest: Manifest | null;
  /** `REF:path/in/repo.yaml`, the name errors and reports use. */
  source: string;
}

interface TreeEntry {
  path: string;
  object: string;
  symlink: boolean;
}

/**
 * Loads the manifest `file` (relative to `cwd`) and the files it includes as they were at
 * revision `ref` of the repository that holds the file's folder.
 * @throws GitError, UsageError, or ManifestErrors naming files as `REF:path`.
 */
export async function loadManifestAtRevision(
  ref: string,
  file: string,
  cwd: string,
): Promise<ManifestAtRevision> {
  if (ref === '' || ref.startsWith('-')) throw new UsageError(`--base: "${ref}" is not a revision`);
  if (file === '-') throw new UsageError('--base compares with a manifest file, not stdin');
  const absolute = path.resolve(cwd, file);
  const folder = path.dirname(absolute);
  if (!(await stat(folder).catch(() => undefined))?.isDirectory())
    throw new GitError(`--base: no such folder ${folder}`);
  const prefix = (await git(['rev-parse', '--show-prefix'], folder, notARepository(file)))
    .toString('utf8')
    .trim();
  const verify = ['rev-parse', '--verify', '--quiet', `${ref}^{commit}`];
  const commit = (await git(verify, folder, () => unknownRevision(ref))).toString('utf8').trim();
  const target = `${prefix}${path.basename(absolute)}`;
  const source = `${ref}:${target}`;
  const entries = await listTree(commit, prefix, target, folder);
  if (!entries.some((e) => e.path === target)) return { manifest: null, source };
  const contents = await readObjects(
    entries.map((e) => e.object),
    folder,
  );
  const snapshot = await mkdtemp(path.join(tmpdir(), 'blast-radius-base-'));
  try {
    await writeSnapshot(snapshot, prefix, entries, contents);
    const manifest = await loadManifest(path.basename(absolute), { cwd: snapshot });
    return { manifest, source };
  } catch (error) {
    if (error instanceof ManifestErrors) throw renamed(error, snapshot, `${ref}:${prefix}`);
    throw error;
  } finally {
    await rm(snapshot, { recursive: true, force: true });
  }
}

/** The regular files and symbolic links under `prefix` at `commit` that a manifest can include. */
async function listTree(
  commit: string,
  prefix: string,
  target: string,
  folder: string,
): Promise<TreeEntry[]> {
  const pathspec = prefix === '' ? [] : ['--', prefix];
  const listing = await git(['ls-tree', '-r', '-z', '--full-tree', commit, ...pathspec], folder);
  const entries: TreeEntry[] = [];
  for (const line of listing.toString('utf8').split('\0')) {
    // `<mode> SP <type> SP <object> TAB <path>`
    const match = /^(100644|100755|120000) blob ([0-9a-f]+)\t(.*)$/s.exec(line);
    if (!match) continue;
    const file = match[3]!;
    if (file !== target && !/\.(ya?ml|json)$/i.test(file)) continue;
    entries.push({ path: file, object: match[2]!, symlink: match[1] === '120000' });
  }
  return entries;
}

/** The contents of the objects, in order, from one `git cat-file --batch`. */
async function readObjects(objects: readonly string[], folder: string): Promise<Buffer[]> {
  const output = await git(['cat-file', '--batch'], folder, undefined, `${objects.join('\n')}\n`);
  const contents: Buffer[] = [];
  let at = 0;
  for (const object of objects) {
    // `<object> SP <type> SP <size> LF <contents> LF`
    const headerEnd = output.indexOf(0x0a, at);
    const header = output.toString('utf8', at, headerEnd).split(' ');
    if (header[0] !== object || header.length !== 3) {
      throw new GitError(`--base: git cat-file gave an unexpected answer for ${object}`);
    }
    const size = Number(header[2]);
    contents.push(output.subarray(headerEnd + 1, headerEnd + 1 + size));
    at = headerEnd + 1 + size + 1;
  }
  return contents;
}

/**
 * The files with their layout below the manifest's folder. A symbolic link is written as one,
 * unless it points out of the snapshot: then it is left out, as the loader would refuse it.
 */
async function writeSnapshot(
  snapshot: string,
  prefix: string,
  entries: readonly TreeEntry[],
  contents: readonly Buffer[],
): Promise<void> {
  for (const [i, entry] of entries.entries()) {
    const destination = path.join(snapshot, ...entry.path.slice(prefix.length).split('/'));
    await mkdir(path.dirname(destination), { recursive: true });
    if (!entry.symlink) {
      await writeFile(destination, contents[i]!);
      continue;
    }
    const linkTarget = contents[i]!.toString('utf8');
    if (isInside(path.resolve(path.dirname(destination), linkTarget), snapshot))
      await symlink(linkTarget, destination);
  }
}

/** The same errors, naming `REF:path/in/repo.yaml` instead of the snapshot's files. */
function renamed(errors: ManifestErrors, snapshot: string, prefix: string): ManifestErrors {
  const name = (file: string) => `${prefix}${file.split(path.sep).join('/')}`;
  return new ManifestErrors(
    errors.errors.map((e) => {
      const message = e.message.split(`${snapshot}${path.sep}`).join(prefix);
      const where =
        e.line === undefined
          ? { file: name(e.file) }
          : { file: name(e.file), line: e.line, column: e.column ?? 1 };
      return new ManifestError(message, where);
    }),
  );
}

function notARepository(file: string): (stderr: string) => GitError {
  return (stderr) =>
    stderr.includes('not a git repository')
      ? new GitError(`--base: ${file} is not in a git repository`)
      : new GitError(`--base: git failed: ${firstLine(stderr)}`);
}

function unknownRevision(ref: string): GitError {
  return new GitError(`--base: unknown git revision "${ref}"`);
}

/**
 * Runs git in `cwd` and returns its standard output. A failure becomes `failure(stderr)`, or
 * a GitError quoting git's first line; git missing becomes a GitError saying so.
 */
function git(
  args: readonly string[],
  cwd: string,
  failure?: (stderr: string) => Error,
  input?: string,
): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const child = spawn('git', args, {
      cwd,
      // Messages in English to recognise them; no optional locks: a read must not write.
      env: { ...process.env, LC_ALL: 'C', LANGUAGE: 'C', GIT_OPTIONAL_LOCKS: '0' },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
    child.stdin.on('error', () => undefined); // git may exit before reading all of it
    child.stdin.end(input ?? '');
    child.on('error', (error: NodeJS.ErrnoException) =>
      reject(
        error.code === 'ENOENT'
          ? new GitError('--base needs git, and git is not installed (or not on PATH)')
          : new GitError(`--base: cannot run git: ${error.message}`),
      ),
    );
    child.on('close', (code) => {
      if (code === 0) return resolve(Buffer.concat(stdout));
      const message = Buffer.concat(stderr).toString('utf8');
      reject(
        failure ? failure(message) : new GitError(`--base: git failed: ${firstLine(message)}`),
      );
    });
  });
}

function firstLine(text: string): string {
  return text.trim().split('\n')[0] ?? '';
}
