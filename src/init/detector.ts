// What a detector is: for one import source, the groups of a repository's files that one
// `blast-radius import SOURCE …` would take together, and how to run that import on them.

import type { ImportResult } from '../import/shared/imported-manifest.js';
import type { RepositoryFile } from './repository-files.js';

export interface ImportCandidate {
  /** The `import` subcommand: compose, kubernetes, backstage… */
  source: string;
  /** The folder it was found in, relative to the repository ('' at the top). */
  folder: string;
  /** What names the generated file when the folder does not (one import per file), else the folder. */
  label?: string;
  /** The files to import, relative to the repository, as the import command names them. */
  inputs: string[];
  /** What was seen beside it and not imported (a compose variant), said in the starter. */
  notes: string[];
  /** Runs the importer; `root` is the repository's folder. */
  run(root: string): Promise<ImportResult>;
}

export interface Detector {
  source: string;
  /** What it finds, for people: "Kubernetes manifests". */
  title: string;
  find(files: readonly RepositoryFile[]): ImportCandidate[];
}

/** The folder part of a repository path ('' for a file at the top). */
export function folderOf(file: string): string {
  const slash = file.lastIndexOf('/');
  return slash < 0 ? '' : file.slice(0, slash);
}

/** The file name part of a repository path. */
export function baseName(file: string): string {
  return file.slice(file.lastIndexOf('/') + 1);
}

/** Groups paths by folder, in the order given. */
export function byFolder<T extends { path: string }>(files: readonly T[]): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const file of files) {
    const folder = folderOf(file.path);
    const group = groups.get(folder);
    if (group) group.push(file);
    else groups.set(folder, [file]);
  }
  return groups;
}

/** The candidate's inputs for people: the file, or the folder and how many files. */
export function describeInputs(candidate: ImportCandidate): string {
  if (candidate.inputs.length === 1) return candidate.inputs[0]!;
  return `${candidate.folder === '' ? '.' : candidate.folder}/ (${candidate.inputs.length} files)`;
}
