// analysis/cut-sets/ — minimal sets of failures that together take an entry point down.
//
// Minimal cut sets of size two: pairs of components, or of failure domains, whose joint
// failure takes an entry point down while neither alone does. Exact, by propagation, over
// candidate pairs found with the "meeting group" argument below; bounded by a work budget.
//
// Why candidates suffice. Let D(x) be the down set of x failing alone. If E is down when x and y
// fail but in neither D(x) nor D(y), then D(x) ∪ D(y) is not closed: some service v outside it
// has a hard requirement r that it fails. r cannot fail with one alternative down (v would be in
// D(x) or D(y)), so r needs need(r) = alternatives − quorum + 1 ≥ 2 of them down, fewer than
// need(r) of them are in D(x), fewer in D(y), at least need(r) in the union, and v is in neither.
// So every minimal pair "meets" at such a requirement; the search enumerates exactly the pairs
// that do (one single-failure sweep with those alternatives as observed services), and
// propagates each, 32 per pass (single-failure-sweep.ts), to keep the entry points that go down
// with the pair and with neither member alone. (Fault-tree analysis calls these the minimal cut
// sets of order 2: Vesely et al., Fault Tree Handbook, NUREG-0492, 1981, ch. VII.)

import {
  componentUnits as everyComponent,
  domainUnits as everyDomain,
  type FailureUnits,
} from '../outage/failure-units.js';
import type { CompiledGraph } from '../../model/compiled-graph.js';
import { outageSweepOf, type SweepPlan } from '../outage/outage-sweep.js';
import { singleFailureSweep } from '../outage/sweep/single-failure-sweep.js';
import type { FailureDomain } from '../outage/failure-domains.js';
import type { PairSearchTotals } from '../analysis-result.js';
import { entriesAbove, type EntryBitsets } from './entries-above.js';
import { bitInWord, difference, union, wordOf } from '../graph/bit-mask.js';

/** Units as the pair search walks them. */
export interface PairUnits extends FailureUnits {
  /** The order in which units are searched for partners: a permutation of 0..count-1. */
  order: ArrayLike<number> & Iterable<number>;
  /** Only the first `searched` units of `order` are searched for partners (later ones pair with them). */
  searched: number;
  /** True when the two units must not pair (a domain and a domain inside it). */
  nested(a: number, b: number): boolean;
  /** Every unit's single failure, told to the observer (label = unit). */
  sweepSingles(plan: SweepPlan, observer: SingleObserver): void;
}

type SingleObserver = Parameters<typeof singleFailureSweep>[1];

export interface FoundPair {
  a: number;
  b: number;
  /** Entry points (in focus) down with both, with neither alone; ascending. */
  entries: number[];
}

export interface PairResult {
  pairs: FoundPair[];
  totals: PairSearchTotals;
}

/** Component units: every service, virtual ones excluded from pairs; searched in rank order. */
export function componentUnits(plan: SweepPlan): PairUnits {
  return {
    ...everyComponent(plan.graph),
    order: plan.order,
    searched: plan.order.length,
    nested: () => false,
    sweepSingles: (plan, observer) => void singleFailureSweep(plan, observer),
  };
}

/** Domain units; a domain never pairs with one that contains it or that it contains. */
export function domainUnits(domains: readonly FailureDomain[]): PairUnits {
  const names = domains.map((d) => d.domain);
  const inside = (inner: string, outer: string) => inner.startsWith(`${outer},`);
  return {
    ...everyDomain(domains),
    order: domains.map((_, d) => d),
    searched: domains.length,
    nested: (a, b) => inside(names[a]!, names[b]!) || inside(names[b]!, names[a]!),
    sweepSingles: (plan, observer) =>
      void outageSweepOf(plan, domains.length, (d) => domains[d]!.members, observer),
  };
}

/**
 * Components (unit v is service v) and the given domains (unit n + d is domains[d]) together,
 * searching only the pairs with a domain in them: the domains come first in the search order and
 * only they are searched for partners. A domain that holds a component, or another domain, fails
 * all the pair would: such a pair takes nothing down that its larger member does not, and is
 * never checked.
 */
