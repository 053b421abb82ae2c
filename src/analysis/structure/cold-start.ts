// Cold-start order (docs/semantics.md, "Cycles and cold start"): the waves in which services can
// start after a full outage, and for each service that never can, a cycle of hard requirements that
// explains why. Kahn, "Topological sorting of large networks", CACM 5(11), 1962, generalised to
// quorums.

import type { CompiledGraph } from '../../model/compiled-graph.js';
import { hardDependents } from './graph-views.js';

export interface ColdStartPlan {
  /** waves[k]: services startable once waves 0..k-1 are up, increasing. */
  readonly waves: number[][];
  /** waveOf[v]: v's wave, -1 when v is blocked. */
  readonly waveOf: Int32Array;
  /**
   * Services a cold start never reaches (`coldStartBlocked`), increasing. These are also
   * exactly the services up today only because a cycle holds itself up: with nothing failed
   * every service is up (greatest fixed point), while a restart reaches only the least fixed
   * point, the started services. A service that needs a blocked one only softly does come
   * back, degraded (see `degradedAfterColdStart`).
   */
  readonly blocked: number[];
  /**
   * For a blocked v: a blocked alternative of v's first unmet hard requirement (manifest order).
   * Following it from any blocked service must end in a cycle; -1 for started services.
   */
  readonly witnessNext: Int32Array;
  /** The distinct cycles of `witnessNext`, each rotated to start at its smallest member. */
  readonly witnessCycles: number[][];
  /** witnessCycleOf[v]: index in `witnessCycles` of the cycle v leads into, -1 if started. */
  readonly witnessCycleOf: Int32Array;
}

/** Why v never starts: the path of blocked services from v into a cycle, and that cycle. */
export interface ColdStartWitness {
  /** v and the services after it up to, not including, the first one on the cycle; [] if v is on it. */
  readonly path: number[];
  /** Blocked services each needing the next (the last needing the first) through a hard requirement. */
  readonly cycle: number[];
}

/**
 * The cold-start plan in O(services + dependencies): one counter per requirement and service.
 * `owners` is `hardDependents(graph)`, when the caller has it already.
 */
export function coldStart(
  graph: CompiledGraph,
  owners: Int32Array = hardDependents(graph),
): ColdStartPlan {
  const { waves, waveOf, missing } = startWaves(graph, owners);
  const blocked: number[] = [];
  for (let v = 0; v < graph.n; v++) if (waveOf[v] === -1) blocked.push(v);
  const witnessNext = witnessSuccessors(graph, waveOf, missing);
  const { cycles, cycleOf } = functionalCycles(witnessNext, blocked);
  return {
    waves,
    waveOf,
    blocked,
    witnessNext,
    witnessCycles: cycles,
    witnessCycleOf: cycleOf,
  };
}

/**
 * The witness of blocked service v, walked from the plan in O(path + cycle); undefined when v
 * started. The plan stores one successor per service rather than every path, which would be
 * quadratic in a long chain leading into a cycle. `cycle` is empty only for an unsatisfiable
 * quorum (more than the alternatives), which a validated manifest cannot contain.
 */
export function coldStartWitness(plan: ColdStartPlan, v: number): ColdStartWitness | undefined {
  if (plan.waveOf[v] !== -1) return undefined;
  const cycleIndex = plan.witnessCycleOf[v]!;
  const cycle = cycleIndex === -1 ? [] : plan.witnessCycles[cycleIndex]!;
  const onCycle = new Set(cycle);
  const path: number[] = [];
  for (let x = v; x !== -1 && !onCycle.has(x); x = plan.witnessNext[x]!) path.push(x);
  return { path, cycle: cycle.slice() };
}

interface Waves {
  waves: number[][];
  waveOf: Int32Array;
  /** missing[r]: alternatives requirement r still lacks (<= 0 once met). */
  missing: Int32Array;
}

/** Kahn's algorithm, with "all predecessors done" replaced by "every hard quorum met". */
function startWaves(graph: CompiledGraph, owners: Int32Array): Waves {
  const { n, reqStart, reqSoft, reqQuorum, reqOwner, usedByStart, usedBy } = graph;
  const missing = new Int32Array(reqOwner.length);
  const unmet = new Int32Array(n); // hard requirements of v not yet met
  const waveOf = new Int32Array(n).fill(-1);
  let current: number[] = [];
  for (let v = 0; v < n; v++) {
    for (let r = reqStart[v]!; r < reqStart[v + 1]!; r++) {
      missing[r] = reqQuorum[r]!;
      if (!reqSoft[r] && reqQuorum[r]! > 0) unmet[v]!++;
    }
    if (unmet[v] === 0) current.push(v);
  }
  const waves: number[][] = [];
  // The next wave gathers here, to be sorted as numbers by the typed array's own sort.
  const next = new Int32Array(n);
  while (current.length > 0) {
    for (const v of current) waveOf[v] = waves.length;
    waves.push(current);
    let size = 0;
    for (const u of current) {
      for (let k = usedByStart[u]!; k < usedByStart[u + 1]!; k++) {
        const owner = owners[k]!; // -1: a soft requirement
        if (owner < 0 || --missing[usedBy[k]!]! !== 0) continue;
        if (--unmet[owner]! === 0) next[size++] = owner;
      }
    }
    current = numbersOf(next.subarray(0, size).sort());
  }
  return { waves, waveOf, missing };
}

