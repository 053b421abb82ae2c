// The Webdep pipeline's recorded classification (Kashaf et al., 2023: `rank,site,provider,class`
// rows for DNS, CDN and CA) turned into the same discovered model a live run produces: provider
// keys mapped through the same table, one provider a hard edge, several (or private and third
// together) any_of, CA edges soft. Its sites are those of the DNS file; ragged rows are skipped.

import { issuerCaRef, entryRef, selfDnsRef, unknownDnsRef } from './classify/provider-refs.js';
import type { ProviderTable } from './classify/provider-table.js';
import type { ProviderKind } from './classify/provider-entry.js';
import {
  compare,
  mergeRequirements,
  uniqueRefs,
  type DiscoveredModel,
  type ProviderRef,
  type Requirement,
} from './discovered-model.js';
import { nameProblem, normalizeName, registrableDomain, serviceId } from './domain-names.js';

export interface WebdepFiles {
  dns: string;
  cdn: string;
  ca: string;
}

export interface WebdepModel {
  model: DiscoveredModel;
  /** Rows read and rows skipped, per file. */
  counts: Record<keyof WebdepFiles, { rows: number; skipped: number }>;
}

type Row = string[];

export function webdepModel(files: WebdepFiles, table: ProviderTable): WebdepModel {
  const counts = {
    dns: { rows: 0, skipped: 0 },
    cdn: { rows: 0, skipped: 0 },
    ca: { rows: 0, skipped: 0 },
  };
  const rows = (kind: keyof WebdepFiles, minimum: number): Row[] => {
    const out: Row[] = [];
    for (const line of files[kind].split(/\r?\n/)) {
      if (line.trim() === '') continue;
      const fields = line.split(',').map((field) => field.trim());
      counts[kind].rows += 1;
      const site = normalizeName(fields[1] ?? '');
      if (fields.length < minimum || nameProblem(site) !== undefined || fields[2] === '') {
        counts[kind].skipped += 1;
        continue;
      }
      out.push(fields);
    }
    return out;
  };
  const refs = new Map<string, Map<ProviderKind, ProviderRef[]>>();
  const add = (site: string, kind: ProviderKind, ref: ProviderRef | undefined) => {
    if (!ref) return;
    const bySite = refs.get(site) ?? new Map<ProviderKind, ProviderRef[]>();
    refs.set(site, bySite);
    bySite.set(kind, [...(bySite.get(kind) ?? []), ref]);
  };
  for (const [, site, group, kind] of rows('dns', 4)) {
    add(normalizeName(site!), 'dns', dnsRef(site!, group!, kind!, table));
  }
  const sites = new Set(refs.keys());
  let outside = 0;
  for (const [, site, cdn, kind] of rows('cdn', 4)) {
    const name = normalizeName(site!);
    if (!sites.has(name)) outside += 1;
    else if (kind !== 'Pvt') add(name, 'cdn', cdnRef(cdn!, table));
  }
  for (const fields of rows('ca', 5)) {
    const name = normalizeName(fields[1]!);
    if (!sites.has(name)) outside += 1;
    else add(name, 'ca', caRef(fields, table));
  }
  const discovered = [...refs.entries()]
    .sort(([a], [b]) => compare(a, b))
    .map(([domain, byKind]) => ({
      domain,
      id: serviceId('site', domain),
      requirements: mergeRequirements(
        [...byKind.entries()].map(([kind, list]): Requirement => ({
          alternatives: uniqueRefs(list),
          soft: kind === 'ca',
          why: '',
        })),
      ),
    }));
  const model: DiscoveredModel = {
    sites: discovered,
    providerDependencies: [],
    unmatched: [],
    caveats: [
      `${discovered.length} sites; ${outside} CDN and CA rows of sites outside the DNS file left out; private CDNs left out.`,
      'One provider is a hard edge, several (or private and third-party DNS together) any_of; CA edges are soft.',
    ],
    tableVersion: table.version,
  };
  return { model, counts };
}

/** The recorded class decides: Pvt is the site's own DNS, unknown stays its own provider. */
function dnsRef(site: string, group: string, kind: string, table: ProviderTable): ProviderRef {
  if (kind === 'Pvt') return selfDnsRef(registrableDomain(normalizeName(site)));
  const name = normalizeName(group);
  if (kind !== 'Third') return unknownDnsRef(name);
  const entry = table.byWebdepKey('dns', group) ?? table.match('dns', name);
  return entry ? entryRef(entry) : { ...unknownDnsRef(name), class: 'third' };
}

function cdnRef(key: string, table: ProviderTable): ProviderRef {
  const entry = table.byWebdepKey('cdn', key.toLowerCase());
  if (entry) return entryRef(entry);
  const id = key.toLowerCase().replace(/[^a-z0-9.-]+/g, '-') || 'unnamed';
  return { id: serviceId('cdn', id), kind: 'cdn', company: id, name: key, class: 'third' };
}

/** `rank,site,caKey,class,stapling`, or `rank,site,ocspHost,caName,class,stapling`. */
function caRef(fields: Row, table: ProviderTable): ProviderRef {
  const key = fields[2]!;
  // Some rows carry the OCSP host where the CA key belongs.
  const entry =
    table.byWebdepKey('ca', key) ??
    (key.includes('.') ? table.match('ca', normalizeName(key)) : undefined);
  if (entry) return entryRef(entry);
  return issuerCaRef(fields.length >= 6 ? fields[3]! : key);
}