export function domainEventUnits(plan: SweepPlan, domains: readonly FailureDomain[]): PairUnits {
  const { graph } = plan;
  const n = graph.n;
  const components = everyComponent(graph);
  const inDomain = domains.map((d) => new Set(d.members));
  const holds = (d: number, u: number) =>
    u < n ? inDomain[d]!.has(u) : domains[u - n]!.members.every((v) => inDomain[d]!.has(v));
  return {
    count: n + domains.length,
    name: (u) => (u < n ? components.name(u) : domains[u - n]!.domain),
    members: (u) => (u < n ? components.members(u) : domains[u - n]!.members),
    eligible: (u) => u >= n || components.eligible(u),
    order: [...domains.map((_, d) => n + d), ...plan.order],
    searched: domains.length,
    nested: (a, b) => (a >= n && holds(a - n, b)) || (b >= n && holds(b - n, a)),
    sweepSingles: (plan, observer) => {
      singleFailureSweep(plan, observer);
      outageSweepOf(plan, domains.length, (d) => domains[d]!.members, {
        interesting: observer.interesting,
        down: (d, v) => observer.down(n + d, v),
      });
    },
  };
}

/**
 * The minimal pairs of `units` for the entry points of `inFocus`, checking at most `budget`
 * candidate pairs; sorted by entry points taken down (most first), then by the units.
 */
export function minimalPairs(
  plan: SweepPlan,
  units: PairUnits,
  inFocus: Uint8Array,
  budget: number,
): PairResult {
  const meeting = meetingRequirements(plan.graph);
  const singles = recordSingles(plan, units, inFocus, meeting);
  const bits = entriesAbove(plan, inFocus);
  const candidates = enumerateCandidates(plan.graph, units, meeting, singles, bits, budget);
  const pairs = verify(plan, units, inFocus, singles, candidates);
  pairs.sort((p, q) => q.entries.length - p.entries.length || p.a - q.a || p.b - q.b);
  const { count: checked, unchecked } = candidates;
  return { pairs, totals: { checked, complete: unchecked === 0, unchecked } };
}

/** Hard requirements that need two or more alternatives down to fail: where pairs meet. */
interface Meeting {
  /** need(r) for those requirements, 0 for the others. */
  need: Int32Array;
  /** 1 for every service to observe: their alternatives and owners. */
  observed: Uint8Array;
}

function meetingRequirements(graph: CompiledGraph): Meeting {
  const { reqSoft, reqQuorum, altStart, alts, reqOwner } = graph;
  const need = new Int32Array(reqSoft.length);
  const observed = new Uint8Array(graph.n);
  for (let r = 0; r < reqSoft.length; r++) {
    const needed = altStart[r + 1]! - altStart[r]! - reqQuorum[r]! + 1;
    if (reqSoft[r] || needed < 2) continue;
    need[r] = needed;
    observed[reqOwner[r]!] = 1;
    for (let a = altStart[r]!; a < altStart[r + 1]!; a++) observed[alts[a]!] = 1;
  }
  return { need, observed };
}

interface Singles {
  /** down[x]: observed services and entry points in focus down when x fails alone, ascending. */
  down: Int32Array[];
  /** Units whose single failure downs service u: hitters[hitStart[u] .. hitStart[u+1]-1]. */
  hitStart: Int32Array;
  hitters: Int32Array;
}

function recordSingles(
  plan: SweepPlan,
  units: PairUnits,
  inFocus: Uint8Array,
  meeting: Meeting,
): Singles {
  const { n } = plan.graph;
  const interesting = new Uint8Array(n);
  for (let v = 0; v < n; v++) interesting[v] = inFocus[v]! | meeting.observed[v]!;
  const lists: number[][] = Array.from({ length: units.count }, () => []);
  const hitStart = new Int32Array(n + 1);
  units.sweepSingles(plan, {
    interesting,
    down(x, v) {
      lists[x]!.push(v);
      if (meeting.observed[v]) hitStart[v + 1]!++;
    },
  });
  const down = lists.map((list) => Int32Array.from(list).sort());
  for (let v = 0; v < n; v++) hitStart[v + 1]! += hitStart[v]!;
  const fill = hitStart.slice(0, n);
  const hitters = new Int32Array(hitStart[n]!);
  for (let x = 0; x < units.count; x++) {
    for (const v of down[x]!) if (meeting.observed[v]) hitters[fill[v]!++] = x;
  }
  return { down, hitStart, hitters };
}

