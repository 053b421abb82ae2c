// Provider concentration: for each provider, the share of entry points its total loss takes
// down and its amplification — all it takes down over those that depend on it directly
// (Kashaf, Sekar, Agarwal, "Analyzing Third Party Service Dependencies…", IMC 2020).

import { byCodeUnit } from '../../compare.js';
import type { CompiledGraph } from '../../model/compiled-graph.js';
import type { ProviderConcentration } from '../analysis-result.js';
import type { FailureDomain } from './failure-domains.js';

/**
 * An entry point depends on provider P *directly* when it reaches a service of P along edges
 * whose intermediate services carry no provider label or P's: its own services. A path that
 * passes through another provider's service (a SaaS on AWS) is indirect.
 */
export function providerConcentration(
  graph: CompiledGraph,
  domains: readonly FailureDomain[],
  domainTakesDown: ReadonlyMap<string, number[]>,
  entrypointCount: number,
): ProviderConcentration[] {
  const result: ProviderConcentration[] = [];
  for (const { domain, level, members } of domains) {
    if (level !== 'provider') continue;
    const provider = graph.services[members[0]!]!.provider!;
    const lost = domainTakesDown.get(domain) ?? [];
    const reaches = directlyReaching(graph, provider, members);
    const direct = lost.filter((v) => reaches[v]).length;
    result.push({
      provider,
      services: members.length,
      takesDown: lost.length,
      share: entrypointCount === 0 ? 0 : round(lost.length / entrypointCount),
      direct,
      indirect: lost.length - direct,
      amplification: direct === 0 ? null : round(lost.length / direct),
    });
  }
  return result.sort((a, b) => b.takesDown - a.takesDown || byCodeUnit(a.provider, b.provider));
}

/** Services that reach one of `members` through services of no provider or of `provider`. */
function directlyReaching(
  graph: CompiledGraph,
  provider: string,
  members: readonly number[],
): Uint8Array {
  const seen = new Uint8Array(graph.n);
  const queue = new Int32Array(graph.n);
  let tail = 0;
  for (const m of members) {
    seen[m] = 1;
    queue[tail++] = m;
  }
  for (let head = 0; head < tail; head++) {
    const u = queue[head]!;
    const label = graph.services[u]!.provider;
    if (label !== undefined && label !== provider) continue;
    for (let k = graph.usedByStart[u]!; k < graph.usedByStart[u + 1]!; k++) {
      const v = graph.reqOwner[graph.usedBy[k]!]!;
      if (seen[v]) continue;
      seen[v] = 1;
      queue[tail++] = v;
    }
  }
  return seen;
}

function round(value: number): number {
  return Math.round(value * 10_000) / 10_000;
}
