// Recovery objectives per kind of disruption: for every entry point, the estimated RTO and RPO
// of the worst disruption of each kind (one component; one zone, region or provider failing
// whole), the disruption that sets each and the chain that explains the RTO, against the targets
// of policy.objectives.
//
// RTO of an entry point E for disruption X: when E is back (DisruptionRecovery), 0 when X does
// not take it down. A single component x is the only failed service of its disruption, so
// everything it takes down is back after x's recovery_time: the components' RTO comes from the
// single-failure sweep's "x takes down E" alone. Domains are few: each is recovered by label
// setting over what it takes down.
//
// RPO: the datastores (services declaring copies) that E reaches along hard edges, E included;
// for each one X fails or takes down, the smallest `every` among the copies X leaves up
// (unbounded when a copy left up has no `every`, or when X takes every copy with it), the worst
// of them. Per datastore and kind, the worst loss is computed once; E takes the worst over the
// datastores it reaches.

import type {
  DisruptionKind,
  RecoveryObjective,
  RecoveryObjectives,
  Service,
} from '../../manifest/types.js';
import type { CompiledGraph } from '../../model/compiled-graph.js';
import type { EntryObjectives, RecoveryEstimate } from '../analysis-result.js';
import type { FailureDomain } from '../outage/failure-domains.js';
import { shortenedChain } from '../outage/failure-chains.js';
import type { SweepPlan } from '../outage/outage-sweep.js';
import { singleFailureSweep } from '../outage/sweep/single-failure-sweep.js';
import { DisruptionRecovery } from './disruption-recovery.js';
import { MAX_RTO_CHAIN } from './rto-consistency.js';

const DOMAIN_KINDS = ['zone', 'region', 'provider'] as const;

/** The worst value of one estimate so far, and the disruption that set it (-1: none yet). */
interface Worst {
  value: number;
  disruption: number;
  /** rto: the chain; rpo: the datastore, as a one-id chain. */
  chain: string[];
}

export interface ObjectivesInput {
  plan: SweepPlan;
  domains: readonly FailureDomain[];
  /** Entry points in focus, ascending. */
  entries: readonly number[];
  /** takesDown[x]: entry points in focus other than x that x's failure takes down. */
  takesDown: ReadonlyArray<readonly number[] | undefined>;
  /** policy.objectives, when the manifest declares it. */
  objectives: RecoveryObjectives | undefined;
}

