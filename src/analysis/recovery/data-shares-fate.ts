// Data that shares fate: a datastore (a service declaring copies) whose every copy sits in the
// same zone, region or provider as the datastore itself, so losing that one domain loses the
// data and all of its copies. Reported per level where it holds.

import type { CompiledGraph } from '../../model/compiled-graph.js';
import type { DataSharingFate } from '../analysis-result.js';

const LEVELS = ['provider', 'region', 'zone'] as const;

/** The domain of `service` at `level` ("provider=aws,region=us-east-1"), if it has one. */
function domainAt(
  service: { provider?: string; region?: string; zone?: string },
  level: (typeof LEVELS)[number],
): string | undefined {
  const parts: string[] = [];
  for (const label of LEVELS) {
    const value = service[label];
    if (value === undefined) return undefined;
    parts.push(`${label}=${value}`);
    if (label === level) return parts.join(',');
  }
  return undefined;
}

/** Every datastore and level where all its copies share its domain, by datastore then level. */
export function dataSharingFate(graph: CompiledGraph): DataSharingFate[] {
  const found: DataSharingFate[] = [];
  for (let v = 0; v < graph.n; v++) {
    const service = graph.services[v]!;
    const copies = service.copies;
    if (copies === undefined || copies.length === 0) continue;
    for (const level of LEVELS) {
      const domain = domainAt(service, level);
      if (domain === undefined) break;
      const shared = copies.every(
        (copy) => domainAt(graph.services[graph.index.get(copy.to)!]!, level) === domain,
      );
      if (!shared) continue;
      found.push({
        datastore: service.id,
        level,
        domain,
        copies: copies.map((copy) => copy.to).sort(),
      });
    }
  }
  return found;
}
