// Turns the resources of an IaC input into manifest services: one per runtime component, with
// zones read from its own attributes or its subnets, a group over per-zone members for what is
// spread over zones, failover pairs for declared replicas, the NAT gateway each private subnet
// reaches out through, load balancers wired to their backends, and every reference classified.

import { assignIds } from '../shared/service-ids.js';
import { newService, type ImportedService } from '../shared/imported-manifest.js';
import { byCodeUnit } from '../shared/values.js';
import type { Fact, IacModel, IacResource } from './iac-model.js';
import { count, emptyReport, type EdgeClass, type ImportReport } from './import-report.js';
import { awsRegionOfZone, gcpRegionOfZone } from './places.js';

export interface BuiltServices {
  services: ImportedService[];
  report: ImportReport;
}

const RUNTIME = new Set(['service', 'member']);

export function buildServices(model: IacModel, source: ImportReport['source']): BuiltServices {
  const report = emptyReport(source);
  report.notUnderstood = [...model.notUnderstood];
  const byKey = new Map(model.resources.map((r) => [r.key, r]));
  const runtime = model.resources.filter((r) => RUNTIME.has(r.role));
  const ids = assignIds(runtime.map((r) => ({ key: r.key, candidates: r.idCandidates })));
  const idOf = (key: string) => ids.get(key);
  report.resources = model.resources.length;
  for (const r of model.resources) {
    if (r.role === 'skip') count(report.skipped, r.type);
    else if (r.role === 'control') count(report.dropped, r.type);
    else if (!RUNTIME.has(r.role)) count(report.folded, r.type);
  }

  const nats = natsOfSubnets(model.resources, byKey);
  const services = new Map<string, ImportedService>();
  const edge = (from: ImportedService, to: string[], cls: EdgeClass, note?: string) => {
    count(report.edges, cls);
    if (to.length === 0) return;
    from.dependsOn.push({ anyOf: to, soft: cls === 'order', ...(note ? { note } : {}) });
  };

  // Members (Aurora instances, mount targets) by the service they belong to.
  const membersOf = new Map<string, IacResource[]>();
  for (const r of runtime) {
    if (r.role !== 'member') continue;
    const parent = r.refs.find((ref) => byKey.get(ref.target)?.role === 'service');
    if (parent === undefined) continue;
    const list = membersOf.get(parent.target) ?? [];
    list.push(r);
    membersOf.set(parent.target, list);
  }

  for (const r of runtime) {
    const id = idOf(r.key)!;
    const service = newService(id);
    service.kind = r.kind;
    service.provider = r.provider;
    service.notes.push(`${r.type} ${r.key}`, ...r.notes);
    services.set(r.key, service);
    const subnets = subnetsOf(r, byKey);
    r.unresolvedPlacement = [...new Set(r.unresolvedPlacement)].sort(byCodeUnit);
    const zoneFacts =
      subnets.length === 0 && r.spread?.zones
        ? r.spread.zones
        : subnets.map((s) => byKey.get(s)!.zone);
    const allKnown = r.unresolvedPlacement.length === 0 && zoneFacts.every((z) => z !== undefined);
    const zones = allKnown ? distinctZones(zoneFacts as Fact[]) : undefined;
    const zoneRegion = regionOfZones(zones && zones.length > 0 ? zones : r.zone ? [r.zone] : []);
    const region = r.scope === 'global' ? undefined : (r.region ?? zoneRegion ?? r.regionFallback);
    const derived = r.region?.source === 'region attribute' ? undefined : (r.region ?? zoneRegion);
    if (derived && r.regionFallback && derived.value !== r.regionFallback.value) {
      report.notUnderstood.push({
        file: r.file,
        what: `${r.key}: its ${derived.source} says ${derived.value}, its provider configuration ${r.regionFallback.value}; kept ${derived.value}`,
      });
    }
    service.region = region?.value;
    if (region === undefined && r.scope !== 'global') {
      report.regionsUnknown.push({ service: id, reason: regionReason(r) });
    }
    const natFor = (subnetKeys: string[]) =>
      [...new Set(subnetKeys.flatMap((s) => nats.get(s) ?? []))].map((k) => idOf(k)!);

    const spreadOver =
      subnets.length + r.unresolvedPlacement.length + (r.spread?.zones?.length ?? 0);
    if (r.spread && spreadOver > 0) {
      const capacity = r.spread.everyZone ? zones?.length : r.spread.capacity;
      if (zones === undefined) {
        report.zonesUnknown.push({ service: id, reason: placementReason(r, subnets, byKey) });
        addNats(service, natFor(subnets));
      } else if (zones.length === 1 || capacity === 1) {
        if (zones.length === 1) service.zone = zones[0]!.value;
        else {
          const names = zones.map((z) => z.value).join(', ');
          service.notes.push(`one instance, in one of ${names}; which one is not known`);
          report.zonesUnknown.push({
            service: id,
            reason: `capacity 1 over ${zones.length} zones (${names}): it runs in one of them`,
          });
        }
        addNats(service, natFor(subnets));
      } else {
        makeVirtual(service);
        const members: string[] = [];
        for (const zone of zones) {
          const member = newService(`${id}@${zone.value}`.replace(/[^A-Za-z0-9._:/@-]+/g, '-'));
          member.kind = r.kind;
          member.provider = r.provider;
          member.region = region?.value;
          member.zone = zone.value;
          member.notes.push(`the part of ${id} in ${zone.value} (${zone.source})`);
          const inZone = subnets.filter((s) => byKey.get(s)!.zone?.value === zone.value);
          addNats(member, natFor(inZone));
          services.set(`${r.key}\u0000${zone.value}`, member);
          members.push(member.id);
        }
        const placed = Math.min(capacity ?? zones.length, zones.length);
        const quorum = zones.length - placed + 1;
        service.dependsOn.push({ anyOf: members, quorum, soft: false });
        count(report.edges, 'member', members.length);
        const form = `spread over ${zones.length} zones, ${capacity ?? 'unknown'} running`;
        report.groups.push({ service: id, form, quorum, of: members.sort(byCodeUnit) });
        if (capacity === undefined) {
          service.notes.push(
            `capacity not known (${r.spread.capacityNote ?? 'not stated'}): up while one zone is`,
          );
        } else if (quorum > 1) {
          service.notes.push(
            `${capacity} running over ${zones.length} zones: ${quorum} must be up`,
          );
        }
      }
    } else if (r.replicas && r.replicas.length > 1) {
      makeVirtual(service);
      const members = r.replicas.map((replica) => {
        const member = newService(`${id}@${replica.name}`);
        member.kind = r.kind;
        member.provider = r.provider;
        member.region = region?.value;
        member.zone = replica.zone?.value;
        member.notes.push(`the ${replica.name} of ${id}`);
        if (replica.zone === undefined) {
          report.zonesUnknown.push({
            service: member.id,
            reason: 'the provider picks the zone of this replica',
          });
        }
        services.set(`${r.key}\u0000${replica.name}`, member);
        return member.id;
      });
      service.dependsOn.push({ anyOf: members, soft: false, note: 'failover' });
      count(report.edges, 'member', members.length);
      report.groups.push({
        service: id,
        form: 'failover',
        quorum: 1,
        of: members.sort(byCodeUnit),
      });
    } else {
      const zone = r.zone ?? (zones?.length === 1 ? zones[0] : undefined);
      if (r.scope === 'zonal') {
        if (zone !== undefined) service.zone = zone.value;
        else
          report.zonesUnknown.push({ service: id, reason: zoneReason(r, subnets, zones, byKey) });
      }
      addNats(service, natFor(subnets));
    }
    for (const copy of r.copies) {
      const to = idOf(copy.to) ?? copy.to;
      service.notes.push(`copy: to ${to} (${copy.every ? `every ${copy.every}` : 'lag unknown'})`);
      report.copies.push({ service: id, to, note: copy.note });
    }
  }
  for (const s of services.values()) {
    const natDeps = s.dependsOn.filter((d) => d.note === NAT_NOTE).length;
    count(report.edges, 'network', natDeps);
  }

  // Members: their service needs one of them.
  for (const [parentKey, members] of membersOf) {
    const parent = services.get(parentKey)!;
    const memberIds = members.map((m) => idOf(m.key)!).sort(byCodeUnit);
    edge(parent, memberIds, 'member', memberIds.length > 1 ? 'any member' : undefined);
    if (memberIds.length > 1) {
      report.groups.push({ service: parent.id, form: 'members', quorum: 1, of: memberIds });
    }
  }

  classifyReferences(model.resources, byKey, services, idOf, edge, report);
  markEntrypoints([...services.values()]);
  report.services = services.size;
  return { services: [...services.values()], report };
}

