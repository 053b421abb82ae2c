// What one question asked of the network returned: a DNS query (through the resolver, or straight
// to a name server for the lame check) or a TLS handshake. Observations are all `discover` knows;
// saved to a records file they replay the same discovery offline.

export type QueryType = 'A' | 'AAAA' | 'CNAME' | 'NS' | 'SOA';

/** One resource record; SOA data is `mname rname serial`, names lower case without the dot. */
export interface RecordData {
  name: string;
  type: string;
  ttl: number;
  data: string;
}

export interface DnsObservation {
  kind: 'dns';
  /** `IP:PORT` asked. */
  server: string;
  name: string;
  type: QueryType;
  /** Recursion desired: asked of the resolver (true) or of a name server directly (false). */
  recursive: boolean;
  /** The response code (NOERROR, NXDOMAIN, REFUSED…) when an answer came back. */
  rcode?: string;
  /** Why no answer came back (timeout, unreachable, not in the records). */
  error?: string;
  authoritative?: boolean;
  answers: RecordData[];
  authority: RecordData[];
  /** When it was asked (ISO time); only in records files, never in a manifest. */
  at?: string;
}

/** What a TLS handshake showed of a site's certificate. */
export interface CertificateFacts {
  issuerOrganization?: string;
  issuerCommonName?: string;
  subjectAltNames: string[];
  ocspHosts: string[];
  crlHosts: string[];
  /** The certificate asks for a stapled OCSP response (TLS feature, status_request). */
  mustStaple: boolean;
}

export interface TlsObservation {
  kind: 'tls';
  /** `IP:PORT` connected to. */
  server: string;
  /** The server name sent (SNI). */
  name: string;
  error?: string;
  certificate?: CertificateFacts;
  /** The server stapled an OCSP response. */
  stapled?: boolean;
  at?: string;
}

export type Observation = DnsObservation | TlsObservation;

export function observationKey(observation: Observation): string {
  return observation.kind === 'dns'
    ? dnsKey(observation.server, observation.name, observation.type, observation.recursive)
    : tlsKey(observation.server, observation.name);
}

export function dnsKey(server: string, name: string, type: QueryType, recursive: boolean): string {
  return `dns ${server} ${recursive ? 'rd' : 'norec'} ${type} ${name}`;
}

export function tlsKey(server: string, name: string): string {
  return `tls ${server} ${name}`;
}

/** The records of `type` owned by `name` in an answer section. */
export function recordsOf(
  records: readonly RecordData[],
  name: string,
  type: string,
): RecordData[] {
  return records.filter((record) => record.name === name && record.type === type);
}

export interface SoaFields {
  mname: string;
  rname: string;
  serial: number;
}

export function soaFields(record: RecordData): SoaFields {
  const [mname = '', rname = '', serial = '0'] = record.data.split(' ');
  return { mname, rname, serial: Number(serial) };
}
