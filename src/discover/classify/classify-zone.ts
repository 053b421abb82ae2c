// Private or third-party, and which provider, for each name server of a zone; then the zone's
// provider groups. A name server in the owner's own domain is private unless the zone's SOA
// gives a provider away (a vanity name); the table comes next, then the SOA of the name server's
// own domain. Unknown is not third-party: it stays its own provider. Lame servers add nothing.

import { mailboxDomain, registrableDomain } from '../domain-names.js';
import type { ProviderClass, ProviderRef } from '../discovered-model.js';
import { uniqueRefs } from '../discovered-model.js';
import type { NsCheck, ZoneFacts } from '../resolve/name-walk.js';
import type { SoaFields } from '../resolve/observation.js';
import type { ProviderEntry } from './provider-entry.js';
import { entryRef, unknownDnsRef } from './provider-refs.js';
import type { ProviderTable } from './provider-table.js';

/** Whom the zone serves: a site (its registrable domain and certificate names) or a provider. */
export interface Owner {
  domain: string;
  sanDomains: ReadonlySet<string>;
  /** A provider's company: name servers of the same company are its own. */
  company?: string;
  /** The owner's own DNS as a service. */
  self: ProviderRef;
}

export type How = 'table' | 'soa' | 'domain' | 'san' | 'none';

export interface NameServerVerdict {
  host: string;
  class: ProviderClass;
  ref: ProviderRef;
  how: How;
  check: NsCheck;
  why?: string;
}

export interface ZoneVerdict {
  zone: string;
  nameServers: NameServerVerdict[];
  /** The providers that really serve the zone (lame ones left out), sorted by id. */
  groups: ProviderRef[];
  warnings: string[];
  /** Name-server domains no rule identified. */
  unmatched: string[];
}

export function classifyZone(facts: ZoneFacts, owner: Owner, table: ProviderTable): ZoneVerdict {
  const nameServers = facts.nameServers.map((server) => {
    const verdict = classifyHost(server.host, server.domainSoa, facts.soa, owner, table);
    return { host: server.host, ...verdict, check: server.check, why: server.why };
  });
  const warnings: string[] = [];
  for (const server of nameServers) {
    if (server.check !== 'lame') continue;
    warnings.push(
      `zone ${facts.zone}: name server ${server.host} is lame (${server.why ?? 'no answer'}); it adds no redundancy`,
    );
  }
  let serving = nameServers.filter((server) => server.check !== 'lame');
  if (serving.length === 0 && nameServers.length > 0) {
    warnings.push(`zone ${facts.zone}: every name server failed the lame check; keeping them all`);
    serving = nameServers;
  }
  const unmatched = nameServers
    .filter((server) => server.class === 'unknown')
    .map((server) => registrableDomain(server.host));
  return {
    zone: facts.zone,
    nameServers,
    groups: uniqueRefs(serving.map((server) => server.ref)),
    warnings,
    unmatched: [...new Set(unmatched)].sort(),
  };
}

function classifyHost(
  host: string,
  domainSoa: SoaFields | undefined,
  zoneSoa: SoaFields | undefined,
  owner: Owner,
  table: ProviderTable,
): { class: ProviderClass; ref: ProviderRef; how: How } {
  const domain = registrableDomain(host);
  const listed = table.match('dns', host);
  if (domain === owner.domain || owner.sanDomains.has(domain)) {
    if (listed) return fromEntry(listed, owner, 'table');
    const vanity = zoneSoa && table.matchSoa(zoneSoa.mname, zoneSoa.rname);
    if (vanity && vanity.provider !== owner.company) return fromEntry(vanity, owner, 'soa');
    return { class: 'private', ref: owner.self, how: domain === owner.domain ? 'domain' : 'san' };
  }
  if (listed) return fromEntry(listed, owner, 'table');
  if (domainSoa) {
    const named = table.matchSoa(domainSoa.mname, domainSoa.rname);
    if (named) return fromEntry(named, owner, 'soa');
    if (zoneSoa && sameContact(domainSoa, zoneSoa)) {
      return { class: 'private', ref: owner.self, how: 'soa' };
    }
  }
  return { class: 'unknown', ref: unknownDnsRef(domain), how: 'none' };
}

function fromEntry(entry: ProviderEntry, owner: Owner, how: How) {
  const own = owner.company !== undefined && entry.provider === owner.company;
  return own
    ? { class: 'private' as const, ref: entryRef(entry, 'private'), how }
    : { class: 'third' as const, ref: entryRef(entry), how };
}

/** The same administrator: the same registrable domain in the SOA MNAME or RNAME. */
function sameContact(a: SoaFields, b: SoaFields): boolean {
  const contact = (soa: SoaFields) => registrableDomain(mailboxDomain(soa.rname));
  return registrableDomain(a.mname) === registrableDomain(b.mname) || contact(a) === contact(b);
}
