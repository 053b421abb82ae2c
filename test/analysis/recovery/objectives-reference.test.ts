// The recovery estimates per kind of disruption against a brute-force reference on random
// manifests (groups, quorums, soft edges, cycles, copies, recovery times): for every disruption
// of every kind, the down set as the least set closed under unmet hard requirements, the time
// each service is back by plain repeated relaxation over every service from 0 upwards, and the
// data lost by the datastores each entry point reaches; the worst of each kind.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  compileGraph,
  entryPoints,
  type CompiledGraph,
} from '../../../src/model/compiled-graph.js';
import { failureDomains } from '../../../src/analysis/outage/failure-domains.js';
import { planSweep } from '../../../src/analysis/outage/outage-sweep.js';
import { recordSingleFailures } from '../../../src/analysis/outage/single-failures.js';
import { recoveryObjectives } from '../../../src/analysis/recovery/recovery-objectives.js';
import type { Manifest, Service } from '../../../src/manifest/types.js';
import { arbitraryManifest } from '../../support/random-manifest.js';

interface Disruption {
  name: string;
  kind: 'component' | 'zone' | 'region' | 'provider';
  members: Set<string>;
}

/** Every disruption: each non-virtual service alone, then each domain by its labels. */
function disruptions(manifest: Manifest): Disruption[] {
  const list: Disruption[] = manifest.services
    .filter((s) => !s.virtual)
    .map((s) => ({ name: s.id, kind: 'component', members: new Set([s.id]) }));
  const domains = new Map<string, Disruption>();
  for (const s of manifest.services) {
    const parts: string[] = [];
    for (const level of ['provider', 'region', 'zone'] as const) {
      if (s[level] === undefined) break;
      parts.push(`${level}=${s[level]}`);
      const name = parts.join(',');
      const domain = domains.get(name) ?? { name, kind: level, members: new Set<string>() };
      domain.members.add(s.id);
      domains.set(name, domain);
    }
  }
  return [...list, ...[...domains.values()].sort((a, b) => (a.name < b.name ? -1 : 1))];
}

function downSet(manifest: Manifest, failed: Set<string>): Set<string> {
  const down = new Set(failed);
  for (let changed = true; changed;) {
    changed = false;
    for (const s of manifest.services) {
      if (down.has(s.id)) continue;
      const unmet = s.dependsOn.some(
        (r) => !r.soft && r.alternatives.filter((a) => !down.has(a)).length < r.quorum,
      );
      if (unmet) {
        down.add(s.id);
        changed = true;
      }
    }
  }
  return down;
}

/** back(v) = max(own, each hard requirement's quorum-th smallest back), iterated from 0. */
function backTimes(manifest: Manifest, failed: Set<string>): Map<string, number> {
  const back = new Map(manifest.services.map((s) => [s.id, 0]));
  for (let changed = true; changed;) {
    changed = false;
    for (const s of manifest.services) {
      let value = failed.has(s.id) ? (s.recoveryTime ?? 0) : 0;
      for (const r of s.dependsOn) {
        if (r.soft) continue;
        const times = r.alternatives.map((a) => back.get(a)!).sort((a, b) => a - b);
        value = Math.max(value, times[r.quorum - 1]!);
      }
      if (value !== back.get(s.id)) {
        back.set(s.id, value);
        changed = true;
      }
    }
  }
  return back;
}

function reachedDatastores(byId: Map<string, Service>, e: string): Service[] {
  const seen = new Set([e]);
  const stack = [e];
  while (stack.length > 0) {
    const s = byId.get(stack.pop()!)!;
    for (const r of s.dependsOn) {
      if (r.soft) continue;
      for (const a of r.alternatives) {
        if (seen.has(a)) continue;
        seen.add(a);
        stack.push(a);
      }
    }
  }
  return [...seen].map((id) => byId.get(id)!).filter((s) => s.copies !== undefined);
}

function rpoOf(datastores: readonly Service[], down: Set<string>): number {
  let worst = 0;
  for (const s of datastores) {
    if (!down.has(s.id)) continue;
    let least = Infinity;
    for (const c of s.copies!) if (!down.has(c.to)) least = Math.min(least, c.every ?? Infinity);
    worst = Math.max(worst, least);
  }
  return worst;
}

function fast(graph: CompiledGraph) {
  const plan = planSweep(graph);
  const entries = entryPoints(graph);
  const inFocus = new Uint8Array(graph.n);
  for (const e of entries) inFocus[e] = 1;
  const { takesDown } = recordSingleFailures(plan, inFocus);
  const domains = failureDomains(graph);
  return recoveryObjectives({ plan, domains, entries, takesDown, objectives: undefined });
}

describe('recovery estimates against the brute-force reference', () => {
  it('agree on RTO, RPO, their disruptions and chains for every entry point and kind', () => {
    fc.assert(
      fc.property(arbitraryManifest({ maxServices: 9, recovery: true }), (manifest) => {
        const graph = compileGraph(manifest);
        const result = fast(graph);
        const byId = new Map(manifest.services.map((s) => [s.id, s]));
        const all = disruptions(manifest);
        const outcomes = all.map((d) => ({
          d,
          down: downSet(manifest, d.members),
          back: backTimes(manifest, d.members),
        }));
        for (const e of entryPoints(graph).map((v) => graph.ids[v]!)) {
          const datastores = reachedDatastores(byId, e);
          for (const kind of ['component', 'zone', 'region', 'provider'] as const) {
            const estimate = result[e]![kind];
            const mine = outcomes.filter((o) => o.d.kind === kind);
            let rto = 0;
            let rpo = 0;
            for (const o of mine) {
              // Not taken down: back at once, as the equations say.
              if (!o.down.has(e)) expect(o.back.get(e)).toBe(0);
              rto = Math.max(rto, o.back.get(e)!);
              rpo = Math.max(rpo, rpoOf(datastores, o.down));
            }
            expect(estimate.rto).toBe(rto);
            expect(estimate.rpo).toBe(rpo === Infinity ? null : rpo);
            const taking = mine.filter((o) => o.down.has(e));
            expect(estimate.rtoDisruption === null).toBe(taking.length === 0);
            if (estimate.rtoDisruption !== null) {
              const witness = mine.find((o) => o.d.name === estimate.rtoDisruption)!;
              expect(witness.down.has(e)).toBe(true);
              expect(witness.back.get(e)).toBe(rto);
              expect(taking.find((o) => o.back.get(e) === rto)!.d.name).toBe(witness.d.name);
              const chain = estimate.rtoChain;
              expect(chain[0]).toBe(e);
              const last = chain[chain.length - 1]!;
              expect(witness.d.members.has(last)).toBe(true);
              expect(byId.get(last)!.recoveryTime ?? 0).toBe(rto);
              for (let i = 0; i + 1 < chain.length; i++) {
                const hard = byId
                  .get(chain[i]!)!
                  .dependsOn.some((r) => !r.soft && r.alternatives.includes(chain[i + 1]!));
                expect(hard).toBe(true);
                expect(witness.down.has(chain[i + 1]!)).toBe(true);
              }
            }
            if (estimate.rpoDisruption !== null) {
              const witness = mine.find((o) => o.d.name === estimate.rpoDisruption)!;
              expect(rpoOf(datastores, witness.down)).toBe(rpo);
              expect(datastores.map((s) => s.id)).toContain(estimate.rpoDatastore);
              expect(witness.down.has(estimate.rpoDatastore!)).toBe(true);
            } else {
              expect(mine.some((o) => datastores.some((s) => o.down.has(s.id)))).toBe(false);
            }
          }
        }
      }),
      { numRuns: 1000 },
    );
  });
});
