// The neighbourhood of some services (graphology-traversal, breadth-first with depth) against a
// plain breadth-first search over the manifest's depends_on lists, on random manifests; and the
// subgraph cut down to it.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Manifest } from '../../src/manifest/types.js';
import { buildDependencyGraph } from '../../src/model/dependency-graph.js';
import { inducedSubgraph } from '../../src/model/induced-subgraph.js';
import { DIRECTIONS, type Direction } from '../../src/model/direction.js';
import { neighbourhood } from '../../src/model/neighbourhood.js';
import { buildManifest } from '../support/build-manifest.js';
import { arbitraryManifest } from '../support/random-manifest.js';

/** Reference: step-by-step frontier expansion over adjacency lists built from depends_on. */
function plainBfs(manifest: Manifest, from: string[], depth: number, direction: Direction) {
  const down = new Map<string, string[]>(manifest.services.map((s) => [s.id, []]));
  const up = new Map<string, string[]>(manifest.services.map((s) => [s.id, []]));
  for (const s of manifest.services)
    for (const r of s.dependsOn)
      for (const a of r.alternatives) {
        down.get(s.id)!.push(a);
        up.get(a)!.push(s.id);
      }
  const seen = new Set(from);
  let frontier = [...seen];
  for (let step = 0; step < depth; step++) {
    const next: string[] = [];
    for (const v of frontier) {
      const neighbours = [
        ...(direction !== 'up' ? down.get(v)! : []),
        ...(direction !== 'down' ? up.get(v)! : []),
      ];
      for (const u of neighbours) {
        if (seen.has(u)) continue;
        seen.add(u);
        next.push(u);
      }
    }
    frontier = next;
  }
  return seen;
}

const SHOP = buildManifest({
  web: { entrypoint: true, depends_on: ['checkout', { service: 'recommendations', soft: true }] },
  checkout: { depends_on: ['payments', { any_of: ['orders-db-a', 'orders-db-b'] }] },
  payments: { depends_on: ['payments-db'] },
  'payments-db': {},
  'orders-db-a': {},
  'orders-db-b': {},
  recommendations: {},
  admin: { entrypoint: true, depends_on: ['payments-db'] },
});

describe('neighbourhood', () => {
  const graph = buildDependencyGraph(SHOP);
  const sorted = (set: Set<string>) => [...set].sort();

  it('follows dependencies down, dependents up, or both, step by step', () => {
    expect(sorted(neighbourhood(graph, ['checkout'], 1, 'down'))).toEqual([
      'checkout',
      'orders-db-a',
      'orders-db-b',
      'payments',
    ]);
    expect(sorted(neighbourhood(graph, ['checkout'], 2, 'down'))).toEqual([
      'checkout',
      'orders-db-a',
      'orders-db-b',
      'payments',
      'payments-db',
    ]);
    expect(sorted(neighbourhood(graph, ['payments-db'], 1, 'up'))).toEqual([
      'admin',
      'payments',
      'payments-db',
    ]);
    expect(sorted(neighbourhood(graph, ['payments'], 1, 'both'))).toEqual([
      'checkout',
      'payments',
      'payments-db',
    ]);
    expect(sorted(neighbourhood(graph, ['web', 'admin'], 0, 'both'))).toEqual(['admin', 'web']);
  });

  it('names the function when a starting service is missing or the depth is not whole', () => {
    expect(() => neighbourhood(graph, ['nope'], 1, 'down')).toThrow(/neighbourhood: .*nope/);
    expect(() => neighbourhood(graph, ['web'], -1, 'down')).toThrow(/neighbourhood: depth/);
  });

  it('agrees with a plain breadth-first search on random manifests', () => {
    fc.assert(
      fc.property(
        arbitraryManifest({ maxServices: 14 }).chain((manifest) =>
          fc.tuple(
            fc.constant(manifest),
            fc.uniqueArray(fc.constantFrom(...manifest.services.map((s) => s.id)), {
              minLength: 1,
              maxLength: 3,
            }),
            fc.integer({ min: 0, max: 5 }),
            fc.constantFrom(...DIRECTIONS),
          ),
        ),
        ([manifest, from, depth, direction]) => {
          const got = neighbourhood(buildDependencyGraph(manifest), from, depth, direction);
          expect(sorted(got)).toEqual(sorted(plainBfs(manifest, from, depth, direction)));
        },
      ),
      { numRuns: 400 },
    );
  });
});

describe('inducedSubgraph', () => {
  it('keeps the chosen services and exactly the edges between them', () => {
    fc.assert(
      fc.property(
        arbitraryManifest({ maxServices: 12 }).chain((manifest) =>
          fc.tuple(fc.constant(manifest), fc.subarray(manifest.services.map((s) => s.id))),
        ),
        ([manifest, chosen]) => {
          const graph = buildDependencyGraph(manifest);
          const keep = new Set(chosen);
          const sub = inducedSubgraph(graph, keep);
          expect(sub.nodes().sort()).toEqual([...keep].sort());
          const expected = graph
            .edges()
            .filter((e) => keep.has(graph.source(e)) && keep.has(graph.target(e)));
          expect(sub.edges().sort()).toEqual(expected.sort());
          for (const id of keep)
            expect(sub.getNodeAttributes(id)).toBe(graph.getNodeAttributes(id));
        },
      ),
      { numRuns: 200 },
    );
  });
});
