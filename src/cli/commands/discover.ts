// `blast-radius discover DOMAIN…`: the third-party DNS, CDN and CA providers behind a list of
// domains, as a manifest. Reads the options and files, runs the discovery (live or from a records
// file), prints warnings and the unmatched suffixes on stderr, and writes the manifest, the
// evidence and the records atomically.

import { getServers } from 'node:dns';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { Option, type Command } from 'commander';
import { parseProvidersFile } from '../../discover/classify/providers-file.js';
import { providerTable } from '../../discover/classify/provider-table.js';
import { discover } from '../../discover/discover.js';
import { isPublicSuffix, nameProblem, normalizeName } from '../../discover/domain-names.js';
import { renderEvidence } from '../../discover/emit/evidence.js';
import { renderManifest, type ManifestFormat } from '../../discover/emit/manifest-text.js';
import { endpointText, parseEndpoint, type Endpoint } from '../../discover/resolve/dns-wire.js';
import { liveLookup, replayLookup, type Lookup } from '../../discover/resolve/lookup.js';
import {
  parseRecords,
  renderRecords,
  type RecordsSettings,
} from '../../discover/resolve/records-file.js';
import { parseManifestText } from '../../manifest/load.js';
import { safeText } from '../../report/shared/safe-text.js';
import type { CommandContext } from '../command-context.js';
import { UsageError } from '../errors.js';
import type { Outcome } from '../exit-code.js';
import { writeResult, type CliIO } from '../io.js';
import { createProgress } from '../progress.js';
import { parseCount } from '../shared-options.js';

interface DiscoverCliOptions {
  domains?: string;
  resolver?: string[];
  hosts: string;
  tls?: boolean;
  tlsPort: string;
  nsPort: string;
  lameCheck: boolean;
  depth: string;
  providers?: string;
  caHard?: boolean;
  records?: string;
  saveRecords?: string;
  evidence?: string;
  timeout: string;
  concurrency: string;
  strict?: boolean;
  format: ManifestFormat;
  output?: string;
}

const MAX_HOPS = 16;

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
      context.run(() => runDiscover(context.io, domains, options)),
    );
}

function collect(value: string, previous: string[] | undefined): string[] {
  return [...(previous ?? []), value];
}

async function runDiscover(
  io: CliIO,
  args: string[],
  options: DiscoverCliOptions,
): Promise<Outcome> {
  const depth = parseCount(options.depth, '--depth');
  if (depth < 1) throw new UsageError('--depth takes 1 or more');
  const concurrency = parseCount(options.concurrency, '--concurrency');
  if (concurrency < 1) throw new UsageError('--concurrency takes 1 or more');
  parseTimeout(options.timeout); // a bad value is a usage error before any file is read
  const extra =
    options.providers === undefined
      ? []
      : parseProvidersFile(options.providers, await readText(io, options.providers));
  const table = providerTable(extra);
  const settings = await settingsFor(io, args, options);
  const { names, skipped } = validDomains(io, settings.domains);
  if (names.length === 0)
    throw new UsageError('no domain to discover (give DOMAIN… or --domains FILE)');
  const resolvers = settings.resolvers.map((text) => parseEndpoint(text, 53)!);
  const progress = createProgress(io, 'discovering');
  let result;
  try {
    result = await discover({
      domains: names,
      hosts: settings.hosts,
      resolvers,
      lookup: settings.lookup,
      table,
      depth,
      tls: options.tls ?? settings.tlsDefault,
      tlsPort: settings.tlsPort,
      nsPort: settings.nsPort,
      lameCheck: options.lameCheck,
      caHard: options.caHard === true,
      maxHops: MAX_HOPS,
      onProgress: progress.update,
    });
  } finally {
    progress.done();
  }
  for (const warning of result.warnings) io.stderr.write(`warning: ${safeText(warning)}\n`);
  if (result.model.unmatched.length > 0) {
    io.stderr.write('unmatched suffixes (add them with --providers FILE):\n');
    for (const each of result.model.unmatched) {
      io.stderr.write(`  ${each.kind.padEnd(3)} ${safeText(each.suffix)} ${each.count}\n`);
    }
  }
  if (options.strict && (result.failures > 0 || skipped > 0)) {
    io.stderr.write(
      `${result.failures} questions unanswered, ${skipped} names skipped; nothing written (--strict)\n`,
    );
    return 'input-error';
  }
  const what = `${names.length} ${names.length === 1 ? 'domain' : 'domains'} through ${settings.resolvers.join(', ')}`;
  const manifest = renderManifest(result.model, options.format, { what });
  // Our own loader checks what we wrote: a discovery bug must not reach a user's CI.
  parseManifestText(manifest, `discovered.${options.format}`);
  if (options.saveRecords !== undefined) {
    const recorded: RecordsSettings = { ...settings, domains: names };
    await writeResult(
      io,
      renderRecords(recorded, settings.lookup.observations()),
      options.saveRecords,
    );
  }
  if (options.evidence !== undefined) {
    const text = renderEvidence(result.model, result.evidence, settings.resolvers);
    await writeResult(io, text, options.evidence);
  }
  await writeResult(io, manifest, options.output);
  return 'ok';
}

