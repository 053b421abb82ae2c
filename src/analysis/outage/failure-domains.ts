// Failure domains (docs/semantics.md, "Failure domains"): the cumulative prefixes of each service's
// provider, region and zone labels. Each domain is failed whole to find the entry points it takes
// down, including those that no single component of it does ("multi-AZ but single-region").

import { byCodeUnit } from '../../compare.js';
import type { CompiledGraph } from '../../model/compiled-graph.js';
import type {
  BlastRadius,
  DomainBlastRadius,
  DomainLevel,
  DomainSpof,
} from '../analysis-result.js';
import type { OutageLength } from './time/outage-length.js';
import { entrypointsAndCosts, outageSweep, type SweepPlan } from './outage-sweep.js';

const LABELS = ['provider', 'region', 'zone'] as const;

export interface FailureDomain {
  domain: string;
  level: DomainLevel;
  /** Member services, ascending. */
  members: number[];
}

/**
 * Every failure domain with its members, sorted by name. The names are built once per domain,
 * not per service: each service walks a tree of label values (provider, then region, then zone,
 * each only if set), whose nodes are the domains.
 */
export function failureDomains(graph: CompiledGraph): FailureDomain[] {
  const root: DomainNode = { domain: '', level: 'provider', members: [], next: [] };
  const nodes: DomainNode[] = [];
  for (let v = 0; v < graph.n; v++) {
    const service = graph.services[v]!;
    let node = root;
    for (let l = 0; l < LABELS.length; l++) {
      const label = LABELS[l]!;
      const value = service[label];
      if (value === undefined) continue;
      const children = (node.next[l] ??= new Map());
      let child = children.get(value);
      if (child === undefined) {
        const part = `${label}=${value}`;
        const domain = node === root ? part : `${node.domain},${part}`;
        child = { domain, level: label, members: [], next: [] };
        children.set(value, child);
        nodes.push(child);
      }
      child.members.push(v);
      node = child;
    }
  }
  return mergeSameNames(nodes).sort((a, b) => byCodeUnit(a.domain, b.domain));
}

interface DomainNode extends FailureDomain {
  /** next[l]: the domains one label further, by the value of label LABELS[l]. */
  next: Array<Map<string, DomainNode> | undefined>;
}

/**
 * One domain per name. Label values are free text, so two paths can spell the same name (a
 * provider called "a,region=b" and provider "a" with region "b"): such domains are one, of the
 * level of the one its first member reached first.
 */
function mergeSameNames(nodes: readonly DomainNode[]): FailureDomain[] {
  const byName = new Map<string, FailureDomain>();
  for (const { domain, level, members } of nodes) {
    const same = byName.get(domain);
    if (same === undefined) {
      byName.set(domain, { domain, level, members });
      continue;
    }
    if (members[0]! < same.members[0]!) same.level = level;
    same.members = same.members.concat(members).sort((a, b) => a - b);
  }
  return [...byName.values()];
}

export interface DomainAnalysis {
  spofs: DomainSpof[];
  blastRadius: DomainBlastRadius[];
  /** Entry points (in focus) each domain takes down, by domain name. */
  takesDown: Map<string, number[]>;
}

/**
 * Fails each domain whole, all of them in one outage sweep. `componentTakesDown[x]` (from the
 * single failures) tells which entry points a member already takes down alone, for
 * `onlyAsDomain`. With `length`, each domain fails for that long instead of for ever.
 */
export function analyzeFailureDomains(
  plan: SweepPlan,
  domains: readonly FailureDomain[],
  inFocus: Uint8Array,
  componentTakesDown: ReadonlyArray<number[] | undefined>,
  length?: OutageLength,
): DomainAnalysis {
  const { graph } = plan;
  const cost = new Float64Array(domains.length);
  const lost: number[][] = domains.map(() => []);
  const interesting = entrypointsAndCosts(graph, inFocus);
  const watch = length?.watch;
  if (watch) for (let v = 0; v < graph.n; v++) interesting[v]! |= watch[v]!;
  const watched = new Uint8Array(watch ? domains.length : 0);
  const totals = outageSweep(
    length?.plan ?? plan,
    domains.map((d) => d.members),
    {
      interesting,
      down(d, v) {
        if (watch?.[v]) watched[d] = 1;
        cost[d]! += graph.costPerHour[v]!;
        if (inFocus[v]) lost[d]!.push(v);
      },
    },
  );
  for (let d = 0; d < watched.length; d++) {
    if (!watched[d]) continue;
    const timed = length!.settle(domains[d]!.members);
    totals.downCount[d] = timed.down;
    cost[d] = timed.costPerHour;
    lost[d] = timed.entries;
  }
  const result: DomainAnalysis = { spofs: [], blastRadius: [], takesDown: new Map() };
  const bySingle = new Int32Array(graph.n).fill(-1);
  domains.forEach(({ domain, level, members }, d) => {
    const radius: BlastRadius = {
      down: totals.downCount[d]! - members.length,
      degraded: totals.reachCount[d]! - totals.downCount[d]!,
      entrypointsDown: lost[d]!.length,
      costPerHour: cost[d]!,
    };
    result.blastRadius.push({ domain, level, services: members.length, ...radius });
    const entries = lost[d]!.sort((a, b) => a - b);
    if (entries.length === 0) return;
    result.takesDown.set(domain, entries);
    // bySingle[e] === d: a member of domain d takes entry point e down alone.
    // Indexed loops: this body runs once per domain, often not optimised, where `for…of`
    // would allocate an iterator result per member.
    for (let i = 0; i < members.length; i++) {
      const single = componentTakesDown[members[i]!];
      if (single) for (let k = 0; k < single.length; k++) bySingle[single[k]!] = d;
    }
    const onlyAsDomain: string[] = [];
    for (let i = 0; i < entries.length; i++) {
      const v = entries[i]!;
      if (bySingle[v] !== d) onlyAsDomain.push(graph.ids[v]!);
    }
    result.spofs.push({
      domain,
      level,
      services: members.length,
      takesDown: entries.map((v) => graph.ids[v]!),
      onlyAsDomain,
      blastRadius: radius,
    });
  });
  return result;
}
