// Why an outage takes a service down, told as a chain of ids and located at one manifest line:
// the dependency through which the outage reaches it (the last hop of the chain, the
// requirement of a service on a failed one). One propagation serves every service it downs.

import type { SourcePosition } from '../../manifest/types.js';
import type { CompiledGraph } from '../../model/compiled-graph.js';
import { DOWN, FAILED, Propagator } from './propagate.js';

/** The mark that stands for the ids left out of the middle of a long chain. */
export const CHAIN_GAP = '…';

/** Ids `check` shows of a chain before it shortens it. */
const SHOWN = 7;

/**
 * The chain from `first` along `next` to `end`, as names: whole when it has at most `max`
 * ids, otherwise its first max − 2, CHAIN_GAP and `end`. Walks at most `max` steps, so a long
 * chain costs no more than a short one.
 */
export function shortenedChain(
  first: number,
  next: (v: number) => number,
  end: number,
  max: number,
  name: (v: number) => string,
): string[] {
  const kept: number[] = [];
  for (let v = first; kept.length < max && v !== -1; v = next(v)) {
    kept.push(v);
    if (v === end) return kept.map(name);
  }
  return [...kept.slice(0, max - 2).map(name), CHAIN_GAP, name(end)];
}

export class FailureChains {
  private readonly propagator: Propagator;
  /** lastHop[v]: the service on v's chain that depends directly on a failed one. */
  private readonly lastHop: Int32Array;

  constructor(private readonly graph: CompiledGraph) {
    this.propagator = new Propagator(graph);
    this.lastHop = new Int32Array(graph.n);
  }

  /** Fails `failed`; the chains and locations below are then of this outage. */
  fail(failed: readonly number[]): void {
    const p = this.propagator;
    p.run(failed, { degraded: false });
    // Propagation order puts every cause before the services it takes down.
    for (let i = 0; i < p.downCount; i++) {
      const v = p.touched[i]!;
      const cause = p.cause(v);
      if (cause < 0) this.lastHop[v] = -1;
      else this.lastHop[v] = p.status(cause) === FAILED ? v : this.lastHop[cause]!;
    }
  }

  isDown(v: number): boolean {
    return this.propagator.status(v) >= DOWN;
  }

  /** The dependency through which the outage reaches v, or undefined if v failed itself. */
  location(v: number): SourcePosition | undefined {
    const hop = this.lastHop[v]!;
    if (hop < 0) return undefined;
    const r = this.propagator.failedRequirement(hop);
    return this.graph.services[hop]!.dependsOn[r - this.graph.reqStart[hop]!]!.position;
  }

  /** `web → api → s3`: v to the failed service, long chains shortened in the middle. */
  chain(v: number): string {
    const p = this.propagator;
    // The chain ends at the failed service its last hop depends on: no need to walk there.
    const end = this.lastHop[v]! < 0 ? v : p.cause(this.lastHop[v]!);
    const name = (u: number) => this.graph.ids[u]!;
    return shortenedChain(v, (u) => p.cause(u), end, SHOWN, name).join(' → ');
  }
}
