// SCRAM as the oracle of the five importance measures: random coherent fault trees (AND, OR and
// k-of-n gates over up to 20 shared basic events, some of them rare) go through `import openpsa`
// and `analyzeAvailability`, and through `scram --bdd --importance`, which computes Birnbaum
// (its MIF) exactly from the BDD and the other four from it. Per basic event, Birnbaum,
// criticality (CIF), Fussell–Vesely (SCRAM's DIF: P(event | top), the same definition as ours),
// RAW and RRW must agree to a relative 10⁻⁵ (SCRAM prints six significant digits), and so must
// P(top). Where P(top) disagrees, the sum over every state of the basic events decides.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyzeAvailability } from '../../../../src/analysis/reliability/availability.js';
import { rankGraph } from '../../../../src/analysis/outage/ranked-graph.js';
import { importOpenPsa } from '../../../../src/import/openpsa/openpsa.js';
import { renderImportedManifest } from '../../../../src/import/shared/manifest-writer.js';
import { parseManifestText } from '../../../../src/manifest/load.js';
import { compileGraph } from '../../../../src/model/compiled-graph.js';
import {
  arbitraryFaultTree,
  enumeratedTopProbability,
  faultTreeMef,
  type RandomFaultTree,
} from './random-fault-tree.js';
import { runScramImportance, scramVersion } from './support.js';

const TOLERANCE = 1e-5;

function close(ours: number, scram: number): boolean {
  return Math.abs(ours - scram) <= TOLERANCE * Math.abs(scram);
}

/**
 * RRW's reciprocal is Q(perfect)/Q = (Q − p·MIF)/Q, a difference both programs compute by
 * subtraction: where it is tiny (RRW of 10¹⁰ and more) neither has six digits left, so it is
 * compared to a relative 10⁻⁵ or an absolute 10⁻¹⁴, a few ulps of 1.
 */
function closeReciprocal(ours: number, scram: number): boolean {
  const [a, b] = [1 / ours, 1 / scram];
  return Math.abs(a - b) <= TOLERANCE * Math.abs(b) + 1e-14;
}

function ours(mef: string) {
  const imported = importOpenPsa([{ file: 'random.xml', text: mef }]);
  const text = renderImportedManifest(imported.manifest);
  const plan = rankGraph(compileGraph(parseManifestText(text, 'random.yaml')));
  const top = plan.graph.ids.indexOf('g0');
  const result = analyzeAvailability(plan, [top]);
  return { availability: result.availability['g0']!, importance: result.importance['g0']! };
}

/**
 * SCRAM 0.16.2 merges two gates with the same definition, and an at-least gate given both
 * then counts them once: here "2 of (e0∧e2, e0∧e2, e1)" fails whenever e0 and e2 do, P = 2·10⁻⁴,
 * and SCRAM reports 10⁻⁷. Found by the property below (with other seeds), kept as its erratum.
 */
const MERGED_GATES: RandomFaultTree = {
  probabilities: [0.01, 1e-7, 0.02],
  gates: [
    { connective: 'atleast', min: 2, inputs: ['g1', 'g2', 'e1'] },
    { connective: 'and', inputs: ['e0', 'e2'] },
    { connective: 'and', inputs: ['e0', 'e2'] },
  ],
};

describe('importance against SCRAM', () => {
  it('is installed', () => {
    expect(scramVersion()).toMatch(/SCRAM 0\.16/);
  });

  it('agrees on P(top) and on all five measures of every basic event of random fault trees', () => {
    let rare = 0;
    let compared = 0;
    fc.assert(
      fc.property(arbitraryFaultTree(20, 8), (tree) => {
        const mef = faultTreeMef(tree);
        const mine = ours(mef);
        const scram = runScramImportance(mef);
        const q = mine.availability.unavailability;
        expect(mine.availability.method).toBe('exact');
        if (!close(q, scram.probability)) {
          // Where the two disagree, every state decides; SCRAM's measures are then moot.
          const states = enumeratedTopProbability(tree);
          expect(close(q, states), `P(top): ours ${q}, every state ${states}`).toBe(true);
          return;
        }
        compared++;
        if (q < 1e-12) rare++;
        expect(mine.importance.map((c) => c.id).sort()).toEqual(
          [...scram.importance.keys()].sort(),
        );
        for (const c of mine.importance) {
          const s = scram.importance.get(c.id)!;
          const pairs: Array<[string, number, number]> = [
            ['Birnbaum', c.birnbaum, s.MIF],
            ['criticality', c.criticality, s.CIF],
            ['Fussell–Vesely', c.fussellVesely, s.DIF],
            ['RAW', c.raw, s.RAW],
          ];
          for (const [measure, a, b] of pairs)
            expect(close(a, b), `${c.id} ${measure}: ours ${a}, SCRAM ${b}`).toBe(true);
          // Infinite RRW: SCRAM prints 0, or a huge quotient of two rounded equal numbers.
          if (c.rrw === null)
            expect(s.RRW === 0 || Math.abs(s.RRW) > 1e11, `${c.id} RRW ${s.RRW}`).toBe(true);
          else
            expect(
              closeReciprocal(c.rrw, s.RRW),
              `${c.id} RRW: ours ${c.rrw}, SCRAM ${s.RRW}`,
            ).toBe(true);
        }
      }),
      { numRuns: 20, seed: 2027 },
    );
    // Most trees are SCRAM's to judge, and some reach the tail where 1 − A in floating point
    // has no digits left.
    expect(compared).toBeGreaterThanOrEqual(15);
    expect(rare).toBeGreaterThan(0);
  });

  it('where SCRAM 0.16.2 is wrong, every state sides with blast-radius', () => {
    const mef = faultTreeMef(MERGED_GATES);
    const states = enumeratedTopProbability(MERGED_GATES);
    expect(states).toBeCloseTo(2e-4, 15);
    expect(close(ours(mef).availability.unavailability, states)).toBe(true);
    expect(close(runScramImportance(mef).probability, 1e-7)).toBe(true);
  });
});
