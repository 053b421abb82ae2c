// `blast-radius import backstage|compose|kubernetes|traces|openpsa …`: a manifest from what
// teams already have. The importers in src/import are pure; this file reads the inputs, prints their
// diagnostics as `file:line:col: message`, checks the result with our own loader and writes it.

import { access } from 'node:fs/promises';
import path from 'node:path';
import { Option, type Command } from 'commander';
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
import type { CommandContext } from '../command-context.js';
import type { Outcome } from '../exit-code.js';
import { writeResult, type CliIO } from '../io.js';
import { parseCount, type CommonOptions, writeReport } from '../shared-options.js';

/** The one output format: the manifest itself. */
const IMPORT_REPORTERS = {
  yaml: (result: ImportResult) => renderImportedManifest(result.manifest),
};

interface ImportOptions extends CommonOptions {
  minCalls?: string;
  envFile?: string;
  profile?: string[];
  region?: string;
  param?: string[];
  report?: string;
}

/** What one subcommand does once its inputs (and extra files, like an env file) are read. */
type Importer = (
  inputs: SourceText[],
  options: ImportOptions,
  extras: SourceText[],
) => ImportResult;

export function registerImport(program: Command, context: CommandContext): void {
  const command = program
    .command('import')
    .description(
      'write a manifest from a Backstage catalog, docker-compose, Kubernetes, traces, a fault tree, Terraform or CloudFormation',
    )
    .addHelpText(
      'after',
      '\nExample:\n  blast-radius import kubernetes k8s/ -o blast-radius.yaml && blast-radius analyze',
    );
  subcommand(command, context, {
    name: 'kubernetes',
    argument: '<file-or-dir...>',
    description:
      'Deployments, StatefulSets and DaemonSets, wired by the Services their env, args and NetworkPolicies name',
    example: 'blast-radius import kubernetes release/kubernetes-manifests.yaml -o boutique.yaml',
    directories: true,
    run: (inputs) => importKubernetes(inputs),
  });
  subcommand(command, context, {
    name: 'backstage',
    argument: '<path...>',
    description:
      'Backstage catalog files (following their Location entities): Components and Resources, dependsOn and consumesApis',
    example: 'blast-radius import backstage catalog/all.yaml -o blast-radius.yaml',
    directories: true,
    read: readCatalog,
    run: (inputs) => importBackstage(inputs),
  });
  subcommand(command, context, {
    name: 'compose',
    argument: '<file...>',
    description:
      'docker compose files, merged like `docker compose -f a -f b`; depends_on (start order) as dependencies',
    example:
      'blast-radius import compose compose.yaml compose.prod.yaml --env-file .env -o blast-radius.yaml',
    directories: false,
    configure: (sub) =>
      sub
        .option(
          '--env-file <file>',
          'variables for ${VAR} (default: .env beside the first file, if any)',
        )
        .option('--profile <name...>', 'activate these compose profiles (* for all)'),
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
  });
  subcommand(command, context, {
    name: 'openpsa',
    argument: '<file...>',
    description:
      'Open-PSA MEF fault trees (SCRAM, XFTA, Aralia): basic events as components, gates as virtual services',
    example:
      'blast-radius import openpsa tree.xml -o tree.yaml && blast-radius analyze tree.yaml --format json',
    directories: false,
    run: (inputs) => importOpenPsa(inputs),
  });
  subcommand(command, context, {
    name: 'terraform',
    argument: '<file...>',
    description:
      '`terraform show -json` of a plan or state, or a state file (version 4): AWS, Google Cloud and Azure resources with their zones, regions and redundancy',
    example:
      'terraform show -json plan.out > plan.json\n  blast-radius import terraform plan.json -o infra.yaml --report import-report.json',
    directories: false,
    configure: (sub) =>
      sub.option('--report <file>', 'also write the import report as JSON to this file'),
    run: (inputs) => importTerraform(inputs),
  });
  subcommand(command, context, {
    name: 'cloudformation',
    argument: '<file...>',
    description:
      'CloudFormation templates (YAML or JSON), nested stacks and exports resolved among the files given',
    example:
      'blast-radius import cloudformation master.yaml infrastructure/*.yaml --region eu-west-1 -o infra.yaml',
    directories: false,
    configure: (sub) =>
      sub
        .option('--region <region>', 'the region the stacks are deployed in (else left unknown)')
        .option('--param <name=value...>', 'a stack parameter value (default: its Default)')
        .option('--report <file>', 'also write the import report as JSON to this file'),
    run: (inputs, options) =>
      importCloudFormation(inputs, { region: options.region, parameters: options.param ?? [] }),
  });
  subcommand(command, context, {
    name: 'traces',
    argument: '<file>',
    description: "Jaeger's dependency links (/api/dependencies: parent, child, callCount)",
    example:
      'curl -s jaeger:16686/api/dependencies?endTs=… > deps.json\n  blast-radius import traces deps.json --min-calls 10 -o traced.yaml',
    directories: false,
    configure: (sub) => sub.option('--min-calls <n>', 'leave out links with fewer calls', '0'),
    run: ([input], options) =>
      importTraces(input!, { minCalls: parseCount(options.minCalls ?? '0', '--min-calls') }),
  });
}

interface Subcommand {
  name: string;
  argument: string;
  description: string;
  example: string;
  directories: boolean;
  configure?: (command: Command) => Command;
  /** Reads the inputs itself (Backstage follows Locations); default: the files named. */
  read?: (names: string[], cwd: string, diagnostics: Diagnostics) => Promise<SourceText[]>;
  /** Other files the import reads, named by options or found beside the inputs. */
  extras?: (names: string[], options: ImportOptions, cwd: string) => Promise<string[]>;
  run: Importer;
}

function subcommand(parent: Command, context: CommandContext, spec: Subcommand): void {
  let command = parent
    .command(spec.name)
    .description(spec.description)
    .argument(spec.argument)
    .addOption(
      new Option('-f, --format <format>', 'output format (the manifest)')
        .choices(Object.keys(IMPORT_REPORTERS))
        .default('yaml'),
    )
    .option('-o, --output <file>', 'write the manifest to a file (atomically) instead of stdout')
    .addHelpText('after', `\nExample:\n  ${spec.example}`);
  command = spec.configure ? spec.configure(command) : command;
  command.action(async (names: string | string[], options: ImportOptions) =>
    context.run(() => runImport(context.io, spec, [names].flat(), options)),
  );
}

async function runImport(
  io: CliIO,
  spec: Subcommand,
  names: string[],
  options: ImportOptions,
): Promise<Outcome> {
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
  result.manifest.command = regenerateCommand(spec.name, names, options);
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
