// Indirect dependencies, level by level to --depth: the zones a provider's own names live in
// (a CDN's CNAME targets, a CA's OCSP and CRL hosts, a DNS provider's name-server domains) and
// the CDNs those names point to. Only third-party edges come out: a provider's own DNS, or DNS of
// the same company, is not a separate failure.

import { registrableDomain } from '../domain-names.js';
import {
  mergeRequirements,
  type ProviderDependency,
  type ProviderRef,
  type Requirement,
} from '../discovered-model.js';
import type { NameFacts, NameWalker, ZoneFacts } from '../resolve/name-walk.js';
import type { ProviderWork } from './classify-site.js';
import { classifyZone } from './classify-zone.js';
import { entryRef } from './provider-refs.js';
import type { ProviderTable } from './provider-table.js';

export interface IndirectResult {
  dependencies: ProviderDependency[];
  /** Every provider seen below the first level, by id. */
  providers: ProviderRef[];
  warnings: string[];
  unmatched: { kind: 'dns' | 'cdn'; suffix: string }[];
}

export async function indirectDependencies(
  direct: readonly ProviderWork[],
  walkers: readonly NameWalker[],
  table: ProviderTable,
  depth: number,
): Promise<IndirectResult> {
  const result: IndirectResult = { dependencies: [], providers: [], warnings: [], unmatched: [] };
  const done = new Set<string>();
  let level = mergeWork(direct);
  for (let current = 1; current < depth && level.length > 0; current += 1) {
    const next: ProviderWork[] = [];
    for (const item of level) {
      if (done.has(item.ref.id)) continue;
      done.add(item.ref.id);
      const found = await providerLevel(item, walkers, table);
      result.warnings.push(...found.warnings);
      result.unmatched.push(...found.unmatched);
      for (const requirement of found.requirements) {
        result.dependencies.push({ from: item.ref, requirement });
        result.providers.push(...requirement.alternatives);
      }
      next.push(...found.work);
    }
    level = mergeWork(next);
  }
  return result;
}

async function providerLevel(
  item: ProviderWork,
  walkers: readonly NameWalker[],
  table: ProviderTable,
) {
  const zones: ZoneFacts[] = [...item.zones];
  const chains: NameFacts[] = [];
  for (const walker of walkers) {
    for (const name of [...item.names].sort()) {
      const facts = await walker.name(name);
      chains.push(facts);
      for (const zone of facts.zones)
        if (!zones.some((z) => z.zone === zone.zone)) zones.push(zone);
    }
  }
  const requirements: Requirement[] = [];
  const work: ProviderWork[] = [];
  const warnings: string[] = [];
  const unmatched: { kind: 'dns' | 'cdn'; suffix: string }[] = [];
  const company = item.ref.company;
  const cdnZones = new Set<string>();
  for (const facts of chains) {
    const at = facts.hops.findIndex((hop) => table.match('cdn', hop.name) !== undefined);
    if (at < 0) continue;
    const entry =
      table.match('cdn', facts.hops.at(-1)!.name) ?? table.match('cdn', facts.hops[at]!.name)!;
    const owned = facts.hops.slice(at);
    for (const hop of owned) if (hop.zone !== undefined) cdnZones.add(hop.zone);
    if (entry.provider === company) continue;
    const ref = entryRef(entry);
    requirements.push({ alternatives: [ref], soft: false, why: `CDN of ${facts.name}` });
    const ownedZones = facts.zones.filter((zone) => owned.some((hop) => hop.zone === zone.zone));
    work.push({ ref, entry, zones: ownedZones, names: [] });
  }
  for (const zone of zones) {
    if (cdnZones.has(zone.zone) && !item.zones.includes(zone)) continue; // the CDN's, not ours
    const owner = {
      domain: registrableDomain(zone.zone),
      sanDomains: new Set<string>(),
      company,
      self: { ...item.ref, class: 'private' as const },
    };
    const verdict = classifyZone(zone, owner, table);
    warnings.push(...verdict.warnings);
    unmatched.push(...verdict.unmatched.map((suffix) => ({ kind: 'dns' as const, suffix })));
    // A provider that serves its own zone, alone or beside another, is no extra failure.
    if (verdict.groups.length === 0 || verdict.groups.some((ref) => ref.class === 'private'))
      continue;
    const ttls = chains.flatMap((facts) => facts.hops.filter((hop) => hop.zone === zone.zone));
    requirements.push({
      alternatives: verdict.groups,
      soft: false,
      ttl: ttls.length > 0 ? Math.min(...ttls.map((hop) => hop.ttl)) : undefined,
      why: `zone ${zone.zone}`,
    });
    for (const server of verdict.nameServers) {
      if (server.class === 'private') continue;
      work.push({
        ref: server.ref,
        entry: table.byId('dns', server.ref.id.slice(4)),
        zones: [],
        names: [server.host],
      });
    }
  }
  return { requirements: mergeRequirements(requirements), work, warnings, unmatched };
}

/** Work items for the same provider joined, in id order. */
export function mergeWork(items: readonly ProviderWork[]): ProviderWork[] {
  const byId = new Map<string, ProviderWork>();
  for (const item of items) {
    const earlier = byId.get(item.ref.id);
    if (!earlier) {
      byId.set(item.ref.id, { ...item, zones: [...item.zones], names: [...item.names] });
      continue;
    }
    for (const zone of item.zones)
      if (!earlier.zones.some((z) => z.zone === zone.zone)) earlier.zones.push(zone);
    for (const name of item.names) if (!earlier.names.includes(name)) earlier.names.push(name);
  }
  return [...byId.values()].sort((a, b) =>
    a.ref.id < b.ref.id ? -1 : a.ref.id > b.ref.id ? 1 : 0,
  );
}
