// The records file: every observation of a run with the settings that shaped the questions
// (resolvers, ports, hosts), so `--records FILE` asks the same questions of the file instead of
// the network and writes the same manifest.

import type { Observation } from './observation.js';

export const RECORDS_FORMAT = 'blast-radius-discover-records';

export interface RecordsSettings {
  domains: string[];
  resolvers: string[];
  hosts: string[];
  nsPort: number;
  tlsPort: number;
}

export interface RecordsDocument extends RecordsSettings {
  format: typeof RECORDS_FORMAT;
  version: 1;
  observations: Observation[];
}

export class RecordsFileError extends Error {
  readonly code = 'ERECORDS';
  constructor(file: string, message: string) {
    super(`${file}: ${message}`);
    this.name = 'RecordsFileError';
  }
}

export function renderRecords(
  settings: RecordsSettings,
  observations: readonly Observation[],
): string {
  const document: RecordsDocument = {
    format: RECORDS_FORMAT,
    version: 1,
    ...settings,
    observations: [...observations],
  };
  return `${JSON.stringify(document, null, 1)}\n`;
}

export function parseRecords(file: string, text: string): RecordsDocument {
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch (error) {
    throw new RecordsFileError(file, `not JSON (${(error as Error).message})`);
  }
  const fail = (message: string) => new RecordsFileError(file, message);
  if (!isRecord(document) || document['format'] !== RECORDS_FORMAT || document['version'] !== 1) {
    throw fail(`not a records file (expected "format": "${RECORDS_FORMAT}", "version": 1)`);
  }
  for (const key of ['domains', 'resolvers', 'hosts'] as const) {
    const value = document[key];
    if (!Array.isArray(value) || !value.every((each) => typeof each === 'string')) {
      throw fail(`"${key}" must be a list of strings`);
    }
  }
  for (const key of ['nsPort', 'tlsPort'] as const) {
    if (!Number.isInteger(document[key])) throw fail(`"${key}" must be a port number`);
  }
  const observations = document['observations'];
  if (!Array.isArray(observations)) throw fail('"observations" must be a list');
  observations.forEach((observation, i) =>
    checkObservation(observation, (m) => fail(`observations[${i}]: ${m}`)),
  );
  return document as unknown as RecordsDocument;
}

function checkObservation(value: unknown, fail: (message: string) => Error): void {
  if (!isRecord(value)) throw fail('expected an object');
  if (typeof value['server'] !== 'string' || typeof value['name'] !== 'string') {
    throw fail('"server" and "name" must be strings');
  }
  if (value['kind'] === 'tls') {
    const certificate = value['certificate'];
    if (certificate === undefined) return;
    if (!isRecord(certificate)) throw fail('"certificate" must be an object');
    for (const key of ['subjectAltNames', 'ocspHosts', 'crlHosts']) {
      if (!stringList(certificate[key]))
        throw fail(`"certificate.${key}" must be a list of strings`);
    }
    return;
  }
  if (value['kind'] !== 'dns') throw fail('"kind" must be dns or tls');
  if (!['A', 'AAAA', 'CNAME', 'NS', 'SOA'].includes(value['type'] as string))
    throw fail('bad "type"');
  for (const key of ['answers', 'authority']) {
    const records = value[key];
    if (!Array.isArray(records)) throw fail(`"${key}" must be a list`);
    for (const record of records) {
      if (
        !isRecord(record) ||
        typeof record['name'] !== 'string' ||
        typeof record['type'] !== 'string' ||
        typeof record['data'] !== 'string' ||
        !Number.isInteger(record['ttl'])
      ) {
        throw fail(`"${key}" holds a record without name, type, ttl and data`);
      }
    }
  }
}

function stringList(value: unknown): boolean {
  return Array.isArray(value) && value.every((each) => typeof each === 'string');
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
