// `blast-radius import backstage|compose|kubernetes|traces|openpsa …`: a manifest from what
// teams already have. The importers in src/import are pure; this file reads the inputs, prints their
// diagnostics as `file:line:col: message`, checks the result with our own loader and writes it.

import { access } from 'node:fs/promises';
import path from 'node:path';
import { importBackstage } from '../../import/backstage/backstage.js';
import { readCatalog } from '../../import/backstage/reader.js';
import { parseEnvFile } from '../../import/compose/interpolation.js';
import { importCompose } from '../../import/compose/compose.js';
import { Diagnostics, formatDiagnostic, type Diagnostic } from '../../import/shared/diagnostics.js';
import type { ImportResult, SourceText } from '../../import/shared/imported-manifest.js';
import { importKubernetes } from '../../import/kubernetes/kubernetes.js';
import { importOpenPsa } from '../../import/openpsa/openpsa.js';
import { renderImportedManifest } from '../../import/shared/manifest-writer.js';
import { listInputs, readInput, readInputs } from '../../import/shared/read-inputs.js';
import { shellWord } from '../../import/shared/shell-word.js';
import { importTraces } from '../../import/traces/traces.js';
import { importCloudFormation } from '../../import/cloudformation/cloudformation.js';
import { reportLines, type ImportReport } from '../../import/iac/import-report.js';
import { importTerraform } from '../../import/terraform/terraform.js';
import { parseManifestText } from '../../manifest/load.js';
import { safeText } from '../../report/shared/safe-text.js';
import type { Outcome } from '../exit-code.js';
import { writeResult, type CliIO } from '../io.js';
import type { CommonOptions } from '../common-options.js';
import { parseCount, writeReport } from '../shared-options.js';

/** The one output format: the manifest itself. */
const IMPORT_REPORTERS = {
  yaml: async () => (result: ImportResult) => renderImportedManifest(result.manifest),
};

export interface ImportOptions extends CommonOptions {
  format: keyof typeof IMPORT_REPORTERS;
  minCalls?: string;
  envFile?: string;
  profile?: string[];
  region?: string;
  param?: string[];
  report?: string;
}

/** How one source is imported once its inputs (and extra files, like an env file) are read. */
interface Importer {
  /** Whether a directory given names the files in it. */
  directories: boolean;
  /** Reads the inputs itself (Backstage follows Locations); default: the files named. */
  read?: (names: string[], cwd: string, diagnostics: Diagnostics) => Promise<SourceText[]>;
  /** Other files the import reads, named by options or found beside the inputs. */
  extras?: (names: string[], options: ImportOptions, cwd: string) => Promise<string[]>;
  run: (inputs: SourceText[], options: ImportOptions, extras: SourceText[]) => ImportResult;
}

/** Every source `import` reads, by the name of its subcommand. */
const IMPORTERS = {
  kubernetes: { directories: true, run: (inputs) => importKubernetes(inputs) },
  backstage: { directories: true, read: readCatalog, run: (inputs) => importBackstage(inputs) },
  compose: {
    directories: false,
    extras: composeEnvFile,
    run: (inputs, options, extras) => {
      const env = extras[0] && { file: extras[0].file, ...parseEnvFile(extras[0].text) };
      const variables = env?.variables ?? new Map<string, string>();
      const result = importCompose(inputs, { variables, profiles: options.profile ?? [] });
      if (env === undefined) return result;
      result.manifest.caveats.push(`Variables from ${env.file}.`);
      for (const line of env.badLines) {
        const message = 'not a KEY=value line; ignored';
        result.diagnostics.push({ severity: 'warning', file: env.file, line, column: 1, message });
      }
      return result;
    },
  },
  openpsa: { directories: false, run: (inputs) => importOpenPsa(inputs) },
  terraform: { directories: false, run: (inputs) => importTerraform(inputs) },
  cloudformation: {
    directories: false,
    run: (inputs, options) =>
      importCloudFormation(inputs, { region: options.region, parameters: options.param ?? [] }),
  },
  traces: {
    directories: false,
    run: ([input], options) =>
      importTraces(input!, { minCalls: parseCount(options.minCalls ?? '0', '--min-calls') }),
  },
} satisfies Record<string, Importer>;