interface Candidates {
  first: Int32Array;
  second: Int32Array;
  count: number;
  /** Candidates beyond the budget, counted up to COUNTING_LIMIT × budget. */
  unchecked: number;
}

/** How far past the budget the candidates left unchecked are counted. */
const COUNTING_LIMIT = 10;

/**
 * Every pair that meets at a requirement (see the head comment), once, up to `budget` pairs:
 * units in search order, each with its partners later in that order (pairs that share a unit
 * and nearby partners share ancestors, which keeps the verifying sweep's passes small).
 */
function enumerateCandidates(
  graph: CompiledGraph,
  units: PairUnits,
  meeting: Meeting,
  singles: Singles,
  bits: EntryBitsets | null,
  budget: number,
): Candidates {
  const found: Candidates = {
    first: new Int32Array(16),
    second: new Int32Array(16),
    count: 0,
    unchecked: 0,
  };
  const search = new PartnerSearch(graph, units, meeting, singles, bits);
  const limit = Math.max(1, budget * COUNTING_LIMIT);
  for (let p = 0; p < units.searched && found.unchecked < limit; p++) {
    const x = units.order[p]!;
    if (!units.eligible(x)) continue;
    for (const y of search.partners(x)) {
      if (found.count < budget) push(found, x, y);
      else found.unchecked++;
    }
  }
  return found;
}

class PartnerSearch {
  private readonly reqSeen: Int32Array;
  private readonly partnerSeen: Int32Array;
  private readonly position: Int32Array;
  /** lost[x * words ..]: the entry points x takes down alone, as a bitset (with `bits`). */
  private readonly lost: Uint32Array;

  constructor(
    private readonly graph: CompiledGraph,
    private readonly units: PairUnits,
    private readonly meeting: Meeting,
    private readonly singles: Singles,
    private readonly bits: EntryBitsets | null,
  ) {
    this.reqSeen = new Int32Array(graph.reqOwner.length).fill(-1);
    this.partnerSeen = new Int32Array(units.count).fill(-1);
    this.position = new Int32Array(units.count);
    for (let p = 0; p < units.count; p++) this.position[units.order[p]!] = p;
    this.lost = new Uint32Array(bits === null ? 0 : bits.words * units.count);
    for (let x = 0; bits !== null && x < units.count; x++) {
      for (const v of singles.down[x]!) {
        const b = bits.bit[v]!;
        if (b < 0) continue;
        const at = x * bits.words + wordOf(b);
        this.lost[at] = union(this.lost[at]!, bitInWord(b));
      }
    }
  }

  /**
   * Whether x and y meeting at requirement r can take down an entry point that neither takes
   * down alone: only entry points above r's owner can go down with it (or after it).
   */
  private canLoseMore(r: number, x: number, y: number): boolean {
    if (this.bits === null) return true;
    const { words, above } = this.bits;
    const w = this.graph.reqOwner[r]!;
    for (let i = 0; i < words; i++) {
      const lostAlone = union(this.lost[x * words + i]!, this.lost[y * words + i]!);
      if (difference(above[w * words + i]!, lostAlone) !== 0) return true;
    }
    return false;
  }

  /** The units after x in search order that meet x at some requirement, in search order. */
  partners(x: number): number[] {
    const { graph, meeting } = this;
    const downX = this.singles.down[x]!;
    const partners: number[] = [];
    for (const u of downX) {
      for (let k = graph.usedByStart[u]!; k < graph.usedByStart[u + 1]!; k++) {
        const r = graph.usedBy[k]!;
        if (meeting.need[r] === 0 || this.reqSeen[r] === x) continue;
        this.reqSeen[r] = x;
        if (has(downX, graph.reqOwner[r]!) || altsDown(graph, r, downX) >= meeting.need[r]!)
          continue;
        this.meetAt(x, r, downX, partners);
      }
    }
    return partners.sort((a, b) => this.position[a]! - this.position[b]!);
  }

