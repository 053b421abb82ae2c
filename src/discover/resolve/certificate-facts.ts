// The facts of a certificate that name providers: the issuer, the OCSP hosts (Authority
// Information Access), the CRL hosts (CRL Distribution Points, which Node does not expose, so a
// small DER walk reads them) and whether it demands a stapled OCSP response (TLS feature).

import type { X509Certificate } from 'node:crypto';
import { normalizeName } from '../domain-names.js';
import type { CertificateFacts } from './observation.js';

// Object identifiers as DER bytes (tag 06, length, value).
const CRL_DISTRIBUTION_POINTS = Buffer.from([0x06, 0x03, 0x55, 0x1d, 0x1f]);
const TLS_FEATURE = Buffer.from([0x06, 0x08, 0x2b, 0x06, 0x01, 0x05, 0x05, 0x07, 0x01, 0x18]);
const URI_TAG = 0x86;

export function certificateFacts(certificate: X509Certificate): CertificateFacts {
  const issuer = fields(certificate.issuer);
  const raw = certificate.raw;
  const crlValue = extensionValue(raw, CRL_DISTRIBUTION_POINTS);
  const featureValue = extensionValue(raw, TLS_FEATURE);
  return {
    issuerOrganization: issuer.get('O'),
    issuerCommonName: issuer.get('CN'),
    subjectAltNames: dnsNames(certificate.subjectAltName ?? ''),
    ocspHosts: sortedUnique(ocspUrls(certificate.infoAccess ?? '').map(urlHost)),
    crlHosts: sortedUnique((crlValue ? uris(crlValue) : []).map(urlHost)),
    // status_request is feature 5: INTEGER 5 inside the SEQUENCE.
    mustStaple:
      featureValue !== undefined && featureValue.includes(Buffer.from([0x02, 0x01, 0x05])),
  };
}

function fields(text: string): Map<string, string> {
  const map = new Map<string, string>();
  for (const line of text.split('\n')) {
    const at = line.indexOf('=');
    if (at > 0 && !map.has(line.slice(0, at))) map.set(line.slice(0, at), line.slice(at + 1));
  }
  return map;
}

function dnsNames(san: string): string[] {
  const names = san
    .split(', ')
    .filter((entry) => entry.startsWith('DNS:'))
    .map((entry) => normalizeName(entry.slice(4).replace(/^"|"$/g, '')));
  return sortedUnique(names);
}

function ocspUrls(infoAccess: string): string[] {
  return infoAccess
    .split('\n')
    .filter((line) => line.startsWith('OCSP - URI:'))
    .map((line) => line.slice('OCSP - URI:'.length).replace(/^"|"$/g, ''));
}

function urlHost(url: string): string {
  try {
    return normalizeName(new URL(url).hostname);
  } catch {
    return '';
  }
}

function sortedUnique(values: readonly string[]): string[] {
  return [...new Set(values.filter((value) => value !== ''))].sort();
}

interface Element {
  tag: number;
  start: number;
  end: number;
}

/** The tag-length-value element at `offset`, or undefined when it runs past `limit`. */
function element(der: Buffer, offset: number, limit: number): Element | undefined {
  if (offset + 2 > limit) return undefined;
  const tag = der[offset]!;
  let length = der[offset + 1]!;
  let start = offset + 2;
  if (length & 0x80) {
    const count = length & 0x7f;
    if (count === 0 || count > 4 || start + count > limit) return undefined;
    length = 0;
    for (let i = 0; i < count; i += 1) length = length * 256 + der[start + i]!;
    start += count;
  }
  return start + length > limit ? undefined : { tag, start, end: start + length };
}

/** The OCTET STRING value of the extension whose OID bytes are `oid`. */
function extensionValue(der: Buffer, oid: Buffer): Buffer | undefined {
  const at = der.indexOf(oid);
  if (at < 0) return undefined;
  let next = element(der, at + oid.length, der.length);
  if (next?.tag === 0x01) next = element(der, next.end, der.length); // the critical flag
  return next?.tag === 0x04 ? der.subarray(next.start, next.end) : undefined;
}

/** Every URI (context tag 6) inside a DER value, walked with an explicit stack. */
function uris(value: Buffer): string[] {
  const found: string[] = [];
  const stack: [number, number][] = [[0, value.length]];
  while (stack.length > 0) {
    const [offset, limit] = stack.pop()!;
    const item = element(value, offset, limit);
    if (!item) continue;
    if (item.end < limit) stack.push([item.end, limit]);
    if (item.tag === URI_TAG) found.push(value.subarray(item.start, item.end).toString('latin1'));
    else if (item.tag & 0x20) stack.push([item.start, item.end]); // constructed: look inside
  }
  return found;
}
