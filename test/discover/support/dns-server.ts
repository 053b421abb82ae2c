// A small authoritative DNS server for tests, on the loopback address: it serves fixture records
// (owner TTL TYPE data) as a real server would (answers with AA, CNAMEs chased inside its data,
// NXDOMAIN and NODATA with the zone's SOA in the authority section), or refuses every question
// (a lame name server), or never answers (a resolver that is down).

import { createSocket, type Socket } from 'node:dgram';
import { readFileSync } from 'node:fs';
import * as packet from 'dns-packet';

export interface FixtureRecord {
  name: string;
  ttl: number;
  type: 'A' | 'AAAA' | 'CNAME' | 'NS' | 'SOA';
  data: string;
}

export type Behaviour = 'serve' | 'refuse' | 'silent';

export interface DnsServer {
  port: number;
  address: string;
  close(): Promise<void>;
}

const AA = 1 << 10;
const RCODE = { NOERROR: 0, NXDOMAIN: 3, REFUSED: 5 } as const;

export function readZoneFile(file: string): FixtureRecord[] {
  const records: FixtureRecord[] = [];
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    const text = line.replace(/;.*/, '').trim();
    if (text === '') continue;
    const [name, ttl, type, ...data] = text.split(/\s+/);
    records.push({
      name: name!,
      ttl: Number(ttl),
      type: type as FixtureRecord['type'],
      data: data.join(' '),
    });
  }
  return records;
}

export async function startDnsServer(
  records: readonly FixtureRecord[],
  options: { address?: string; port?: number; behaviour?: Behaviour } = {},
): Promise<DnsServer> {
  const socket: Socket = createSocket('udp4');
  const behaviour = options.behaviour ?? 'serve';
  socket.on('message', (message, remote) => {
    if (behaviour === 'silent') return;
    let query: packet.Packet;
    try {
      query = packet.decode(message);
    } catch {
      return;
    }
    const question = query.questions?.[0];
    if (!question) return;
    const response =
      behaviour === 'refuse'
        ? { flags: RCODE.REFUSED, answers: [], authorities: [] }
        : answer(records, question.name.toLowerCase(), question.type);
    const encoded = packet.encode({
      type: 'response',
      id: query.id,
      flags: response.flags,
      questions: [question],
      answers: response.answers,
      authorities: response.authorities,
    });
    socket.send(encoded, remote.port, remote.address);
  });
  await new Promise<void>((resolve, reject) => {
    socket.once('error', reject);
    socket.bind(options.port ?? 0, options.address ?? '127.0.0.1', () => resolve());
  });
  const { port, address } = socket.address();
  return { port, address, close: () => new Promise((resolve) => socket.close(() => resolve())) };
}

function answer(records: readonly FixtureRecord[], name: string, type: string) {
  const zone = zoneOf(records, name);
  if (zone === undefined) return { flags: RCODE.REFUSED, answers: [], authorities: [] };
  const answers: packet.Answer[] = [];
  const seen = new Set<string>();
  let current = name;
  for (let hops = 0; hops < 20 && !seen.has(current); hops += 1) {
    seen.add(current);
    const direct = records.filter((r) => r.name === current && r.type === type);
    if (direct.length > 0) {
      answers.push(...direct.map(toAnswer));
      return { flags: AA | RCODE.NOERROR, answers, authorities: [] };
    }
    const alias = records.find((r) => r.name === current && r.type === 'CNAME');
    if (!alias) break;
    answers.push(toAnswer(alias));
    current = alias.data;
  }
  if (answers.length > 0) return { flags: AA | RCODE.NOERROR, answers, authorities: [] };
  const soa = records.filter((r) => r.name === zoneOf(records, current) && r.type === 'SOA');
  const exists = records.some((r) => r.name === current || r.name.endsWith(`.${current}`));
  return {
    flags: AA | (exists ? RCODE.NOERROR : RCODE.NXDOMAIN),
    answers: [],
    authorities: soa.map(toAnswer),
  };
}

function zoneOf(records: readonly FixtureRecord[], name: string): string | undefined {
  for (let rest: string | undefined = name; rest !== undefined;) {
    if (records.some((r) => r.name === rest && r.type === 'SOA')) return rest;
    const dot: number = rest.indexOf('.');
    rest = dot < 0 ? undefined : rest.slice(dot + 1);
  }
  return undefined;
}

function toAnswer(record: FixtureRecord): packet.Answer {
  if (record.type === 'SOA') {
    const [mname, rname, serial] = record.data.split(' ');
    return {
      name: record.name,
      type: 'SOA',
      ttl: record.ttl,
      data: {
        mname: mname!,
        rname: rname!,
        serial: Number(serial),
        refresh: 3600,
        retry: 600,
        expire: 604800,
        minimum: 60,
      },
    };
  }
  return {
    name: record.name,
    type: record.type,
    ttl: record.ttl,
    data: record.data,
  } as packet.Answer;
}
