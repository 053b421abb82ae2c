// How long a dependency on DNS providers rides out their outage: the shortest TTL of the answers
// the zone gave on the way to the site. A resolver that holds those answers keeps answering from
// its cache without asking the zone's name servers until the first of them expires; a cached
// delegation (the NS set) does not help once those servers are down, so the answers' TTL, not
// the NS record's, is the bound. It holds for one provider and for a group alike: resolvers ride
// out the loss of every provider of the zone for as long. It is what a resolver that refreshed
// its cache just before the outage rides out — one whose answers were about to expire fails
// sooner — and serving stale answers past their TTL (what some resolvers do) is not counted.
// No tolerance for a CDN or a CA (nothing caches in front of them), for an unknown TTL, or 0.

import type { Requirement } from '../discovered-model.js';

/** Seconds the requirement rides out its providers' outage, or undefined for none. */
export function dnsTolerance(requirement: Requirement): number | undefined {
  const dns = requirement.alternatives.every((ref) => ref.kind === 'dns');
  if (!dns || requirement.ttl === undefined || requirement.ttl <= 0) return undefined;
  return requirement.ttl;
}

/** The manifest's duration for it: whole seconds, as the TTL is. */
export function toleranceText(seconds: number): string {
  return `${seconds}s`;
}
