// `blast-radius discover DOMAIN…`: the third-party DNS, CDN and CA providers behind a list of
// domains, as a manifest. Reads the options and files, runs the discovery (live or from a records
// file), prints warnings and the unmatched suffixes on stderr, and writes the manifest, the
// evidence and the records atomically.

import { getServers } from 'node:dns';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
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
import { UsageError } from '../errors.js';
import type { Outcome } from '../exit-code.js';
import { writeResult, type CliIO } from '../io.js';
import { createProgress } from '../progress.js';
import { parseCount } from '../shared-options.js';

export interface DiscoverCliOptions {
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

/** Asks the resolvers (or replays a records file) and writes the providers found as a manifest. */
export async function runDiscover(
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
