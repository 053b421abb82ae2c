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
import {
  explanationOf,
  FailureChains,
  type FailureExplainer,
  type FailureExplanation,
  type OutageCauses,
} from '../outage/failure-chains.js';
import type { ChunkObserver, SweepObserver } from '../outage/outage-sweep.js';

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
  /** needed[v] = epoch: v is down and the target needs it. */
  private readonly needed: Int32Array;
  /** fell[v] = epoch: v went down in the propagation within the needed ones. */
  private readonly fell: Int32Array;
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
    this.fell = new Int32Array(graph.n);
    this.causeOf = new Int32Array(graph.n);
    this.causeRequirement = new Int32Array(graph.n);
    this.reqStamp = new Int32Array(graph.reqOwner.length);
    this.reqDown = new Int32Array(graph.reqOwner.length);
    this.work = new Int32Array(graph.n);
    this.causes = {
      cause: (v) => (v >= 0 && this.fell[v] === this.epoch ? this.causeOf[v]! : -1),
      failedRequirement: (v) =>
        v !== this.failed && this.fell[v] === this.epoch ? this.causeRequirement[v]! : -1,
      isFailed: (v) => v === this.failed,
    };
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

  private readonly seen: ChunkObserver['seen'] = (chunk, size, _down, downOf) => {
    const { services } = this.graph;
    for (let i = 0; i < size; i++) {
      const x = chunk[i]!;
      const first = this.first[x]!;
      if (first === 0 || services[x]!.virtual) continue;
      const target = this.priority[first - 1]!;
      const explanation = this.within(x, target, downOf, 1 << i);
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
    downOf: (v: number) => number,
    bit: number,
  ): FailureExplanation | undefined {
    const { reqStart, reqSoft, altStart, alts, usedByStart, usedBy, reqOwner, reqQuorum } =
      this.graph;
    const { needed, fell, causeOf, causeRequirement, reqStamp, reqDown, work } = this;
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
          if ((downOf(u) & bit) === 0 || needed[u] === epoch) continue;
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
    return explanationOf(this.graph, this.causes, target);
  }

  private nextEpoch(): number {
    if (this.epoch === 0x7fffffff) {
      for (const stamps of [this.needed, this.fell, this.reqStamp]) stamps.fill(0);
      this.epoch = 0;
    }
    return ++this.epoch;
  }
}
