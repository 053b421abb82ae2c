// Browser side of the HTML report: the embedded page data turned back into the compiled graph by
// the same compileGraph the CLI uses, so the page's what-if runs the very Propagator `simulate`
// runs; plus the failure domains (same code as `analyze`).

import { failureDomains, type FailureDomain } from '../../../analysis/outage/failure-domains.js';
import type { Requirement, Service, SourcePosition, Tier } from '../../../manifest/types.js';
import { compileGraph, type CompiledGraph } from '../../../model/compiled-graph.js';
import { GROUP, LABEL_KEYS, SOFT, type PageData } from '../page-data.js';

export interface PageModel {
  data: PageData;
  graph: CompiledGraph;
  domains: FailureDomain[];
  isSpof: Uint8Array;
}

const NOWHERE: SourcePosition = { file: '', line: 0, column: 0 };

export function buildModel(data: PageData): PageModel {
  const services = data.ids.map((id, v) => decodeService(data, id, v));
  const tolerates = data.tolerates ?? [];
  for (let i = 0; i < tolerates.length; i += 3)
    services[tolerates[i]!]!.dependsOn[tolerates[i + 1]!]!.tolerates = tolerates[i + 2]!;
  const graph = compileGraph({ file: '', files: [], services });
  const isSpof = new Uint8Array(graph.n);
  for (const v of data.spofs) isSpof[v] = 1;
  return { data, graph, domains: failureDomains(graph), isSpof };
}

function decodeService(data: PageData, id: string, v: number): Service {
  const service: Service = {
    id,
    entrypoint: data.declaredEntry[v] === 1,
    tags: [],
    costPerHour: data.cost[v]!,
    monitors: data.monitors[v]!.map((u) => data.ids[u]!),
    dependsOn: decodeRequirements(data, data.requirements[v]!),
    position: NOWHERE,
  };
  LABEL_KEYS.forEach((key, k) => {
    const s = data.labels[v * LABEL_KEYS.length + k]!;
    if (s < 0) return;
    if (key === 'tier') service.tier = data.strings[s] as Tier;
    else service[key] = data.strings[s]!;
  });
  if (data.recovery[v]! >= 0) service.recoveryTime = data.recovery[v]!;
  return service;
}

function decodeRequirements(data: PageData, packed: readonly number[]): Requirement[] {
  const requirements: Requirement[] = [];
  for (let i = 0; i < packed.length;) {
    const quorum = packed[i]!;
    const flags = packed[i + 1]!;
    const count = packed[i + 2]!;
    const alternatives = packed.slice(i + 3, i + 3 + count).map((u) => data.ids[u]!);
    requirements.push({
      alternatives,
      quorum,
      soft: (flags & SOFT) !== 0,
      group: (flags & GROUP) !== 0,
      position: NOWHERE,
    });
    i += 3 + count;
  }
  return requirements;
}

/** A service's label value ('' when not set). */
export function label(model: PageModel, v: number, key: (typeof LABEL_KEYS)[number]): string {
  const s = model.data.labels[v * LABEL_KEYS.length + LABEL_KEYS.indexOf(key)]!;
  return s < 0 ? '' : model.data.strings[s]!;
}
