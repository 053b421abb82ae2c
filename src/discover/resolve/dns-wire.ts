// One DNS question on the wire (dns-packet over UDP, over TCP when the answer is truncated), with
// a timer. Every failure becomes a field of the observation, never an exception.

import { createSocket } from 'node:dgram';
import { isIPv6 } from 'node:net';
import { connect } from 'node:net';
import { randomInt } from 'node:crypto';
import * as packet from 'dns-packet';
import { normalizeName } from '../domain-names.js';
import type { DnsObservation, QueryType, RecordData } from './observation.js';

const RCODES = ['NOERROR', 'FORMERR', 'SERVFAIL', 'NXDOMAIN', 'NOTIMP', 'REFUSED'];
const AA = 1 << 10;
const TC = 1 << 9;
const RD = 1 << 8;

export interface Endpoint {
  host: string;
  port: number;
}

/** `IP`, `IP:PORT`, `[IPv6]:PORT` or a bare IPv6 address; undefined when it is none of these. */
export function parseEndpoint(text: string, defaultPort: number): Endpoint | undefined {
  const bracketed = /^\[([0-9a-fA-F:.]+)\](?::(\d{1,5}))?$/.exec(text);
  if (bracketed) return endpoint(bracketed[1]!, bracketed[2], defaultPort);
  if (isIPv6(text)) return { host: text, port: defaultPort };
  const plain = /^(\d{1,3}(?:\.\d{1,3}){3})(?::(\d{1,5}))?$/.exec(text);
  return plain ? endpoint(plain[1]!, plain[2], defaultPort) : undefined;
}

function endpoint(host: string, port: string | undefined, fallback: number): Endpoint | undefined {
  const number = port === undefined ? fallback : Number(port);
  return number > 0 && number < 65536 ? { host, port: number } : undefined;
}

export function endpointText({ host, port }: Endpoint): string {
  return isIPv6(host) ? `[${host}]:${port}` : `${host}:${port}`;
}

export async function queryWire(
  server: Endpoint,
  name: string,
  type: QueryType,
  recursive: boolean,
  timeoutMs: number,
): Promise<DnsObservation> {
  const base = { kind: 'dns' as const, server: endpointText(server), name, type, recursive };
  const question: packet.Packet = {
    type: 'query',
    id: randomInt(65536),
    flags: recursive ? RD : 0,
    questions: [{ type, name }],
  };
  try {
    let response = await overUdp(server, packet.encode(question), timeoutMs);
    if ((response.flags ?? 0) & TC) response = await overTcp(server, question, timeoutMs);
    const flags = response.flags ?? 0;
    return {
      ...base,
      rcode: RCODES[flags & 15] ?? `RCODE${flags & 15}`,
      authoritative: (flags & AA) !== 0,
      answers: records(response.answers),
      authority: records(response.authorities),
    };
  } catch (error) {
    return { ...base, error: failure(error), answers: [], authority: [] };
  }
}

function failure(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  if (code === 'ETIMEOUT') return 'timeout';
  if (code === 'ECONNREFUSED') return 'connection refused';
  if (typeof code === 'string') return code;
  return 'malformed response';
}

function records(answers: readonly packet.Answer[] | undefined): RecordData[] {
  const out: RecordData[] = [];
  for (const answer of answers ?? []) {
    const text = recordText(answer);
    if (text === undefined) continue;
    out.push({
      name: normalizeName(answer.name),
      type: answer.type,
      ttl: ttlOf(answer),
      data: text,
    });
  }
  return out;
}

function ttlOf(answer: packet.Answer): number {
  return 'ttl' in answer && typeof answer.ttl === 'number' ? answer.ttl : 0;
}

function recordText(answer: packet.Answer): string | undefined {
  switch (answer.type) {
    case 'A':
    case 'AAAA':
      return answer.data;
    case 'CNAME':
    case 'NS':
      return normalizeName(answer.data);
    case 'SOA':
      return `${normalizeName(answer.data.mname)} ${normalizeName(answer.data.rname)} ${answer.data.serial ?? 0}`;
    default:
      return undefined;
  }
}

function timeoutError(): Error {
  return Object.assign(new Error('timeout'), { code: 'ETIMEOUT' });
}

function overUdp(server: Endpoint, query: Buffer, timeoutMs: number): Promise<packet.Packet> {
  return new Promise((resolve, reject) => {
    const socket = createSocket(isIPv6(server.host) ? 'udp6' : 'udp4');
    const id = query.readUInt16BE(0);
    const finish = (error: unknown, response?: packet.Packet) => {
      clearTimeout(timer);
      socket.close();
      if (response) resolve(response);
      else reject(error);
    };
    const timer = setTimeout(() => finish(timeoutError()), timeoutMs);
    socket.on('error', (error) => finish(error));
    socket.on('message', (message: Buffer) => {
      if (message.length < 12 || message.readUInt16BE(0) !== id) return; // not ours
      try {
        finish(undefined, packet.decode(message));
      } catch (error) {
        finish(error);
      }
    });
    socket.send(query, server.port, server.host, (error) => {
      if (error) finish(error);
    });
  });
}

function overTcp(
  server: Endpoint,
  question: packet.Packet,
  timeoutMs: number,
): Promise<packet.Packet> {
  return new Promise((resolve, reject) => {
    const socket = connect({ host: server.host, port: server.port });
    const chunks: Buffer[] = [];
    const finish = (error: unknown, response?: packet.Packet) => {
      clearTimeout(timer);
      socket.destroy();
      if (response) resolve(response);
      else reject(error);
    };
    const timer = setTimeout(() => finish(timeoutError()), timeoutMs);
    socket.on('error', (error) => finish(error));
    socket.on('connect', () => socket.write(packet.streamEncode(question)));
    socket.on('data', (data: Buffer) => {
      chunks.push(data);
      const all = Buffer.concat(chunks);
      if (all.length < 2 || all.length < 2 + all.readUInt16BE(0)) return;
      try {
        finish(undefined, packet.streamDecode(all));
      } catch (error) {
        finish(error);
      }
    });
    socket.on('end', () => finish(timeoutError()));
  });
}
