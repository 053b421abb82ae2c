// Single failures and failure domains in an outage that lasts D, kept bit-parallel: a requirement
// that tolerates D or more can never be unmet before the outage ends, so for D it is as good as
// soft. The sweep over that graph finds, for every outage, a superset of what is down at D (a
// tolerance shorter than D counts there as none) — exactly the down set when no service it takes
// down owns a hard requirement with a tolerance between 0 and D, because then every one of them
// goes down at 0. Only the outages that reach such a service ("watched" ones) are settled again,
// one by one, with the label-setting clock of timeline.ts.

import type { CompiledGraph } from '../../../model/compiled-graph.js';
import type { SweepPlan } from '../outage-sweep.js';
import { OutageClock } from './timeline.js';

/** One outage of length D settled by the clock: what the sweep's counts would have said. */
export interface TimedOutcome {
  /** Services failed or down at the end (failed ones included). */
  down: number;
  /** Entry points in focus failed or down at the end, ascending. */
  entries: number[];
  /** Sum of cost_per_hour over them. */
  costPerHour: number;
}

export class OutageLength {
  /** The sweep plan in which every requirement tolerating `duration` or more is soft. */
  readonly plan: SweepPlan;
  /** 1 for a service owning a requirement hard for `duration` with a tolerance above 0. */
  readonly watch: Uint8Array;
  private readonly clock: OutageClock;

  constructor(
    plan: SweepPlan,
    readonly duration: number,
    private readonly inFocus: Uint8Array,
  ) {
    const { graph } = plan;
    this.plan = softFor(plan, duration);
    this.watch = new Uint8Array(graph.n);
    for (let q = 0; q < graph.reqOwner.length; q++) {
      const tolerance = graph.reqTolerance[q]!;
      if (!graph.reqSoft[q] && tolerance > 0 && tolerance < duration)
        this.watch[graph.reqOwner[q]!] = 1;
    }
    this.clock = new OutageClock(graph);
  }

  /** `failed` failing at once for `duration`, settled in time. */
  settle(failed: ArrayLike<number>): TimedOutcome {
    const { graph } = this.plan;
    const { clock, inFocus, duration } = this;
    clock.run(failed);
    const lost: number[] = [];
    for (const v of clock.order) {
      if (!(clock.downAt[v]! < duration)) break;
      lost.push(v);
    }
    lost.sort((a, b) => a - b);
    let costPerHour = 0;
    for (const v of lost) costPerHour += graph.costPerHour[v]!;
    return { down: lost.length, entries: lost.filter((v) => inFocus[v]), costPerHour };
  }
}

/** Nothing changes for any D when no requirement tolerates anything. */
export function toleranceMatters(graph: CompiledGraph): boolean {
  return graph.reqTolerance.some((t) => t > 0);
}

/** `plan` with every requirement that tolerates `duration` or more made soft. */
function softFor(plan: SweepPlan, duration: number): SweepPlan {
  const { graph, order } = plan;
  const reqSoft = plan.reqSoft.slice();
  for (let r = 0; r < order.length; r++) {
    const v = order[r]!;
    const ranked = plan.reqStart[r]! - graph.reqStart[v]!;
    for (let q = graph.reqStart[v]!; q < graph.reqStart[v + 1]!; q++) {
      if (graph.reqTolerance[q]! >= duration) reqSoft[ranked + q] = 1;
    }
  }
  return { ...plan, reqSoft };
}
