// Walks one name through one resolver: its CNAME chain hop by hop (capped, loops caught), the
// zone each name on the chain lives in (found from the SOA the resolver returns), and each
// zone's NS set, SOA, and whether each name server really answers for it (the lame check).

import { hasSuffix, isPublicSuffix, parentName, registrableDomain } from '../domain-names.js';
import type { Endpoint } from './dns-wire.js';
import type { Lookup } from './lookup.js';
import {
  recordsOf,
  soaFields,
  type DnsObservation,
  type SoaFields,
  type TlsObservation,
} from './observation.js';

export interface WalkOptions {
  nsPort: number;
  lameCheck: boolean;
  /** Most CNAME hops followed before the chain counts as too long. */
  maxHops: number;
}

export type NsCheck = 'answers' | 'lame' | 'unverified' | 'skipped';

export interface NameServerFacts {
  host: string;
  /** Whether the server answers authoritatively for the zone, and why not. */
  check: NsCheck;
  why?: string;
  /** The SOA of the name server's own registrable domain (undefined when none came back). */
  domainSoa?: SoaFields;
}

export interface ZoneFacts {
  zone: string;
  soa?: SoaFields;
  nameServers: NameServerFacts[];
  /** What could not be found out, in words. */
  problems: string[];
}

export interface Hop {
  name: string;
  type: 'CNAME' | 'A' | 'AAAA';
  ttl: number;
  data: string;
  zone?: string;
}

export interface NameFacts {
  name: string;
  /** The names of the chain in order, each with the record it owns. */
  hops: Hop[];
  addresses: string[];
  /** The name does not exist (NXDOMAIN at its first hop). */
  missing: boolean;
  /** Why the chain stopped early (a loop, too long, no answer). */
  problem?: string;
  zones: ZoneFacts[];
}

export interface NameWalker {
  name(name: string): Promise<NameFacts>;
  zoneOf(name: string): Promise<{ zone?: string; problem?: string }>;
  zone(zone: string): Promise<ZoneFacts>;
  tls(facts: NameFacts, port: number): Promise<TlsObservation | undefined>;
}

