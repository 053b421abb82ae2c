// The minimal cut sets by brute force: every set of up to N failure events — components, and
// the failure domains the manifest gives an sla of their own (each failing all its members) —
// propagated by the reference semantics, kept when it takes an entry point down and no set
// with one event fewer does. Slow on purpose.

import type { Manifest } from '../../src/manifest/types.js';
import { referenceDomains, referenceEntryPoints, referenceStatuses } from './brute-force.js';

/** A set of failure events: components by id, domains by name. */
export interface EventSet {
  ids: string[];
  domains: string[];
}

/** Every set of up to `order` of `units`, as index lists, smaller sets first. */
function setsUpTo(units: number, order: number): number[][] {
  let level: number[][] = [[]];
  const all: number[][] = [];
  for (let k = 1; k <= order; k++) {
    level = level.flatMap((set) => {
      const from = set.length === 0 ? 0 : set[set.length - 1]! + 1;
      return Array.from({ length: Math.max(0, units - from) }, (_, i) => [...set, from + i]);
    });
    all.push(...level);
  }
  return all;
}

/** entry → its minimal cut sets of up to `order` events, by brute force. */
export function referenceCutSets(manifest: Manifest, order: number): Map<string, EventSet[]> {
  const components = manifest.services.filter((s) => s.virtual !== true).map((s) => s.id);
  const domainMembers = referenceDomains(manifest);
  const declared = (manifest.domains ?? []).map((d) => d.domain);
  const names = [...components, ...declared];
  const entries = referenceEntryPoints(manifest);
  const lost = new Map<string, Set<string>>();
  const lostBy = (set: readonly number[]) => {
    const key = set.join(',');
    let down = lost.get(key);
    if (down === undefined) {
      const failed = new Set<string>();
      for (const u of set) {
        if (u < components.length) failed.add(names[u]!);
        else for (const m of domainMembers.get(names[u]!)!.members) failed.add(m);
      }
      const statuses = referenceStatuses(manifest, failed);
      down = new Set(entries.filter((e) => ['failed', 'down'].includes(statuses.get(e)!)));
      lost.set(key, down);
    }
    return down;
  };
  const cuts = new Map(entries.map((e) => [e, [] as EventSet[]]));
  for (const set of setsUpTo(names.length, order)) {
    for (const e of entries) {
      if (set.some((u) => names[u] === e) || !lostBy(set).has(e)) continue;
      const smaller = set.map((_, i) => set.filter((__, j) => j !== i));
      if (set.length > 1 && smaller.some((s) => lostBy(s).has(e))) continue;
      cuts.get(e)!.push({
        ids: set.filter((u) => u < components.length).map((u) => names[u]!),
        domains: set.filter((u) => u >= components.length).map((u) => names[u]!),
      });
    }
  }
  return cuts;
}
