// Provider concentration: for each provider, the share of entry points its total loss takes
// down and its amplification — all it takes down over those that depend on it directly
// (Kashaf, Sekar, Agarwal, "Analyzing Third Party Service Dependencies…", IMC 2020).

import { byCodeUnit } from '../../compare.js';
import type { ProviderConcentration } from '../analysis-result.js';
import type { FailureDomain } from './failure-domains.js';
import { RankQueue } from '../graph/rank-queue.js';
import type { SweepPlan } from './outage-sweep.js';

/**
 * An entry point depends on provider P *directly* when it reaches a service of P along edges
 * whose intermediate services carry no provider label or P's: its own services. A path that
 * passes through another provider's service (a SaaS on AWS) is indirect.
 */
export function providerConcentration(
  plan: SweepPlan,
  domains: readonly FailureDomain[],
  domainTakesDown: ReadonlyMap<string, number[]>,
  entrypointCount: number,
): ProviderConcentration[] {
  const { graph } = plan;
  const providers = domains.filter((d) => d.level === 'provider');
  const reaching = directlyReaching(plan, providers);
  const words = wordsFor(providers.length);
  const result: ProviderConcentration[] = [];
  providers.forEach(({ domain, members }, p) => {
    const provider = graph.services[members[0]!]!.provider!;
    const lost = domainTakesDown.get(domain) ?? [];
    const word = p >>> 5;
    const bit = 1 << (p & 31);
    let direct = 0;
    for (const v of lost) if (reaching[words * plan.rank[v]! + word]! & bit) direct++;
    result.push({
      provider,
      services: members.length,
      takesDown: lost.length,
      share: entrypointCount === 0 ? 0 : round(lost.length / entrypointCount),
      direct,
      indirect: lost.length - direct,
      amplification: direct === 0 ? null : round(lost.length / direct),
    });
  });
  return result.sort((a, b) => b.takesDown - a.takesDown || byCodeUnit(a.provider, b.provider));
}

function wordsFor(providers: number): number {
  return Math.max(1, (providers + 31) >>> 5);
}

/**
 * For every provider domain P at once, the services that reach one of P's members through
 * services of no provider or of P's (members included): bit p of the words of rank r, `words`
 * words per rank. A service passes on the bits it holds when it carries no provider label, and
 * only its own provider's bit when it does; bits travel from dependency to dependent, ranks
 * settled in topological order (again within a cycle until nothing changes), so a service is
 * visited once per time what it passes on grows: one pass over the graph when it has no
 * cycles, where a search per provider would walk the unlabelled services once per provider.
 */
function directlyReaching(plan: SweepPlan, providers: readonly FailureDomain[]): Int32Array {
  const { graph, order, rank, dependentStart, dependents } = plan;
  const n = order.length;
  const words = wordsFor(providers.length);
  const reach = new Int32Array(words * n);
  // own[r]: the provider domain whose label rank r carries (-1: none, -2: no label at all).
  const own = new Int32Array(n).fill(-2);
  const byLabel = new Map<string, number>();
  providers.forEach(({ members }, p) => {
    byLabel.set(graph.services[members[0]!]!.provider!, p);
    for (const m of members) reach[words * rank[m]! + (p >>> 5)]! |= 1 << (p & 31);
  });
  const queue = new RankQueue(n);
  for (let r = 0; r < n; r++) {
    const label = graph.services[order[r]!]!.provider;
    if (label !== undefined) own[r] = byLabel.get(label) ?? -1;
    if (passesOn(reach, words, own, r)) queue.push(r);
  }
  const passing = new Int32Array(words);
  while (queue.size > 0) {
    const r = queue.pop();
    const base = words * r;
    if (own[r] === -2) {
      for (let w = 0; w < words; w++) passing[w] = reach[base + w]!;
    } else {
      passing.fill(0);
      const p = own[r]!;
      if (p >= 0) passing[p >>> 5] = reach[base + (p >>> 5)]! & (1 << (p & 31));
    }
    for (let k = dependentStart[r]!; k < dependentStart[r + 1]!; k++) {
      const d = dependents[k]!;
      const target = words * d;
      let grew = false;
      for (let w = 0; w < words; w++) {
        const added = passing[w]! & ~reach[target + w]!;
        if (added === 0) continue;
        reach[target + w]! |= added;
        const p = own[d]!;
        if (p === -2 || (p >>> 5 === w && added & (1 << (p & 31)))) grew = true;
      }
      if (grew) queue.push(d);
    }
  }
  return reach;
}

/** Whether rank r has anything to pass on: bits when unlabelled, its own provider's bit otherwise. */
function passesOn(reach: Int32Array, words: number, own: Int32Array, r: number): boolean {
  const p = own[r]!;
  if (p === -1) return false;
  if (p >= 0) return (reach[words * r + (p >>> 5)]! & (1 << (p & 31))) !== 0;
  for (let w = 0; w < words; w++) if (reach[words * r + w] !== 0) return true;
  return false;
}

function round(value: number): number {
  return Math.round(value * 10_000) / 10_000;
}