/** The numbers as a plain array, copied by index (Array.from would step an iterator per item). */
function numbersOf(numbers: Int32Array): number[] {
  const list: number[] = [];
  for (let i = 0; i < numbers.length; i++) list.push(numbers[i]!);
  return list;
}

/** One blocked successor per blocked service: the first blocked alternative of an unmet requirement. */
function witnessSuccessors(
  graph: CompiledGraph,
  waveOf: Int32Array,
  missing: Int32Array,
): Int32Array {
  const { n, reqStart, reqSoft, altStart, alts } = graph;
  const next = new Int32Array(n).fill(-1);
  for (let v = 0; v < n; v++) {
    if (waveOf[v] !== -1) continue;
    for (let r = reqStart[v]!; r < reqStart[v + 1]! && next[v] === -1; r++) {
      if (reqSoft[r] || missing[r]! <= 0) continue;
      for (let k = altStart[r]!; k < altStart[r + 1]!; k++) {
        if (waveOf[alts[k]!] === -1) {
          next[v] = alts[k]!;
          break;
        }
      }
    }
  }
  return next;
}

/**
 * Cycles of the functional graph `next` restricted to `nodes` (out-degree <= 1), and for each
 * node the cycle it runs into, in one pass: each walk stops at the first node seen before.
 */
function functionalCycles(
  next: Int32Array,
  nodes: number[],
): { cycles: number[][]; cycleOf: Int32Array } {
  const cycleOf = new Int32Array(next.length).fill(-1);
  const walkPosition = new Int32Array(next.length).fill(-1); // -2 once a node is settled
  const found: number[][] = [];
  const walk: number[] = [];
  for (const s of nodes) {
    walk.length = 0;
    let x = s;
    while (x !== -1 && walkPosition[x] === -1) {
      walkPosition[x] = walk.length;
      walk.push(x);
      x = next[x]!;
    }
    let settledUpTo = walk.length;
    if (x !== -1 && walkPosition[x]! >= 0) {
      // The walk closed on itself: walk[position of x ..] is a new cycle.
      settledUpTo = walkPosition[x]!;
      const cycle = walk.slice(settledUpTo);
      for (const y of cycle) cycleOf[y] = found.length;
      found.push(rotateToSmallest(cycle));
    }
    for (let i = settledUpTo - 1; i >= 0; i--) {
      const y = walk[i]!;
      cycleOf[y] = next[y] === -1 ? -1 : cycleOf[next[y]!]!;
    }
    for (const y of walk) walkPosition[y] = -2;
  }
  return sortCycles(found, cycleOf);
}

function rotateToSmallest(cycle: number[]): number[] {
  let smallest = 0;
  for (let i = 1; i < cycle.length; i++) if (cycle[i]! < cycle[smallest]!) smallest = i;
  return cycle.slice(smallest).concat(cycle.slice(0, smallest));
}

/** Cycles are disjoint, so ordering by first (smallest) member is total. */
function sortCycles(
  cycles: number[][],
  cycleOf: Int32Array,
): { cycles: number[][]; cycleOf: Int32Array } {
  const ranks = cycles.map((_, i) => i).sort((a, b) => cycles[a]![0]! - cycles[b]![0]!);
  const newIndex = new Int32Array(cycles.length);
  ranks.forEach((old, i) => (newIndex[old] = i));
  for (let v = 0; v < cycleOf.length; v++)
    if (cycleOf[v] !== -1) cycleOf[v] = newIndex[cycleOf[v]!]!;
  return { cycles: ranks.map((i) => cycles[i]!), cycleOf };
}

/**
 * Started services that depend, directly or transitively, on a blocked one, increasing: asked
 * for apart from the plan, which `analyze` makes without them (a walk over most of the graph).
 */
export function degradedAfterColdStart(graph: CompiledGraph, plan: ColdStartPlan): number[] {
  const { blocked, waveOf } = plan;
  const { usedByStart, usedBy, reqOwner } = graph;
  const seen = new Uint8Array(graph.n);
  const queue = blocked.slice();
  for (const v of blocked) seen[v] = 1;
  const result: number[] = [];
  for (let head = 0; head < queue.length; head++) {
    const u = queue[head]!;
    for (let k = usedByStart[u]!; k < usedByStart[u + 1]!; k++) {
      const v = reqOwner[usedBy[k]!]!;
      if (seen[v]) continue;
      seen[v] = 1;
      queue.push(v);
      if (waveOf[v] !== -1) result.push(v);
    }
  }
  return Array.from(Int32Array.from(result).sort());
}
