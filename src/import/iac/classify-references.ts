// Every reference between the resources of an IaC input, classified (data, routing, hosting,
// order, placement, registration, deploy-order, replication, folded, unknown target), and the
// runtime ones added to the services: a load balancer depends on the backends registered with
// its target groups, a container cluster on the instances that join it.

import { byCodeUnit } from '../../compare.js';
import type { ImportedService } from '../shared/imported-manifest.js';
import type { IacResource } from './iac-model.js';
import { count, type EdgeClass, type ImportReport } from './import-report.js';

export const RUNTIME = new Set(['service', 'member']);

/** Adds a dependency of one class (counted in the report) to a service. */
export type AddEdge = (from: ImportedService, to: string[], cls: EdgeClass, note?: string) => void;

export interface ReferenceContext {
  resources: readonly IacResource[];
  byKey: ReadonlyMap<string, IacResource>;
  /** Resource key -> its service. */
  services: ReadonlyMap<string, ImportedService>;
  idOf: (key: string) => string | undefined;
  edge: AddEdge;
  report: ImportReport;
}

/** Every reference of every resource, classified; runtime edges added to the services. */
export function classifyReferences(context: ReferenceContext): void {
  const { resources, byKey, services, idOf, edge, report } = context;
  const routing = resources.filter((r) => r.role === 'routing');
  const routingBackends = new Map<string, Set<string>>(); // LB key -> backend keys
  const hosts = new Map<string, Set<string>>(); // container cluster key -> instance groups
  for (const r of resources) {
    const from = services.get(r.key);
    if (from === undefined) {
      count(report.edges, 'folded', r.refs.length);
      continue;
    }
    // Its own references, and those of the placement it uses (a launch template's user data).
    for (const { ref, inherited } of referencesWithPlacement(r, byKey)) {
      const target = byKey.get(ref.target);
      if (target === undefined || target.role === 'skip') {
        count(report.edges, 'unknown-target');
        continue;
      }
      if (ref.replication) count(report.edges, 'replication');
      else if (target.role === 'control') count(report.edges, 'deploy-order');
      else if (target.role === 'routing') {
        count(report.edges, 'registration');
        for (const lb of loadBalancersOf(target, byKey, routing)) addTo(routingBackends, lb, r.key);
      } else if (target.role === 'service' || target.role === 'member') {
        if (target.key === r.key) continue;
        if (r.role === 'member' && target.role === 'service' && !inherited) {
          continue; // counted with the members
        }
        if (target.kind === 'container-cluster' && isInstanceGroup(r)) {
          // Instances join the cluster (their user data names it): the cluster runs on them.
          count(report.edges, 'hosting');
          addTo(hosts, target.key, r.key);
          continue;
        }
        if (isLoadBalancer(target) && !isLoadBalancer(r) && r.spread !== undefined) {
          count(report.edges, 'registration');
          addTo(routingBackends, target.key, r.key);
          continue;
        }
        edge(from, [idOf(target.key)!], ref.explicit ? 'order' : 'data');
      } else if (!inherited) count(report.edges, 'placement');
    }
  }
  // Routing resources (listeners, attachments) name their backends too.
  for (const r of resources) {
    if (r.role !== 'routing') continue;
    const lbs = loadBalancersOf(r, byKey, routing);
    for (const ref of r.refs) {
      const target = byKey.get(ref.target);
      if (
        target &&
        target.role !== 'routing' &&
        RUNTIME.has(target.role) &&
        !isLoadBalancer(target)
      ) {
        for (const lb of lbs) addTo(routingBackends, lb, target.key);
      }
    }
  }
  for (const [cluster, groups] of hosts) {
    const from = services.get(cluster)!;
    for (const group of [...groups].sort(byCodeUnit)) {
      from.dependsOn.push({ anyOf: [idOf(group)!], soft: false, note: 'runs on' });
    }
  }
  for (const [lb, backends] of [...routingBackends].sort(([a], [b]) => byCodeUnit(a, b))) {
    const from = services.get(lb);
    if (from === undefined) continue;
    for (const backend of [...backends].sort(byCodeUnit)) {
      if (backend !== lb) edge(from, [idOf(backend)!], 'routing', 'forwards to');
    }
  }
}

function addTo(map: Map<string, Set<string>>, key: string, value: string): void {
  const set = map.get(key) ?? new Set<string>();
  set.add(value);
  map.set(key, set);
}

/** Instances a cluster can run on: an Auto Scaling group, a node group, an instance. */
function isInstanceGroup(r: IacResource): boolean {
  return (
    r.kind === 'compute' &&
    /AutoScaling|autoscaling|Instance|instance|node_group|Nodegroup/.test(r.type)
  );
}

function isLoadBalancer(r: IacResource): boolean {
  return r.kind === 'load-balancer';
}

/**
 * The load balancers a routing resource serves: followed through listeners, rules and target
 * groups in both directions (a listener names its load balancer; a rule names its listener).
 */
function loadBalancersOf(
  start: IacResource,
  byKey: ReadonlyMap<string, IacResource>,
  routing: readonly IacResource[],
): string[] {
  const seen = new Set([start.key]);
  const found = new Set<string>();
  const stack = [start];
  while (stack.length > 0) {
    const r = stack.pop()!;
    const next = [
      ...r.refs.map((ref) => byKey.get(ref.target)),
      ...routing.filter((other) => other.refs.some((ref) => ref.target === r.key)),
    ];
    for (const n of next) {
      if (n === undefined || seen.has(n.key)) continue;
      seen.add(n.key);
      if (isLoadBalancer(n)) found.add(n.key);
      else if (n.role === 'routing') stack.push(n);
    }
  }
  return [...found].sort(byCodeUnit);
}

/** The resource's references, then those of the placement resources it uses, transitively. */
function referencesWithPlacement(
  r: IacResource,
  byKey: ReadonlyMap<string, IacResource>,
): { ref: IacResource['refs'][number]; inherited: boolean }[] {
  const result = r.refs.map((ref) => ({ ref, inherited: false }));
  const seen = new Set([r.key]);
  const stack = r.refs.map((ref) => byKey.get(ref.target)).filter(isPlacement);
  while (stack.length > 0) {
    const p = stack.pop()!;
    if (seen.has(p.key)) continue;
    seen.add(p.key);
    for (const ref of p.refs) {
      const target: IacResource | undefined = byKey.get(ref.target);
      if (target === undefined) continue;
      if (target.role === 'placement') stack.push(target);
      else if (RUNTIME.has(target.role)) result.push({ ref, inherited: true });
    }
  }
  return result;
}

function isPlacement(r: IacResource | undefined): r is IacResource {
  return r !== undefined && r.role === 'placement';
}
