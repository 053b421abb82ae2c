#!/usr/bin/env node
// Deterministic generator of synthetic service-dependency manifests (docs/semantics.md, "The
// manifest") for benchmarks, in three graph shapes: B (layered, below), R (a deep random service
// graph, bench/shape-random.mjs) and I (an internet map of websites and their DNS/CDN/CA
// providers, bench/shape-internet.mjs).
//
// Shape B, for N services (N is exact), entry points → services → shared platform → cloud
// primitives, DNS/CDN/SaaS:
// - ~1% entry points (entrypoint: true, cost_per_hour), behind one or two DNS and CDN providers;
// - ~76% application services in layers, each depending on deeper layers only (plus planted
//   cycles), every service required by one of the layer above, so nearly all is reachable;
// - ~3% platform services with power-law fan-in (a few used by very many);
// - ~19% cloud primitives over aws/gcp/azure × 3 regions × 3 zones (sla, recovery_time), zonal
//   replicas grouped by `quorum`/`any_of`, all depending on their region's control plane;
// - a few monitors (the status page hosted on S3 in us-east-1), 18 DNS/CDN/SaaS providers.
// About 5 `depends_on` entries per service (~7 edges counting alternatives), ~21% of entries
// `any_of`/`quorum` groups, ~6% soft.
// Planted cycles: a few small SCCs that a cold start can still get through (a soft back-edge, or a
// group with an alternative outside the cycle) and two hard ones that block cold start.
//
// Output is streamed in chunks; the same options always give byte-identical output.

import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { pathToFileURL } from 'node:url';
import { Buffer } from 'node:buffer';
import { createRng, weightedIndex } from './random.mjs';
import { PROVIDERS, REGIONS, REGION_CUMULATIVE } from './regions.mjs';
import { anyOf, one, quorumOf } from './requirement.mjs';
import { randomServices } from './shape-random.mjs';
import { internetServices } from './shape-internet.mjs';

export { createRng };

/** Ids the generator produces always match the id rule. */
export const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._:/@-]{0,199}$/;

export const MIN_SERVICES = 100;

/** Per-provider service names, so ids read like the real thing. */
const PRIMITIVE_NAMES = {
  aws: {
    db: 'rds',
    compute: 'eks',
    cache: 'elasticache',
    storage: 's3',
    queue: 'sqs',
    kv: 'dynamodb',
  },
  gcp: {
    db: 'cloudsql',
    compute: 'gke',
    cache: 'memorystore',
    storage: 'gcs',
    queue: 'pubsub',
    kv: 'spanner',
  },
  azure: {
    db: 'sqldb',
    compute: 'aks',
    cache: 'redis',
    storage: 'blob',
    queue: 'servicebus',
    kv: 'cosmosdb',
  },
};

const PRIMITIVE_KIND = {
  db: 'datastore',
  compute: 'compute',
  cache: 'cache',
  storage: 'storage',
  queue: 'queue',
  kv: 'datastore',
};

// Share of the primitive budget each family takes; db and compute come as three zonal members.
const FAMILY_WEIGHTS = [
  ['db', 0.3],
  ['compute', 0.27],
  ['cache', 0.15],
  ['storage', 0.14],
  ['queue', 0.09],
  ['kv', 0.05],
];
const ZONAL_SETS = new Set(['db', 'compute']);
const ZONAL_SINGLES = new Set(['cache']);

