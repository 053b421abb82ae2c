// The order of the component SPOFs and of the blast-radius ranking, against a plain comparison
// sort of what the result lists: `analyze` orders the SPOFs by filtering the ranking when their
// keys agree (no SPOF is itself an entry point in focus) and sorts them apart otherwise, so the
// manifests here declare entry points that others depend on, narrow the focus and fail for a
// while, to reach both ways.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis/analyze.js';
import type { BlastRadius } from '../../src/analysis/analysis-result.js';
import { byRisk } from '../../src/analysis/ranking.js';
import { byCodeUnit } from '../../src/compare.js';
import type { Manifest } from '../../src/manifest/types.js';
import { compileGraph } from '../../src/model/compiled-graph.js';
import { arbitraryManifest } from '../support/random-manifest.js';

function checkOrder(manifest: Manifest, pick: number, duration: number | undefined): void {
  const graph = compileGraph(manifest);
  const entries = analyze(graph, null).entrypoints;
  // Every entry point, or a subset chosen by the bits of `pick`.
  const focus = pick === 0 ? undefined : entries.filter((_, i) => (pick >> i) & 1);
  const result = analyze(graph, null, {
    ...(focus && focus.length > 0 ? { focus } : {}),
    ...(duration === undefined ? {} : { duration }),
  });
  const spofs = result.spofs
    .slice()
    .sort(
      (a, b) =>
        byRisk(a.blastRadius, b.blastRadius, a.takesDown.length, b.takesDown.length) ||
        byCodeUnit(a.id, b.id),
    );
  expect(result.spofs.map((s) => s.id)).toEqual(spofs.map((s) => s.id));
  const ranked = result.blastRadius
    .slice()
    .sort(
      (a: BlastRadius & { id: string }, b: BlastRadius & { id: string }) =>
        byRisk(a, b, a.entrypointsDown, b.entrypointsDown) || byCodeUnit(a.id, b.id),
    );
  expect(result.blastRadius.map((b) => b.id)).toEqual(ranked.map((b) => b.id));
}

describe('the order of the SPOFs and of the blast-radius ranking', () => {
  it('is byRisk of what each lists, ties by id, with entry points that are SPOFs or not', () => {
    fc.assert(
      fc.property(
        arbitraryManifest({ maxServices: 12, virtual: true }),
        fc.nat({ max: 255 }),
        (manifest, pick) => checkOrder(manifest, pick, undefined),
      ),
      { numRuns: 600 },
    );
  });

  it('with outages of a length, where tolerances change what fails', () => {
    fc.assert(
      fc.property(
        arbitraryManifest({ maxServices: 10, tolerances: true }),
        fc.nat({ max: 15 }),
        fc.constantFrom(30, 90, 600),
        checkOrder,
      ),
      { numRuns: 300 },
    );
  });

  it('on 64 to 120 services, where the ranking is sorted by counting', () => {
    fc.assert(
      fc.property(
        arbitraryManifest({ minServices: 64, maxServices: 120, virtual: true }),
        fc.nat({ max: 3 }),
        (manifest, pick) => checkOrder(manifest, pick, undefined),
      ),
      { numRuns: 30 },
    );
  });
});
