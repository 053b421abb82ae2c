// One site's requirements from what every vantage point saw: the DNS providers of its zone
// (one: hard; several, or private and third together: any_of), of every other zone its names
// pass through before a CDN, the CDN that serves each host, and the CA behind its certificate
// (soft unless --ca-hard, or a must-staple certificate served without a staple).

import { registrableDomain, serviceId } from '../domain-names.js';
import {
  mergeRequirements,
  minTtl,
  uniqueRefs,
  type DiscoveredSite,
  type ProviderRef,
  type Requirement,
} from '../discovered-model.js';
import type { Hop, ZoneFacts } from '../resolve/name-walk.js';
import type { TlsObservation } from '../resolve/observation.js';
import { classifyZone, type Owner, type ZoneVerdict } from './classify-zone.js';
import type { ProviderEntry } from './provider-entry.js';
import { entryRef, issuerCaRef, selfDnsRef } from './provider-refs.js';
import type { ProviderTable } from './provider-table.js';
import { hostEvidence, recordZone, type SiteEvidence } from './site-evidence.js';
import type { VantageObservation } from './site-observation.js';

/** What a provider was seen doing, for the next level: its zones and the names to walk. */
export interface ProviderWork {
  ref: ProviderRef;
  entry?: ProviderEntry;
  zones: ZoneFacts[];
  names: string[];
}

export interface SiteClassification {
  site: DiscoveredSite;
  evidence: SiteEvidence;
  work: ProviderWork[];
  warnings: string[];
  unmatched: { kind: 'dns' | 'cdn' | 'ca'; suffix: string }[];
}

export interface SiteOptions {
  caHard: boolean;
}

export function classifySite(
  domain: string,
  vantages: readonly VantageObservation[],
  table: ProviderTable,
  options: SiteOptions,
): SiteClassification {
  const id = serviceId('site', domain);
  const siteDomain = registrableDomain(domain);
  const sanDomains = new Set<string>();
  for (const vantage of vantages) {
    for (const host of vantage.hosts) {
      for (const name of host.tls?.certificate?.subjectAltNames ?? []) {
        sanDomains.add(registrableDomain(name.replace(/^\*\./, '')));
      }
    }
  }
  const owner: Owner = { domain: siteDomain, sanDomains, self: selfDnsRef(siteDomain) };
  const out: SiteClassification = {
    site: { domain, id, requirements: [] },
    evidence: { domain, id, zones: [], hosts: [], unresolved: [] },
    work: [],
    warnings: [],
    unmatched: [],
  };
  const requirements: Requirement[] = [];
  const siteZoneGroups: ProviderRef[] = [];
  const cdnsByHost = new Map<string, ProviderRef[]>();
  const zoneVerdicts = new Map<string, ZoneVerdict>();
  const verdict = (vantage: string, facts: ZoneFacts): ZoneVerdict => {
    const key = `${vantage} ${facts.zone}`;
    let found = zoneVerdicts.get(key);
    if (!found) {
      found = classifyZone(facts, owner, table);
      zoneVerdicts.set(key, found);
      recordZone(out.evidence, vantage, facts, found);
    }
    return found;
  };
  let siteZoneTtl: number | undefined;
  for (const vantage of vantages) {
    const unresolved = (what: string, why: string) =>
      out.evidence.unresolved.push({ vantage: vantage.vantage, what, why });
    if (vantage.zone) {
      siteZoneGroups.push(...verdict(vantage.vantage, vantage.zone).groups);
      if (vantage.zone.nameServers.length === 0) {
        unresolved(`zone ${vantage.zone.zone}`, vantage.zone.problems.join('; ') || 'no NS');
      }
    } else {
      unresolved(`zone of ${domain}`, vantage.zoneProblem ?? 'unknown');
    }
    for (const host of vantage.hosts) {
      const facts = host.facts;
      if (facts.problem !== undefined) unresolved(host.host, facts.problem);
      const { cdn, cdnFrom } = servingCdn(facts.hops, table);
      for (const [i, hop] of facts.hops.entries()) {
        const zone = facts.zones.find((each) => each.zone === hop.zone);
        if (!zone) continue;
        if (zone.zone === vantage.zone?.zone) {
          siteZoneTtl = minTtl(siteZoneTtl, hop.ttl);
          continue;
        }
        if (cdn && i >= cdnFrom) continue; // the CDN's own names: its dependencies, not the site's
        const zoneVerdict = verdict(vantage.vantage, zone);
        const inZone = facts.hops.filter((each) => each.zone === zone.zone);
        requirements.push({
          alternatives: zoneVerdict.groups,
          soft: false,
          ttl: Math.min(...inZone.map((each) => each.ttl)),
          why: `${host.host} via zone ${zone.zone}`,
        });
        const hopDomain = registrableDomain(hop.name);
        if (i > 0 && hopDomain !== siteDomain && !sanDomains.has(hopDomain)) {
          out.unmatched.push({ kind: 'cdn', suffix: hopDomain });
        }
      }
      if (cdn) {
        const ref = entryRef(cdn);
        cdnsByHost.set(host.host, [...(cdnsByHost.get(host.host) ?? []), ref]);
        const owned = facts.hops.slice(cdnFrom);
        addWork(
          out.work,
          ref,
          cdn,
          owned.flatMap((hop) => facts.zones.filter((z) => z.zone === hop.zone)),
          [],
        );
      }
      if (host.tls?.error !== undefined) unresolved(`TLS ${host.host}`, host.tls.error);
      const tls = host.tls ? caOf(host.tls, table, options) : undefined;
      if (tls?.requirement) requirements.push(tls.requirement);
      if (tls?.ref) addWork(out.work, tls.ref, tls.entry, [], tls.names);
      for (const suffix of tls?.unmatched ?? []) out.unmatched.push({ kind: 'ca', suffix });
      out.evidence.hosts.push(hostEvidence(vantage.vantage, host, cdn, tls?.ref));
    }
  }
  if (siteZoneGroups.length > 0) {
    requirements.push({
      alternatives: uniqueRefs(siteZoneGroups),
      soft: false,
      ttl: siteZoneTtl,
      why: `zone ${vantages.find((v) => v.zone)?.zone?.zone ?? domain}`,
    });
  }
  for (const [host, refs] of cdnsByHost) {
    requirements.push({ alternatives: uniqueRefs(refs), soft: false, why: `CDN of ${host}` });
  }
  for (const each of zoneVerdicts.values()) {
    out.warnings.push(...each.warnings);
    for (const suffix of each.unmatched) out.unmatched.push({ kind: 'dns', suffix });
  }
  for (const verdictRefs of zoneVerdicts.values()) {
    for (const server of verdictRefs.nameServers) {
      if (server.class === 'private') continue;
      addWork(out.work, server.ref, table.byId('dns', server.ref.id.slice(4)), [], [server.host]);
    }
  }
  for (const item of out.evidence.unresolved) {
    out.warnings.push(`${domain}: ${item.what}: ${item.why}`);
  }
  out.site.requirements = mergeRequirements(requirements);
  out.warnings = [...new Set(out.warnings)].sort();
  return out;
}

