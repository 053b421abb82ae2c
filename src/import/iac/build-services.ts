// Turns the resources of an IaC input into manifest services: one per runtime component, with
// zones read from its own attributes or its subnets, a group over per-zone members for what is
// spread over zones, failover pairs for declared replicas, the NAT gateway each private subnet
// reaches out through, and every reference classified (classify-references).

import { byCodeUnit } from '../../compare.js';
import { newService, type ImportedService } from '../shared/imported-manifest.js';
import { assignIds } from '../shared/service-ids.js';
import { classifyReferences, RUNTIME, type AddEdge } from './classify-references.js';
import type { Fact, IacModel, IacResource } from './iac-model.js';
import { count, emptyReport, type ImportReport } from './import-report.js';
import { natsOfSubnets, subnetsOf } from './network-placement.js';
import {
  distinctZones,
  placementReason,
  regionOfZones,
  regionReason,
  zoneReason,
} from './zone-facts.js';

export interface BuiltServices {
  services: ImportedService[];
  report: ImportReport;
}

/** What placing one resource needs to know about the others. */
interface Context {
  byKey: ReadonlyMap<string, IacResource>;
  idOf: (key: string) => string | undefined;
  /** Subnet key -> NAT gateway keys. */
  nats: ReadonlyMap<string, string[]>;
  /** Resource key (or key + member) -> service; filled while placing. */
  services: Map<string, ImportedService>;
  report: ImportReport;
}

/** Where one resource runs: its subnets, their zones (undefined: not all known), its region. */
interface Placement {
  subnets: string[];
  zones: Fact[] | undefined;
  region: Fact | undefined;
  unresolved: string[];
}

export function buildServices(model: IacModel, source: ImportReport['source']): BuiltServices {
  const report = emptyReport(source);
  report.notUnderstood = [...model.notUnderstood];
  report.resources = model.resources.length;
  for (const r of model.resources) {
    if (r.role === 'skip') count(report.skipped, r.type);
    else if (r.role === 'control') count(report.dropped, r.type);
    else if (!RUNTIME.has(r.role)) count(report.folded, r.type);
  }
  const byKey = new Map(model.resources.map((r) => [r.key, r]));
  const runtime = model.resources.filter((r) => RUNTIME.has(r.role));
  const ids = assignIds(runtime.map((r) => ({ key: r.key, candidates: r.idCandidates })));
  const idOf = (key: string) => ids.get(key);
  const services = new Map<string, ImportedService>();
  const context: Context = {
    byKey,
    idOf,
    nats: natsOfSubnets(model.resources, byKey),
    services,
    report,
  };
  for (const r of runtime) placeResource(r, context);
  addCopies(runtime, context);
  // A source naming where it copies to (bucket replication) does not run on its copy.
  for (const r of runtime) {
    const copies = new Set(r.copies.map((copy) => copy.to));
    for (const ref of r.refs) if (copies.has(ref.target)) ref.replication = true;
  }
  for (const s of services.values()) {
    count(report.edges, 'network', s.dependsOn.filter((d) => d.note === NAT_NOTE).length);
  }
  const edge: AddEdge = (from, to, cls, note) => {
    count(report.edges, cls);
    if (to.length > 0) {
      from.dependsOn.push({ anyOf: to, soft: cls === 'order', ...(note ? { note } : {}) });
    }
  };
  addMembers(runtime, context, edge);
  classifyReferences({ resources: model.resources, byKey, services, idOf, edge, report });
  markEntrypoints([...services.values()]);
  report.services = services.size;
  return { services: [...services.values()], report };
}

function placeResource(r: IacResource, context: Context): void {
  const { report } = context;
  const id = context.idOf(r.key)!;
  const service = newService(id);
  service.kind = r.kind;
  service.provider = r.provider;
  service.notes.push(`${r.type} ${r.key}`, ...r.notes);
  context.services.set(r.key, service);
  const placement = placementOf(r, context);
  service.region = placement.region?.value;
  if (placement.region === undefined && r.scope !== 'global') {
    report.regionsUnknown.push({ service: id, reason: regionReason(r) });
  }
  const spreadOver =
    placement.subnets.length + placement.unresolved.length + (r.spread?.zones?.length ?? 0);
  if (r.spread && spreadOver > 0) spreadGroup(r, service, placement, context);
  else if (r.replicas && r.replicas.length > 1) failoverPair(r, service, placement, context);
  else {
    const zones = placement.zones;
    const zone = r.zone ?? (zones?.length === 1 ? zones[0] : undefined);
    if (r.scope === 'zonal' && zone !== undefined) service.zone = zone.value;
    else if (r.scope === 'zonal') {
      const reason = zoneReason(r, placement.subnets, zones, context.byKey);
      report.zonesUnknown.push({ service: id, reason });
    }
    addNats(service, natsFor(placement.subnets, context));
  }
}