const EXTERNALS = [
  { id: 'dns@route53', kind: 'dns', provider: 'aws', sla: 100 },
  { id: 'dns@cloudflare', kind: 'dns', provider: 'cloudflare', sla: 100 },
  { id: 'dns@dyn', kind: 'dns', provider: 'oracle-dyn', sla: 99.99 },
  { id: 'dns@ns1', kind: 'dns', provider: 'ns1', sla: 100 },
  { id: 'cdn@cloudfront', kind: 'cdn', provider: 'aws', sla: 99.9 },
  { id: 'cdn@cloudflare', kind: 'cdn', provider: 'cloudflare', sla: 100 },
  { id: 'cdn@fastly', kind: 'cdn', provider: 'fastly', sla: 99.99 },
  { id: 'cdn@akamai', kind: 'cdn', provider: 'akamai', sla: 100 },
  { id: 'saas@stripe', kind: 'saas', provider: 'stripe', sla: 99.99 },
  { id: 'saas@adyen', kind: 'saas', provider: 'adyen', sla: 99.95 },
  { id: 'saas@twilio', kind: 'saas', provider: 'twilio', sla: 99.95 },
  { id: 'saas@sendgrid', kind: 'saas', provider: 'twilio', sla: 99.95 },
  { id: 'saas@mailgun', kind: 'saas', provider: 'mailgun', sla: 99.99 },
  { id: 'saas@auth0', kind: 'saas', provider: 'okta', sla: 99.99 },
  { id: 'saas@okta', kind: 'saas', provider: 'okta', sla: 99.99 },
  { id: 'saas@datadog', kind: 'saas', provider: 'datadog', sla: 99.8 },
  { id: 'saas@pagerduty', kind: 'saas', provider: 'pagerduty', sla: 99.9 },
  { id: 'saas@github', kind: 'saas', provider: 'github', sla: 99.9 },
];
const DNS = EXTERNALS.filter((e) => e.kind === 'dns').map((e) => e.id);
const CDN = EXTERNALS.filter((e) => e.kind === 'cdn').map((e) => e.id);
const SAAS_PAIRS = [
  ['saas@stripe', 'saas@adyen'],
  ['saas@sendgrid', 'saas@mailgun'],
  ['saas@auth0', 'saas@okta'],
];
const SAAS_SINGLES = ['saas@twilio', 'saas@datadog', 'saas@pagerduty', 'saas@github'];

const ENTRY_NAMES = ['web', 'mobile-api', 'partner-api', 'checkout', 'admin', 'search', 'graphql'];
const PLATFORM_NAMES = [
  'auth',
  'config',
  'service-mesh',
  'api-gateway',
  'secrets',
  'feature-flags',
  'logging',
  'tracing',
  'metrics',
  'ratelimit',
  'service-registry',
  'identity',
  'kafka',
  'etcd',
  'scheduler',
  'object-cache',
];
const TIERS = ['critical', 'high', 'high', 'medium', 'medium', 'medium', 'low'];
const SLAS = [99.9, 99.95, 99.95, 99.99, 99.99, 99.999];
const RECOVERY = ['30m', '1h', '2h', '4h', '90m'];

function distinctPair(rng, array) {
  const first = rng.int(array.length);
  let second = rng.int(array.length - 1);
  if (second >= first) second++;
  return [array[first], array[second]];
}

// ---------------------------------------------------------------------------------------------
// Plan: everything that has to be known before writing (sizes, primitives, planted cycles)

const FAMILY_CUMULATIVE = FAMILY_WEIGHTS.reduce(
  (acc, [, w]) => [...acc, (acc.at(-1) ?? 0) + w],
  [],
);

function sizes(n) {
  const entry = Math.max(2, Math.round(n * 0.01));
  const platform = Math.max(4, Math.round(n * 0.03));
  const monitors = 3 + Math.min(Math.floor(n / 25000), 37);
  const primitives = Math.max(24, Math.round(n * 0.19));
  const app = n - entry - platform - monitors - primitives - EXTERNALS.length;
  return { entry, platform, monitors, primitives, app };
}

