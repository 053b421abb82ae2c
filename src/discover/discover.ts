// Discovery from start to finish: walk every domain and its hostnames through every resolver,
// probe TLS where asked, classify each site, follow providers to --depth, and return the model,
// the per-site evidence and the warnings. All I/O goes through the Lookup, so a records file
// replays it exactly; results are assembled in domain order, whatever order answers came in.

import { classifySite } from './classify/classify-site.js';
import type { SiteEvidence } from './classify/site-evidence.js';
import type { VantageObservation } from './classify/site-observation.js';
import { indirectDependencies, mergeWork } from './classify/indirect.js';
import type { ProviderTable } from './classify/provider-table.js';
import {
  compare,
  type DiscoveredModel,
  type DiscoveredSite,
  type ProviderDependency,
  type UnmatchedSuffix,
} from './discovered-model.js';
import { MAX_NAME_LENGTH } from './domain-names.js';
import { endpointText, type Endpoint } from './resolve/dns-wire.js';
import type { Lookup } from './resolve/lookup.js';
import { nameWalker, type NameWalker } from './resolve/name-walk.js';

export interface DiscoverOptions {
  /** Normalised, valid domain names. */
  domains: string[];
  /** Hostnames per domain: `@` is the domain itself, anything else a label in front of it. */
  hosts: string[];
  resolvers: Endpoint[];
  lookup: Lookup;
  table: ProviderTable;
  depth: number;
  tls: boolean;
  tlsPort: number;
  nsPort: number;
  lameCheck: boolean;
  caHard: boolean;
  maxHops: number;
  onProgress?: (done: number, total: number) => void;
}

export interface DiscoveryResult {
  model: DiscoveredModel;
  evidence: SiteEvidence[];
  warnings: string[];
  /** Questions that got no answer (timeouts, refused connections, missing from the records). */
  failures: number;
}

export async function discover(options: DiscoverOptions): Promise<DiscoveryResult> {
  const walkers = options.resolvers.map((resolver) => ({
    vantage: endpointText(resolver),
    walker: nameWalker(options.lookup, resolver, {
      nsPort: options.nsPort,
      lameCheck: options.lameCheck,
      maxHops: options.maxHops,
    }),
  }));
  const domains = [...new Set(options.domains)].sort(compare);
  let done = 0;
  const observed = await Promise.all(
    domains.map(async (domain) => {
      const vantages = await Promise.all(
        walkers.map(({ vantage, walker }) => observeSite(domain, vantage, walker, options)),
      );
      options.onProgress?.((done += 1), domains.length);
      return { domain, vantages };
    }),
  );
  const sites: DiscoveredSite[] = [];
  const evidence: SiteEvidence[] = [];
  const warnings: string[] = [];
  const unmatched = new Map<string, UnmatchedSuffix>();
  const count = (kind: UnmatchedSuffix['kind'], suffix: string) => {
    const key = `${kind} ${suffix}`;
    const entry = unmatched.get(key) ?? { kind, suffix, count: 0 };
    entry.count += 1;
    unmatched.set(key, entry);
  };
  const work = [];
  for (const { domain, vantages } of observed) {
    const classified = classifySite(domain, vantages, options.table, { caHard: options.caHard });
    sites.push(classified.site);
    evidence.push(classified.evidence);
    warnings.push(...classified.warnings);
    const perSite = new Set(classified.unmatched.map((each) => `${each.kind} ${each.suffix}`));
    for (const key of [...perSite].sort()) {
      const [kind, suffix] = key.split(' ') as [UnmatchedSuffix['kind'], string];
      count(kind, suffix);
    }
    work.push(...classified.work);
  }
  const indirect = await indirectDependencies(
    mergeWork(work),
    walkers.map(({ walker }) => walker),
    options.table,
    options.depth,
  );
  warnings.push(...indirect.warnings);
  for (const each of indirect.unmatched) count(each.kind, each.suffix);
  const failures = options.lookup
    .observations()
    .filter((observation) => observation.error !== undefined).length;
  return {
    model: {
      sites,
      providerDependencies: sortDependencies(indirect.dependencies),
      unmatched: [...unmatched.values()].sort(
        (a, b) => b.count - a.count || compare(a.kind, b.kind) || compare(a.suffix, b.suffix),
      ),
      caveats: caveats(options),
      tableVersion: options.table.version,
    },
    evidence,
    warnings: [...new Set(warnings)].sort(compare),
    failures,
  };
}

async function observeSite(
  domain: string,
  vantage: string,
  walker: NameWalker,
  options: DiscoverOptions,
): Promise<VantageObservation> {
  const found = await walker.zoneOf(domain);
  const zone = found.zone === undefined ? undefined : await walker.zone(found.zone);
  const names = options.hosts
    .map((host) => (host === '@' ? domain : `${host}.${domain}`))
    .filter((name) => name.length <= MAX_NAME_LENGTH);
  const hosts = await Promise.all(
    [...new Set(names)].map(async (host) => {
      const facts = await walker.name(host);
      const tls = options.tls ? await walker.tls(facts, options.tlsPort) : undefined;
      return { host, facts, ...(tls ? { tls } : {}) };
    }),
  );
  return { vantage, zone, zoneProblem: found.problem, hosts };
}

function sortDependencies(dependencies: readonly ProviderDependency[]): ProviderDependency[] {
  return [...dependencies].sort(
    (a, b) =>
      compare(a.from.id, b.from.id) ||
      compare(
        a.requirement.alternatives.map((ref) => ref.id).join(' '),
        b.requirement.alternatives.map((ref) => ref.id).join(' '),
      ),
  );
}

function caveats(options: DiscoverOptions): string[] {
  const resolvers = options.resolvers.map(endpointText).join(', ');
  return [
    `Seen through ${resolvers}: the child zones' own NS sets; CDN answers depend on where you ask from.`,
    'One provider is a hard edge, several are any_of; CA edges are ' +
      (options.caHard ? 'hard (--ca-hard).' : 'soft (browsers soft-fail OCSP).'),
    "A DNS edge tolerates its providers' outage for the shortest TTL of the answers it serves (resolvers answer from cache); comments give the other TTLs.",
  ];
}
