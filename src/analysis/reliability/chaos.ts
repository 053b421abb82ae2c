// `simulate --random N`: a deterministic, seedable model-level Chaos Monkey. Each sample
// fails components at random — each with probability 1 − sla/100 (SLA mode, where a failure
// domain given its own sla in `domains:` fails whole with 1 − its sla), or exactly k
// components or k failure domains — and is propagated exactly, 32 samples per pass
// (single-failure-sweep.ts). Per entry point: how often it went down, with a 95% Wilson score
// interval (wilson.ts), and its most frequent causes.
//
// A cause of entry point E in a sample is a failed unit (component or domain) that takes E down
// on its own — a single point of failure of E, or E itself — so the counts say which weakness
// the samples hit; a sample where E went down only through a combination (each failure alone
// harmless) counts under `combinations`. Random numbers: SplitMix32 (random.ts), so that the
// same seed gives the same samples on every platform.

import { componentUnits, domainUnits, type FailureUnits } from '../outage/failure-units.js';
import { byCodeUnit } from '../../compare.js';
import type { CompiledGraph } from '../../model/compiled-graph.js';
import type { FailureDomain } from '../outage/failure-domains.js';
import { outageSweepOf, type SweepPlan } from '../outage/outage-sweep.js';
import { commonCauses } from './common-causes.js';
import { splitMix32 } from './random.js';
import type { CommonCause } from './structure.js';
import { wilsonInterval } from './sampled/wilson.js';

export type ChaosMode = 'sla' | 'components' | 'domains';

export interface ChaosOptions {
  samples: number;
  seed: number;
  /** Exactly k failures per sample (components, or domains with `domains`); SLA mode without. */
  k?: number;
  domains?: boolean;
  onProgress?: (done: number, total: number) => void;
}

export interface ChaosCause {
  /** A component id, or a domain name with --domains. */
  id: string;
  /** Samples in which it failed and took the entry point down on its own. */
  samples: number;
}

export interface ChaosEntrypoint {
  id: string;
  /** Samples in which the entry point was failed or down. */
  down: number;
  /** down / samples. */
  fraction: number;
  /** The 95% Wilson score interval of the fraction. */
  low: number;
  high: number;
  /** Most frequent first, ties by id. */
  causes: ChaosCause[];
  /** Samples in which it went down though no failed unit takes it down alone. */
  combinations: number;
}

export interface ChaosResult {
  manifest: string | null;
  mode: ChaosMode;
  samples: number;
  seed: number;
  /** Failures per sample in the k modes; null in SLA mode. */
  k: number | null;
  /** SLA mode: services that never fail because they declare no sla (virtual ones left out). */
  withoutSla: string[];
  /** Most often down first, ties by id. */
  entrypoints: ChaosEntrypoint[];
}

/** Samples propagated between two progress reports. */
const BLOCK = 4096;

export function chaos(
  plan: SweepPlan,
  domains: readonly FailureDomain[],
  name: string | null,
  options: ChaosOptions,
): ChaosResult {
  const { graph } = plan;
  const mode: ChaosMode =
    options.k === undefined ? 'sla' : options.domains ? 'domains' : 'components';
  const causes = mode === 'sla' ? commonCauses(graph) : [];
  const units =
    mode === 'domains' ? domainUnits(domains) : withCommonCauses(componentUnits(graph), causes);
  const draw = sampler(graph, units, mode, options, causes);
  const alone = victimsAlone(plan, units);
  const tally = new Tally(graph, units, alone);
  for (let begin = 0; begin < options.samples; begin += BLOCK) {
    const block = Math.min(BLOCK, options.samples - begin);
    const samples = Array.from({ length: block }, draw);
    outageSweepOf(
      plan,
      block,
      (label) => samples[label]!.flatMap((u) => Array.from(units.members(u))),
      { interesting: graph.entry, down: (label, e) => tally.down(samples[label]!, e) },
      { counts: false },
    );
    options.onProgress?.(begin + block, options.samples);
  }
  return {
    manifest: name,
    mode,
    samples: options.samples,
    seed: options.seed,
    k: options.k ?? null,
    withoutSla: mode === 'sla' ? withoutSla(graph) : [],
    entrypoints: tally.result(options.samples),
  };
}