function planPrimitives(rng, budget) {
  const primitives = [];
  // families[regionIndex][family] = list of members (sets: arrays of three zonal ids)
  const families = REGIONS.map(() => ({
    db: [],
    compute: [],
    cache: [],
    storage: [],
    queue: [],
    kv: [],
  }));
  const counters = new Map();

  const add = (primitive) => primitives.push(primitive);
  for (const provider of PROVIDERS) {
    add({
      id: `${provider.name}:global:iam`,
      kind: 'iam',
      provider: provider.name,
      sla: 99.99,
      deps: [],
    });
  }
  REGIONS.forEach((region) => {
    add({
      id: controlPlaneId(region),
      kind: 'control-plane',
      provider: region.provider,
      region: region.name,
      sla: 99.99,
      deps: [one(`${region.provider}:global:iam`)],
    });
  });

  const addFamilyMember = (regionIndex, family) => {
    const region = REGIONS[regionIndex];
    const key = `${regionIndex}/${family}`;
    const k = counters.get(key) ?? 0;
    counters.set(key, k + 1);
    const base = `${region.provider}:${region.name}:${PRIMITIVE_NAMES[region.provider][family]}-${k}`;
    const common = {
      kind: PRIMITIVE_KIND[family],
      provider: region.provider,
      region: region.name,
      sla: rng.pick(SLAS),
      deps: [one(controlPlaneId(region))],
    };
    if (rng.chance(0.3)) common.recovery = rng.pick(RECOVERY);
    if (ZONAL_SETS.has(family)) {
      const set = region.zones.map((zone, z) => {
        const id = `${base}-${'abc'[z]}`;
        add({ ...common, id, zone });
        return id;
      });
      families[regionIndex][family].push(set);
    } else if (ZONAL_SINGLES.has(family)) {
      const zone = rng.pick(region.zones);
      add({ ...common, id: base, zone });
      families[regionIndex][family].push(base);
    } else {
      add({ ...common, id: base });
      families[regionIndex][family].push(base);
    }
  };

  // One of each family in aws us-east-1 first, so every family exists somewhere.
  for (const [family] of FAMILY_WEIGHTS) addFamilyMember(0, family);
  // DynamoDB in us-east-1 resolves its endpoint through Route 53 (the 2025-10-20 chain).
  primitives.find((p) => p.id === 'aws:us-east-1:dynamodb-0').deps.push(one('dns@route53'));

  while (primitives.length < budget) {
    let family = FAMILY_WEIGHTS[weightedIndex(rng, FAMILY_CUMULATIVE)][0];
    if (ZONAL_SETS.has(family) && budget - primitives.length < 3) family = 'storage';
    addFamilyMember(weightedIndex(rng, REGION_CUMULATIVE), family);
  }
  return { primitives, families };
}

function controlPlaneId(region) {
  return `${region.provider}:${region.name}:control-plane`;
}

function appId(i) {
  return `svc-${i}`;
}
function platformId(k) {
  return `platform/${PLATFORM_NAMES[k % PLATFORM_NAMES.length]}-${k}`;
}
function entryId(k) {
  return `ep.${ENTRY_NAMES[k % ENTRY_NAMES.length]}-${k}`;
}

// Relative layer sizes, top (called by entry points) to bottom: a thin edge layer, wider below.
const LAYER_WEIGHTS = [1, 2, 3, 3, 3, 3];

function planLayers(app) {
  const depth = Math.min(LAYER_WEIGHTS.length, Math.max(3, Math.floor(app / 20)));
  const weights = LAYER_WEIGHTS.slice(0, depth);
  const total = weights.reduce((a, b) => a + b, 0);
  const starts = [0];
  for (let l = 0, sum = 0; l < depth; l++) {
    sum += weights[l];
    starts.push(Math.floor((sum * app) / total));
  }
  const layerOf = (i) => {
    let l = 0;
    while (starts[l + 1] <= i) l++;
    return l;
  };
  return { depth, starts, layerOf };
}

/**
 * Planted cycles among application services, as extra requirements per service index. Members
 * are taken from distinct, fixed positions of consecutive layers so they never collide.
 */
