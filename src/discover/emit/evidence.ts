// The evidence file (--evidence): per site, the zones with each name server's class and how it
// was decided, each hostname's chain with TTLs and ride-out time, the TLS facts and what stayed
// unresolved and why; then the providers' own dependencies and the unmatched suffixes. Its shape
// is schema/discover-evidence.schema.json.

import type { SiteEvidence } from '../classify/site-evidence.js';
import type { DiscoveredModel } from '../discovered-model.js';

export const EVIDENCE_FORMAT = 'blast-radius-discover-evidence';

export function renderEvidence(
  model: DiscoveredModel,
  sites: readonly SiteEvidence[],
  resolvers: readonly string[],
): string {
  const requirements = new Map(model.sites.map((site) => [site.id, site.requirements]));
  const document = {
    format: EVIDENCE_FORMAT,
    version: 1,
    providerTable: model.tableVersion,
    resolvers: [...resolvers],
    sites: sites.map((site) => ({
      ...site,
      requirements: (requirements.get(site.id) ?? []).map((requirement) => ({
        alternatives: requirement.alternatives.map((ref) => ref.id),
        soft: requirement.soft,
        ttl: requirement.ttl ?? null,
        why: requirement.why,
      })),
    })),
    providerDependencies: model.providerDependencies.map(({ from, requirement }) => ({
      from: from.id,
      alternatives: requirement.alternatives.map((ref) => ref.id),
      soft: requirement.soft,
      ttl: requirement.ttl ?? null,
      why: requirement.why,
    })),
    unmatchedSuffixes: model.unmatched,
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}