interface Settings {
  domains: string[];
  resolvers: string[];
  hosts: string[];
  nsPort: number;
  tlsPort: number;
  lookup: Lookup;
  tlsDefault: boolean;
}

async function settingsFor(
  io: CliIO,
  args: string[],
  options: DiscoverCliOptions,
): Promise<Settings> {
  const listed =
    options.domains === undefined ? [] : domainLines(await readText(io, options.domains));
  const domains = [...args, ...listed];
  const hosts = options.hosts
    .split(',')
    .map((each) => each.trim())
    .filter((each) => each !== '');
  if (hosts.length === 0) throw new UsageError('--hosts needs at least one name (@ is the domain)');
  for (const host of hosts) {
    if (host !== '@' && nameProblem(normalizeName(host)) !== undefined) {
      throw new UsageError(`--hosts: "${host}" is not a host label`);
    }
  }
  const normalizedHosts = hosts.map((host) => (host === '@' ? host : normalizeName(host)));
  if (options.records !== undefined) {
    if (options.resolver !== undefined)
      throw new UsageError('--records replays its own resolvers; leave out --resolver');
    const records = parseRecords(options.records, await readText(io, options.records));
    for (const resolver of records.resolvers) {
      if (parseEndpoint(resolver, 53) === undefined)
        throw new UsageError(`${options.records}: bad resolver "${resolver}"`);
    }
    return {
      domains: domains.length > 0 ? domains : records.domains,
      resolvers: records.resolvers,
      hosts: domains.length > 0 || options.hosts !== '@,www' ? normalizedHosts : records.hosts,
      nsPort: records.nsPort,
      tlsPort: records.tlsPort,
      lookup: replayLookup(records.observations),
      tlsDefault: records.observations.some((observation) => observation.kind === 'tls'),
    };
  }
  const texts = options.resolver ?? systemResolvers();
  const resolvers: Endpoint[] = texts.map((text) => {
    const endpoint = parseEndpoint(text, 53);
    if (!endpoint) throw new UsageError(`--resolver takes IP or IP:PORT, not "${text}"`);
    return endpoint;
  });
  if (resolvers.length === 0) throw new UsageError('no resolver: give --resolver IP[:PORT]');
  return {
    domains,
    resolvers: [...new Set(resolvers.map(endpointText))],
    hosts: normalizedHosts,
    nsPort: port(options.nsPort, '--ns-port'),
    tlsPort: port(options.tlsPort, '--tls-port'),
    lookup: liveLookup({
      timeoutMs: parseTimeout(options.timeout),
      concurrency: parseCount(options.concurrency, '--concurrency'),
    }),
    tlsDefault: true,
  };
}

function systemResolvers(): string[] {
  return getServers();
}

function validDomains(io: CliIO, domains: readonly string[]): { names: string[]; skipped: number } {
  const names = new Set<string>();
  let skipped = 0;
  for (const domain of domains) {
    const name = normalizeName(domain.trim());
    const problem =
      nameProblem(name) ?? (isPublicSuffix(name) ? 'a public suffix, not a domain' : undefined);
    if (problem === undefined) {
      names.add(name);
      continue;
    }
    skipped += 1;
    io.stderr.write(`warning: skipping "${safeText(domain.slice(0, 300))}": ${problem}\n`);
  }
  return { names: [...names].sort(), skipped };
}

function domainLines(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.replace(/#.*/, '').trim())
    .filter((line) => line !== '');
}

async function readText(io: CliIO, file: string): Promise<string> {
  if (file === '-') return io.readStdin();
  try {
    return await readFile(path.resolve(io.cwd, file), 'utf8');
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    throw Object.assign(
      new Error(`${file}: ${code === 'ENOENT' ? 'no such file' : String(code ?? error)}`),
      {
        code: 'EINPUT',
      },
    );
  }
}

function port(text: string, option: string): number {
  const value = parseCount(text, option);
  if (value < 1 || value > 65535) throw new UsageError(`${option} takes a port from 1 to 65535`);
  return value;
}

function parseTimeout(text: string): number {
  const match = /^(\d+(?:\.\d+)?)(ms|s)?$/.exec(text);
  if (!match) throw new UsageError(`--timeout takes a duration like 2s or 500ms, not "${text}"`);
  const ms = Number(match[1]) * (match[2] === 'ms' ? 1 : 1000);
  if (ms < 1 || ms > 60_000) throw new UsageError('--timeout must be between 1ms and 60s');
  return ms;
}