function planCycles(rng, layers, primitiveFallback, n) {
  const forced = new Map();
  const used = new Set();
  const force = (i, requirement) => {
    if (!forced.has(i)) forced.set(i, []);
    forced.get(i).push(requirement);
  };
  const member = (layer) => {
    const lo = layers.starts[layer];
    const hi = layers.starts[layer + 1];
    for (;;) {
      const i = lo + rng.int(hi - lo);
      if (!used.has(i)) {
        used.add(i);
        return i;
      }
    }
  };
  const cycles = { blocking: 0, passable: 0 };

  // Two hard cycles that block cold start, near the top so they block few others.
  for (const layer of [0, 1]) {
    const a = member(layer);
    const b = member(layer + 1);
    force(a, one(appId(b)));
    force(b, one(appId(a)));
    cycles.blocking++;
  }
  // Small SCCs a cold start gets through: a soft back-edge, or a group with an outside escape.
  const passable = 3 + Math.min(Math.floor(n / 50000), 17);
  for (let c = 0; c < passable; c++) {
    const layer = c % (layers.depth - 2 > 0 ? layers.depth - 2 : 1);
    const a = member(layer);
    const b = member(layer + 1);
    if (c % 3 === 2) {
      force(a, anyOf([appId(b), primitiveFallback]));
      force(b, one(appId(a)));
    } else if (c % 3 === 1 && layer + 2 < layers.depth) {
      const d = member(layer + 2);
      force(a, one(appId(b)));
      force(b, one(appId(d)));
      force(d, one(appId(a), true));
    } else {
      force(a, one(appId(b)));
      force(b, one(appId(a), true));
    }
    cycles.passable++;
  }
  return { forced, cycles };
}

/** Everything decided before the first byte is written. */
export function planManifest({ services: n, seed }) {
  if (!Number.isInteger(n) || n < MIN_SERVICES) {
    throw new RangeError(`services must be an integer >= ${MIN_SERVICES}, got ${n}`);
  }
  const rng = createRng(seed);
  const counts = sizes(n);
  const { primitives, families } = planPrimitives(rng, counts.primitives);
  const layers = planLayers(counts.app);
  const fallback = families[0].storage[0];
  const { forced, cycles } = planCycles(rng, layers, fallback, n);
  return { n, seed, rng, counts, primitives, families, layers, forced, cycles };
}

// ---------------------------------------------------------------------------------------------
// Requirements of each layer

function pickFamily(rng, plan, regionIndex, family) {
  let members = plan.families[regionIndex][family];
  if (members.length === 0) members = plan.families[0][family];
  return members[rng.skewed(members.length, 2)];
}

function pushUnique(requirements, requirement) {
  if (requirement.type === 'one') {
    const id = requirement.ids[0];
    if (requirements.some((r) => r.type === 'one' && r.ids[0] === id)) return;
  }
  requirements.push(requirement);
}

function computeRequirement(rng, plan, regionIndex) {
  const set = pickFamily(rng, plan, regionIndex, 'compute');
  const u = rng.next();
  if (u < 0.55) return anyOf(set);
  if (u < 0.65) return anyOf(distinctPair(rng, set));
  if (u < 0.85) return one(rng.pick(set));
  return null;
}

function datastoreRequirement(rng, plan, regionIndex) {
  const u = rng.next();
  if (u < 0.05) return one(pickFamily(rng, plan, regionIndex, 'kv'));
  const set = pickFamily(rng, plan, regionIndex, 'db');
  if (u < 0.5) return quorumOf(2, set);
  if (u < 0.55) return quorumOf(3, set);
  if (u < 0.7) return anyOf(distinctPair(rng, set));
  return one(set[0]);
}

function storageRequirement(rng, plan, regionIndex) {
  const home = pickFamily(rng, plan, regionIndex, 'storage');
  if (rng.chance(0.4)) {
    const providerRegions = REGIONS.map((r, i) => i).filter(
      (i) => i !== regionIndex && REGIONS[i].provider === REGIONS[regionIndex].provider,
    );
    const other = plan.families[rng.pick(providerRegions)].storage;
    // `home` may be the us-east-1 fallback of a region without storage: keep alternatives distinct.
    const second = other.length > 0 ? rng.pick(other) : home;
    if (second !== home) return anyOf([home, second]);
  }
  return one(home);
}

function saasRequirement(rng) {
  if (rng.chance(0.5)) {
    const pair = rng.pick(SAAS_PAIRS);
    return rng.chance(0.6) ? anyOf(pair) : one(pair[0], rng.chance(0.3));
  }
  return one(rng.pick(SAAS_SINGLES), rng.chance(0.6));
}