  private meetAt(x: number, r: number, downX: Int32Array, partners: number[]): void {
    const { graph, units, singles, position } = this;
    for (let a = graph.altStart[r]!; a < graph.altStart[r + 1]!; a++) {
      const u = graph.alts[a]!;
      for (let h = singles.hitStart[u]!; h < singles.hitStart[u + 1]!; h++) {
        const y = singles.hitters[h]!;
        if (position[y]! <= position[x]! || this.partnerSeen[y] === x) continue;
        if (!units.eligible(y) || units.nested(x, y)) continue;
        if (!meets(graph, r, this.meeting.need[r]!, downX, singles.down[y]!)) continue;
        if (!this.canLoseMore(r, x, y)) continue;
        this.partnerSeen[y] = x;
        partners.push(y);
      }
    }
  }
}

/** y's failure fails fewer than `need` alternatives of r and not its owner; x's and y's together do. */
function meets(
  graph: CompiledGraph,
  r: number,
  need: number,
  downX: Int32Array,
  downY: Int32Array,
): boolean {
  if (has(downY, graph.reqOwner[r]!)) return false;
  let ofY = 0;
  let ofBoth = 0;
  for (let a = graph.altStart[r]!; a < graph.altStart[r + 1]!; a++) {
    const inY = has(downY, graph.alts[a]!);
    if (inY) ofY++;
    if (inY || has(downX, graph.alts[a]!)) ofBoth++;
  }
  return ofY < need && ofBoth >= need;
}

function altsDown(graph: CompiledGraph, r: number, down: Int32Array): number {
  let count = 0;
  for (let a = graph.altStart[r]!; a < graph.altStart[r + 1]!; a++)
    if (has(down, graph.alts[a]!)) count++;
  return count;
}

function push(found: Candidates, x: number, y: number): void {
  if (found.count === found.first.length) {
    const grow = (old: Int32Array) => {
      const bigger = new Int32Array(old.length * 2);
      bigger.set(old);
      return bigger;
    };
    found.first = grow(found.first);
    found.second = grow(found.second);
  }
  found.first[found.count] = x;
  found.second[found.count++] = y;
}

/** Binary search in an ascending array. */
function has(sorted: Int32Array, v: number): boolean {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (sorted[mid]! < v) low = mid + 1;
    else high = mid;
  }
  return low < sorted.length && sorted[low] === v;
}

/** Propagates every candidate pair and keeps the entry points that neither member takes down. */
function verify(
  plan: SweepPlan,
  units: PairUnits,
  inFocus: Uint8Array,
  singles: Singles,
  candidates: Candidates,
): FoundPair[] {
  const { first, second } = candidates;
  const entries: number[][] = [];
  const labelOf: number[] = [];
  const slot = new Map<number, number>();
  const both = new PairMembers(units);
  outageSweepOf(
    plan,
    candidates.count,
    (label) => both.of(first[label]!, second[label]!),
    {
      interesting: inFocus,
      down(label, e) {
        if (has(singles.down[first[label]!]!, e) || has(singles.down[second[label]!]!, e)) return;
        let s = slot.get(label);
        if (s === undefined) {
          s = entries.length;
          slot.set(label, s);
          entries.push([]);
          labelOf.push(label);
        }
        entries[s]!.push(e);
      },
    },
    { counts: false },
  );
  return labelOf.map((label, s) => ({
    a: Math.min(first[label]!, second[label]!),
    b: Math.max(first[label]!, second[label]!),
    entries: entries[s]!.sort((p, q) => p - q),
  }));
}

/** The members of two units as one outage, in a buffer reused from call to call. */
class PairMembers {
  private buffer = new Int32Array(16);
  constructor(private readonly units: PairUnits) {}

  of(a: number, b: number): Int32Array {
    // Copy each before asking for the next: members() may reuse its array.
    const length = this.append(this.units.members(a), 0);
    return this.buffer.subarray(0, this.append(this.units.members(b), length));
  }

  private append(members: ArrayLike<number>, at: number): number {
    if (at + members.length > this.buffer.length) {
      const bigger = new Int32Array(2 * (at + members.length));
      bigger.set(this.buffer.subarray(0, at));
      this.buffer = bigger;
    }
    for (let i = 0; i < members.length; i++) this.buffer[at + i] = members[i]!;
    return at + members.length;
  }
}
