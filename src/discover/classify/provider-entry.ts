// One row of the provider table: a DNS, CDN or CA provider, the name suffixes that identify it,
// and the company behind it (the `provider:` label, so one company is one failure domain).

export type ProviderKind = 'dns' | 'cdn' | 'ca';

export interface ProviderEntry {
  kind: ProviderKind;
  /** Stable id within its kind: the service id is `<kind>:<id>`. */
  id: string;
  /** Display name. */
  name: string;
  /** The company: the `provider:` label of the service. */
  provider: string;
  /** Label-aligned suffixes: NS hosts (dns), CNAME targets (cdn), OCSP/CRL hosts (ca). */
  suffixes: string[];
  /** SOA RNAME or MNAME suffixes that give a zone away as hosted here (vanity NS names). */
  soa: string[];
  /** Keys under which the Webdep 2023 output names this provider. */
  webdep: string[];
}

export interface ProviderTableData {
  version: string;
  source: string;
  providers: ProviderEntry[];
}