const NAT_NOTE = 'outbound through NAT';

/** What users reach: DNS, CDN, API gateways and load balancers. */
const FRONT_DOORS = new Set(['dns', 'cdn', 'api-gateway', 'load-balancer']);

/**
 * The front doors nothing else depends on are the entry points, so that an unused NAT gateway or
 * a topic is not analysed as something users reach. Without a front door, none is marked and
 * every service nothing depends on is an entry point.
 */
function markEntrypoints(services: readonly ImportedService[]): void {
  const needed = new Set(services.flatMap((s) => s.dependsOn.flatMap((d) => d.anyOf)));
  for (const service of services) {
    if (
      service.kind &&
      FRONT_DOORS.has(service.kind) &&
      !needed.has(service.id) &&
      !service.id.includes('@')
    ) {
      service.entrypoint = true;
    }
  }
}

/** A group: it cannot fail by itself, so it has no failure domain of its own; its members do. */
function makeVirtual(service: ImportedService): void {
  service.virtual = true;
  delete service.provider;
  delete service.region;
  delete service.zone;
}

function addNats(service: ImportedService, natIds: string[]): void {
  if (natIds.length > 0) service.dependsOn.push({ anyOf: natIds, soft: false, note: NAT_NOTE });
}

/** Every reference of every resource, classified; runtime edges added to the services. */
function classifyReferences(
  resources: readonly IacResource[],
  byKey: ReadonlyMap<string, IacResource>,
  services: ReadonlyMap<string, ImportedService>,
  idOf: (key: string) => string | undefined,
  edge: (from: ImportedService, to: string[], cls: EdgeClass, note?: string) => void,
  report: ImportReport,
): void {
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
        for (const lb of loadBalancersOf(target, byKey)) addTo(routingBackends, lb, r.key);
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
    const lbs = loadBalancersOf(r, byKey);
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
function loadBalancersOf(start: IacResource, byKey: ReadonlyMap<string, IacResource>): string[] {
  const routing = [...byKey.values()].filter((r) => r.role === 'routing');
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

/** The subnets a resource names, directly or through a subnet group. */
function subnetsOf(r: IacResource, byKey: ReadonlyMap<string, IacResource>): string[] {
  const found = new Set<string>();
  for (const ref of r.refs) {
    const target = byKey.get(ref.target);
    if (target?.role === 'subnet') found.add(target.key);
  }
  return [...found].sort(byCodeUnit);
}

/** Subnet key -> the NAT gateways its route tables send traffic to. */
function natsOfSubnets(
  resources: readonly IacResource[],
  byKey: ReadonlyMap<string, IacResource>,
): Map<string, string[]> {
  const natsOfTable = new Map<string, Set<string>>();
  const isNat = (key: string) => byKey.get(key)?.kind === 'nat-gateway';
  for (const r of resources) {
    if (r.role === 'route-table') {
      for (const ref of r.refs) if (isNat(ref.target)) addTo(natsOfTable, r.key, ref.target);
    }
  }
  for (const r of resources) {
    if (r.role !== 'route') continue;
    const tables = r.refs.filter((ref) => byKey.get(ref.target)?.role === 'route-table');
    const natRefs = r.refs.filter((ref) => isNat(ref.target));
    for (const t of tables) for (const n of natRefs) addTo(natsOfTable, t.target, n.target);
  }
  const result = new Map<string, string[]>();
  for (const r of resources) {
    // An association (a route) names a subnet and a table; a subnet may name its table.
    const subnets = r.refs.filter((ref) => byKey.get(ref.target)?.role === 'subnet');
    const tables = r.refs.filter((ref) => byKey.get(ref.target)?.role === 'route-table');
    const own =
      r.role === 'subnet' ? [r.key] : r.role === 'route' ? subnets.map((s) => s.target) : [];
    for (const subnet of own) {
      for (const t of tables) {
        const natSet = natsOfTable.get(t.target);
        if (natSet) result.set(subnet, [...new Set([...(result.get(subnet) ?? []), ...natSet])]);
      }
    }
  }
  return result;
}

function distinctZones(facts: readonly Fact[]): Fact[] {
  const byValue = new Map<string, Fact>();
  for (const fact of facts) if (!byValue.has(fact.value)) byValue.set(fact.value, fact);
  return [...byValue.values()].sort((a, b) => byCodeUnit(a.value, b.value));
}

function regionOfZones(zones: readonly Fact[]): Fact | undefined {
  const regions = new Set(
    zones.map((z) => awsRegionOfZone(z.value) ?? gcpRegionOfZone(z.value) ?? ''),
  );
  if (regions.size !== 1) return undefined;
  const [value] = regions;
  return value ? { value, source: 'AZ name' } : undefined;
}

function regionReason(r: IacResource): string {
  return r.zoneUnknown?.startsWith('region')
    ? r.zoneUnknown
    : 'no region attribute, ARN, zone name or provider region';
}

function placementReason(
  r: IacResource,
  subnets: readonly string[],
  byKey: ReadonlyMap<string, IacResource>,
): string {
  const unknown = subnets.filter((s) => byKey.get(s)!.zone === undefined);
  const parts: string[] = [];
  if (unknown.length > 0) parts.push(`subnets without a known zone: ${unknown.join(', ')}`);
  if (r.unresolvedPlacement.length > 0) {
    parts.push(`placement not in the input: ${r.unresolvedPlacement.join(', ')}`);
  }
  return parts.join('; ');
}

function zoneReason(
  r: IacResource,
  subnets: readonly string[],
  zones: readonly Fact[] | undefined,
  byKey: ReadonlyMap<string, IacResource>,
): string {
  if (r.zoneUnknown !== undefined) return r.zoneUnknown;
  if (zones !== undefined && zones.length > 1) {
    return `its subnets span ${zones.map((z) => z.value).join(', ')}; the provider picks one`;
  }
  if (subnets.length > 0 || r.unresolvedPlacement.length > 0) {
    return placementReason(r, subnets, byKey);
  }
  return 'no zone attribute and no subnet';
}
