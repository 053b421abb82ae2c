// `blast-radius import SOURCE …` as the command line declares it: one subcommand per source, with
// its options and example; the importers (commands/import.ts) are loaded when one runs.

import { Option, type Command } from 'commander';
import type { CommandContext } from '../command-context.js';
import type { ImportOptions, ImportSource } from '../commands/import.js';

interface Subcommand {
  argument: string;
  description: string;
  example: string;
  configure?: (command: Command) => Command;
}

/** The subcommands in the order --help lists them. */
const SUBCOMMANDS = {
  kubernetes: {
    argument: '<file-or-dir...>',
    description:
      'Deployments, StatefulSets and DaemonSets, wired by the Services their env, args and NetworkPolicies name',
    example: 'blast-radius import kubernetes release/kubernetes-manifests.yaml -o boutique.yaml',
  },
  backstage: {
    argument: '<path...>',
    description:
      'Backstage catalog files (following their Location entities): Components and Resources, dependsOn and consumesApis',
    example: 'blast-radius import backstage catalog/all.yaml -o blast-radius.yaml',
  },
  compose: {
    argument: '<file...>',
    description:
      'docker compose files, merged like `docker compose -f a -f b`; depends_on (start order) as dependencies',
    example:
      'blast-radius import compose compose.yaml compose.prod.yaml --env-file .env -o blast-radius.yaml',
    configure: (sub) =>
      sub
        .option(
          '--env-file <file>',
          'variables for ${VAR} (default: .env beside the first file, if any)',
        )
        .option('--profile <name...>', 'activate these compose profiles (* for all)'),
  },
  openpsa: {
    argument: '<file...>',
    description:
      'Open-PSA MEF fault trees (SCRAM, XFTA, Aralia): basic events as components, gates as virtual services',
    example:
      'blast-radius import openpsa tree.xml -o tree.yaml && blast-radius analyze tree.yaml --format json',
  },
  terraform: {
    argument: '<file...>',
    description:
      '`terraform show -json` of a plan or state, or a state file (version 4): AWS, Google Cloud and Azure resources with their zones, regions and redundancy',
    example:
      'terraform show -json plan.out > plan.json\n  blast-radius import terraform plan.json -o infra.yaml --report import-report.json',
    configure: (sub) =>
      sub.option('--report <file>', 'also write the import report as JSON to this file'),
  },
  cloudformation: {
    argument: '<file...>',
    description:
      'CloudFormation templates (YAML or JSON), nested stacks and exports resolved among the files given',
    example:
      'blast-radius import cloudformation master.yaml infrastructure/*.yaml --region eu-west-1 -o infra.yaml',
    configure: (sub) =>
      sub
        .option('--region <region>', 'the region the stacks are deployed in (else left unknown)')
        .option('--param <name=value...>', 'a stack parameter value (default: its Default)')
        .option('--report <file>', 'also write the import report as JSON to this file'),
  },
  traces: {
    argument: '<file>',
    description: "Jaeger's dependency links (/api/dependencies: parent, child, callCount)",
    example:
      'curl -s jaeger:16686/api/dependencies?endTs=… > deps.json\n  blast-radius import traces deps.json --min-calls 10 -o traced.yaml',
    configure: (sub) => sub.option('--min-calls <n>', 'leave out links with fewer calls', '0'),
  },
} satisfies Record<ImportSource, Subcommand>;

/** The output formats: the manifest itself. */
const FORMATS: ImportOptions['format'][] = ['yaml'];

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
  for (const [source, spec] of Object.entries(SUBCOMMANDS) as [ImportSource, Subcommand][]) {
    subcommand(command, context, source, spec);
  }
}

function subcommand(
  parent: Command,
  context: CommandContext,
  source: ImportSource,
  spec: Subcommand,
): void {
  let command = parent
    .command(source)
    .description(spec.description)
    .argument(spec.argument)
    .addOption(
      new Option('-f, --format <format>', 'output format (the manifest)')
        .choices(FORMATS)
        .default('yaml'),
    )
    .option('-o, --output <file>', 'write the manifest to a file (atomically) instead of stdout')
    .addHelpText('after', `\nExample:\n  ${spec.example}`);
  command = spec.configure ? spec.configure(command) : command;
  command.action(async (names: string | string[], options: ImportOptions) =>
    context.run(async () =>
      (await import('../commands/import.js')).runImport(
        context.io,
        source,
        [names].flat(),
        options,
      ),
    ),
  );
}