export type ImportSource = keyof typeof IMPORTERS;

/** Reads the inputs, imports them, checks the manifest with our own loader and writes it. */
export async function runImport(
  io: CliIO,
  source: ImportSource,
  names: string[],
  options: ImportOptions,
): Promise<Outcome> {
  const spec: Importer = IMPORTERS[source];
  const diagnostics = new Diagnostics();
  const inputs = spec.read
    ? await spec.read(names, io.cwd, diagnostics)
    : await readInputs(await listInputs(names, io.cwd, spec.directories, diagnostics), diagnostics);
  const extras: SourceText[] = [];
  for (const name of (await spec.extras?.(names, options, io.cwd)) ?? []) {
    const extra = await readInput({ name, absolute: path.resolve(io.cwd, name) }, diagnostics);
    if (extra) extras.push(extra);
  }
  if (diagnostics.hasErrors) return reportDiagnostics(io, diagnostics.sorted());
  const result = spec.run(inputs, options, extras);
  if (result.diagnostics.some((each) => each.severity === 'error')) {
    return reportDiagnostics(io, result.diagnostics);
  }
  result.manifest.inputs = names;
  result.manifest.command = regenerateCommand(source, names, options);
  // Our own loader checks what we wrote: an importer bug must not reach a user's CI.
  parseManifestText(renderImportedManifest(result.manifest), 'imported.yaml');
  reportDiagnostics(io, result.diagnostics);
  const report = (result as { report?: ImportReport }).report;
  if (report !== undefined) {
    for (const line of reportLines(report)) io.stderr.write(`${safeText(line)}\n`);
    if (options.report !== undefined) {
      await writeResult(io, `${JSON.stringify(report, null, 2)}\n`, options.report);
    }
  }
  await writeReport(io, IMPORT_REPORTERS, result, options);
  return 'ok';
}

function reportDiagnostics(io: CliIO, diagnostics: readonly Diagnostic[]): Outcome {
  for (const each of diagnostics) io.stderr.write(`${safeText(formatDiagnostic(each))}\n`);
  const errors = diagnostics.filter((each) => each.severity === 'error').length;
  if (errors > 0)
    io.stderr.write(`${errors} ${errors === 1 ? 'error' : 'errors'}; nothing written\n`);
  return errors > 0 ? 'input-error' : 'ok';
}

/** --env-file, or the `.env` beside the first compose file as docker compose reads it. */
async function composeEnvFile(
  names: string[],
  options: ImportOptions,
  cwd: string,
): Promise<string[]> {
  if (options.envFile !== undefined) return [options.envFile];
  const beside = path.join(path.dirname(names[0] ?? '.'), '.env');
  const exists = await access(path.resolve(cwd, beside)).then(
    () => true,
    () => false,
  );
  return exists ? [beside] : [];
}

/** The command line that writes the same manifest again, quoted for a POSIX shell. */
function regenerateCommand(source: string, names: string[], options: ImportOptions): string {
  const words = ['blast-radius', 'import', source, ...names];
  if (options.envFile !== undefined) words.push('--env-file', options.envFile);
  for (const profile of options.profile ?? []) words.push('--profile', profile);
  if (options.region !== undefined) words.push('--region', options.region);
  for (const param of options.param ?? []) words.push('--param', param);
  if (options.minCalls !== undefined && options.minCalls !== '0') {
    words.push('--min-calls', options.minCalls);
  }
  if (options.output !== undefined && options.output !== '-') words.push('-o', options.output);
  return words.map(shellWord).join(' ');
}
