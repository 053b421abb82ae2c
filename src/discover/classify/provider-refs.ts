// Provider services by kind: a table entry, a site's own DNS (`dns-self:<domain>`, no company
// label), a name-server domain no rule identifies (`dns:<domain>`, its own failure domain), or a
// CA known only by its issuer's organisation.

import { serviceId } from '../domain-names.js';
import type { ProviderRef } from '../discovered-model.js';
import type { ProviderEntry } from './provider-entry.js';

export function entryRef(
  entry: ProviderEntry,
  providerClass: 'private' | 'third' = 'third',
): ProviderRef {
  return {
    id: serviceId(entry.kind, entry.id),
    kind: entry.kind,
    company: entry.provider,
    name: entry.name,
    class: providerClass,
  };
}

export function selfDnsRef(domain: string): ProviderRef {
  return {
    id: serviceId('dns-self', domain),
    kind: 'dns',
    name: `${domain} (own DNS)`,
    class: 'private',
  };
}

export function unknownDnsRef(domain: string): ProviderRef {
  return {
    id: serviceId('dns', domain),
    kind: 'dns',
    company: labelOf(domain),
    name: domain,
    class: 'unknown',
  };
}

export function issuerCaRef(organization: string): ProviderRef {
  const slug = organization
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 100);
  const id = slug === '' ? 'unnamed' : slug;
  return { id: serviceId('ca', id), kind: 'ca', company: id, name: organization, class: 'third' };
}

/** A domain as a `provider:` label: what DNS data may hold beyond a host name becomes `-`. */
function labelOf(domain: string): string {
  return domain.replace(/[^A-Za-z0-9._-]+/g, '-').slice(0, 200) || 'unnamed';
}