/** The CDN of a chain: the last hop a CDN suffix matches, and the first hop of that CDN's run. */
function servingCdn(hops: readonly Hop[], table: ProviderTable) {
  let cdn: ProviderEntry | undefined;
  let cdnFrom = -1;
  hops.forEach((hop, i) => {
    const entry = table.match('cdn', hop.name);
    if (!entry) return;
    if (cdnFrom < 0) cdnFrom = i;
    cdn = entry;
  });
  return { cdn: cdn as ProviderEntry | undefined, cdnFrom };
}

function caOf(tls: TlsObservation, table: ProviderTable, options: SiteOptions) {
  const certificate = tls.certificate;
  if (!certificate) return undefined;
  const hosts = [...certificate.ocspHosts, ...certificate.crlHosts];
  const entry = hosts.map((host) => table.match('ca', host)).find((each) => each !== undefined);
  const issuer = certificate.issuerOrganization ?? certificate.issuerCommonName;
  const ref = entry ? entryRef(entry) : issuer !== undefined ? issuerCaRef(issuer) : undefined;
  const unmatched = entry ? [] : [...new Set(hosts.map(registrableDomain))];
  if (!ref) return { unmatched, names: hosts };
  const unstapled = certificate.mustStaple && tls.stapled !== true;
  const requirement: Requirement = {
    alternatives: [ref],
    soft: !(options.caHard || unstapled),
    why: unstapled
      ? `certificate of ${tls.name} (must-staple, no staple)`
      : `certificate of ${tls.name}`,
  };
  return { ref, entry, requirement, unmatched, names: hosts };
}

function addWork(
  work: ProviderWork[],
  ref: ProviderRef,
  entry: ProviderEntry | undefined,
  zones: readonly ZoneFacts[],
  names: readonly string[],
): void {
  let item = work.find((each) => each.ref.id === ref.id);
  if (!item) {
    item = { ref, entry, zones: [], names: [] };
    work.push(item);
  }
  for (const zone of zones)
    if (!item.zones.some((each) => each.zone === zone.zone)) item.zones.push(zone);
  for (const name of names) if (!item.names.includes(name)) item.names.push(name);
}