function appRequirements(rng, plan, i) {
  const { layers, counts } = plan;
  const requirements = [];
  for (const requirement of plan.forced.get(i) ?? []) requirements.push(requirement);
  const layer = layers.layerOf(i);
  const regionIndex = weightedIndex(rng, REGION_CUMULATIVE);
  if (layer < layers.depth - 1) {
    const lo = layers.starts[layer + 1];
    const span = counts.app - lo;
    // Coverage: every service of the next layer is required by one of this layer, so that
    // (nearly) everything is reachable from an entry point.
    const here = lo - layers.starts[layer];
    const next = layers.starts[layer + 2] - lo;
    const offset = i - layers.starts[layer];
    const from = Math.ceil((offset * next) / here);
    const to = Math.ceil(((offset + 1) * next) / here);
    for (let p = from; p < to; p++) pushUnique(requirements, one(appId(lo + p)));
    const deps = rng.int(4);
    for (let d = 0; d < deps; d++) {
      pushUnique(requirements, one(appId(lo + rng.skewed(span, 2)), rng.chance(0.12)));
    }
    if (span >= 2 && rng.chance(0.1)) {
      const a = lo + rng.int(span);
      let b = lo + rng.int(span - 1);
      if (b >= a) b++;
      requirements.push(anyOf([appId(a), appId(b)]));
    }
  }
  const platformDeps = 1 + (rng.chance(0.5) ? 1 : 0);
  for (let d = 0; d < platformDeps; d++) {
    pushUnique(requirements, one(platformId(rng.skewed(counts.platform, 3))));
  }
  const compute = computeRequirement(rng, plan, regionIndex);
  if (compute) requirements.push(compute);
  if (rng.chance(0.65)) requirements.push(datastoreRequirement(rng, plan, regionIndex));
  if (rng.chance(0.3))
    requirements.push(one(pickFamily(rng, plan, regionIndex, 'cache'), rng.chance(0.5)));
  if (rng.chance(0.25)) requirements.push(storageRequirement(rng, plan, regionIndex));
  if (rng.chance(0.2)) requirements.push(one(pickFamily(rng, plan, regionIndex, 'queue')));
  if (rng.chance(0.2)) pushUnique(requirements, saasRequirement(rng));
  return requirements;
}

function entryRequirements(rng, plan, k) {
  const requirements = [];
  requirements.push(rng.chance(0.7) ? anyOf(distinctPair(rng, DNS)) : one(rng.pick(DNS)));
  const cdn = rng.next();
  if (cdn < 0.6) requirements.push(anyOf(distinctPair(rng, CDN)));
  else if (cdn < 0.85) requirements.push(one(rng.pick(CDN)));
  // Round-robin over the top layer, so that every top-layer service serves some entry point.
  const top = plan.layers.starts[1];
  const entries = plan.counts.entry;
  for (let j = k, d = 0; j < top && d < 8; j += entries, d++)
    pushUnique(requirements, one(appId(j)));
  const deps = 1 + rng.int(3);
  for (let d = 0; d < deps; d++)
    pushUnique(requirements, one(appId(rng.int(top)), rng.chance(0.1)));
  if (rng.chance(0.2)) requirements.push(anyOf(['saas@auth0', 'saas@okta']));
  return requirements;
}

function platformRequirements(rng, plan, k) {
  const requirements = [];
  const deps = k === 0 ? 0 : 1 + rng.int(2);
  for (let d = 0; d < deps; d++) pushUnique(requirements, one(platformId(rng.skewed(k, 2))));
  const regionIndex = weightedIndex(rng, REGION_CUMULATIVE);
  requirements.push(anyOf(pickFamily(rng, plan, regionIndex, 'compute')));
  requirements.push(quorumOf(2, pickFamily(rng, plan, regionIndex, 'db')));
  if (rng.chance(0.5)) requirements.push(one(pickFamily(rng, plan, regionIndex, 'queue')));
  if (rng.chance(0.3)) requirements.push(one('saas@datadog', true));
  return requirements;
}

