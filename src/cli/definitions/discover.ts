// `blast-radius discover [domain...]` as the command line declares it; the resolvers, the
// provider table and the manifest writer (commands/discover.ts) are loaded when it runs.

import { Option, type Command } from 'commander';
import type { CommandContext } from '../command-context.js';
import type { DiscoverCliOptions } from '../commands/discover.js';

export function registerDiscover(program: Command, context: CommandContext): void {
  program
    .command('discover')
    .description(
      'find the DNS, CDN and certificate providers behind domains and write them as a manifest',
    )
    .argument('[domain...]', 'domain names (a site each)')
    .option('--domains <file>', 'more domains, one a line (# comments; - reads stdin)')
    .option(
      '--resolver <ip[:port]>',
      'resolver to ask (repeatable; default: the system resolvers)',
      collect,
    )
    .option('--hosts <list>', 'hostnames per domain, @ for the domain itself', '@,www')
    .option(
      '--tls',
      "read each host's certificate (default: on; with --records, on when the file holds TLS facts)",
    )
    .option('--no-tls', 'do not read certificates')
    .option('--tls-port <n>', 'port for the TLS handshakes', '443')
    .option(
      '--ns-port <n>',
      'port for the direct SOA question to each name server (lame check)',
      '53',
    )
    .option('--no-lame-check', 'skip asking each name server directly whether it serves the zone')
    .option('--depth <n>', "levels of providers' own dependencies (1: direct only)", '2')
    .option(
      '--providers <file>',
      'more providers, or ones that replace built-in entries (YAML or JSON)',
    )
    .option('--ca-hard', 'make CA edges hard (clients that fail closed on revocation checks)')
    .option('--records <file>', 'replay a records file instead of asking the network')
    .option('--save-records <file>', 'write every observation to a records file')
    .option('--evidence <file>', 'write the per-site evidence (JSON)')
    .option('--timeout <duration>', 'per question, e.g. 2s or 500ms', '2s')
    .option('--concurrency <n>', 'questions in flight at once', '8')
    .option('--strict', 'exit 2, writing nothing, when any question went unanswered')
    .addOption(
      new Option('-f, --format <format>', 'manifest format')
        .choices(['yaml', 'json'])
        .default('yaml'),
    )
    .option('-o, --output <file>', 'write the manifest to a file (atomically) instead of stdout')
    .addHelpText(
      'after',
      '\nExample:\n  blast-radius discover github.com shop.example --save-records dns.json -o discovered.yaml\n' +
        '  blast-radius analyze discovered.yaml',
    )
    .action(async (domains: string[], options: DiscoverCliOptions) =>
      context.run(async () =>
        (await import('../commands/discover.js')).runDiscover(context.io, domains, options),
      ),
    );
}

function collect(value: string, previous: string[] | undefined): string[] {
  return [...(previous ?? []), value];
}