/**
 * Each resource's copies, once every service exists: to the service of the copy's resource, to a
 * replica service made in the copy's region, or, when the copy is not in the input, a comment.
 */
function addCopies(runtime: readonly IacResource[], context: Context): void {
  for (const r of runtime) {
    const service = context.services.get(r.key)!;
    if (r.copiesUnknown !== undefined) {
      service.notes.push(`${r.copiesUnknown}; which one is this table needs --region`);
      context.report.notUnderstood.push({
        file: r.file,
        what: `${r.key}: ${r.copiesUnknown}, one of them in its own region; give --region to write the others as copies`,
      });
    }
    for (const copy of r.copies) {
      const target = copy.region
        ? regionReplica(r, service, copy.region, context)
        : context.services.get(copy.to);
      const every = copy.every === undefined ? {} : { every: copy.every };
      const lag = copy.every === undefined ? 'replication lag unknown' : undefined;
      if (target === undefined) {
        service.notes.push(`copy to ${copy.to}, which is not in the input: ${copy.note}`);
        context.report.copies.push({
          service: service.id,
          to: copy.to,
          ...every,
          note: `${copy.note}; not in the input, so a comment, not a copy`,
        });
        continue;
      }
      service.copies = [
        ...(service.copies ?? []),
        { to: target.id, ...every, ...(lag === undefined ? {} : { note: lag }) },
      ];
      context.report.copies.push({ service: service.id, to: target.id, ...every, note: copy.note });
    }
  }
}

/** The service of a replica with no resource of its own: `<id>@<region>`, like its source. */
function regionReplica(
  r: IacResource,
  source: ImportedService,
  region: string,
  context: Context,
): ImportedService {
  const key = `${r.key}@${region}`;
  const existing = context.services.get(key);
  if (existing) return existing;
  const replica = newService(`${source.id}@${region}`);
  replica.kind = source.kind;
  replica.provider = source.provider;
  replica.region = region;
  replica.notes.push(`the replica of ${source.id} in ${region} (${r.type} ${r.key})`);
  context.services.set(key, replica);
  return replica;
}

function placementOf(r: IacResource, context: Context): Placement {
  const { byKey, report } = context;
  const subnets = subnetsOf(r, byKey);
  const unresolved = [...new Set(r.unresolvedPlacement)].sort(byCodeUnit);
  const facts =
    subnets.length === 0 && r.spread?.zones
      ? r.spread.zones
      : subnets.map((s) => byKey.get(s)!.zone);
  const known = unresolved.length === 0 && facts.every((z) => z !== undefined);
  const zones = known ? distinctZones(facts as Fact[]) : undefined;
  const zoneRegion = regionOfZones(zones && zones.length > 0 ? zones : r.zone ? [r.zone] : []);
  const region = r.scope === 'global' ? undefined : (r.region ?? zoneRegion ?? r.regionFallback);
  // A per-resource region may differ from the provider's; zones and ARNs may not.
  const derived = r.region?.source === 'region attribute' ? undefined : (r.region ?? zoneRegion);
  if (derived && r.regionFallback && derived.value !== r.regionFallback.value) {
    report.notUnderstood.push({
      file: r.file,
      what:
        `${r.key}: its ${derived.source} says ${derived.value}, its provider configuration ` +
        `${r.regionFallback.value}; kept ${derived.value}`,
    });
  }
  return { subnets, zones, region, unresolved };
}

/** Instances or nodes over the zones of their subnets: a group of per-zone members. */
function spreadGroup(
  r: IacResource,
  service: ImportedService,
  placement: Placement,
  context: Context,
): void {
  const { report } = context;
  const { zones, subnets } = placement;
  const capacity = r.spread!.everyZone ? zones?.length : r.spread!.capacity;
  if (zones === undefined || zones.length === 1 || capacity === 1) {
    if (zones === undefined) {
      const reason = placementReason(subnets, placement.unresolved, context.byKey);
      report.zonesUnknown.push({ service: service.id, reason });
    } else if (zones.length === 1) service.zone = zones[0]!.value;
    else {
      const names = zones.map((z) => z.value).join(', ');
      service.notes.push(`one instance, in one of ${names}; which one is not known`);
      report.zonesUnknown.push({
        service: service.id,
        reason: `capacity 1 over ${zones.length} zones (${names}): it runs in one of them`,
      });
    }
    addNats(service, natsFor(subnets, context));
    return;
  }
  makeVirtual(service);
  const members = zones.map((zone) => {
    const member = memberOf(r, `${service.id}@${zone.value}`, placement);
    member.zone = zone.value;
    member.notes.push(`the part of ${service.id} in ${zone.value} (${zone.source})`);
    const inZone = subnets.filter((s) => context.byKey.get(s)!.zone?.value === zone.value);
    addNats(member, natsFor(inZone, context));
    context.services.set(`${r.key}\u0000${zone.value}`, member);
    return member.id;
  });
  // Which zones hold the instances is not known: losing any `placed` zones may lose them all.
  const placed = Math.min(capacity ?? zones.length, zones.length);
  const quorum = zones.length - placed + 1;
  service.dependsOn.push({ anyOf: members, quorum, soft: false });
  count(report.edges, 'member', members.length);
  const form = `spread over ${zones.length} zones, ${capacity ?? 'unknown'} running`;
  report.groups.push({ service: service.id, form, quorum, of: [...members].sort(byCodeUnit) });
  if (capacity === undefined) {
    const why = r.spread!.capacityNote ?? 'not stated';
    service.notes.push(`capacity not known (${why}): up while one zone is`);
  } else if (quorum > 1) {
    service.notes.push(`${capacity} running over ${zones.length} zones: ${quorum} must be up`);
  }
}

