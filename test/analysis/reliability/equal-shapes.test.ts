// Entry points of equal shape: the shapes against the truth table of every gate (random
// structures, each with a renumbered copy of itself), and entry points given a twin of the same
// requirements against the enumeration of every state and against the twin analyzed alone.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyzeAvailability } from '../../../src/analysis/reliability/availability.js';
import { firstOfShape } from '../../../src/analysis/reliability/equal-shapes.js';
import { ALWAYS_UP, type FaultStructure } from '../../../src/analysis/reliability/structure.js';
import type { Manifest } from '../../../src/manifest/types.js';
import { entryPoints } from '../../../src/model/compiled-graph.js';
import { arbitraryStructure, gateValues } from './exact/random-structure.js';
import { arbitraryReliabilityManifest, enumeratedAvailability, planOf } from './support.js';

/** The structure followed by a copy of its gates, each reading the copies of its inputs. */
function doubled(s: FaultStructure): FaultStructure {
  const n = s.kind.length;
  const children = Int32Array.from(
    [...s.children, ...s.children].map((c, j) => (j >= s.children.length && c >= 0 ? c + n : c)),
  );
  const childStart = Int32Array.from([
    ...s.childStart,
    ...s.childStart.subarray(1).map((x) => x + s.children.length),
  ]);
  return {
    ...s,
    kind: Uint8Array.from([...s.kind, ...s.kind]),
    k: Int32Array.from([...s.k, ...s.k]),
    childStart,
    children,
    blockOf: new Int32Array(2 * n).fill(-1),
  };
}

/** Each entry point with a virtual twin that requires what it requires. */
function withTwins(manifest: Manifest): Manifest {
  const twins = manifest.services
    .filter((s) => s.entrypoint)
    .map((s) => ({ ...s, id: `twin-${s.id}`, virtual: true as const, sla: undefined }));
  for (const twin of twins) delete twin.sla;
  return { ...manifest, services: [...manifest.services, ...twins] };
}

describe('entry points of equal shape', () => {
  it('are equal functions of the events, and a renumbered copy has its original shape', () => {
    const up = [0.9, 0.5, 0.99];
    fc.assert(
      fc.property(arbitraryStructure(up), fc.array(fc.boolean(), { maxLength: 24 }), (s, skip) => {
        const structure = doubled(s);
        const n = s.kind.length;
        const roots = [...structure.kind.keys(), -1, -1, ALWAYS_UP];
        const wanted = Uint8Array.from(roots, (_, i) => (skip[i] ? 0 : 1));
        const first = firstOfShape(structure, roots, wanted);
        const tables = Array.from({ length: 2 ** up.length }, (_, state) =>
          gateValues(structure, state),
        );
        roots.forEach((root, i) => {
          const j = first[i]!;
          expect(j).toBeLessThanOrEqual(i);
          expect(first[j]).toBe(j);
          if (!wanted[i]) expect(j).toBe(i);
          if (j === i) return;
          expect(wanted[j]).toBe(1);
          if (root < 0 || root === ALWAYS_UP) expect(roots[j]).toBe(root);
          else for (const values of tables) expect(values[roots[j]!]).toBe(values[root]);
        });
        // Gate n + g is gate g renumbered: the same shape, so the same first root.
        for (let g = 0; g < n; g++)
          if (wanted[g] && wanted[n + g]) expect(first[n + g]).toBe(first[g]);
      }),
      { numRuns: 300, seed: 13 },
    );
  });

  it('gives a twin the enumerated availability and the importance it has alone', () => {
    fc.assert(
      fc.property(arbitraryReliabilityManifest(7).map(withTwins), (manifest) => {
        const plan = planOf(manifest);
        const result = analyzeAvailability(plan, entryPoints(plan.graph));
        for (const [id, value] of enumeratedAvailability(manifest)) {
          expect(result.availability[id]!.method).toBe('exact');
          expect(result.availability[id]!.value).toBeCloseTo(value, 10);
        }
        for (const s of manifest.services) {
          if (!s.id.startsWith('twin-')) continue;
          const twin = plan.graph.index.get(s.id)!;
          const alone = analyzeAvailability(plan, [twin]).importance[s.id]!;
          const together = result.importance[s.id]!;
          expect(together.map((c) => c.id)).toEqual(alone.map((c) => c.id));
          together.forEach((c, i) => {
            const a = alone[i]!;
            for (const key of ['birnbaum', 'criticality', 'raw', 'fussellVesely'] as const)
              expect(c[key]).toBeCloseTo(a[key], 8);
            if (a.rrw === null) expect(c.rrw).toBeNull();
            else expect(c.rrw! / a.rrw).toBeCloseTo(1, 8);
          });
        }
      }),
      { numRuns: 150, seed: 17 },
    );
  });
});