function monitorService(rng, plan, m) {
  const { counts } = plan;
  if (m === 0) {
    const monitors = [];
    for (let k = 0; k < Math.min(counts.entry, 8); k++) monitors.push(entryId(k));
    return {
      id: 'monitoring/status-page',
      fields: { kind: 'monitoring', owner: 'team-sre', tier: 'high' },
      requirements: [one(plan.families[0].storage[0]), one('dns@route53')],
      monitors,
    };
  }
  const monitors = new Set();
  const targets = m === 1 ? Math.min(3 + rng.int(6), counts.entry) : 3 + rng.int(6);
  while (monitors.size < targets) {
    const u = rng.next();
    if (m === 1 || u < 0.3) monitors.add(entryId(rng.int(counts.entry)));
    else if (u < 0.6) monitors.add(platformId(rng.skewed(counts.platform, 2)));
    else monitors.add(appId(rng.int(counts.app)));
  }
  if (m === 1) {
    return {
      id: 'monitoring/synthetics',
      fields: { kind: 'monitoring', owner: 'team-sre', tier: 'high' },
      requirements: [one('saas@datadog')],
      monitors: [...monitors],
    };
  }
  const regionIndex = weightedIndex(rng, REGION_CUMULATIVE);
  const region = REGIONS[regionIndex];
  return {
    id: `monitoring/prometheus-${region.name}-${m}`,
    fields: { kind: 'monitoring', owner: 'team-sre', tier: 'medium' },
    requirements: [
      anyOf(pickFamily(rng, plan, regionIndex, 'compute')),
      one(platformId(rng.skewed(counts.platform, 2))),
    ],
    monitors: [...monitors],
  };
}

// ---------------------------------------------------------------------------------------------
// Serialisation. Ids are plain-scalar safe in YAML (no spaces, no flow indicators, no leading
// indicator character) and need no escaping in JSON.

function yamlRequirement(r) {
  const soft = r.soft ? ', soft: true' : '';
  if (r.type === 'one') return r.soft ? `{ service: ${r.ids[0]}, soft: true }` : r.ids[0];
  if (r.type === 'any') return `{ any_of: [${r.ids.join(', ')}]${soft} }`;
  return `{ quorum: ${r.quorum}, of: [${r.ids.join(', ')}]${soft} }`;
}

function jsonRequirement(r) {
  const soft = r.soft ? ',"soft":true' : '';
  const ids = `["${r.ids.join('","')}"]`;
  if (r.type === 'one') return r.soft ? `{"service":"${r.ids[0]}","soft":true}` : `"${r.ids[0]}"`;
  if (r.type === 'any') return `{"any_of":${ids}${soft}}`;
  return `{"quorum":${r.quorum},"of":${ids}${soft}}`;
}

function yamlService(id, fields, requirements, monitors) {
  if (requirements.length === 0 && !monitors && Object.keys(fields).length === 0)
    return `  ${id}: {}\n`;
  let out = `  ${id}:\n`;
  for (const key in fields) out += `    ${key}: ${fields[key]}\n`;
  if (requirements.length > 0) {
    out += '    depends_on:\n';
    for (const r of requirements) out += `      - ${yamlRequirement(r)}\n`;
  }
  if (monitors) out += `    monitors: [${monitors.join(', ')}]\n`;
  return out;
}

function jsonService(id, fields, requirements, monitors, first) {
  let out = `${first ? '' : ',\n'}"${id}":{`;
  let sep = '';
  for (const key in fields) {
    const value = fields[key];
    out += `${sep}"${key}":${typeof value === 'string' ? `"${value}"` : value}`;
    sep = ',';
  }
  if (requirements.length > 0) {
    out += `${sep}"depends_on":[${requirements.map(jsonRequirement).join(',')}]`;
    sep = ',';
  }
  if (monitors) out += `${sep}"monitors":["${monitors.join('","')}"]`;
  return `${out}}`;
}

/** Fresh counters, filled in while a manifest is generated. */
export function createStats() {
  return {
    services: 0,
    entrypoints: 0,
    dependencies: 0,
    groupDependencies: 0,
    softDependencies: 0,
    edges: 0,
    monitors: 0,
    cyclesBlocking: 0,
    cyclesPassable: 0,
    backEdges: 0,
    bytes: 0,
  };
}

const CHUNK_SERVICES = 2000;

