// The evidence of one site, as the --evidence file shows it: the zones with each name server's
// class and how it was decided, each hostname's chain with its TTLs and ride-out time, the TLS
// facts, and what stayed unresolved.

import type { ProviderRef } from '../discovered-model.js';
import type { Hop, ZoneFacts } from '../resolve/name-walk.js';
import type { HostObservation } from './site-observation.js';
import type { ZoneVerdict } from './classify-zone.js';
import type { ProviderEntry } from './provider-entry.js';
import { entryRef } from './provider-refs.js';

export interface SiteEvidence {
  domain: string;
  id: string;
  zones: ZoneEvidence[];
  hosts: HostEvidence[];
  unresolved: { vantage: string; what: string; why: string }[];
}

export interface ZoneEvidence {
  vantage: string;
  zone: string;
  soa: { mname: string; rname: string; serial: number } | null;
  nameServers: {
    host: string;
    class: string;
    provider: string;
    how: string;
    check: string;
    why?: string;
  }[];
}

export interface HostEvidence {
  vantage: string;
  host: string;
  exists: boolean;
  chain: Hop[];
  addresses: string[];
  cdn: string | null;
  rideOutSeconds: number | null;
  note?: string;
  tls?: {
    server: string;
    error?: string;
    issuer?: string;
    ocspHosts?: string[];
    crlHosts?: string[];
    stapled?: boolean;
    mustStaple?: boolean;
    ca?: string;
  };
}

export function recordZone(
  evidence: SiteEvidence,
  vantage: string,
  facts: ZoneFacts,
  verdict: ZoneVerdict,
) {
  evidence.zones.push({
    vantage,
    zone: facts.zone,
    soa: facts.soa ?? null,
    nameServers: verdict.nameServers.map((server) => ({
      host: server.host,
      class: server.class,
      provider: server.ref.id,
      how: server.how,
      check: server.check,
      ...(server.why === undefined ? {} : { why: server.why }),
    })),
  });
}

export function hostEvidence(
  vantage: string,
  host: HostObservation,
  cdn: ProviderEntry | undefined,
  ca: ProviderRef | undefined,
): HostEvidence {
  const facts = host.facts;
  const ttls = facts.hops.map((hop) => hop.ttl);
  const evidence: HostEvidence = {
    vantage,
    host: host.host,
    exists: !facts.missing,
    chain: facts.hops,
    addresses: facts.addresses,
    cdn: cdn ? entryRef(cdn).id : null,
    rideOutSeconds: ttls.length > 0 ? Math.min(...ttls) : null,
  };
  if (!cdn && facts.hops.length === 1 && facts.hops[0]!.type !== 'CNAME') {
    evidence.note = 'no CNAME: any CDN is hidden (a flattened apex or alias record looks the same)';
  }
  if (host.tls) {
    const certificate = host.tls.certificate;
    evidence.tls = {
      server: host.tls.server,
      ...(host.tls.error === undefined ? {} : { error: host.tls.error }),
      ...(certificate
        ? {
            issuer: certificate.issuerOrganization ?? certificate.issuerCommonName ?? '',
            ocspHosts: certificate.ocspHosts,
            crlHosts: certificate.crlHosts,
            stapled: host.tls.stapled === true,
            mustStaple: certificate.mustStaple,
            ...(ca ? { ca: ca.id } : {}),
          }
        : {}),
    };
  }
  return evidence;
}