/** SLA mode: the domains with an sla of their own fail as one more unit each. */
function withCommonCauses(units: FailureUnits, causes: readonly CommonCause[]): FailureUnits {
  if (causes.length === 0) return units;
  const own = units.count;
  return {
    count: own + causes.length,
    name: (u) => (u < own ? units.name(u) : causes[u - own]!.id),
    members: (u) => (u < own ? units.members(u) : causes[u - own]!.members),
    eligible: (u) => u >= own || units.eligible(u),
  };
}

/** A function drawing the failed units of the next sample, ascending. */
function sampler(
  graph: CompiledGraph,
  units: FailureUnits,
  mode: ChaosMode,
  options: ChaosOptions,
  causes: readonly CommonCause[],
): () => number[] {
  const random = splitMix32(options.seed);
  if (mode === 'sla') {
    const odds = [
      ...graph.services.map((s) =>
        s.virtual === true || s.sla === undefined ? 0 : 1 - s.sla / 100,
      ),
      ...causes.map((c) => c.down),
    ];
    const failing = odds.flatMap((p, v) => (p > 0 ? [v] : []));
    return () => failing.filter((v) => random() < odds[v]!);
  }
  const pool = Array.from({ length: units.count }, (_, u) => u).filter((u) => units.eligible(u));
  const k = Math.min(options.k!, pool.length);
  return () => {
    // A partial Fisher–Yates shuffle picks k distinct units uniformly.
    for (let i = 0; i < k; i++) {
      const j = i + Math.floor(random() * (pool.length - i));
      [pool[i], pool[j]] = [pool[j]!, pool[i]!];
    }
    return pool.slice(0, k).sort((a, b) => a - b);
  };
}

/** alone[u]: the entry points unit u takes down on its own (itself included), ascending. */
function victimsAlone(plan: SweepPlan, units: FailureUnits): Set<number>[] {
  const alone = Array.from({ length: units.count }, () => new Set<number>());
  outageSweepOf(
    plan,
    units.count,
    (u) => units.members(u),
    { interesting: plan.graph.entry, down: (u, e) => void alone[u]!.add(e) },
    { counts: false },
  );
  return alone;
}

class Tally {
  private readonly downs: Int32Array;
  private readonly combinations: Int32Array;
  private readonly causes = new Map<number, Map<number, number>>();

  constructor(
    private readonly graph: CompiledGraph,
    private readonly units: FailureUnits,
    private readonly alone: readonly Set<number>[],
  ) {
    this.downs = new Int32Array(graph.n);
    this.combinations = new Int32Array(graph.n);
  }

  down(failed: readonly number[], e: number): void {
    this.downs[e]!++;
    let single = false;
    for (const u of failed) {
      if (!this.alone[u]!.has(e)) continue;
      single = true;
      let counts = this.causes.get(e);
      if (!counts) this.causes.set(e, (counts = new Map()));
      counts.set(u, (counts.get(u) ?? 0) + 1);
    }
    if (!single) this.combinations[e]!++;
  }

  result(samples: number): ChaosEntrypoint[] {
    const entries: ChaosEntrypoint[] = [];
    for (let e = 0; e < this.graph.n; e++) {
      if (!this.graph.entry[e]) continue;
      const down = this.downs[e]!;
      const causes = [...(this.causes.get(e) ?? [])]
        .map(([u, count]) => ({ id: this.units.name(u), samples: count }))
        .sort((a, b) => b.samples - a.samples || byCodeUnit(a.id, b.id));
      const [low, high] = wilsonInterval(down, samples);
      entries.push({
        id: this.graph.ids[e]!,
        down,
        fraction: samples === 0 ? 0 : down / samples,
        low,
        high,
        causes,
        combinations: this.combinations[e]!,
      });
    }
    // Entry points come in id order, and the sort is stable.
    return entries.sort((a, b) => b.down - a.down);
  }
}

function withoutSla(graph: CompiledGraph): string[] {
  return graph.services.filter((s) => s.virtual !== true && s.sla === undefined).map((s) => s.id);
}
