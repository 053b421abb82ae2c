// Shared by the issue-7 tests: random manifests with virtual services, and the brute-force
// reference of minimal pairs (every pair of components or of domains, propagated plainly).

import fc from 'fast-check';
import type { Manifest } from '../../src/manifest/types.js';
import { referenceDomains, referenceEntryPoints, referenceStatuses } from './brute-force.js';
import { arbitraryManifest } from './random-manifest.js';

/** Random manifests (quorums, cycles, soft edges, domains) where some services are virtual. */
export function arbitraryManifestWithVirtual(
  maxServices = 9,
  entrypoints = true,
): fc.Arbitrary<Manifest> {
  return fc
    .tuple(arbitraryManifest({ maxServices, entrypoints }), fc.array(fc.nat(), { maxLength: 3 }))
    .map(([manifest, picks]) => {
      const virtual = new Set(picks.map((p) => p % manifest.services.length));
      const services = manifest.services.map((service, i) => {
        if (!virtual.has(i)) return service;
        const { provider: _p, region: _r, zone: _z, sla: _s, ...rest } = service;
        return { ...rest, virtual: true as const };
      });
      return { ...manifest, services };
    });
}

/** "a,b" → entry points, for every minimal pair of the given outages (by name). */
export function referencePairs(
  manifest: Manifest,
  units: ReadonlyMap<string, readonly string[]>,
  excluded: (a: string, b: string) => boolean,
): Map<string, string[]> {
  const entries = referenceEntryPoints(manifest);
  const lostBy = (failed: readonly string[]) => {
    const statuses = referenceStatuses(manifest, new Set(failed));
    return new Set(entries.filter((e) => ['failed', 'down'].includes(statuses.get(e)!)));
  };
  const names = [...units.keys()].sort();
  const alone = new Map(names.map((name) => [name, lostBy(units.get(name)!)]));
  const pairs = new Map<string, string[]>();
  for (let i = 0; i < names.length; i++) {
    for (let j = i + 1; j < names.length; j++) {
      const [a, b] = [names[i]!, names[j]!];
      if (excluded(a, b)) continue;
      const both = lostBy([...units.get(a)!, ...units.get(b)!]);
      const minimal = entries.filter(
        (e) => both.has(e) && !alone.get(a)!.has(e) && !alone.get(b)!.has(e),
      );
      if (minimal.length > 0) pairs.set(`${a},${b}`, minimal);
    }
  }
  return pairs;
}

export function referenceComponentPairs(manifest: Manifest): Map<string, string[]> {
  const units = new Map(
    manifest.services.filter((s) => s.virtual !== true).map((s) => [s.id, [s.id]]),
  );
  return referencePairs(manifest, units, () => false);
}

export function referenceDomainPairs(manifest: Manifest): Map<string, string[]> {
  const units = new Map([...referenceDomains(manifest)].map(([name, d]) => [name, d.members]));
  const inside = (a: string, b: string) => a.startsWith(`${b},`) || b.startsWith(`${a},`);
  return referencePairs(manifest, units, inside);
}
