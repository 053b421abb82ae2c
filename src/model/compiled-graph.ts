// The dependency graph compiled to typed arrays (compressed sparse rows) for the hot loops of
// the analyses. Built straight from the manifest: at 100,000 services a graphology graph costs
// seconds to build (BENCHMARKS.md), while this costs tens of milliseconds.
//
// Edge direction, stated once for the whole program: an edge points from the dependent to its
// dependency. `web` depends on `api` ⇒ requirement of `web` with alternative `api`; a failure
// travels against the edges, from `api` to `web`.

import { heldSlot, heldTable } from '../manifest/held-requirements.js';
import type { RequirementTable } from '../manifest/requirement-table.js';
import { sharedFloat64Array, sharedInt32Array, sharedUint8Array } from './shared-memory.js';
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

// Each loop over the services is a function of its own: V8 then optimizes each as it gets hot,
// instead of optimizing one long function at its first loop and throwing that away at every
// loop after it (which cost most of this function's time at 100,000 services).
export function compileGraph(manifest: Manifest): CompiledGraph {
  const services = manifest.services;
  const n = services.length;
  const held = serviceColumns(services);
  const ids = held.ids;
  const index = indexOf(ids);

  const { requirementCount, alternativeCount } = countRequirements(services, held);
  const columns: RequirementColumns = {
    // The columns the availability worker reads are in shared memory (shared-memory.ts).
    reqStart: sharedInt32Array(n + 1),
    reqOwner: new Int32Array(requirementCount),
    reqQuorum: sharedInt32Array(requirementCount),
    reqSoft: sharedUint8Array(requirementCount),
    reqGroup: new Uint8Array(requirementCount),
    reqTolerance: new Float64Array(requirementCount),
    altStart: sharedInt32Array(requirementCount + 1),
    alts: sharedInt32Array(alternativeCount),
    usedByCount: new Int32Array(n + 1),
    costPerHour: held.costPerHour,
  };
  fillRequirements(services, held, index, columns);
  const { reqStart, altStart, alts, usedByCount } = columns;
  const { usedByStart, usedBy } = usedByOf(n, requirementCount, altStart, alts, usedByCount);
  const entry = entryOf(held.declaredEntry, usedByStart);

  return {
    n,
    ids,
    index,
    services,
    reqStart,
    reqOwner: columns.reqOwner,
    reqQuorum: columns.reqQuorum,
    reqSoft: columns.reqSoft,
    reqGroup: columns.reqGroup,
    reqTolerance: columns.reqTolerance,
    altStart,
    alts,
    usedByStart,
    usedBy,
    entry,
    costPerHour: columns.costPerHour,
    ...(manifest.domains !== undefined ? { commonCauses: manifest.domains } : {}),
    ...(manifest.policy?.objectives !== undefined
      ? { objectives: manifest.policy.objectives }
      : {}),
  };
}

/** The columns fillRequirements writes, and the count of uses of each service (at u + 1). */
type RequirementColumns = Pick<
  CompiledGraph,
  | 'reqStart'
  | 'reqOwner'
  | 'reqQuorum'
  | 'reqSoft'
  | 'reqGroup'
  | 'reqTolerance'
  | 'altStart'
  | 'alts'
  | 'costPerHour'
> & { readonly usedByCount: Int32Array };

/**
 * What the graph reads of each service, read in one pass over them (at 100,000 services in id
 * order, which is not the order they were made in, each visit of a service is a cache miss):
 * the table of its requirements while they are held in columns (a service whose requirements
 * are held is read from them, not from objects) and its slot there.
 */
interface Held {
  readonly ids: string[];
  readonly tables: readonly (RequirementTable | undefined)[];
  readonly slots: Int32Array;
  readonly costPerHour: Float64Array;
  /** 1 for the entry points the manifest declares. */
  readonly declaredEntry: Uint8Array;
}

function serviceColumns(services: readonly Service[]): Held {
  const n = services.length;
  const held = {
    ids: [] as string[],
    tables: [] as (RequirementTable | undefined)[],
    slots: new Int32Array(n),
    costPerHour: sharedFloat64Array(n),
    declaredEntry: new Uint8Array(n),
  };
  for (let v = 0; v < n; v++) {
    const service = services[v]!;
    held.ids.push(service.id);
    held.tables.push(heldTable(service));
    held.slots[v] = heldSlot(service);
    held.costPerHour[v] = service.costPerHour;
    held.declaredEntry[v] = service.entrypoint ? 1 : 0;
  }
  return held;
}

function indexOf(ids: readonly string[]): Map<string, number> {
  const index = new Map<string, number>();
  for (let i = 0; i < ids.length; i++) index.set(ids[i]!, i);
  return index;
}