export function recoveryObjectives(input: ObjectivesInput): Record<string, EntryObjectives> {
  const { plan, domains, entries, takesDown } = input;
  const graph = plan.graph;
  const recovery = new DisruptionRecovery(graph);
  const data = new DataLoss(graph);
  const slot = new Map<number, number>();
  entries.forEach((e, i) => slot.set(e, i));
  const fresh = (): Worst => ({ value: -1, disruption: -1, chain: [] });
  const rto = {
    component: entries.map(fresh),
    zone: entries.map(fresh),
    region: entries.map(fresh),
    provider: entries.map(fresh),
  };

  // Components: x back after its recovery_time; everything it takes down with it.
  const componentRto = rto.component;
  for (let x = 0; x < graph.n; x++) {
    if (graph.services[x]!.virtual) continue;
    const time = graph.services[x]!.recoveryTime ?? 0;
    const own = slot.get(x);
    if (own !== undefined) improve(componentRto[own]!, time, x);
    for (const e of takesDown[x] ?? []) improve(componentRto[slot.get(e)!]!, time, x);
  }
  const byWitness = new Map<number, number[]>();
  componentRto.forEach((worst, i) => {
    if (worst.disruption < 0) return;
    const list = byWitness.get(worst.disruption);
    if (list) list.push(i);
    else byWitness.set(worst.disruption, [i]);
  });
  for (const [x, slots] of byWitness) {
    recovery.run([x]);
    for (const i of slots) componentRto[i]!.chain = chainOf(graph, recovery, entries[i]!);
  }
  const componentLoss = data.componentLosses(plan);

  // Domains: label setting over each one's down set.
  const domainLoss = new Map<DisruptionKind, Worst[]>();
  for (const kind of DOMAIN_KINDS) domainLoss.set(kind, data.datastores.map(fresh));
  domains.forEach((domain, d) => {
    recovery.run(domain.members);
    const worst = rto[domain.level];
    for (let i = 0; i < entries.length; i++) {
      const e = entries[i]!;
      if (!recovery.isDown(e)) continue;
      if (improve(worst[i]!, recovery.back(e), d)) worst[i]!.chain = chainOf(graph, recovery, e);
    }
    const losses = domainLoss.get(domain.level)!;
    data.datastores.forEach((s, k) => {
      if (recovery.isDown(s))
        improve(
          losses[k]!,
          data.loss(s, (v) => recovery.isDown(v)),
          d,
          graph.ids[s]!,
        );
    });
  });

  const reach = data.reachingEntries(entries, slot);
  const result = Object.create(null) as Record<string, EntryObjectives>;
  entries.forEach((e, i) => {
    const service = graph.services[e]!;
    const estimate = (
      kind: DisruptionKind,
      losses: readonly Worst[],
      name: (x: number) => string,
    ) => {
      const rpo = fresh();
      for (const k of reach[i]!) {
        const loss = losses[k]!;
        if (loss.disruption < 0) continue;
        if (loss.value > rpo.value || (loss.value === rpo.value && rpo.disruption < 0)) {
          Object.assign(rpo, loss);
        }
      }
      return estimateOf(rto[kind][i]!, rpo, name, targetOf(input.objectives, service, kind));
    };
    result[graph.ids[e]!] = {
      component: estimate('component', componentLoss, (x) => graph.ids[x]!),
      zone: estimate('zone', domainLoss.get('zone')!, (d) => domains[d]!.domain),
      region: estimate('region', domainLoss.get('region')!, (d) => domains[d]!.domain),
      provider: estimate('provider', domainLoss.get('provider')!, (d) => domains[d]!.domain),
    };
  });
  return result;
}

/** Records `value` from disruption x when it is worse than the worst so far (ties: the first). */
function improve(worst: Worst, value: number, x: number, datastore?: string): boolean {
  if (worst.disruption >= 0 && value <= worst.value) return false;
  worst.value = value;
  worst.disruption = x;
  if (datastore !== undefined) worst.chain = [datastore];
  return true;
}

function chainOf(graph: CompiledGraph, recovery: DisruptionRecovery, e: number): string[] {
  let end = e;
  while (recovery.cause(end) !== -1) end = recovery.cause(end);
  return shortenedChain(
    e,
    (v) => recovery.cause(v),
    end,
    MAX_RTO_CHAIN,
    (v) => graph.ids[v]!,
  );
}

function targetOf(
  objectives: ObjectivesInput['objectives'],
  service: Service,
  kind: DisruptionKind,
): RecoveryObjective | undefined {
  if (objectives === undefined) return undefined;
  const byTier = service.tier === undefined ? undefined : objectives.tiers[service.tier]?.[kind];
  return byTier ?? objectives.targets[kind];
}

function estimateOf(
  rto: Worst,
  rpo: Worst,
  name: (x: number) => string,
  target: RecoveryObjective | undefined,
): RecoveryEstimate {
  const rpoValue = rpo.disruption < 0 ? 0 : rpo.value;
  const estimate: RecoveryEstimate = {
    rto: Math.max(rto.value, 0),
    rtoDisruption: rto.disruption < 0 ? null : name(rto.disruption),
    rtoChain: rto.chain,
    rpo: rpoValue === Infinity ? null : rpoValue,
    rpoDisruption: rpo.disruption < 0 ? null : name(rpo.disruption),
    rpoDatastore: rpo.disruption < 0 ? null : rpo.chain[0]!,
    target: null,
    exceeds: [],
  };
  if (target === undefined) return estimate;
  const shown: { rto?: number; rpo?: number } = {};
  if (target.rto !== undefined) shown.rto = target.rto;
  if (target.rpo !== undefined) shown.rpo = target.rpo;
  estimate.target = shown;
  if (target.rto !== undefined && estimate.rto > target.rto) estimate.exceeds.push('rto');
  if (target.rpo !== undefined && rpoValue > target.rpo) estimate.exceeds.push('rpo');
  return estimate;
}

