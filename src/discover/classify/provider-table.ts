// Lookups in the provider table: which provider a name-server host, a CNAME target or an OCSP/CRL
// host belongs to (the longest label-aligned suffix wins, entries from --providers before the
// built-in ones), and which provider an SOA contact gives away.

import { hasSuffix } from '../domain-names.js';
import { BUILTIN_PROVIDERS } from './builtin-providers.js';
import type { ProviderEntry, ProviderKind, ProviderTableData } from './provider-entry.js';

export interface ProviderTable {
  version: string;
  /** The name's provider of this kind, or undefined. */
  match(kind: ProviderKind, name: string): ProviderEntry | undefined;
  /** The DNS provider an SOA's MNAME or RNAME names, or undefined. */
  matchSoa(mname: string, rname: string): ProviderEntry | undefined;
  /** The provider the Webdep output calls `key`. */
  byWebdepKey(kind: ProviderKind, key: string): ProviderEntry | undefined;
  byId(kind: ProviderKind, id: string): ProviderEntry | undefined;
}

export function providerTable(extra: readonly ProviderEntry[] = []): ProviderTable {
  return buildTable(BUILTIN_PROVIDERS, extra);
}

export function buildTable(
  data: ProviderTableData,
  extra: readonly ProviderEntry[],
): ProviderTable {
  // Extra entries take over a built-in entry of the same kind and id, and win suffix ties.
  const extraKeys = new Set(extra.map((entry) => `${entry.kind}:${entry.id}`));
  const builtin = data.providers.filter((entry) => !extraKeys.has(`${entry.kind}:${entry.id}`));
  const ordered = [...extra, ...builtin];
  const bySuffix = new Map<string, ProviderEntry>();
  const byWebdep = new Map<string, ProviderEntry>();
  const byId = new Map<string, ProviderEntry>();
  for (const entry of ordered) {
    byId.set(`${entry.kind}:${entry.id}`, byId.get(`${entry.kind}:${entry.id}`) ?? entry);
    for (const suffix of entry.suffixes) {
      const key = `${entry.kind} ${suffix}`;
      if (!bySuffix.has(key)) bySuffix.set(key, entry);
    }
    for (const key of entry.webdep) {
      const webdepKey = `${entry.kind} ${key}`;
      if (!byWebdep.has(webdepKey)) byWebdep.set(webdepKey, entry);
    }
  }
  const soaRules = ordered.filter((entry) => entry.kind === 'dns' && entry.soa.length > 0);
  const match = (kind: ProviderKind, name: string): ProviderEntry | undefined => {
    // Longest suffix first: walk the name's suffixes from the whole name up.
    for (let rest: string | undefined = name; rest !== undefined;) {
      const entry = bySuffix.get(`${kind} ${rest}`);
      if (entry) return entry;
      const dot = rest.indexOf('.');
      rest = dot < 0 ? undefined : rest.slice(dot + 1);
    }
    return undefined;
  };
  return {
    version: extra.length === 0 ? data.version : `${data.version}+local`,
    match,
    matchSoa: (mname, rname) =>
      soaRules.find((entry) =>
        entry.soa.some((contact) => hasSuffix(rname, contact) || hasSuffix(mname, contact)),
      ) ?? (mname === '' ? undefined : match('dns', mname)),
    byWebdepKey: (kind, key) => byWebdep.get(`${kind} ${key}`),
    byId: (kind, id) => byId.get(`${kind}:${id}`),
  };
}