function countRequirements(
  services: readonly Service[],
  held: Held,
): { requirementCount: number; alternativeCount: number } {
  let requirementCount = 0;
  let alternativeCount = 0;
  for (let v = 0; v < services.length; v++) {
    const table = held.tables[v];
    if (table !== undefined) {
      const from = table.first(held.slots[v]!);
      const to = table.end(held.slots[v]!);
      requirementCount += to - from;
      alternativeCount += table.altFrom(to) - table.altFrom(from);
      continue;
    }
    const dependsOn = services[v]!.dependsOn;
    requirementCount += dependsOn.length;
    for (const requirement of dependsOn) alternativeCount += requirement.alternatives.length;
  }
  return { requirementCount, alternativeCount };
}

function fillRequirements(
  services: readonly Service[],
  held: Held,
  index: ReadonlyMap<string, number>,
  columns: RequirementColumns,
): void {
  const numbering = new Numbering(index);
  const n = services.length;
  let r = 0;
  let a = 0;
  for (let v = 0; v < n; v++) {
    columns.reqStart[v] = r;
    const table = held.tables[v];
    const end =
      table !== undefined
        ? fillHeld(v, table, held.slots[v]!, numbering.of(table.ids), columns, r, a)
        : fillObjects(v, services[v]!, index, columns, r, a);
    r = end.r;
    a = end.a;
  }
  columns.reqStart[n] = r;
  columns.altStart[r] = a;
}

/** Service v's requirements from slot `slot` of `table`, from requirement r and alternative a. */
function fillHeld(
  v: number,
  table: RequirementTable,
  slot: number,
  byNumber: Int32Array,
  columns: RequirementColumns,
  r: number,
  a: number,
): { r: number; a: number } {
  const to = table.end(slot);
  for (let q = table.first(slot); q < to; q++) {
    const [quorum, soft, group] = [table.quorum(q), table.soft(q), table.group(q)];
    startRequirement(columns, r++, v, quorum, soft, group, table.tolerance(q), a);
    for (let k = table.altFrom(q); k < table.altFrom(q + 1); k++) {
      const u = byNumber[table.alternative(k)]!;
      if (u < 0)
        throw new Error(`compileGraph: unknown service "${table.ids[table.alternative(k)]}"`);
      addAlternative(columns, a++, u);
    }
  }
  return { r, a };
}

/** Service v's requirements from its Requirement objects. */
function fillObjects(
  v: number,
  service: Service,
  index: ReadonlyMap<string, number>,
  columns: RequirementColumns,
  r: number,
  a: number,
): { r: number; a: number } {
  for (const { quorum, soft, group, tolerates, alternatives } of service.dependsOn) {
    startRequirement(columns, r++, v, quorum, soft, group, tolerates ?? 0, a);
    for (const id of alternatives) {
      const u = index.get(id);
      if (u === undefined) throw new Error(`compileGraph: unknown service "${id}"`);
      addAlternative(columns, a++, u);
    }
  }
  return { r, a };
}

/** Requirement r of service v, whose alternatives start at a. */
function startRequirement(
  columns: RequirementColumns,
  r: number,
  v: number,
  quorum: number,
  soft: boolean,
  group: boolean,
  tolerance: number,
  a: number,
): void {
  columns.reqOwner[r] = v;
  columns.reqQuorum[r] = quorum;
  columns.reqSoft[r] = soft ? 1 : 0;
  columns.reqGroup[r] = group ? 1 : 0;
  columns.reqTolerance[r] = tolerance;
  columns.altStart[r] = a;
}

/** Service u as alternative a. */
function addAlternative(columns: RequirementColumns, a: number, u: number): void {
  columns.alts[a] = u;
  columns.usedByCount[u + 1]!++;
}

/** The requirements each service is an alternative of, as compressed sparse rows. */
function usedByOf(
  n: number,
  requirementCount: number,
  altStart: Int32Array,
  alts: Int32Array,
  usedByCount: Int32Array,
): { usedByStart: Int32Array; usedBy: Int32Array } {
  const usedByStart = new Int32Array(n + 1);
  for (let u = 0; u < n; u++) usedByStart[u + 1] = usedByStart[u]! + usedByCount[u + 1]!;
  const usedBy = new Int32Array(alts.length);
  const fill = usedByStart.slice(0, n);
  for (let req = 0; req < requirementCount; req++) {
    for (let k = altStart[req]!; k < altStart[req + 1]!; k++) usedBy[fill[alts[k]!]!++] = req;
  }
  return { usedByStart, usedBy };
}

/** 1 for entry points: the declared ones, or if none is declared, those nothing depends on. */
function entryOf(declaredEntry: Uint8Array, usedByStart: Int32Array): Uint8Array {
  const n = declaredEntry.length;
  if (declaredEntry.includes(1)) return declaredEntry;
  const entry = new Uint8Array(n);
  for (let v = 0; v < n; v++) entry[v] = usedByStart[v + 1] === usedByStart[v] ? 1 : 0;
  return entry;
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
