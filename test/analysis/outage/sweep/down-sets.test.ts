// The down sets' own bookkeeping against the plain fixed point: the counts kept as the masks
// grow (each rank's new bits once) and the list of watched ranks kept as they go down must
// equal what a full scan of every outage's down set gives, over chunks of more than one word,
// outages of several services, and one chunk after another on the same engine.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileGraph } from '../../../../src/model/compiled-graph.js';
import { planSweep } from '../../../../src/analysis/outage/outage-sweep.js';
import { DownSets, WIDTH } from '../../../../src/analysis/outage/sweep/down-sets.js';
import { downSetGraphOf } from '../../../../src/analysis/outage/sweep/failure-edges.js';
import { referenceStatuses } from '../../../support/brute-force.js';
import { arbitraryManifest } from '../../../support/random-manifest.js';

describe('down sets: counts and watched ranks', () => {
  it('equal a full scan of each outage, chunk after chunk', () => {
    fc.assert(
      fc.property(
        arbitraryManifest({ maxServices: 30 }),
        fc.array(fc.array(fc.nat(), { minLength: 1, maxLength: 3 }), {
          minLength: 1,
          maxLength: 2 * WIDTH,
        }),
        fc.array(fc.boolean(), { maxLength: 30 }),
        fc.array(fc.boolean(), { maxLength: 30 }),
        (manifest, outageSeeds, watchSeeds, wantSeeds) => {
          const graph = compileGraph(manifest);
          const plan = planSweep(graph);
          const n = graph.n;
          const outages = outageSeeds.map((seeds) => [...new Set(seeds.map((s) => s % n))]);
          const watch = Uint8Array.from({ length: n }, (_, v) => (watchSeeds[v] ? 1 : 0));
          const wanted = Uint8Array.from(
            { length: n },
            (_, v) => watch[v]! & (wantSeeds[v] ? 1 : 0),
          );
          const sets = new DownSets(downSetGraphOf(plan), (label) => outages[label]!, watch);
          const downCount = new Int32Array(outages.length);
          for (let begin = 0; begin < outages.length; begin += WIDTH) {
            const size = Math.min(WIDTH, outages.length - begin);
            const chunk = Int32Array.from({ length: size }, (_, i) => begin + i);
            sets.propagate(chunk, size);
            sets.countDown(chunk, size, downCount);
            const expected = new Set<number>();
            for (const label of chunk) {
              const failed = new Set(outages[label]!.map((v) => graph.ids[v]!));
              const statuses = referenceStatuses(manifest, failed);
              let down = 0;
              for (let v = 0; v < n; v++) {
                const status = statuses.get(graph.ids[v]!);
                if (status !== 'failed' && status !== 'down') continue;
                down++;
                if (watch[v]) expected.add(plan.rank[v]!);
              }
              expect(downCount[label]).toBe(down);
            }
            expect([...sets.downRanks(watch)]).toEqual([...expected].sort((a, b) => a - b));
            expect([...sets.downRanks(wanted)]).toEqual(
              [...expected].filter((r) => wanted[plan.order[r]!]).sort((a, b) => a - b),
            );
            sets.clear();
          }
        },
      ),
      { numRuns: 150 },
    );
  });
});
