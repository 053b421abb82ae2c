// Shape R of the benchmarks: a deep random service graph. N services in a random topological
// order; each of the first 80% requires 1–3 later services (55% single, a fifth of those soft;
// 25% `any_of` of 2–3; 20% `quorum: 2` of 3), the last 20% require 0–1; 4% add one hard
// requirement back on an earlier service, which closes cycles; 60% carry provider and region
// labels over three providers (half of those a zone too); about 13% are entry points; 30% have a
// `cost_per_hour`, half an `sla` between 99 and 99.99, and 5% monitor another service.
// Targets lean toward nearby positions (a power law over the distance), so paths run deep.

import { weightedIndex } from './random.mjs';
import { REGIONS, REGION_CUMULATIVE } from './regions.mjs';
import { anyOf, one, quorumOf } from './requirement.mjs';

const DEEP_SHARE = 0.8;
const ENTRY_SHARE = 0.13;
const BACK_EDGE_SHARE = 0.04;
/** Exponent of the power law over the distance to a target: larger means nearer, deeper. */
const NEAR = 3;

/** A random permutation of 0..n-1 (Fisher–Yates), the ids in topological order. */
function permutation(n, rng) {
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  for (let i = n - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    const t = order[i];
    order[i] = order[j];
    order[j] = t;
  }
  return order;
}

/**
 * `count` distinct positions after `p` (fewer when fewer exist), none of them in `taken`; each
 * lands near `p` with a power-law bias.
 */
function laterPositions(rng, p, n, count, taken) {
  const span = n - p - 1;
  const picked = [];
  if (span <= 0) return picked;
  for (let tries = 0; picked.length < count && tries < 8 * count; tries++) {
    const t = p + 1 + rng.skewed(span, NEAR);
    if (taken.has(t) || picked.includes(t)) continue;
    picked.push(t);
  }
  return picked;
}

/** One forward requirement of the service at position `p`, or null when no room is left. */
function forwardRequirement(rng, p, n, taken, id) {
  const u = rng.next();
  const size = u < 0.55 ? 1 : u < 0.8 ? 2 + rng.int(2) : 3;
  let targets = laterPositions(rng, p, n, size, taken);
  if (targets.length === 0) return null;
  if (targets.length < size) targets = targets.slice(0, 1);
  for (const t of targets) taken.add(t);
  const ids = targets.map(id);
  if (ids.length === 1) return one(ids[0], u < 0.55 && rng.chance(0.2));
  return u < 0.8 ? anyOf(ids) : quorumOf(2, ids);
}

/** The labels, cost, SLA and entry-point flag of one service, in the order they are written. */
function serviceFields(rng, p, n) {
  const fields = {};
  if (p < n * DEEP_SHARE && rng.chance(ENTRY_SHARE / DEEP_SHARE)) fields.entrypoint = true;
  if (rng.chance(0.6)) {
    const region = REGIONS[weightedIndex(rng, REGION_CUMULATIVE)];
    fields.provider = region.provider;
    fields.region = region.name;
    if (rng.chance(0.5)) fields.zone = rng.pick(region.zones);
  }
  if (rng.chance(0.5)) fields.sla = (9900 + rng.int(100)) / 100;
  if (rng.chance(0.3)) fields.cost_per_hour = 10 * (1 + rng.int(500));
  return fields;
}

/**
 * Yields the services of shape R as {id, fields, requirements, monitors}; counts the back edges
 * into `stats.backEdges`.
 */
export function* randomServices(n, rng, stats) {
  const order = permutation(n, rng);
  const id = (p) => `svc-${order[p]}`;
  stats.backEdges = 0;
  for (let p = 0; p < n; p++) {
    const fields = serviceFields(rng, p, n);
    const requirements = [];
    const taken = new Set();
    const count = p < n * DEEP_SHARE ? 1 + rng.int(3) : rng.int(2);
    for (let r = 0; r < count; r++) {
      const requirement = forwardRequirement(rng, p, n, taken, id);
      if (requirement) requirements.push(requirement);
    }
    if (p > 0 && rng.chance(BACK_EDGE_SHARE)) {
      requirements.push(one(id(p - 1 - rng.skewed(p, NEAR))));
      stats.backEdges++;
    }
    let monitors = null;
    if (rng.chance(0.05)) {
      const other = rng.int(n - 1);
      monitors = [id(other >= p ? other + 1 : other)];
    }
    yield { id: id(p), fields, requirements, monitors };
  }
}
