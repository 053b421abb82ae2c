// Why an outage takes a service down, told as a chain of ids and located at one manifest line:
// the dependency through which the outage reaches it (the last hop of the chain, the
// requirement of a service on a failed one). The outage is propagated only as far as needed to
// reach the service asked about.

import { requirementPosition } from '../../manifest/held-requirements.js';
import type { SourcePosition } from '../../manifest/types.js';
import type { CompiledGraph } from '../../model/compiled-graph.js';
import { FAILED, Propagator } from './propagate.js';

/** The mark that stands for the ids left out of the middle of a long chain. */
export const CHAIN_GAP = '…';

/** Ids `check` shows of a chain before it shortens it. */
export const SHOWN = 7;

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

/** Why one service goes down in one outage. */
export interface FailureExplanation {
  /** The dependency through which the outage reaches it, or undefined if it failed itself. */
  location: SourcePosition | undefined;
  /** `web → api → s3`: it to the failed service, long chains shortened in the middle. */
  chain: string;
}

/** One outage's causes, as a chain is read from them. */
export interface OutageCauses {
  /** The next service on v's way to a failed one, or -1 for a failed or up service. */
  cause(v: number): number;
  /** The hard requirement whose loss took v down, or -1 unless v is down. */
  failedRequirement(v: number): number;
  isFailed(v: number): boolean;
}

/** Why `target` goes down in the outage whose causes are `causes`. */
export function explanationOf(
  graph: CompiledGraph,
  causes: OutageCauses,
  target: number,
): FailureExplanation {
  // The last hop: the service on the chain that depends directly on a failed one.
  let hop = causes.cause(target) < 0 ? -1 : target;
  while (hop >= 0 && !causes.isFailed(causes.cause(hop))) hop = causes.cause(hop);
  const name = (u: number) => graph.ids[u]!;
  if (hop < 0) return { location: undefined, chain: name(target) };
  const r = causes.failedRequirement(hop);
  const location = requirementPosition(graph.services[hop]!, r - graph.reqStart[hop]!);
  // The chain ends at the failed service its last hop depends on: no need to walk there.
  const end = causes.cause(hop);
  const chain = shortenedChain(target, (u) => causes.cause(u), end, SHOWN, name).join(' → ');
  return { location, chain };
}

/** Tells why a service goes down in an outage. */
export interface FailureExplainer {
  explain(failed: readonly number[], target: number): FailureExplanation;
}

export class FailureChains implements FailureExplainer {
  private readonly propagator: Propagator;
  private readonly causes: OutageCauses;

  constructor(private readonly graph: CompiledGraph) {
    const p = new Propagator(graph);
    this.propagator = p;
    this.causes = {
      cause: (v) => p.cause(v),
      failedRequirement: (v) => p.failedRequirement(v),
      isFailed: (v) => p.status(v) === FAILED,
    };
  }

  /**
   * Fails `failed` and tells why `target` goes down. Propagates only until `target` is down, and
   * then walks its chain back to the failed service.
   */
  explain(failed: readonly number[], target: number): FailureExplanation {
    this.propagator.run(failed, { degraded: false, stopAt: target });
    return explanationOf(this.graph, this.causes, target);
  }
}
