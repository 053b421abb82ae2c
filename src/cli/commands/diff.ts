// `blast-radius diff OLD NEW` or `diff [NEW] --base REF`: the risk a change adds and removes —
// SPOFs, failure-domain SPOFs, blast radii, entry points newly at risk — with `--fail-on` as a
// pull-request gate that exits 1.

import { Option, type Command } from 'commander';
import { diff, type DiffInput } from '../../analysis/diff/diff.js';
import { FAIL_ON, type FailOn } from '../../analysis/diff/diff-result.js';
import { STDIN_NAME } from '../../manifest/load.js';
import type { Manifest } from '../../manifest/types.js';
import { compileGraph } from '../../model/compiled-graph.js';
import { DIFF_REPORTERS } from '../../report/registry.js';
import type { CommandContext } from '../command-context.js';
import { UsageError } from '../errors.js';
import { loadManifestAtRevision } from '../git.js';
import {
  analyzeWithProgress,
  type CommonOptions,
  DEFAULT_MANIFEST,
  loadManifestFor,
  parseCount,
  writeReport,
} from '../shared-options.js';

interface DiffOptions extends CommonOptions {
  base?: string;
  failOn?: string[];
  top: string;
}

const EXAMPLES = [
  'Examples:',
  '  blast-radius diff old/blast-radius.yaml blast-radius.yaml',
  '  blast-radius diff --base origin/main --fail-on new-spof --format markdown -o comment.md',
  '  blast-radius diff services.yaml --base HEAD~1 --fail-on new-spof,new-risk',
];

export function registerDiff(program: Command, context: CommandContext): void {
  program
    .command('diff')
    .usage('[options] OLD NEW | [NEW] --base REF')
    .description(
      'compare two manifests: SPOFs, failure-domain SPOFs and blast radii added and removed, entry points newly at risk',
    )
    .argument('[manifests...]', `OLD NEW; with --base only NEW (default ${DEFAULT_MANIFEST})`)
    .option('--base <ref>', 'read OLD from this git revision (e.g. origin/main), includes too')
    .option(
      '--fail-on <conditions>',
      `exit 1 when any matches: ${FAIL_ON.join(', ')} (comma-separated or repeated)`,
      (value: string, previous: string[] | undefined) => [...(previous ?? []), value],
    )
    .option('--top <n>', 'rows shown per listing in text and markdown (json has everything)', '10')
    .addOption(
      new Option('-f, --format <format>', 'output format')
        .choices(Object.keys(DIFF_REPORTERS))
        .default('text'),
    )
    .option('-o, --output <file>', 'write the result to a file (atomically) instead of stdout')
    .addHelpText('after', `\n${EXAMPLES.join('\n')}`)
    .action(async (files: string[], options: DiffOptions) =>
      context.run(async () => {
        const failOn = parseFailOn(options.failOn ?? []);
        const top = parseCount(options.top, '--top');
        const [before, after] = await loadSides(context, files, options.base);
        const result = diff(before, after, failOn);
        await writeReport(context.io, DIFF_REPORTERS, result, options, top);
        return result.gate.passed ? 'ok' : 'gate-failed';
      }),
    );
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
  context: CommandContext,
  files: readonly string[],
  base: string | undefined,
): Promise<[DiffInput, DiffInput]> {
  const { io } = context;
  if (base === undefined) {
    if (files.length !== 2) {
      throw new UsageError('diff needs two manifests (OLD NEW), or one and --base REF');
    }
    if (files[0] === '-' && files[1] === '-') {
      throw new UsageError('only one of the manifests can be read from stdin');
    }
    const before = sideOf(context, 'old', files[0]!, await loadManifestFor(io, files[0]!));
    return [before, sideOf(context, 'new', files[1]!, await loadManifestFor(io, files[1]!))];
  }
  if (files.length > 1) {
    throw new UsageError('with --base, give only the new manifest: the old one comes from git');
  }
  const file = files[0] ?? DEFAULT_MANIFEST;
  const after = sideOf(context, 'new', file, await loadManifestFor(io, file));
  const old = await loadManifestAtRevision(base, file, io.cwd);
  return [sideOf(context, 'old', old.source, old.manifest), after];
}

/** Compiles and analyses one manifest; a missing one (null) is a side with no services. */
function sideOf(
  context: CommandContext,
  which: 'old' | 'new',
  source: string,
  manifest: Manifest | null,
): DiffInput {
  const graph = compileGraph(manifest ?? { file: source, files: [], services: [] });
  const name = manifest?.name ?? null;
  // No diff output reads availability or importance: they are left out.
  const analysis = analyzeWithProgress(
    context.io,
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