/** The services of shape B, in the order they are written, from a plan. */
function* layeredServices(plan) {
  const { rng, counts } = plan;
  for (let k = 0; k < counts.entry; k++) {
    const fields = {
      entrypoint: true,
      kind: 'service',
      owner: `team-${ENTRY_NAMES[k % ENTRY_NAMES.length]}`,
      tier: rng.chance(0.4) ? 'critical' : 'high',
      cost_per_hour: Math.round((500 + Math.pow(rng.next(), 2) * 49500) / 100) * 100,
      rto: rng.pick(['5m', '15m', '1h']),
    };
    yield { id: entryId(k), fields, requirements: entryRequirements(rng, plan, k), monitors: null };
  }
  const teams = Math.max(4, Math.floor(counts.app / 25));
  for (let i = 0; i < counts.app; i++) {
    const fields = { kind: 'service', owner: `team-${rng.int(teams)}`, tier: rng.pick(TIERS) };
    yield { id: appId(i), fields, requirements: appRequirements(rng, plan, i), monitors: null };
  }
  for (let k = 0; k < counts.platform; k++) {
    const fields = { kind: 'platform', owner: 'team-platform', tier: 'critical' };
    const requirements = platformRequirements(rng, plan, k);
    yield { id: platformId(k), fields, requirements, monitors: null };
  }
  for (let m = 0; m < counts.monitors; m++) {
    yield monitorService(rng, plan, m);
  }
  for (const external of EXTERNALS) {
    const fields = { kind: external.kind, provider: external.provider, sla: external.sla };
    yield { id: external.id, fields, requirements: [], monitors: null };
  }
  for (const p of plan.primitives) {
    const fields = { kind: p.kind, provider: p.provider };
    if (p.region) fields.region = p.region;
    if (p.zone) fields.zone = p.zone;
    fields.sla = p.sla;
    if (p.recovery) fields.recovery_time = p.recovery;
    yield { id: p.id, fields, requirements: p.deps, monitors: null };
  }
}

/** The graph shapes: B layered (the default), R deep random, I internet map. */
export const SHAPES = ['B', 'R', 'I'];

function checkedShape(options) {
  const shape = options.shape ?? 'B';
  if (!SHAPES.includes(shape))
    throw new RangeError(`unknown shape ${shape} (${SHAPES.join(', ')})`);
  if (!Number.isInteger(options.services) || options.services < MIN_SERVICES) {
    throw new RangeError(`services must be an integer >= ${MIN_SERVICES}, got ${options.services}`);
  }
  return shape;
}

/** The services of a shape, with the manifest's name and generator arguments for its header. */
function shapeServices(options, shape, stats) {
  const n = options.services;
  const seed = options.seed;
  if (shape === 'B') {
    const plan = planManifest(options);
    stats.cyclesBlocking = plan.cycles.blocking;
    stats.cyclesPassable = plan.cycles.passable;
    return { name: `bench-${n}-seed-${seed}`, args: '', services: layeredServices(plan) };
  }
  const rng = createRng(`${shape}:${seed}`);
  const services = shape === 'R' ? randomServices(n, rng, stats) : internetServices(n, rng);
  return { name: `bench-${shape}-${n}-seed-${seed}`, args: ` --shape ${shape}`, services };
}

/**
 * Yields the manifest as UTF-8 buffers of about CHUNK_SERVICES services each, counting into
 * `stats`.
 * @param {{services: number, seed: string|number, format: 'yaml'|'json', shape?: 'B'|'R'|'I'}} options
 */
