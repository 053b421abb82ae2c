// Valid manifests shared by the loader tests and the schema test, with realistic names.

/** The README's manifest example, with every service it mentions declared. */
export const SHOP = `# yaml-language-server: $schema=../../schema/manifest.schema.json
version: 1
name: acme-shop
defaults: { sla: 99.9 }
services:
  web:
    entrypoint: true
    kind: service
    owner: team-web
    tier: critical
    tags: [checkout]
    cost_per_hour: 25000
    rto: 15m
    depends_on:
      - api
      - { service: analytics, soft: true }
      - { any_of: [cdn-cloudflare, cdn-cloudfront] }
      - { quorum: 2, of: [etcd-a, etcd-b, etcd-c] }
  api:
    depends_on: [payments-db, s3-use1]
  analytics: {}
  cdn-cloudflare: { kind: cdn, provider: cloudflare }
  cdn-cloudfront: { kind: cdn, provider: aws }
  etcd-a: { zone: use1-az1 }
  etcd-b: { zone: use1-az2 }
  etcd-c: { zone: use1-az3 }
  payments-db:
    kind: datastore
    owner: team-payments
    recovery_time: 2h
  s3-use1:
    kind: storage
    provider: aws
    region: us-east-1
    zone: use1-az1
    sla: 99.99
    recovery_time: 4h
  status-page:
    kind: monitoring
    monitors: [web, api]
    depends_on: [s3-use1]
`;

/** Ids that are also names of Object.prototype members: ordinary ids all the same. */
export const PROTOTYPE_IDS = `version: 1
services:
  __proto__:
    depends_on: [constructor, hasOwnProperty]
  constructor:
    depends_on: [toString]
  hasOwnProperty: { kind: service }
  toString: {}
  valueOf:
    depends_on: [{ any_of: [__proto__, constructor] }]
`;

/** Every duration form. */
export const DURATIONS = `version: 1
defaults: { recovery_time: 2d }
services:
  search-api: { rto: 90 }
  search-index: { rto: 90s }
  orders-db: { rto: 15m }
  ledger-db: { rto: 4h, recovery_time: 1.5h }
  cold-archive: { rto: 0 }
`;

/** A policy using every rule and setting. */
export const POLICY = `version: 1
policy:
  defaults: false
  rules:
    - rule: no-spof
      severity: error
      scope: [tier=critical, checkout]
    - { rule: no-spof, severity: off, scope: internal-tools }
    - { rule: no-domain-spof, level: region, scope: tier=critical }
    - rule: max-blast-radius
      severity: warn
      max: { services: 20, entrypoints: 1, cost_per_hour: 5000.5 }
    - { rule: independent-monitoring }
    - { rule: cold-start, severity: warn }
    - { rule: no-unknown-sla, severity: warn, scope: provider=aws }
services:
  checkout: { entrypoint: true, tier: critical, depends_on: [orders-db] }
  internal-tools: { entrypoint: true, depends_on: [orders-db] }
  orders-db: { provider: aws, region: eu-west-1, sla: 99.95 }
`;

/** Recovery objectives (general and per tier) and copies of data. */
export const RECOVERY = `version: 1
policy:
  objectives:
    component: { rto: 15m, rpo: 5m }
    zone: { rto: 30m }
    region: { rto: 4h, rpo: 1h }
    provider: { rpo: 1d }
    critical:
      region: { rto: 1h, rpo: 1m }
services:
  checkout: { entrypoint: true, tier: critical, depends_on: [orders-db] }
  orders-db:
    kind: datastore
    provider: aws
    region: us-east-1
    recovery_time: 1h
    copies:
      - { to: orders-db-usw2, every: 1s }
      - { to: backups-use1, every: 24h }
  orders-db-usw2: { provider: aws, region: us-west-2 }
  backups-use1: { provider: aws, region: us-east-1, copies: [{ to: vault }] }
  vault: {}
`;

export const GOOD_MANIFESTS: Readonly<Record<string, string>> = {
  SHOP,
  PROTOTYPE_IDS,
  DURATIONS,
  POLICY,
  RECOVERY,
};
