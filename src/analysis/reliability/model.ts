// The reliability model of a manifest: each service is up with probability sla/100,
// independently (1 without an sla, and for virtual services); the variables of the structure
// function are the services that can fail, ordered depth-first from the entry points; and the
// "series closure" of a service, which factors every structure function into a conjunction of
// variables and a few redundancy groups.

import { entryPoints, type CompiledGraph } from '../../model/compiled-graph.js';

export interface ReliabilityModel {
  readonly graph: CompiledGraph;
  /** P(service v is up by itself). */
  readonly up: Float64Array;
  /**
   * P(service v is down by itself), 1 − up[v], computed as (100 − sla) / 100: exact for an SLA
   * near 100 % where 1 − up[v] would keep only a few digits of a small probability.
   */
  readonly down: Float64Array;
  /** BDD level of service v, or -1 when it cannot fail (up[v] = 1). */
  readonly level: Int32Array;
  /** The service at each level. */
  readonly serviceAt: Int32Array;
  /** Services that are not virtual and declare no sla (counted as never failing), by index. */
  readonly slaUnknown: number[];
}

export function reliabilityModel(graph: CompiledGraph): ReliabilityModel {
  const { n, services } = graph;
  const up = new Float64Array(n).fill(1);
  const down = new Float64Array(n);
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
  const level = new Int32Array(n).fill(-1);
  const serviceAt: number[] = [];
  for (const v of depthFirstOrder(graph)) {
    if (up[v]! < 1) {
      level[v] = serviceAt.length;
      serviceAt.push(v);
    }
  }
  return { graph, up, down, level, serviceAt: Int32Array.from(serviceAt), slaUnknown };
}

/**
 * Preorder of a depth-first walk along hard requirements from the entry points, then from the
 * rest: the classic fault-tree variable order, which keeps each alternative's components together.
 */
function depthFirstOrder(graph: CompiledGraph): Int32Array {
  const { n, reqStart, reqSoft, altStart, alts } = graph;
  const seen = new Uint8Array(n);
  const order = new Int32Array(n);
  let count = 0;
  const stack: number[] = [];
  const roots = [...entryPoints(graph), ...Array.from({ length: n }, (_, v) => v)];
  for (const root of roots) {
    if (seen[root]) continue;
    stack.push(root);
    while (stack.length > 0) {
      const v = stack.pop()!;
      if (seen[v]) continue;
      seen[v] = 1;
      order[count++] = v;
      // Pushed in reverse, so the first declared dependency is visited first.
      for (let r = reqStart[v + 1]! - 1; r >= reqStart[v]!; r--) {
        if (reqSoft[r]) continue;
        for (let a = altStart[r + 1]! - 1; a >= altStart[r]!; a--) {
          if (!seen[alts[a]!]) stack.push(alts[a]!);
        }
      }
    }
  }
  return order;
}

/** A hard requirement that needs every one of its alternatives: plain, or n of n. */
export function isSeries(graph: CompiledGraph, r: number): boolean {
  return !graph.reqSoft[r] && graph.reqQuorum[r] === graph.altStart[r + 1]! - graph.altStart[r]!;
}

/** A hard requirement that some of its alternatives can meet: a real redundancy group. */
export function isRedundant(graph: CompiledGraph, r: number): boolean {
  return !graph.reqSoft[r] && graph.reqQuorum[r]! < graph.altStart[r + 1]! - graph.altStart[r]!;
}

/**
 * What a service needs in series: every service reachable along series requirements (itself
 * included), and the redundancy groups they own. Under the greatest fixed point,
 * up(v) = ∧ over `levels` of x ∧ ∧ over `groups` of "group met".
 */
export interface SeriesClosure {
  /** Levels of the variables, in decreasing order (as `Bdd.conjunction` wants them). */
  levels: Int32Array;
  /** The redundancy requirements owned by the closure's services, increasing. */
  groups: Int32Array;
}

/** Thrown when the closures would cost more work than allowed. */
export class WorkBudgetExceeded extends Error {
  constructor(what: string) {
    super(`${what} needs more work than its budget allows`);
    this.name = 'WorkBudgetExceeded';
  }
}

/** Series closures, memoized, within a budget of services visited in total. */
export class SeriesClosures {
  private readonly model: ReliabilityModel;
  private readonly memo = new Map<number, SeriesClosure>();
  private readonly seen: Int32Array;
  private epoch = 0;
  private work = 0;
  private readonly budget: number;

  constructor(model: ReliabilityModel, budget: number) {
    this.model = model;
    this.seen = new Int32Array(model.graph.n);
    this.budget = budget;
  }

  of(v: number): SeriesClosure {
    const known = this.memo.get(v);
    if (known !== undefined) return known;
    const { graph, level } = this.model;
    const { reqStart, altStart, alts } = graph;
    const epoch = ++this.epoch;
    const queue = [v];
    this.seen[v] = epoch;
    const levels: number[] = [];
    const groups: number[] = [];
    for (let head = 0; head < queue.length; head++) {
      const u = queue[head]!;
      if (level[u]! >= 0) levels.push(level[u]!);
      for (let r = reqStart[u]!; r < reqStart[u + 1]!; r++) {
        if (isRedundant(graph, r)) groups.push(r);
        if (!isSeries(graph, r)) continue;
        for (let a = altStart[r]!; a < altStart[r + 1]!; a++) {
          const w = alts[a]!;
          if (this.seen[w] === epoch) continue;
          this.seen[w] = epoch;
          queue.push(w);
        }
      }
    }
    this.work += queue.length;
    if (this.work > this.budget) throw new WorkBudgetExceeded('the series closures');
    const closure = {
      levels: Int32Array.from(levels).sort().reverse(),
      groups: Int32Array.from(groups).sort(),
    };
    this.memo.set(v, closure);
    return closure;
  }
}
