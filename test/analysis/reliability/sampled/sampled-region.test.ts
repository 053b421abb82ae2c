// Monte Carlo's shared pass against brute force on random small manifests with correlated
// failure domains: in every sample, each service of the region is down exactly when the
// reference propagation of that sample's own failures takes it down; the services left out of
// the region can never be down; and with shared sampling every sampled entry point's interval
// holds the enumerated truth at about the stated confidence (fixed seeds, so deterministic).

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { commonCauses } from '../../../../src/analysis/reliability/common-causes.js';
import {
  monteCarlo,
  SampledStates,
} from '../../../../src/analysis/reliability/sampled/monte-carlo.js';
import { WORDS } from '../../../../src/analysis/reliability/sampled/sampled-region.js';
import { reliabilityModel } from '../../../../src/analysis/reliability/model.js';
import { wilsonInterval } from '../../../../src/analysis/reliability/sampled/wilson.js';
import { entryPoints } from '../../../../src/model/compiled-graph.js';
import { referenceStatuses } from '../../../support/brute-force.js';
import { arbitraryCorrelatedManifest, enumerateJointStates, planOf } from '../support.js';

const isDown = (status: string | undefined) => status === 'down' || status === 'failed';

describe('sampled region', () => {
  it('settles every sample as the reference propagation of its own failures', () => {
    fc.assert(
      fc.property(arbitraryCorrelatedManifest(), fc.nat(1000), (manifest, seed) => {
        const plan = planOf(manifest);
        const { graph } = plan;
        const { up } = reliabilityModel(graph);
        const entries = entryPoints(graph);
        const states = new SampledStates(plan, up, entries, seed, commonCauses(graph));
        const { region } = states;
        const inRegion = new Set(Array.from(region.rankOf, (r) => graph.ids[plan.order[r]!]!));
        const hard = new Set(Array.from(states.hardRegion, (r) => graph.ids[plan.order[r]!]!));
        // Members numbered in rank order but within a cycle: each rank once, both ways.
        for (let i = 0; i < region.size; i++) {
          expect(region.localOf[region.rankOf[i]!]).toBe(i);
          if (i > 0 && plan.component[region.rankOf[i - 1]!] !== plan.component[region.rankOf[i]!])
            expect(region.rankOf[i - 1]).toBeLessThan(region.rankOf[i]!);
        }
        // Three walks in a row: every word drawn, then one, then three (the others left up).
        let base = 0;
        for (const filled of [WORDS, 1, 3]) {
          states.draw(base, filled);
          base += filled * 32;
          for (let sample = 0; sample < WORDS * 32; sample++) {
            const word = (i: number) => WORDS * i + (sample >>> 5);
            const bit = sample & 31;
            const failed = new Set<string>();
            for (let i = 0; i < region.size; i++)
              if ((states.own[word(i)]! >>> bit) & 1)
                failed.add(graph.ids[plan.order[region.rankOf[i]!]!]!);
            const statuses = referenceStatuses(manifest, failed);
            for (let i = 0; i < region.size; i++) {
              const id = graph.ids[plan.order[region.rankOf[i]!]!]!;
              expect(((states.down[word(i)]! >>> bit) & 1) === 1).toBe(isDown(statuses.get(id)));
              if (sample >= filled * 32) expect(states.down[word(i)]).toBe(0);
            }
            // What the region leaves out of what the entry points need cannot go down.
            for (const id of hard)
              if (!inRegion.has(id)) expect(isDown(statuses.get(id))).toBe(false);
          }
        }
      }),
      { numRuns: 150, seed: 29 },
    );
  });

  it('gives every entry point an interval that holds the enumerated value at about 95%', () => {
    let checked = 0;
    let held = 0;
    fc.assert(
      fc.property(arbitraryCorrelatedManifest(), fc.nat(1 << 30), (manifest, seed) => {
        const plan = planOf(manifest);
        const { graph } = plan;
        const entries = entryPoints(graph);
        const { up } = reliabilityModel(graph);
        const options = { work: 1, minSamples: 1024, maxSamples: 1024, seed };
        const estimate = monteCarlo(plan, up, entries, options, commonCauses(graph));
        const truth = enumerateJointStates(manifest);
        entries.forEach((e, i) => {
          const value = truth.get(graph.ids[e]!)!;
          const [low, high] = wilsonInterval(estimate.upCount[i]!, estimate.samples);
          // An entry point that cannot fail is certain; otherwise count the interval's hits.
          if (value === 1) expect(estimate.upCount[i]).toBe(estimate.samples);
          else {
            checked++;
            if (low <= value && value <= high) held++;
          }
        });
      }),
      { numRuns: 200, seed: 31 },
    );
    expect(checked).toBeGreaterThan(100);
    // At 95% each, far fewer than 90% held would be a bug, not chance (for this many checks).
    expect(held / checked).toBeGreaterThanOrEqual(0.9);
  });
});
