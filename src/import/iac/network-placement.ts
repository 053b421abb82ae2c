// Where a resource sits in the network: the subnets it names, and the NAT gateways a subnet's
// route table sends its outbound traffic to (through a route, or an inline route of the table).
// One NAT gateway for every private subnet makes that gateway's zone everyone's zone.

import { byCodeUnit } from '../../compare.js';
import type { IacResource } from './iac-model.js';

/** The subnets a resource names, directly or through a subnet group. */
export function subnetsOf(r: IacResource, byKey: ReadonlyMap<string, IacResource>): string[] {
  const found = new Set<string>();
  for (const ref of r.refs) {
    const target = byKey.get(ref.target);
    if (target?.role === 'subnet') found.add(target.key);
  }
  return [...found].sort(byCodeUnit);
}

/** Subnet key -> the NAT gateways its route tables send traffic to. */
export function natsOfSubnets(
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

function addTo(map: Map<string, Set<string>>, key: string, value: string): void {
  const set = map.get(key) ?? new Set<string>();
  set.add(value);
  map.set(key, set);
}
