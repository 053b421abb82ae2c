// The chains of the `no-spof` findings, told while the sweep over every single failure holds each
// outage's down set. A finding about component x explains one entry point t (the most critical
// it takes down, chosen as outage-findings.ts chooses it). Of x's outage only what t needs
// matters: the services found by a search back from t through the alternatives of hard
// requirements that are down (the sweep's masks tell which). Propagated from x within those
// alone, the outage takes them down in the same order as the whole propagation does — each one
// by the same service and requirement, since all it needs is among them — so the chain and the
// line are those FailureChains tells, at the cost of what t needs rather than of the outage.

import type { CompiledGraph } from '../../model/compiled-graph.js';
import {
  explanationOf,
  FailureChains,
  type FailureExplainer,
  type FailureExplanation,
  type OutageCauses,
} from '../outage/failure-chains.js';
import type { ChunkObserver } from '../outage/outage-sweep.js';

export class SweptChains implements FailureExplainer {
  private readonly fallback: FailureChains;
  /** Component → the entry point explained and why it goes down. */
  private readonly told = new Map<number, { target: number; explanation: FailureExplanation }>();
  private readonly targetOf = new Int32Array(32);
  private epoch = 0;
  /** needed[v] = epoch: v is down and the target needs it. */
  private readonly needed: Int32Array;
  /** down[v] = epoch: v went down in the propagation within the needed ones. */
  private readonly down: Int32Array;
  private readonly causeOf: Int32Array;
  private readonly causeRequirement: Int32Array;
  private readonly reqStamp: Int32Array;
  private readonly reqDown: Int32Array;
  private readonly work: Int32Array;
  private failed = -1;
  private readonly causes: OutageCauses;

  /**
   * `priority`: the entry points a finding may explain, most critical first; the finding about
   * x explains the first of them that x's failure takes down (other than x).
   */
  constructor(
    private readonly graph: CompiledGraph,
    private readonly priority: readonly number[],
  ) {
    this.fallback = new FailureChains(graph);
    this.needed = new Int32Array(graph.n);
    this.down = new Int32Array(graph.n);
    this.causeOf = new Int32Array(graph.n);
    this.causeRequirement = new Int32Array(graph.n);
    this.reqStamp = new Int32Array(graph.reqOwner.length);
    this.reqDown = new Int32Array(graph.reqOwner.length);
    this.work = new Int32Array(graph.n);
    this.causes = {
      cause: (v) => (v >= 0 && this.down[v] === this.epoch ? this.causeOf[v]! : -1),
      failedRequirement: (v) =>
        v !== this.failed && this.down[v] === this.epoch ? this.causeRequirement[v]! : -1,
      isFailed: (v) => v === this.failed,
    };
  }

  /**
   * To be given to the sweep over every single failure. It reads every service: the search back
   * from an entry point may pass through any of them.
   */
  get chunks(): ChunkObserver {
    return { reads: new Uint8Array(this.graph.n).fill(1), seen: this.seen };
  }

  private readonly seen: ChunkObserver['seen'] = (chunk, size, _down, downOf) => {
    const { targetOf } = this;
    let pending = 0;
    for (let i = 0; i < size; i++) {
      targetOf[i] = -1;
      if (!this.graph.services[chunk[i]!]!.virtual) pending |= 1 << i;
    }
    for (let k = 0; k < this.priority.length && pending !== 0; k++) {
      const t = this.priority[k]!;
      for (let rest = downOf(t) & pending; rest !== 0; rest &= rest - 1) {
        const i = 31 - Math.clz32(rest & -rest);
        if (chunk[i] === t) continue;
        targetOf[i] = t;
        pending &= ~(1 << i);
      }
    }
    for (let i = 0; i < size; i++) {
      const target = targetOf[i]!;
      if (target < 0) continue;
      const bit = 1 << i;
      const explanation = this.within(chunk[i]!, target, (v) => (downOf(v) & bit) !== 0);
      if (explanation !== undefined) this.told.set(chunk[i]!, { target, explanation });
    }
  };

  /** How many explanations were told during the sweep. */
  get toldDuringSweep(): number {
    return this.told.size;
  }

  explain(failed: readonly number[], target: number): FailureExplanation {
    const told = failed.length === 1 ? this.told.get(failed[0]!) : undefined;
    if (told !== undefined && told.target === target) return told.explanation;
    return this.fallback.explain(failed, target);
  }

  /** Why `target` goes down when x fails, given which services are down then. */
  private within(
    x: number,
    target: number,
    isDown: (v: number) => boolean,
  ): FailureExplanation | undefined {
    const { reqStart, reqSoft, altStart, alts, usedByStart, usedBy, reqOwner, reqQuorum } =
      this.graph;
    const { needed, down, causeOf, causeRequirement, reqStamp, reqDown, work } = this;
    const epoch = this.nextEpoch();
    // What the target needs that is down: back through the hard requirements' alternatives.
    let top = 0;
    work[top++] = target;
    needed[target] = epoch;
    while (top > 0) {
      const v = work[--top]!;
      for (let r = reqStart[v]!; r < reqStart[v + 1]!; r++) {
        if (reqSoft[r]) continue;
        for (let a = altStart[r]!; a < altStart[r + 1]!; a++) {
          const u = alts[a]!;
          if (needed[u] === epoch || !isDown(u)) continue;
          needed[u] = epoch;
          work[top++] = u;
        }
      }
    }
    if (needed[x] !== epoch) return undefined;
    // The outage from x within them, first in first out as Propagator does, until the target.
    this.failed = x;
    let head = 0;
    let tail = 0;
    work[tail++] = x;
    down[x] = epoch;
    causeOf[x] = -1;
    while (head < tail && down[target] !== epoch) {
      const u = work[head++]!;
      for (let k = usedByStart[u]!; k < usedByStart[u + 1]!; k++) {
        const r = usedBy[k]!;
        const v = reqOwner[r]!;
        if (reqSoft[r] || needed[v] !== epoch) continue;
        const downAlternatives = reqStamp[r] === epoch ? reqDown[r]! + 1 : 1;
        reqStamp[r] = epoch;
        reqDown[r] = downAlternatives;
        if (down[v] === epoch) continue;
        if (altStart[r + 1]! - altStart[r]! - downAlternatives < reqQuorum[r]!) {
          down[v] = epoch;
          causeOf[v] = u;
          causeRequirement[v] = r;
          work[tail++] = v;
          if (v === target) break;
        }
      }
    }
    if (down[target] !== epoch) return undefined;
    return explanationOf(this.graph, this.causes, target);
  }

  private nextEpoch(): number {
    if (this.epoch === 0x7fffffff) {
      for (const stamps of [this.needed, this.down, this.reqStamp]) stamps.fill(0);
      this.epoch = 0;
    }
    return ++this.epoch;
  }
}
