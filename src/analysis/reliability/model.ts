// The reliability model of a manifest: each service is up with probability sla/100,
// independently (1 without an sla, and for virtual services); failure domains given their own
// probability (common causes) are further independent events, each failing all its members.

import type { CompiledGraph } from '../../model/compiled-graph.js';
import { sharedFloat64Array } from '../../model/shared-memory.js';

export interface ReliabilityModel {
  readonly graph: CompiledGraph;
  /** P(service v is up by itself). */
  readonly up: Float64Array;
  /**
   * P(service v is down by itself), 1 − up[v], computed as (100 − sla) / 100: exact for an SLA
   * near 100 % where 1 − up[v] would keep only a few digits of a small probability.
   */
  readonly down: Float64Array;
  /** Services that are not virtual and declare no sla (counted as never failing), by index. */
  readonly slaUnknown: number[];
}

export function reliabilityModel(graph: CompiledGraph): ReliabilityModel {
  const { n, services } = graph;
  // Shared memory: the availability worker reads them (model/shared-memory.ts).
  const up = sharedFloat64Array(n).fill(1);
  const down = sharedFloat64Array(n);
  const slaUnknown: number[] = [];
  for (let v = 0; v < n; v++) {
    const service = services[v]!;
    if (service.virtual) continue;
    if (service.sla === undefined) slaUnknown.push(v);
    else {
      up[v] = service.sla / 100;
      down[v] = (100 - service.sla) / 100;
    }
  }
  return { graph, up, down, slaUnknown };
}
