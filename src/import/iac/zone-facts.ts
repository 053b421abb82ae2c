// Zones and regions of a resource as the builder reads them: its subnets' distinct zones, the
// region those zones name, and, when they stay unknown, the reason the import report gives.

import { byCodeUnit } from '../../compare.js';
import type { Fact, IacResource } from './iac-model.js';
import { awsRegionOfZone, gcpRegionOfZone } from './places.js';

export function distinctZones(facts: readonly Fact[]): Fact[] {
  const byValue = new Map<string, Fact>();
  for (const fact of facts) if (!byValue.has(fact.value)) byValue.set(fact.value, fact);
  return [...byValue.values()].sort((a, b) => byCodeUnit(a.value, b.value));
}

export function regionOfZones(zones: readonly Fact[]): Fact | undefined {
  const regions = new Set(
    zones.map((z) => awsRegionOfZone(z.value) ?? gcpRegionOfZone(z.value) ?? ''),
  );
  if (regions.size !== 1) return undefined;
  const [value] = regions;
  return value ? { value, source: 'AZ name' } : undefined;
}

export function regionReason(r: IacResource): string {
  return r.zoneUnknown?.startsWith('region')
    ? r.zoneUnknown
    : 'no region attribute, ARN, zone name or provider region';
}

/** Why subnets give no zone: some have none, or some are not in the input at all. */
export function placementReason(
  subnets: readonly string[],
  unresolved: readonly string[],
  byKey: ReadonlyMap<string, IacResource>,
): string {
  const unknown = subnets.filter((s) => byKey.get(s)!.zone === undefined);
  const parts: string[] = [];
  if (unknown.length > 0) parts.push(`subnets without a known zone: ${unknown.join(', ')}`);
  if (unresolved.length > 0) parts.push(`placement not in the input: ${unresolved.join(', ')}`);
  return parts.join('; ');
}

export function zoneReason(
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
    const unresolved = [...new Set(r.unresolvedPlacement)].sort(byCodeUnit);
    return placementReason(subnets, unresolved, byKey);
  }
  return 'no zone attribute and no subnet';
}
