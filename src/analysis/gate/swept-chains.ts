// The chains of the `no-spof` findings, told while the sweep over every single failure holds each
// outage's down set. A finding about component x explains one entry point t (the most critical
// it takes down, chosen as outage-findings.ts chooses it: the sweep's `down` calls say which
// those are before the chunk's masks are shown). Of x's outage only what t needs matters: the
// services found by a search back from t through the alternatives of hard requirements that are
// down (the sweep's masks tell which). Propagated from x within those alone, the outage takes
// them down in the same order as the whole propagation does — each one by the same service and
// requirement, since all it needs is among them — so the chain and the line are those
// FailureChains tells, at the cost of what t needs rather than of the outage.

import type { CompiledGraph } from '../../model/compiled-graph.js';
import { requirementPosition } from '../../manifest/held-requirements.js';
import {
  CHAIN_GAP,
  FailureChains,
  SHOWN,
  type FailureExplainer,
  type FailureExplanation,
} from '../outage/failure-chains.js';
import type { ChunkObserver, RankedMasks, SweepObserver } from '../outage/outage-sweep.js';
import { WORDS } from '../outage/sweep/down-sets.js';

export class SweptChains implements FailureExplainer {
  private readonly fallback: FailureChains;
  /** By component: the entry point explained (-1: none told) and why it goes down. */
  private readonly toldTarget: Int32Array;
  private readonly toldExplanation: Array<FailureExplanation | undefined>;
  private toldCount = 0;
  /** 1 for the entry points a finding may explain: the sweep tells `down` for these. */
  readonly explained: Uint8Array;
  /** place[v]: 1 + v's position in the priority order, 0 when it is not in it. */
  private readonly place: Int32Array;
  /** first[x]: the place of the first entry point in priority order that x's failure takes down. */
  private readonly first: Int32Array;
  private epoch = 0;
  /** needed[v] = epoch: v is down and the target needs it; neededRank the same by rank. */
  private readonly needed: Int32Array;
  private readonly neededRank: Int32Array;
  /** fell[v] = epoch: v went down in the propagation within the needed ones. */
  private readonly fell: Int32Array;
  private readonly causeOf: Int32Array;
  private readonly causeRequirement: Int32Array;
  private readonly reqStamp: Int32Array;
  private readonly reqDown: Int32Array;
  private readonly work: Int32Array;
  /** The ids of a chain as it is told. */
  private readonly kept = new Int32Array(SHOWN);
  private readonly parts: string[] = [];

  /**
   * `priority`: the entry points a finding may explain, most critical first; the finding about
   * x explains the first of them that x's failure takes down (other than x).
   */
  constructor(
    private readonly graph: CompiledGraph,
    private readonly priority: readonly number[],
  ) {
    this.fallback = new FailureChains(graph);
    this.explained = new Uint8Array(graph.n);
    this.place = new Int32Array(graph.n);
    priority.forEach((t, k) => {
      this.explained[t] = 1;
      this.place[t] = k + 1;
    });
    this.first = new Int32Array(graph.n);
    this.toldTarget = new Int32Array(graph.n).fill(-1);
    this.toldExplanation = new Array<FailureExplanation | undefined>(graph.n);
    this.needed = new Int32Array(graph.n);
    this.neededRank = new Int32Array(graph.n);
    this.fell = new Int32Array(graph.n);
    this.causeOf = new Int32Array(graph.n);
    this.causeRequirement = new Int32Array(graph.n);
    this.reqStamp = new Int32Array(graph.reqOwner.length);
    this.reqDown = new Int32Array(graph.reqOwner.length);
    this.work = new Int32Array(graph.n);
  }

  /**
   * To be told by the sweep over every single failure: v (one of `explained`) is failed or down
   * when x fails. The sweep tells these for a chunk of failures before showing it to `chunks`.
   */
  readonly down = (x: number, v: number): void => {
    if (v === x) return;
    const at = this.place[v]!;
    const first = this.first[x]!;
    if (first === 0 || at < first) this.first[x] = at;
  };

  /**
   * To be given to the same sweep. It reads every service: the search back from an entry point
   * may pass through any of them.
   */
  get chunks(): ChunkObserver {
    return { reads: new Uint8Array(this.graph.n).fill(1), seen: this.seen };
  }

  /** Both, for a sweep told nothing else. */
  get observer(): SweepObserver {
    return { interesting: this.explained, down: this.down, chunks: this.chunks };
  }

  private readonly seen: ChunkObserver['seen'] = (chunk, size, _down, _downOf, byRank) => {
    const { services } = this.graph;
    for (let i = 0; i < size; i++) {
      const x = chunk[i]!;
      const first = this.first[x]!;
      if (first === 0 || services[x]!.virtual) continue;
      const target = this.priority[first - 1]!;
      const explanation = this.within(x, target, byRank, 1 << i);
      if (explanation === undefined) continue;
      this.toldTarget[x] = target;
      this.toldExplanation[x] = explanation;
      this.toldCount++;
    }
  };

