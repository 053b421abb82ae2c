// `blast-radius diff OLD NEW` or `diff [NEW] --base REF`: the risk a change adds and removes —
// SPOFs, failure-domain SPOFs, blast radii, entry points newly at risk — with `--fail-on` as a
// pull-request gate that exits 1.

import { diff, type DiffInput } from '../../analysis/diff/diff.js';
import { FAIL_ON, type FailOn } from '../../analysis/diff/diff-result.js';
import { STDIN_NAME } from '../../manifest/load.js';
import type { Manifest } from '../../manifest/types.js';
import { compileGraph } from '../../model/compiled-graph.js';
import { DIFF_REPORTERS } from '../../report/registry.js';
import { DEFAULT_MANIFEST, type CommonOptions } from '../common-options.js';
import { UsageError } from '../errors.js';
import type { Outcome } from '../exit-code.js';
import { loadManifestAtRevision } from '../git.js';
import { analyzeWithProgress } from '../analyze-with-progress.js';
import type { CliIO } from '../io.js';
import { loadManifestFor, parseCount, writeReport } from '../shared-options.js';

export interface DiffOptions extends CommonOptions {
  base?: string;
  failOn?: string[];
  top: string;
}

/** Loads and analyses both sides, and writes what changed; exits 1 when --fail-on matches. */
export async function runDiff(
  io: CliIO,
  files: readonly string[],
  options: DiffOptions,
): Promise<Outcome> {
  const failOn = parseFailOn(options.failOn ?? []);
  const top = parseCount(options.top, '--top');
  const [before, after] = await loadSides(io, files, options.base);
  const result = diff(before, after, failOn);
  await writeReport(io, DIFF_REPORTERS, result, options, top);
  return result.gate.passed ? 'ok' : 'gate-failed';
}

function parseFailOn(values: readonly string[]): FailOn[] {
  const conditions = values.flatMap((v) => v.split(',')).map((v) => v.trim());
  for (const condition of conditions) {
    if (!(FAIL_ON as readonly string[]).includes(condition)) {
      throw new UsageError(
        `--fail-on: unknown condition "${condition}"; use ${FAIL_ON.join(', ')}`,
      );
    }
  }
  return conditions as FailOn[];
}

/** The old and the new side, from two files or from the git revision and one file. */
async function loadSides(
  io: CliIO,
  files: readonly string[],
  base: string | undefined,
): Promise<[DiffInput, DiffInput]> {
  if (base === undefined) {
    if (files.length !== 2) {
      throw new UsageError('diff needs two manifests (OLD NEW), or one and --base REF');
    }
    if (files[0] === '-' && files[1] === '-') {
      throw new UsageError('only one of the manifests can be read from stdin');
    }
    const before = sideOf(io, 'old', files[0]!, await loadManifestFor(io, files[0]!));
    return [before, sideOf(io, 'new', files[1]!, await loadManifestFor(io, files[1]!))];
  }
  if (files.length > 1) {
    throw new UsageError('with --base, give only the new manifest: the old one comes from git');
  }
  const file = files[0] ?? DEFAULT_MANIFEST;
  const after = sideOf(io, 'new', file, await loadManifestFor(io, file));
  const old = await loadManifestAtRevision(base, file, io.cwd);
  return [sideOf(io, 'old', old.source, old.manifest), after];
}

/** Compiles and analyses one manifest; a missing one (null) is a side with no services. */
function sideOf(
  io: CliIO,
  which: 'old' | 'new',
  source: string,
  manifest: Manifest | null,
): DiffInput {
  const graph = compileGraph(manifest ?? { file: source, files: [], services: [] });
  const name = manifest?.name ?? null;
  // No diff output reads availability or importance: they are left out.
  const analysis = analyzeWithProgress(
    io,
    graph,
    name,
    { availability: false },
    `analysing the ${which} manifest`,
  );
  return {
    source: source === '-' ? STDIN_NAME : source,
    exists: manifest !== null,
    graph,
    analysis,
  };
}