export function* manifestChunks(options, stats = createStats()) {
  const format = options.format ?? 'yaml';
  if (format !== 'yaml' && format !== 'json') throw new RangeError(`unknown format ${format}`);
  const shape = checkedShape(options);
  const { name, args, services } = shapeServices(options, shape, stats);
  const n = options.services;
  const yaml = format === 'yaml';
  const parts = [];
  parts.push(
    yaml
      ? `# Generated by bench/generate.mjs --services ${n} --seed ${options.seed}${args}\nversion: 1\nname: ${name}\nservices:\n`
      : `{"version":1,"name":${JSON.stringify(name)},"services":{\n`,
  );
  let inChunk = 0;
  let first = true;
  // Joining an array gives one flat string; growing a string with += builds a rope that costs
  // more to flatten when written (about half the generator's time at 1M services).
  const take = () => {
    const buffer = Buffer.from(parts.join(''), 'utf8');
    parts.length = 0;
    inChunk = 0;
    stats.bytes += buffer.length;
    return buffer;
  };
  for (const { id, fields, requirements, monitors } of services) {
    stats.services++;
    if (fields.entrypoint === true) stats.entrypoints++;
    for (const r of requirements) {
      stats.dependencies++;
      stats.edges += r.ids.length;
      if (r.type !== 'one') stats.groupDependencies++;
      if (r.soft) stats.softDependencies++;
    }
    if (monitors) stats.monitors++;
    parts.push(
      yaml
        ? yamlService(id, fields, requirements, monitors)
        : jsonService(id, fields, requirements, monitors, first),
    );
    first = false;
    if (++inChunk >= CHUNK_SERVICES) yield take();
  }
  if (!yaml) parts.push('\n}}\n');
  yield take();
}

/** The whole manifest as one string (small sizes only: tests). */
export function generateManifest(options) {
  const stats = createStats();
  const text = Buffer.concat([...manifestChunks(options, stats)]).toString('utf8');
  return { text, stats };
}

/** Streams the manifest to `file`, honouring back-pressure; resolves to the stats. */
export async function writeManifest(options, file) {
  const stats = createStats();
  const stream = createWriteStream(file);
  try {
    for (const chunk of manifestChunks(options, stats)) {
      if (!stream.write(chunk)) await once(stream, 'drain');
    }
  } finally {
    stream.end();
  }
  await once(stream, 'finish');
  return stats;
}

// ---------------------------------------------------------------------------------------------
// CLI

const USAGE =
  'usage: node bench/generate.mjs --services N [--seed S] [--shape B|R|I] [--format yaml|json] --out FILE [--stats]';

export function parseArgs(argv) {
  const options = { services: NaN, seed: '1', shape: 'B', format: 'yaml', out: null, stats: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = () => {
      if (i + 1 >= argv.length) throw new Error(`${arg} needs a value\n${USAGE}`);
      return argv[++i];
    };
    if (arg === '--services') options.services = parseCount(value());
    else if (arg === '--seed') options.seed = value();
    else if (arg === '--format') options.format = value();
    else if (arg === '--shape') options.shape = value().toUpperCase();
    else if (arg === '--out') options.out = value();
    else if (arg === '--stats') options.stats = true;
    else if (arg === '--help' || arg === '-h') throw new Error(USAGE);
    else throw new Error(`unknown argument ${arg}\n${USAGE}`);
  }
  if (!options.out) throw new Error(`--out is required\n${USAGE}`);
  if (!SHAPES.includes(options.shape)) throw new Error(`unknown shape ${options.shape}\n${USAGE}`);
  return options;
}

/** "100000", "100k", "1m", "1e6" → number. */
export function parseCount(text) {
  const match = /^(\d+(?:\.\d+)?(?:e\d+)?)([km]?)$/i.exec(String(text).trim());
  if (!match) return NaN;
  const scale = { '': 1, k: 1e3, m: 1e6 }[match[2].toLowerCase()];
  return Math.round(Number(match[1]) * scale);
}

async function cli(argv) {
  let options;
  try {
    options = parseArgs(argv);
  } catch (error) {
    console.error(error.message);
    return 2;
  }
  const started = process.hrtime.bigint();
  const stats = await writeManifest(options, options.out);
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const summary = {
    file: options.out,
    shape: options.shape,
    format: options.format,
    seconds,
    ...stats,
  };
  if (options.stats) console.log(JSON.stringify(summary));
  else {
    console.error(
      `${options.out}: ${stats.services} services, ${stats.dependencies} dependencies ` +
        `(${((100 * stats.groupDependencies) / stats.dependencies).toFixed(1)}% groups), ` +
        `${(stats.bytes / 1048576).toFixed(1)} MiB in ${seconds.toFixed(2)} s`,
    );
  }
  return 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = await cli(process.argv.slice(2));
}