  /** How many explanations were told during the sweep. */
  get toldDuringSweep(): number {
    return this.toldCount;
  }

  explain(failed: readonly number[], target: number): FailureExplanation {
    if (failed.length === 1 && this.toldTarget[failed[0]!] === target)
      return this.toldExplanation[failed[0]!]!;
    return this.fallback.explain(failed, target);
  }

  /** Why `target` goes down when x fails, given which services are down then (bit `bit`). */
  private within(
    x: number,
    target: number,
    { plan, masks, word }: RankedMasks,
    bit: number,
  ): FailureExplanation | undefined {
    const { reqSoft, altStart, usedByStart, usedBy, reqOwner, reqQuorum } = this.graph;
    const { needed, neededRank, fell, causeOf, causeRequirement, reqStamp, reqDown, work } = this;
    const epoch = this.nextEpoch();
    // What the target needs that is down: back through the hard requirements' alternatives,
    // walked by rank, where the masks are.
    const { order, rank, reqStart: rankReqStart, reqSoft: rankReqSoft } = plan;
    const { altStart: rankAltStart, alts: rankAlts } = plan;
    let top = 0;
    work[top++] = rank[target]!;
    neededRank[rank[target]!] = epoch;
    needed[target] = epoch;
    while (top > 0) {
      const v = work[--top]!;
      for (let r = rankReqStart[v]!; r < rankReqStart[v + 1]!; r++) {
        if (rankReqSoft[r]) continue;
        for (let a = rankAltStart[r]!; a < rankAltStart[r + 1]!; a++) {
          const u = rankAlts[a]!;
          if (neededRank[u] === epoch || (masks[WORDS * u + word]! & bit) === 0) continue;
          neededRank[u] = epoch;
          needed[order[u]!] = epoch;
          work[top++] = u;
        }
      }
    }
    if (needed[x] !== epoch) return undefined;
    // The outage from x within them, first in first out as Propagator does, until the target.
    let head = 0;
    let tail = 0;
    work[tail++] = x;
    fell[x] = epoch;
    causeOf[x] = -1;
    while (head < tail && fell[target] !== epoch) {
      const u = work[head++]!;
      for (let k = usedByStart[u]!; k < usedByStart[u + 1]!; k++) {
        const r = usedBy[k]!;
        const v = reqOwner[r]!;
        if (reqSoft[r] || needed[v] !== epoch) continue;
        const downAlternatives = reqStamp[r] === epoch ? reqDown[r]! + 1 : 1;
        reqStamp[r] = epoch;
        reqDown[r] = downAlternatives;
        if (fell[v] === epoch) continue;
        if (altStart[r + 1]! - altStart[r]! - downAlternatives < reqQuorum[r]!) {
          fell[v] = epoch;
          causeOf[v] = u;
          causeRequirement[v] = r;
          work[tail++] = v;
          if (v === target) break;
        }
      }
    }
    if (fell[target] !== epoch) return undefined;
    return this.explanation(x, target);
  }

  /**
   * What `explanationOf` tells from the causes just found, read from them directly: the last
   * hop is the service on the chain whose cause is x, and the chain runs from the target to x.
   */
  private explanation(x: number, target: number): FailureExplanation {
    const { causeOf, causeRequirement } = this;
    const { ids, services, reqStart } = this.graph;
    let hop = target;
    while (causeOf[hop] !== x) hop = causeOf[hop]!;
    const location = requirementPosition(services[hop]!, causeRequirement[hop]! - reqStart[hop]!);
    // As shortenedChain: every id when there are at most SHOWN, else the first SHOWN − 2,
    // the gap and x.
    const kept = this.kept;
    let count = 0;
    for (let v = target; count < SHOWN; v = causeOf[v]!) {
      kept[count++] = v;
      if (v === x) break;
    }
    const whole = kept[count - 1] === x;
    const shown = whole ? count : SHOWN - 2;
    // Joined once into a flat string: added hop by hop it was a tree of pieces, which the
    // writer then had to flatten (95,000 chains on a layered graph of 100,000 services).
    const parts = this.parts;
    parts.length = 0;
    for (let k = 0; k < shown; k++) parts.push(ids[kept[k]!]!);
    if (!whole) parts.push(CHAIN_GAP, ids[x]!);
    return { location, chain: parts.join(' → ') };
  }

  private nextEpoch(): number {
    if (this.epoch === 0x7fffffff) {
      for (const stamps of [this.needed, this.neededRank, this.fell, this.reqStamp]) stamps.fill(0);
      this.epoch = 0;
    }
    return ++this.epoch;
  }
}