/** The datastores (services with copies) and the data each disruption loses of them. */
class DataLoss {
  /** Services declaring copies, ascending. */
  readonly datastores: number[] = [];
  /** copies[k]: the copies of datastores[k] as [service, every (Infinity when unknown)]. */
  private readonly copies: Array<Array<[number, number]>> = [];

  constructor(private readonly graph: CompiledGraph) {
    for (let v = 0; v < graph.n; v++) {
      const declared = graph.services[v]!.copies;
      if (declared === undefined || declared.length === 0) continue;
      this.datastores.push(v);
      this.copies.push(declared.map((c) => [graph.index.get(c.to)!, c.every ?? Infinity]));
    }
  }

  /** Data lost of datastore s (taken down) when `isDown` says which services are down. */
  loss(s: number, isDown: (v: number) => boolean): number {
    const k = this.datastores.indexOf(s);
    let least = Infinity;
    for (const [copy, every] of this.copies[k]!) if (!isDown(copy)) least = Math.min(least, every);
    return least;
  }

  /** Per datastore, the worst loss over every single component failure that takes it down. */
  componentLosses(plan: SweepPlan): Worst[] {
    const worst = this.datastores.map((): Worst => ({ value: -1, disruption: -1, chain: [] }));
    if (this.datastores.length === 0) return worst;
    const { graph } = this;
    const interesting = new Uint8Array(graph.n);
    for (let k = 0; k < this.datastores.length; k++) {
      interesting[this.datastores[k]!] = 1;
      for (const [copy] of this.copies[k]!) interesting[copy] = 1;
    }
    // Which interesting services each component takes down, gathered from one sweep.
    const downBy = new Map<number, Set<number>>();
    singleFailureSweep(plan, {
      interesting,
      down(x, v) {
        if (graph.services[x]!.virtual) return;
        const set = downBy.get(x);
        if (set) set.add(v);
        else downBy.set(x, new Set([v]));
      },
    });
    const components = [...downBy.keys()].sort((a, b) => a - b);
    for (const x of components) {
      const down = downBy.get(x)!;
      this.datastores.forEach((s, k) => {
        if (down.has(s))
          improve(
            worst[k]!,
            this.loss(s, (v) => down.has(v)),
            x,
            graph.ids[s]!,
          );
      });
    }
    return worst;
  }

  /** reach[i]: the datastores (indices into `datastores`) entry i reaches along hard edges. */
  reachingEntries(entries: readonly number[], slot: ReadonlyMap<number, number>): number[][] {
    const { graph } = this;
    const { usedByStart, usedBy, reqOwner, reqSoft } = graph;
    const reach: number[][] = entries.map(() => []);
    const seen = new Int32Array(graph.n).fill(-1);
    const stack: number[] = [];
    this.datastores.forEach((s, k) => {
      seen[s] = k;
      stack.push(s);
      while (stack.length > 0) {
        const u = stack.pop()!;
        const i = slot.get(u);
        if (i !== undefined) reach[i]!.push(k);
        for (let j = usedByStart[u]!; j < usedByStart[u + 1]!; j++) {
          const r = usedBy[j]!;
          if (reqSoft[r]) continue;
          const owner = reqOwner[r]!;
          if (seen[owner] === k) continue;
          seen[owner] = k;
          stack.push(owner);
        }
      }
    });
    return reach;
  }
}
