// The dependency graph compiled to typed arrays (compressed sparse rows) for the hot loops of
// the analyses. Built straight from the manifest: at 100,000 services a graphology graph costs
// seconds to build (BENCHMARKS.md), while this costs tens of milliseconds.
//
// Edge direction, stated once for the whole program: an edge points from the dependent to its
// dependency. `web` depends on `api` ⇒ requirement of `web` with alternative `api`; a failure
// travels against the edges, from `api` to `web`.

import { heldRequirements } from '../manifest/held-requirements.js';
import type {
  CommonCauseDomain,
  Manifest,
  RecoveryObjectives,
  Service,
} from '../manifest/types.js';

export interface CompiledGraph {
  /** Number of services; services are numbered 0..n-1 in the manifest's (sorted) order. */
  readonly n: number;
  readonly ids: readonly string[];
  readonly index: ReadonlyMap<string, number>;
  readonly services: readonly Service[];
  /** Requirements of service v: reqStart[v] .. reqStart[v+1]-1. */
  readonly reqStart: Int32Array;
  /** The service that owns requirement r. */
  readonly reqOwner: Int32Array;
  /** Alternatives that must be up for requirement r to be met. */
  readonly reqQuorum: Int32Array;
  /** 1 when requirement r is soft (losing it only degrades its owner). */
  readonly reqSoft: Uint8Array;
  /** 1 when requirement r is an `any_of`/`quorum` group. */
  readonly reqGroup: Uint8Array;
  /** Seconds requirement r's owner rides out r being unmet (`tolerates`; 0 when not declared). */
  readonly reqTolerance: Float64Array;
  /** Alternatives of requirement r: alts[altStart[r]] .. alts[altStart[r+1]-1]. */
  readonly altStart: Int32Array;
  readonly alts: Int32Array;
  /** Requirements in which service u is an alternative: usedBy[usedByStart[u] .. usedByStart[u+1]-1]. */
  readonly usedByStart: Int32Array;
  readonly usedBy: Int32Array;
  /** 1 for entry points (declared, or if none is declared: services nothing depends on). */
  readonly entry: Uint8Array;
  readonly costPerHour: Float64Array;
  /** The manifest's `domains` section: failure domains with a probability of their own. */
  readonly commonCauses?: readonly CommonCauseDomain[];
  /** The policy's recovery objectives, when it declares them. */
  readonly objectives?: RecoveryObjectives;
}

