// The analysis of single failures, checked against the brute force: every single failure and
// every failure domain simulated plainly (blast radius, SPOFs, domain SPOFs, fate sharing); with
// a duration, each of them as an outage of that length (fate sharing stays unbounded).

import { expect } from 'vitest';
import { analyze } from '../../src/analysis/analyze.js';
import type { Manifest } from '../../src/manifest/types.js';
import { compileGraph } from '../../src/model/compiled-graph.js';
import {
  referenceDomains,
  referenceEntryPoints,
  referenceStatuses,
  referenceStatusesFor,
} from './brute-force.js';

const lost = (statuses: Map<string, string>, id: string) =>
  ['failed', 'down'].includes(statuses.get(id)!);

export function checkAgainstReference(manifest: Manifest): void {
  checkSingleFailures(manifest);
}

/** As `checkAgainstReference`, for outages that last `duration` seconds (`analyze --for`). */
export function checkAgainstReferenceFor(manifest: Manifest, duration: number): void {
  checkSingleFailures(manifest, duration);
}

function checkSingleFailures(manifest: Manifest, duration?: number): void {
  const result = analyze(compileGraph(manifest), null, duration === undefined ? {} : { duration });
  const outage = (failed: Set<string>) =>
    duration === undefined
      ? referenceStatuses(manifest, failed)
      : referenceStatusesFor(manifest, failed, duration);
  const entries = referenceEntryPoints(manifest);
  expect(result.entrypoints).toEqual(entries);
  expect(result.duration).toBe(duration);

  const expectedSpofs: Record<string, string[]> = {};
  for (const e of entries) expectedSpofs[e] = [];
  for (const x of manifest.services) {
    if (x.virtual) {
      // It cannot fail by itself: no blast radius, never a SPOF, never the cause of fate sharing.
      expect(result.blastRadius.find((b) => b.id === x.id)).toBeUndefined();
      expect(result.fateSharing.some((f) => f.via.includes(x.id))).toBe(false);
      continue;
    }
    const statuses = outage(new Set([x.id]));
    const unbounded =
      duration === undefined ? statuses : referenceStatuses(manifest, new Set([x.id]));
    const radius = result.blastRadius.find((b) => b.id === x.id)!;
    const values = [...statuses.values()];
    expect(radius.down).toBe(values.filter((s) => s === 'down').length);
    expect(radius.degraded).toBe(values.filter((s) => s === 'degraded').length);
    expect(radius.entrypointsDown).toBe(entries.filter((e) => lost(statuses, e)).length);
    const cost = manifest.services
      .filter((s) => lost(statuses, s.id))
      .reduce((sum, s) => sum + s.costPerHour, 0);
    expect(radius.costPerHour).toBe(cost);
    for (const e of entries) if (e !== x.id && lost(statuses, e)) expectedSpofs[e]!.push(x.id);

    for (const monitor of manifest.services.filter((m) => m.monitors.length > 0)) {
      for (const target of monitor.monitors) {
        const shared =
          monitor.id !== x.id && lost(unbounded, monitor.id) && lost(unbounded, target);
        const entry = result.fateSharing.find(
          (f) => f.monitor === monitor.id && f.target === target,
        );
        expect(entry?.via.includes(x.id) ?? false).toBe(shared);
      }
    }
  }
  const derived: Record<string, string[]> = {};
  for (const e of entries) derived[e] = [];
  for (const spof of result.spofs) for (const e of spof.takesDown) derived[e]!.push(spof.id);
  for (const e of entries) derived[e]!.sort();
  expect(derived).toEqual(expectedSpofs);
  const withSpof = entries.filter((e) => expectedSpofs[e]!.length > 0).length;
  expect(result.summary.entrypointsWithComponentSpof).toBe(withSpof);
  const spofIds = Object.values(expectedSpofs).flat();
  expect(result.spofs.map((s) => s.id).sort()).toEqual([...new Set(spofIds)].sort());

  const atRisk = new Set(entries.filter((e) => expectedSpofs[e]!.length > 0));
  for (const [domain, { members }] of referenceDomains(manifest)) {
    const statuses = outage(new Set(members));
    const down = entries.filter((e) => lost(statuses, e));
    for (const e of down) atRisk.add(e);
    const spof = result.domainSpofs.find((d) => d.domain === domain);
    expect(spof?.takesDown ?? []).toEqual(down);
    const bySingle = new Set(
      members.flatMap((m) => entries.filter((e) => expectedSpofs[e]!.includes(m))),
    );
    expect(spof?.onlyAsDomain ?? []).toEqual(down.filter((e) => !bySingle.has(e)));
    const radius = result.domainBlastRadius.find((d) => d.domain === domain)!;
    expect(radius.down).toBe([...statuses.values()].filter((s) => s === 'down').length);
    expect(radius.degraded).toBe([...statuses.values()].filter((s) => s === 'degraded').length);
    expect(radius.entrypointsDown).toBe(down.length);
  }
  expect(result.summary.entrypointsAtRisk).toBe(atRisk.size);
}
