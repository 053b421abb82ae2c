// The reference semantics (docs/semantics.md), written as plainly as possible: iterate the rules until
// nothing changes. Slow on purpose; every fast algorithm is checked against it.

import type { Manifest } from '../../src/manifest/types.js';

export type ReferenceStatus = 'failed' | 'down' | 'degraded' | 'up';

export function referenceStatuses(
  manifest: Manifest,
  failed: ReadonlySet<string>,
): Map<string, ReferenceStatus> {
  const down = new Set(failed);
  let changed = true;
  while (changed) {
    changed = false;
    for (const service of manifest.services) {
      if (down.has(service.id)) continue;
      const unmet = service.dependsOn.some(
        (r) => !r.soft && r.alternatives.filter((a) => !down.has(a)).length < r.quorum,
      );
      if (unmet) {
        down.add(service.id);
        changed = true;
      }
    }
  }
  return statusesGiven(manifest, failed, down);
}

/** Every status, given the failed and the down (failed included) services: degraded by iteration. */
function statusesGiven(
  manifest: Manifest,
  failed: ReadonlySet<string>,
  down: ReadonlySet<string>,
): Map<string, ReferenceStatus> {
  const degraded = new Set<string>();
  let changed = true;
  while (changed) {
    changed = false;
    for (const service of manifest.services) {
      if (down.has(service.id) || degraded.has(service.id)) continue;
      const touched = service.dependsOn.some((r) =>
        r.alternatives.some((a) => down.has(a) || degraded.has(a)),
      );
      if (touched) {
        degraded.add(service.id);
        changed = true;
      }
    }
  }
  const statuses = new Map<string, ReferenceStatus>();
  for (const { id } of manifest.services) {
    statuses.set(
      id,
      failed.has(id) ? 'failed' : down.has(id) ? 'down' : degraded.has(id) ? 'degraded' : 'up',
    );
  }
  return statuses;
}

/** Entry points (docs/semantics.md): declared ones, or else those nothing depends on. */
export function referenceEntryPoints(manifest: Manifest): string[] {
  if (manifest.services.some((s) => s.entrypoint)) {
    return manifest.services.filter((s) => s.entrypoint).map((s) => s.id);
  }
  const used = new Set(
    manifest.services.flatMap((s) => s.dependsOn.flatMap((r) => r.alternatives)),
  );
  return manifest.services.filter((s) => !used.has(s.id)).map((s) => s.id);
}

export interface ReferenceDomain {
  level: 'provider' | 'region' | 'zone';
  members: string[];
}

/** Failure domains (docs/semantics.md): the cumulative prefixes of each service's labels, with members. */
export function referenceDomains(manifest: Manifest): Map<string, ReferenceDomain> {
  const domains = new Map<string, ReferenceDomain>();
  for (const s of manifest.services) {
    const parts: string[] = [];
    for (const level of ['provider', 'region', 'zone'] as const) {
      if (s[level] === undefined) continue;
      parts.push(`${level}=${s[level]}`);
      const key = parts.join(',');
      if (!domains.has(key)) domains.set(key, { level, members: [] });
      domains.get(key)!.members.push(s.id);
    }
  }
  return domains;
}

/**
 * The reference of outages in time (tolerances): every service's `downAt`, by plain repeated
 * relaxation from "never" (Infinity) until nothing changes — the greatest fixed point of: a
 * failed service is down at 0; otherwise at the earliest moment a hard requirement is unmet,
 * a requirement being unmet `tolerates` after the (n − quorum + 1)-th earliest of its
 * alternatives went down.
 */
export function referenceDownAt(
  manifest: Manifest,
  failed: ReadonlySet<string>,
): Map<string, number> {
  const downAt = new Map(
    manifest.services.map((s) => [s.id, failed.has(s.id) ? 0 : Number.POSITIVE_INFINITY]),
  );
  let changed = true;
  while (changed) {
    changed = false;
    for (const service of manifest.services) {
      if (failed.has(service.id)) continue;
      let earliest = Number.POSITIVE_INFINITY;
      for (const r of service.dependsOn) {
        if (r.soft) continue;
        const moments = r.alternatives.map((a) => downAt.get(a)!).sort((x, y) => x - y);
        const unmet = moments[r.alternatives.length - r.quorum]! + (r.tolerates ?? 0);
        earliest = Math.min(earliest, unmet);
      }
      if (earliest < downAt.get(service.id)!) {
        downAt.set(service.id, earliest);
        changed = true;
      }
    }
  }
  return downAt;
}

/**
 * Statuses at the end of an outage that lasts `duration` seconds: down when `downAt` is before
 * it, degraded as ever (reaching a down service along any edge).
 */
export function referenceStatusesFor(
  manifest: Manifest,
  failed: ReadonlySet<string>,
  duration: number,
): Map<string, ReferenceStatus> {
  const downAt = referenceDownAt(manifest, failed);
  const down = new Set([...downAt].filter(([, t]) => t < duration).map(([id]) => id));
  return statusesGiven(manifest, failed, down);
}
