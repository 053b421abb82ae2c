// RTO consistency: hand-built cases with real-sounding names, the `check` rule, and a
// property test against a brute-force reading of "time to recover after a full outage".

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { rtoViolations } from '../../../src/analysis/recovery/rto-consistency.js';
import type { Manifest } from '../../../src/manifest/types.js';
import { compileGraph } from '../../../src/model/compiled-graph.js';
import { referenceStatuses } from '../../support/brute-force.js';
import { buildManifest } from '../../support/build-manifest.js';
import { arbitraryManifestWithVirtual } from '../../support/failure-scenarios.js';

const violationsOf = (manifest: Manifest) => rtoViolations(compileGraph(manifest));

describe('RTO consistency', () => {
  it('reports the worst chain of a service whose rto is shorter than a transitive recovery time', () => {
    const violations = violationsOf(
      buildManifest({
        checkout: { rto: 900, depends_on: ['payments', { service: 'analytics', soft: true }] },
        payments: { rto: 3600, depends_on: ['payments-db', 'ledger'] },
        'payments-db': { recoveryTime: 14_400 },
        ledger: { recoveryTime: 1800 },
        analytics: { recoveryTime: 86_400 },
      }),
    );
    expect(violations).toEqual([
      {
        service: 'checkout',
        rto: 900,
        dependency: 'payments-db',
        recoveryTime: 14_400,
        chain: ['checkout', 'payments', 'payments-db'],
      },
      {
        service: 'payments',
        rto: 3600,
        dependency: 'payments-db',
        recoveryTime: 14_400,
        chain: ['payments', 'payments-db'],
      },
    ]);
  });

  it('lets a group recover once quorum alternatives are back', () => {
    const manifest = (quorum: number) =>
      buildManifest({
        search: { rto: 1200, depends_on: [{ quorum, of: ['es-a', 'es-b', 'es-c'] }] },
        'es-a': { recoveryTime: 600 },
        'es-b': { recoveryTime: 3600 },
        'es-c': { recoveryTime: 7200 },
      });
    expect(violationsOf(manifest(1))).toEqual([]);
    expect(violationsOf(manifest(2))).toEqual([
      {
        service: 'search',
        rto: 1200,
        dependency: 'es-b',
        recoveryTime: 3600,
        chain: ['search', 'es-b'],
      },
    ]);
    expect(violationsOf(manifest(3))[0]!.dependency).toBe('es-c');
  });

  it('ignores the service’s own recovery time and a virtual service’s', () => {
    expect(
      violationsOf(
        buildManifest({
          api: { rto: 60, recoveryTime: 3600, depends_on: ['path'] },
          path: { virtual: true, recoveryTime: 3600, depends_on: ['cache'] },
          cache: { recoveryTime: 30 },
        }),
      ),
    ).toEqual([]);
  });

  it('agrees with a brute force over the outage "everything slower than the rto is still down"', () => {
    const withTimes = fc
      .tuple(
        arbitraryManifestWithVirtual(8),
        fc.array(fc.constantFrom(undefined, 60, 600, 3600), { minLength: 8, maxLength: 8 }),
        fc.array(fc.constantFrom(undefined, 0, 60, 600, 3600, 14_400), {
          minLength: 8,
          maxLength: 8,
        }),
      )
      .map(([manifest, rtos, recoveries]) => ({
        ...manifest,
        services: manifest.services.map((s, i) => {
          const timed = { ...s };
          if (rtos[i] !== undefined) timed.rto = rtos[i];
          if (recoveries[i] !== undefined) timed.recoveryTime = recoveries[i];
          return timed;
        }),
      }));
    fc.assert(
      fc.property(withTimes, (manifest) => {
        const found = new Map(violationsOf(manifest).map((v) => [v.service, v]));
        const byId = new Map(manifest.services.map((s) => [s.id, s]));
        for (const service of manifest.services) {
          if (service.rto === undefined) continue;
          const needed = referenceTimeToRequirements(manifest, service.id);
          const violation = found.get(service.id);
          expect(violation !== undefined, service.id).toBe(needed > service.rto);
          if (!violation) continue;
          expect(violation.recoveryTime).toBe(needed);
          expect(byId.get(violation.dependency)!.recoveryTime).toBe(needed);
          expect(violation.chain[0]).toBe(service.id);
          expect(violation.chain.at(-1)).toBe(violation.dependency);
          for (let i = 0; i + 1 < violation.chain.length; i++) {
            const from = byId.get(violation.chain[i]!)!;
            const hard = from.dependsOn.some(
              (r) => !r.soft && r.alternatives.includes(violation.chain[i + 1]!),
            );
            expect(hard, violation.chain.join(' → ')).toBe(true);
          }
        }
      }),
      { numRuns: 500, seed: 7 },
    );
  });
});

/**
 * The least t (0 or a declared recovery time) at which every hard requirement of `id` is met
 * when everything whose recovery_time exceeds t is still down (propagation as in
 * docs/semantics.md).
 */
function referenceTimeToRequirements(manifest: Manifest, id: string): number {
  const service = manifest.services.find((s) => s.id === id)!;
  const times = [
    ...new Set([0, ...manifest.services.map((s) => (s.virtual ? 0 : (s.recoveryTime ?? 0)))]),
  ].sort((a, b) => a - b);
  for (const t of times) {
    const late = manifest.services
      .filter((s) => !s.virtual && (s.recoveryTime ?? 0) > t)
      .map((s) => s.id);
    const statuses = referenceStatuses(manifest, new Set(late));
    const isDown = (a: string) => ['failed', 'down'].includes(statuses.get(a)!);
    const met = service.dependsOn.every(
      (r) => r.soft || r.alternatives.filter((a) => !isDown(a)).length >= r.quorum,
    );
    if (met) return t;
  }
  throw new Error('unreachable: with nothing down every requirement is met');
}
