// Classes of the events by the unread roots that reach them, against the exact path's own
// structure on random small manifests with failure domains: once equal gates are merged, gates
// coalesced, inputs grouped and modules found, a root module reaches one class at most, and
// any other root reads at least as many leaves and modules in its own part (counted by a full
// walk) as it reaches classes. So a root proven too large is: no module, its part beyond the
// limit.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { commonCauses } from '../../../src/analysis/reliability/common-causes.js';
import { coalesceGates } from '../../../src/analysis/reliability/exact/coalesced-gates.js';
import { factorCommonInputs } from '../../../src/analysis/reliability/exact/common-inputs.js';
import { mergeEqualGates } from '../../../src/analysis/reliability/exact/equal-gates.js';
import { groupIndependentInputs } from '../../../src/analysis/reliability/exact/independent-inputs.js';
import { findModules } from '../../../src/analysis/reliability/exact/modules.js';
import { smallParts } from '../../../src/analysis/reliability/exact-or-sampled.js';
import { reliabilityModel } from '../../../src/analysis/reliability/model.js';
import {
  everyRootTooLarge,
  reachClasses,
  ROOT_BITS,
} from '../../../src/analysis/reliability/reach-classes.js';
import {
  ALWAYS_UP,
  faultStructure,
  type FaultStructure,
} from '../../../src/analysis/reliability/structure.js';
import type { Manifest } from '../../../src/manifest/types.js';
import { entryPoints } from '../../../src/model/compiled-graph.js';
import { arbitraryCorrelatedManifest, planOf, reachedFrom } from './support.js';

/** Leaves and module gates below root, down to the modules (root itself left out). */
function itemsWithAClass(structure: FaultStructure, isModule: Uint8Array, root: number): number {
  const items = [...reachedFrom(structure, root, isModule)];
  return items.filter((c) => c !== root && (c < 0 || isModule[c])).length;
}

/** The events below gate g. */
function eventsBelow(structure: FaultStructure, g: number): number[] {
  return [...reachedFrom(structure, g)].filter((c) => c < 0).map((c) => -1 - c);
}

function structures(manifest: Manifest) {
  const { graph } = planOf(manifest);
  const model = reliabilityModel(graph);
  const built = faultStructure(graph, model.up, model.down, commonCauses(graph));
  const roots = entryPoints(graph).map((e) => built.refOf[e]!);
  const merged = coalesceGates(mergeEqualGates(built, roots), roots);
  const structure = groupIndependentInputs(factorCommonInputs(merged, roots), roots);
  return { built, roots, structure, modules: findModules(structure, roots) };
}

const UNBOUNDED = { above: -1, work: Infinity };
/**
 * Each root a bit of its own, or the roots folded onto one, two or three bits (many roots per
 * bit) or onto more bits than there are roots, their classes counted by walks from each.
 */
const folding = fc.constantFrom(
  {},
  { ownBitsRoots: 0, rootBits: 1 },
  { ownBitsRoots: 0, rootBits: 2 },
  { ownBitsRoots: 0, rootBits: 3 },
  { ownBitsRoots: 0, rootBits: ROOT_BITS },
);
const isGate = (root: number) => root >= 0 && root !== ALWAYS_UP;

describe('classes of the events by the roots that reach them', () => {
  it('counts no more classes below a root than its own part reads leaves and modules', () => {
    let severalClasses = 0;
    fc.assert(
      fc.property(arbitraryCorrelatedManifest(), folding, (manifest, fold) => {
        const { built, roots, structure, modules } = structures(manifest);
        const classes = reachClasses(built, roots, { ...UNBOUNDED, ...fold })!.perRoot;
        roots.forEach((root, i) => {
          if (!isGate(root)) return expect(classes[i]).toBe(0);
          expect(classes[i]).toBeGreaterThanOrEqual(1);
          if (modules.isModule[root]) return expect(classes[i]).toBe(1);
          if (classes[i]! >= 2) severalClasses++;
          expect(itemsWithAClass(structure, modules.isModule, root)).toBeGreaterThanOrEqual(
            classes[i]!,
          );
        });
      }),
      { numRuns: 400, seed: 29 },
    );
    expect(severalClasses).toBeGreaterThan(50);
  });

  it('gives every event below one module the same class', () => {
    let shared = 0;
    fc.assert(
      fc.property(arbitraryCorrelatedManifest(), folding, (manifest, fold) => {
        const { built, roots, structure, modules } = structures(manifest);
        const { classOf } = reachClasses(built, roots, { ...UNBOUNDED, ...fold })!;
        for (const m of modules.postorder) {
          if (!modules.isModule[m]) continue;
          const below = eventsBelow(structure, m);
          if (below.length > 1) shared++;
          for (const x of below) expect(classOf[x]).toBe(classOf[below[0]!]);
        }
      }),
      { numRuns: 400, seed: 23 },
    );
    expect(shared).toBeGreaterThan(50);
  });

  it('proves every root too large only when the exact path would try none', () => {
    let proofs = 0;
    fc.assert(
      fc.property(arbitraryCorrelatedManifest(), fc.nat(4), folding, (manifest, limit, fold) => {
        const { built, roots, structure, modules } = structures(manifest);
        if (!everyRootTooLarge(built, roots, limit, Infinity, fold)) return;
        proofs++;
        const small = smallParts(structure, modules, roots, limit);
        roots.forEach((root, i) => expect(small[i]).toBe(isGate(root) ? 0 : 1));
      }),
      { numRuns: 400, seed: 31 },
    );
    expect(proofs).toBeGreaterThan(20);
  });

  it('counts fewer classes with the roots folded, the same by walks from each root, up to a cap', () => {
    let fewer = 0;
    fc.assert(
      fc.property(
        arbitraryCorrelatedManifest(),
        fc.integer({ min: 1, max: 3 }),
        fc.integer({ min: 1, max: 6 }),
        (manifest, bits, countTo) => {
          const { built, roots } = structures(manifest);
          const exact = reachClasses(built, roots, UNBOUNDED)!.perRoot;
          const fold = { ownBitsRoots: 0, rootBits: bits };
          const folded = reachClasses(built, roots, { ...UNBOUNDED, ...fold })!.perRoot;
          const capped = reachClasses(built, roots, { ...UNBOUNDED, countTo })!.perRoot;
          // Each root a bit of its own, counted by walks from each root.
          const walked = reachClasses(built, roots, {
            ...UNBOUNDED,
            ownBitsRoots: 0,
            countTo,
          })!.perRoot;
          roots.forEach((_, i) => {
            expect(folded[i]).toBeLessThanOrEqual(exact[i]!);
            if (folded[i]! < exact[i]!) fewer++;
            expect(capped[i]).toBe(Math.min(exact[i]!, countTo));
            expect(walked[i]).toBe(Math.min(exact[i]!, countTo));
          });
        },
      ),
      { numRuns: 300, seed: 41 },
    );
    expect(fewer).toBeGreaterThan(10);
  });

  it('gives up when the walks would cost more than the work allowed', () => {
    fc.assert(
      fc.property(arbitraryCorrelatedManifest(), (manifest) => {
        const { built, roots } = structures(manifest);
        const result = reachClasses(built, roots, { above: -1, work: 0 });
        if (roots.some(isGate)) expect(result).toBeUndefined();
        expect(everyRootTooLarge(built, roots, 0, 0)).toBe(!roots.some(isGate) ? true : false);
      }),
      { numRuns: 50, seed: 37 },
    );
  });
});