export function nameWalker(lookup: Lookup, resolver: Endpoint, options: WalkOptions): NameWalker {
  const ask = (name: string, type: 'A' | 'AAAA' | 'CNAME' | 'NS' | 'SOA') =>
    lookup.dns(resolver, name, type, true);
  const zones = new Map<string, Promise<ZoneFacts>>();

  const zoneOf = async (start: string): Promise<{ zone?: string; problem?: string }> => {
    for (let name: string | undefined = start; name !== undefined; name = parentName(name)) {
      const answer = await ask(name, 'SOA');
      if (answer.error !== undefined) return { problem: `SOA ${name}: ${answer.error}` };
      if (answer.rcode !== 'NOERROR' && answer.rcode !== 'NXDOMAIN') {
        return { problem: `SOA ${name}: ${answer.rcode}` };
      }
      // An alias is never a zone apex: its zone is its parent's.
      if (recordsOf(answer.answers, name, 'CNAME').length > 0) continue;
      const cut =
        recordsOf(answer.answers, name, 'SOA')[0] ??
        answer.authority.find((record) => record.type === 'SOA' && hasSuffix(start, record.name));
      if (!cut) continue;
      // A TLD's SOA answers for a name that does not exist: that is no zone of the name's own.
      if (isPublicSuffix(cut.name)) return { problem: `${start} is in no zone of its own` };
      return { zone: cut.name };
    }
    return { problem: `no zone found for ${start}` };
  };

  const zone = (apex: string): Promise<ZoneFacts> => {
    let pending = zones.get(apex);
    if (!pending) {
      pending = zoneFacts(apex);
      zones.set(apex, pending);
    }
    return pending;
  };

  const zoneFacts = async (apex: string): Promise<ZoneFacts> => {
    const problems: string[] = [];
    const [soaAnswer, nsAnswer] = await Promise.all([ask(apex, 'SOA'), ask(apex, 'NS')]);
    const soaRecord = recordsOf(soaAnswer.answers, apex, 'SOA')[0];
    if (!soaRecord) problems.push(`SOA ${apex}: ${failure(soaAnswer)}`);
    const hosts = [...new Set(recordsOf(nsAnswer.answers, apex, 'NS').map((r) => r.data))].sort();
    if (hosts.length === 0) problems.push(`NS ${apex}: ${failure(nsAnswer)}`);
    const nameServers = await Promise.all(
      hosts.slice(0, 16).map((host) => nameServer(apex, host, soaRecord !== undefined)),
    );
    return { zone: apex, soa: soaRecord && soaFields(soaRecord), nameServers, problems };
  };

  const nameServer = async (apex: string, host: string, zoneKnown: boolean) => {
    const domain = registrableDomain(host);
    const domainAnswer = await ask(domain, 'SOA');
    const domainRecord = recordsOf(domainAnswer.answers, domain, 'SOA')[0];
    const facts: NameServerFacts = {
      host,
      check: 'skipped',
      domainSoa: domainRecord && soaFields(domainRecord),
    };
    if (!options.lameCheck || !zoneKnown) return facts;
    const addresses = recordsOf((await ask(host, 'A')).answers, host, 'A').map((r) => r.data);
    const address = addresses.sort()[0];
    if (address === undefined) return { ...facts, check: 'unverified' as const, why: 'no address' };
    const direct = await lookup.dns({ host: address, port: options.nsPort }, apex, 'SOA', false);
    return { ...facts, ...lameVerdict(direct, apex) };
  };

  const name = async (start: string): Promise<NameFacts> => {
    const hops: Hop[] = [];
    const seen = new Set<string>();
    let current = start;
    let problem: string | undefined;
    let missing = false;
    for (;;) {
      if (seen.has(current)) {
        problem = `CNAME loop at ${current}`;
        break;
      }
      seen.add(current);
      const answer = await ask(current, 'CNAME');
      if (answer.error !== undefined) {
        problem = `CNAME ${current}: ${answer.error}`;
        break;
      }
      const alias = recordsOf(answer.answers, current, 'CNAME')[0];
      if (!alias) {
        if (answer.rcode === 'NXDOMAIN') missing = hops.length === 0;
        if (answer.rcode === 'NXDOMAIN' && hops.length > 0) problem = `${current} does not exist`;
        break;
      }
      if (hops.length >= options.maxHops) {
        problem = `CNAME chain longer than ${options.maxHops} hops`;
        break;
      }
      hops.push({ name: current, type: 'CNAME', ttl: alias.ttl, data: alias.data });
      current = alias.data;
    }
    const addresses: string[] = [];
    if (problem === undefined && !missing) {
      for (const type of ['A', 'AAAA'] as const) {
        const answer = await ask(current, type);
        const found = recordsOf(answer.answers, current, type).sort((a, b) => a.ttl - b.ttl);
        if (found.length === 0) continue;
        hops.push({ name: current, type, ttl: found[0]!.ttl, data: found[0]!.data });
        addresses.push(...found.map((record) => record.data).sort());
        break;
      }
    }
    const zoneNames = await Promise.all(hops.map((hop) => zoneOf(hop.name)));
    const facts: ZoneFacts[] = [];
    for (const [i, found] of zoneNames.entries()) {
      hops[i]!.zone = found.zone;
      if (found.zone === undefined) problem ??= found.problem;
      else if (!facts.some((each) => each.zone === found.zone)) facts.push(await zone(found.zone));
    }
    return { name: start, hops, addresses, missing, problem, zones: facts };
  };

  return {
    name,
    zoneOf,
    zone,
    tls: async (facts, port) => {
      const address = facts.addresses[0];
      if (address === undefined) return undefined;
      return lookup.tls({ host: address, port }, facts.name);
    },
  };
}

function failure(answer: DnsObservation): string {
  return (
    answer.error ?? (answer.rcode === 'NOERROR' ? 'no records' : (answer.rcode ?? 'no answer'))
  );
}

/** A name server that refuses, does not answer authoritatively or has no SOA is lame. */
function lameVerdict(answer: DnsObservation, apex: string): { check: NsCheck; why?: string } {
  if (answer.error !== undefined) return { check: 'unverified', why: answer.error };
  if (answer.rcode !== 'NOERROR') return { check: 'lame', why: answer.rcode };
  if (!answer.authoritative) return { check: 'lame', why: 'not authoritative' };
  if (recordsOf(answer.answers, apex, 'SOA').length === 0) return { check: 'lame', why: 'no SOA' };
  return { check: 'answers' };
}