export function compileGraph(manifest: Manifest): CompiledGraph {
  const services = manifest.services;
  const n = services.length;
  const ids = services.map((s) => s.id);
  const index = new Map<string, number>();
  for (let i = 0; i < n; i++) index.set(ids[i]!, i);

  // A service whose requirements are still held in columns is read from them, not from objects.
  const held = services.map((s) => heldRequirements(s));
  const numbering = new Numbering(index);
  let requirementCount = 0;
  let alternativeCount = 0;
  for (let v = 0; v < n; v++) {
    const columns = held[v];
    if (columns !== undefined) {
      const from = columns.table.first(columns.slot);
      const to = columns.table.end(columns.slot);
      requirementCount += to - from;
      alternativeCount += columns.table.altFrom(to) - columns.table.altFrom(from);
      continue;
    }
    const dependsOn = services[v]!.dependsOn;
    requirementCount += dependsOn.length;
    for (const requirement of dependsOn) alternativeCount += requirement.alternatives.length;
  }

  const reqStart = new Int32Array(n + 1);
  const reqOwner = new Int32Array(requirementCount);
  const reqQuorum = new Int32Array(requirementCount);
  const reqSoft = new Uint8Array(requirementCount);
  const reqGroup = new Uint8Array(requirementCount);
  const reqTolerance = new Float64Array(requirementCount);
  const altStart = new Int32Array(requirementCount + 1);
  const alts = new Int32Array(alternativeCount);
  const usedByCount = new Int32Array(n + 1);
  const costPerHour = new Float64Array(n);

  let r = 0;
  let a = 0;
  for (let v = 0; v < n; v++) {
    const service = services[v]!;
    reqStart[v] = r;
    costPerHour[v] = service.costPerHour;
    const columns = held[v];
    if (columns !== undefined) {
      const table = columns.table;
      const byNumber = numbering.of(table.ids);
      const to = table.end(columns.slot);
      for (let q = table.first(columns.slot); q < to; q++) {
        reqOwner[r] = v;
        reqQuorum[r] = table.quorum(q);
        reqSoft[r] = table.soft(q) ? 1 : 0;
        reqGroup[r] = table.group(q) ? 1 : 0;
        reqTolerance[r] = table.tolerance(q);
        altStart[r] = a;
        for (let k = table.altFrom(q); k < table.altFrom(q + 1); k++) {
          const u = byNumber[table.alternative(k)]!;
          if (u < 0)
            throw new Error(`compileGraph: unknown service "${table.ids[table.alternative(k)]}"`);
          alts[a++] = u;
          usedByCount[u + 1]!++;
        }
        r++;
      }
      continue;
    }
    for (const requirement of service.dependsOn) {
      reqOwner[r] = v;
      reqQuorum[r] = requirement.quorum;
      reqSoft[r] = requirement.soft ? 1 : 0;
      reqGroup[r] = requirement.group ? 1 : 0;
      reqTolerance[r] = requirement.tolerates ?? 0;
      altStart[r] = a;
      for (const id of requirement.alternatives) {
        const u = index.get(id);
        if (u === undefined) throw new Error(`compileGraph: unknown service "${id}"`);
        alts[a++] = u;
        usedByCount[u + 1]!++;
      }
      r++;
    }
  }
  reqStart[n] = r;
  altStart[r] = a;

  const usedByStart = new Int32Array(n + 1);
  for (let u = 0; u < n; u++) usedByStart[u + 1] = usedByStart[u]! + usedByCount[u + 1]!;
  const usedBy = new Int32Array(alternativeCount);
  const fill = usedByStart.slice(0, n);
  for (let req = 0; req < requirementCount; req++) {
    for (let k = altStart[req]!; k < altStart[req + 1]!; k++) usedBy[fill[alts[k]!]!++] = req;
  }

  const entry = new Uint8Array(n);
  const anyDeclared = services.some((s) => s.entrypoint);
  for (let v = 0; v < n; v++) {
    entry[v] = anyDeclared
      ? services[v]!.entrypoint
        ? 1
        : 0
      : usedByStart[v + 1] === usedByStart[v]
        ? 1
        : 0;
  }

  return {
    n,
    ids,
    index,
    services,
    reqStart,
    reqOwner,
    reqQuorum,
    reqSoft,
    reqGroup,
    reqTolerance,
    altStart,
    alts,
    usedByStart,
    usedBy,
    entry,
    costPerHour,
    ...(manifest.domains !== undefined ? { commonCauses: manifest.domains } : {}),
    ...(manifest.policy?.objectives !== undefined
      ? { objectives: manifest.policy.objectives }
      : {}),
  };
}

/**
 * Declaration numbers of a held table's ids to the graph's indices (-1: not in this graph),
 * made once per manifest.
 */
class Numbering {
  private readonly made = new Map<readonly string[], Int32Array>();

  constructor(private readonly index: ReadonlyMap<string, number>) {}

  of(ids: readonly string[]): Int32Array {
    let byNumber = this.made.get(ids);
    if (byNumber === undefined) {
      byNumber = new Int32Array(ids.length);
      for (let d = 0; d < ids.length; d++) {
        byNumber[d] = this.index.get(ids[d]!) ?? -1;
      }
      this.made.set(ids, byNumber);
    }
    return byNumber;
  }
}

/** Entry points, as indices in increasing order. */
export function entryPoints(graph: CompiledGraph): number[] {
  const result: number[] = [];
  for (let v = 0; v < graph.n; v++) if (graph.entry[v]) result.push(v);
  return result;
}