/** Declared replicas (Multi-AZ, automatic failover, REGIONAL): up while one of them is. */
function failoverPair(
  r: IacResource,
  service: ImportedService,
  placement: Placement,
  context: Context,
): void {
  const { report } = context;
  makeVirtual(service);
  const members = r.replicas!.map((replica) => {
    const member = memberOf(r, `${service.id}@${replica.name}`, placement);
    member.zone = replica.zone?.value;
    member.notes.push(`the ${replica.name} of ${service.id}`);
    if (replica.zone === undefined) {
      const reason = 'the provider picks the zone of this replica';
      report.zonesUnknown.push({ service: member.id, reason });
    }
    context.services.set(`${r.key}\u0000${replica.name}`, member);
    return member.id;
  });
  service.dependsOn.push({ anyOf: members, soft: false, note: 'failover' });
  count(report.edges, 'member', members.length);
  const of = [...members].sort(byCodeUnit);
  report.groups.push({ service: service.id, form: 'failover', quorum: 1, of });
}

function memberOf(r: IacResource, id: string, placement: Placement): ImportedService {
  const member = newService(id.replace(/[^A-Za-z0-9._:/@-]+/g, '-'));
  member.kind = r.kind;
  member.provider = r.provider;
  member.region = placement.region?.value;
  return member;
}

/** Members (Aurora instances, mount targets): the service they belong to needs one of them. */
function addMembers(runtime: readonly IacResource[], context: Context, edge: AddEdge): void {
  const membersOf = new Map<string, IacResource[]>();
  for (const r of runtime) {
    if (r.role !== 'member') continue;
    const parent = r.refs.find((ref) => context.byKey.get(ref.target)?.role === 'service');
    if (parent === undefined) continue;
    membersOf.set(parent.target, [...(membersOf.get(parent.target) ?? []), r]);
  }
  for (const [parentKey, members] of membersOf) {
    const parent = context.services.get(parentKey)!;
    const ids = members.map((m) => context.idOf(m.key)!).sort(byCodeUnit);
    edge(parent, ids, 'member', ids.length > 1 ? 'any member' : undefined);
    if (ids.length > 1) {
      context.report.groups.push({ service: parent.id, form: 'members', quorum: 1, of: ids });
    }
  }
}

const NAT_NOTE = 'outbound through NAT';

function natsFor(subnets: readonly string[], context: Context): string[] {
  const keys = new Set(subnets.flatMap((s) => context.nats.get(s) ?? []));
  return [...keys].map((k) => context.idOf(k)!);
}

function addNats(service: ImportedService, natIds: string[]): void {
  if (natIds.length > 0) service.dependsOn.push({ anyOf: natIds, soft: false, note: NAT_NOTE });
}

/** A group: it cannot fail by itself, so it has no failure domain of its own; its members do. */
function makeVirtual(service: ImportedService): void {
  service.virtual = true;
  delete service.provider;
  delete service.region;
  delete service.zone;
}

/**
 * What users reach (DNS, CDN, API gateways, load balancers) and workloads that nothing calls
 * (a worker, a scheduled function) are the entry points; infrastructure nothing in the input
 * uses (an unused NAT gateway, a topic, a bucket whose readers are not in the input) is not.
 */
const ENTRY_KINDS = new Set(['dns', 'cdn', 'api-gateway', 'load-balancer', 'compute', 'function']);

/**
 * Marks the entry points among the services nothing depends on. Without one of those kinds,
 * none is marked and every service nothing depends on is an entry point, as the manifest says.
 */
function markEntrypoints(services: readonly ImportedService[]): void {
  const needed = new Set(services.flatMap((s) => s.dependsOn.flatMap((d) => d.anyOf)));
  for (const service of services) {
    const reached = service.kind !== undefined && ENTRY_KINDS.has(service.kind);
    if (reached && !needed.has(service.id) && !service.id.includes('@')) service.entrypoint = true;
  }
}
