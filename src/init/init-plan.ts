// What `init` will write for a repository: each detector's candidates imported; where two
// describe the same services (a compose file and the Kubernetes manifests of one system), the
// one that names more dependencies kept and the other left out; the generated files, and the
// starter manifest that includes them. Reads the repository, writes nothing.

import { formatDiagnostic } from '../import/shared/diagnostics.js';
import type { ImportResult } from '../import/shared/imported-manifest.js';
import { renderImportedManifest } from '../import/shared/manifest-writer.js';
import { shellWord } from '../import/shared/shell-word.js';
import type { Detector, ImportCandidate } from './detector.js';
import { IMPORTS_FOLDER } from './init-paths.js';
import type { IncludedImport, LeftOutImport, PlannedImport } from './planned-import.js';
import { repositoryFiles } from './repository-files.js';
import { renderStarterManifest } from './starter-manifest.js';

export interface InitPlan {
  included: IncludedImport[];
  leftOut: LeftOutImport[];
  /** Every file to write, relative to the repository: the starter manifest first. */
  files: { path: string; text: string }[];
}

/** At most this many ids are named when saying which services two imports share. */
const NAMED_CLASHES = 5;

export async function planInit(
  root: string,
  name: string,
  manifestFile: string,
  detectors: readonly Detector[],
): Promise<InitPlan> {
  const tried = await importEveryCandidate(root, detectors);
  const { included, leftOut } = chooseImports(tried);
  const looked = detectors.map((detector) => detector.title);
  const starter = renderStarterManifest({ name, manifestFile, included, leftOut, looked });
  return {
    included,
    leftOut,
    files: [
      { path: manifestFile, text: starter },
      ...included.map((each) => ({
        path: each.file,
        text: renderImportedManifest(each.result.manifest),
      })),
    ],
  };
}

type TriedImport = PlannedImport & { result: ImportResult; order: number };

/** Every detector's candidates, imported, in the detectors' order and then the folders'. */
async function importEveryCandidate(
  root: string,
  detectors: readonly Detector[],
): Promise<TriedImport[]> {
  const files = await repositoryFiles(root);
  const tried: TriedImport[] = [];
  const taken = new Set<string>();
  for (const detector of detectors) {
    for (const candidate of detector.find(files)) {
      const file = generatedFile(candidate, taken);
      const command = importCommand(candidate, file);
      const result = await candidate.run(root);
      tried.push({ candidate, title: detector.title, file, command, result, order: tried.length });
    }
  }
  return tried;
}

/**
 * Where two imports describe the same services, the one that names more dependencies wins (then
 * the earlier one); imports that fail or declare nothing are left out too. Both lists keep the
 * order in which the imports were found.
 */
function chooseImports(tried: readonly TriedImport[]): {
  included: IncludedImport[];
  leftOut: LeftOutImport[];
} {
  const ranked = [...tried].sort(
    (a, b) => dependencyCount(b.result) - dependencyCount(a.result) || a.order - b.order,
  );
  const included: (IncludedImport & { order: number })[] = [];
  const leftOut: (LeftOutImport & { order: number })[] = [];
  const owners = new Map<string, string>();
  for (const { result, ...planned } of ranked) {
    const error = result.diagnostics.find((each) => each.severity === 'error');
    const ids = result.manifest.services.map((service) => service.id);
    const shared = ids.filter((id) => owners.has(id));
    if (error !== undefined) {
      leftOut.push({ ...planned, reason: `it does not import: ${formatDiagnostic(error)}` });
    } else if (ids.length === 0) {
      leftOut.push({ ...planned, reason: 'it declares no service' });
    } else if (shared.length > 0) {
      leftOut.push({ ...planned, reason: clashReason(shared, owners) });
    } else {
      for (const id of ids) owners.set(id, planned.file);
      result.manifest.inputs = planned.candidate.inputs;
      result.manifest.command = planned.command;
      included.push({ ...planned, result, warnings: result.diagnostics.length });
    }
  }
  const byOrder = (a: { order: number }, b: { order: number }) => a.order - b.order;
  return { included: included.sort(byOrder), leftOut: leftOut.sort(byOrder) };
}

/** blast-radius/<source>[-<label or folder>].generated.yaml, unique among the ones planned. */
function generatedFile(candidate: ImportCandidate, taken: Set<string>): string {
  const folder = (candidate.label ?? candidate.folder)
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .replace(/^[.-]+/, '');
  const stem = folder === '' ? candidate.source : `${candidate.source}-${folder}`;
  let file = `${IMPORTS_FOLDER}/${stem}.generated.yaml`;
  for (let n = 2; taken.has(file); n += 1) file = `${IMPORTS_FOLDER}/${stem}-${n}.generated.yaml`;
  taken.add(file);
  return file;
}

function importCommand(candidate: ImportCandidate, file: string): string {
  const words = ['blast-radius', 'import', candidate.source, ...candidate.inputs, '-o', file];
  return words.map(shellWord).join(' ');
}

function dependencyCount(result: ImportResult): number {
  return result.manifest.services.reduce((sum, service) => sum + service.dependsOn.length, 0);
}

function clashReason(shared: readonly string[], owners: ReadonlyMap<string, string>): string {
  const first = owners.get(shared[0]!)!;
  const named = shared.slice(0, NAMED_CLASHES).join(', ');
  const more = shared.length > NAMED_CLASHES ? ` and ${shared.length - NAMED_CLASHES} more` : '';
  return `its services are already imported, into ${first} (${named}${more})`;
}
