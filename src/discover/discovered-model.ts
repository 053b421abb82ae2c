// What discovery found, as plain data: the sites and providers that become services, the
// requirements between them (one provider: a hard edge; several: any_of), and per-site evidence.
// Both the live discovery and the Webdep 2023 example produce this; the manifest is written from it.

import type { ProviderKind } from './classify/provider-entry.js';

export type ProviderClass = 'private' | 'third' | 'unknown';

/** A provider service: `dns:route53`, `cdn:akamai`, `ca:letsencrypt`, `dns-self:shop.test`. */
export interface ProviderRef {
  /** The service id. */
  id: string;
  kind: ProviderKind;
  /** The company (the `provider:` label); none for a site's own DNS. */
  company?: string;
  /** Display name. */
  name: string;
  class: ProviderClass;
}

export interface Requirement {
  /** Sorted by id; one: a single dependency; several: any_of. */
  alternatives: ProviderRef[];
  soft: boolean;
  /** The shortest answer TTL (seconds) of the records this requirement serves, when known. */
  ttl?: number;
  /** Why, in words (`zone shop.test`, `www.shop.test via edgekey.net`). */
  why: string;
}

export interface DiscoveredSite {
  domain: string;
  id: string;
  requirements: Requirement[];
}

export interface ProviderDependency {
  from: ProviderRef;
  requirement: Requirement;
}

export interface UnmatchedSuffix {
  kind: ProviderKind;
  suffix: string;
  count: number;
}

export interface DiscoveredModel {
  sites: DiscoveredSite[];
  providerDependencies: ProviderDependency[];
  unmatched: UnmatchedSuffix[];
  /** Lines for the manifest header. */
  caveats: string[];
  tableVersion: string;
}

/** Requirements merged: one per set of alternatives (hard when either is hard, the shorter TTL). */
export function mergeRequirements(requirements: readonly Requirement[]): Requirement[] {
  const byKey = new Map<string, Requirement>();
  for (const requirement of requirements) {
    const alternatives = uniqueRefs(requirement.alternatives);
    if (alternatives.length === 0) continue;
    const key = alternatives.map((ref) => ref.id).join('\u0000');
    const earlier = byKey.get(key);
    if (!earlier) {
      byKey.set(key, { ...requirement, alternatives });
      continue;
    }
    earlier.soft &&= requirement.soft;
    // Unknown on either side stays unknown: a tolerance is never taken from the other one.
    earlier.ttl =
      earlier.ttl === undefined || requirement.ttl === undefined
        ? undefined
        : Math.min(earlier.ttl, requirement.ttl);
    if (!earlier.why.split('; ').includes(requirement.why)) {
      earlier.why = [...earlier.why.split('; '), requirement.why].sort().join('; ');
    }
  }
  return [...byKey.entries()].sort(([a], [b]) => compare(a, b)).map(([, value]) => value);
}

export function uniqueRefs(refs: readonly ProviderRef[]): ProviderRef[] {
  const byId = new Map<string, ProviderRef>();
  for (const ref of refs) if (!byId.has(ref.id)) byId.set(ref.id, ref);
  return [...byId.values()].sort((a, b) => compare(a.id, b.id));
}

export function minTtl(a: number | undefined, b: number | undefined): number | undefined {
  if (a === undefined) return b;
  if (b === undefined) return a;
  return Math.min(a, b);
}

export function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
