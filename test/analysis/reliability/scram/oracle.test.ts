// SCRAM as a live oracle on random acyclic manifests exported to Open-PSA MEF (scram --bdd
// --probability true -l 2): per entry point, our order-1 cut sets (the entry point itself and
// its single points of failure), our order-2 cut sets (analyze --order 2's pairs) and our exact
// unavailability must be SCRAM's.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../../../src/analysis/analyze.js';
import type { Manifest } from '../../../../src/manifest/types.js';
import { compileGraph } from '../../../../src/model/compiled-graph.js';
import { arbitraryReliabilityManifest } from '../support.js';
import { isAcyclic, toOpenPsa } from './open-psa-export.js';
import { runScram, sameDigits, scramVersion } from './support.js';

/** Cut sets as sorted "a+b" strings of service ids. */
function ours(manifest: Manifest) {
  const result = analyze(compileGraph(manifest), null, { order: 2 });
  const byEntry = new Map<string, { cuts: string[]; unavailability: number; method: string }>();
  for (const e of result.entrypoints) {
    const self = manifest.services.find((s) => s.id === e)!.virtual ? [] : [e];
    const singles = result.spofs.filter((s) => s.takesDown.includes(e)).map((s) => s.id);
    const pairs = result
      .pairs!.filter((p) => p.takesDown.includes(e))
      .map((p) => [...p.ids].sort().join('+'));
    const { unavailability, method } = result.availability[e]!;
    byEntry.set(e, { cuts: [...self, ...singles, ...pairs].sort(), unavailability, method });
  }
  return byEntry;
}

/**
 * Acyclic, and no virtual service without a hard requirement: that one can never go down, so
 * it has no fault tree to compare.
 */
function exportable(manifest: Manifest): boolean {
  return (
    isAcyclic(manifest) &&
    manifest.services.every((s) => !s.virtual || s.dependsOn.some((r) => !r.soft))
  );
}

describe('SCRAM agrees', () => {
  it('is installed', () => {
    expect(scramVersion()).toMatch(/SCRAM/);
  });

  it('on the order-1 and order-2 cut sets and the exact probability of random acyclic manifests', () => {
    let compared = 0;
    fc.assert(
      fc.property(arbitraryReliabilityManifest(7), (manifest) => {
        fc.pre(exportable(manifest));
        for (const [entry, mine] of ours(manifest)) {
          const { mef, serviceOf } = toOpenPsa(manifest, entry);
          const scram = runScram(mef, { order: 2 });
          const cuts = scram.products.map((p) => p.map(serviceOf).sort().join('+')).sort();
          expect(mine.cuts, entry).toEqual(cuts);
          expect(mine.method).toBe('exact');
          expect(
            sameDigits(mine.unavailability, scram.probability, 5),
            `${entry}: ours ${mine.unavailability}, SCRAM ${scram.probability}`,
          ).toBe(true);
          compared++;
        }
      }),
      { numRuns: 60, seed: 2026 },
    );
    expect(compared).toBeGreaterThan(40);
  }, 120_000); // a SCRAM process per entry point: 40–50 s at a load average of 30
});
