// Shape I of the benchmarks: an internet map of websites and the providers they rely on (the
// shape measured by Kashaf et al., IMC 2020). Every website is an entry point; each depends on a
// DNS provider (a quarter on two, as `any_of`), 60% on a CDN (a fifth of those on two), 80% on a
// certificate authority (soft half the time). About 60 DNS, 40 CDN and 25 CA providers with
// power-law popularity; CDNs and CAs themselves depend on DNS providers (the indirect
// dependencies). Fewer providers below a few thousand websites.

import { anyOf, one } from './requirement.mjs';

/** Exponent of the popularity power law: the first provider of a kind serves the most sites. */
const POPULARITY = 2.5;
const PROVIDER_SLAS = [99.9, 99.95, 99.99, 100];

function providerCounts(n) {
  return {
    dns: Math.min(60, Math.max(2, Math.floor(n / 40))),
    cdn: Math.min(40, Math.max(2, Math.floor(n / 60))),
    ca: Math.min(25, Math.max(2, Math.floor(n / 100))),
  };
}

const dnsId = (k) => `dns/ns-${k}`;
const cdnId = (k) => `cdn/edge-${k}`;
const caId = (k) => `ca/authority-${k}`;

function popular(rng, count) {
  return rng.skewed(count, POPULARITY);
}

/** Two distinct popular providers of one kind. */
function popularPair(rng, count) {
  const first = popular(rng, count);
  let second = popular(rng, count);
  for (let tries = 0; second === first && tries < 16; tries++) second = popular(rng, count);
  if (second === first) second = (first + 1) % count;
  return [first, second];
}

/** `one` popular provider, or with probability `pair` an `any_of` of two. */
function providerRequirement(rng, count, idOf, pair) {
  if (rng.chance(pair)) return anyOf(popularPair(rng, count).map(idOf));
  return one(idOf(popular(rng, count)));
}

/** Yields the services of shape I as {id, fields, requirements, monitors}. */
export function* internetServices(n, rng) {
  const counts = providerCounts(n);
  for (let k = 0; k < counts.dns; k++) {
    yield {
      id: dnsId(k),
      fields: { kind: 'dns', sla: rng.pick(PROVIDER_SLAS) },
      requirements: [],
      monitors: null,
    };
  }
  for (let k = 0; k < counts.cdn; k++) {
    yield {
      id: cdnId(k),
      fields: { kind: 'cdn', sla: rng.pick(PROVIDER_SLAS) },
      requirements: [providerRequirement(rng, counts.dns, dnsId, 0.3)],
      monitors: null,
    };
  }
  for (let k = 0; k < counts.ca; k++) {
    yield {
      id: caId(k),
      fields: { kind: 'ca', sla: rng.pick(PROVIDER_SLAS) },
      requirements: [providerRequirement(rng, counts.dns, dnsId, 0.3)],
      monitors: null,
    };
  }
  const sites = n - counts.dns - counts.cdn - counts.ca;
  for (let i = 0; i < sites; i++) {
    const requirements = [providerRequirement(rng, counts.dns, dnsId, 0.25)];
    if (rng.chance(0.6)) requirements.push(providerRequirement(rng, counts.cdn, cdnId, 0.2));
    if (rng.chance(0.8)) requirements.push(one(caId(popular(rng, counts.ca)), rng.chance(0.5)));
    yield {
      id: `site-${i}.example`,
      fields: { entrypoint: true, kind: 'website' },
      requirements,
      monitors: null,
    };
  }
}
