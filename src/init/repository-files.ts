// The files of a repository that `init` looks at: every YAML, JSON and Terraform state file and
// every `.env` below the folder, in sorted order, read as text. Hidden folders (`.terraform`
// among them), node_modules and the folder `init` writes its imports to are skipped, and so are
// files too large or not text.

import { readFile, readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { decodeText } from '../manifest/parse/decode-text.js';
import { MAX_FILES } from '../manifest/parse/limits.js';
import { byCodeUnit } from '../compare.js';
import { IMPORTS_FOLDER } from './init-paths.js';

export interface RepositoryFile {
  /** Relative to the repository, with `/` between folders. */
  path: string;
  text: string;
}

/** Larger files are not looked into: a generated bundle is no source to import. */
const MAX_SNIFF_BYTES = 16 * 2 ** 20;
const SKIPPED_FOLDERS = new Set(['node_modules', IMPORTS_FOLDER]);

function wanted(name: string): boolean {
  return name === '.env' || /\.(?:ya?ml|json|tfstate)$/i.test(name);
}

/** The files, sorted by path; walks with an explicit stack and stops at MAX_FILES. */
export async function repositoryFiles(root: string): Promise<RepositoryFile[]> {
  const paths: string[] = [];
  const pending = [''];
  for (let dir = pending.pop(); dir !== undefined; dir = pending.pop()) {
    const entries = await readdir(path.join(root, dir), { withFileTypes: true });
    for (const entry of entries) {
      const relative = dir === '' ? entry.name : `${dir}/${entry.name}`;
      if (entry.isDirectory()) {
        if (!entry.name.startsWith('.') && !SKIPPED_FOLDERS.has(entry.name)) pending.push(relative);
      } else if (entry.isFile() && wanted(entry.name)) {
        paths.push(relative);
      }
    }
    if (paths.length > MAX_FILES) break;
  }
  const files: RepositoryFile[] = [];
  for (const relative of paths.sort(byCodeUnit).slice(0, MAX_FILES)) {
    const absolute = path.join(root, relative);
    if ((await stat(absolute)).size > MAX_SNIFF_BYTES) continue;
    const decoded = decodeText(await readFile(absolute));
    if (decoded.problem === undefined) files.push({ path: relative, text: decoded.text });
  }
  return files;
}
