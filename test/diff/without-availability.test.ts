// diff analyses each side without availability and importance (no diff output reads them): the
// rest of the analysis must be exactly what a whole analyze gives.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis/analyze.js';
import { compileGraph } from '../../src/model/compiled-graph.js';
import { arbitraryReliabilityManifest } from '../analysis/reliability/support.js';

describe('analyze without availability', () => {
  it('differs from the whole analysis only in the availability parts, left empty', () => {
    let ranked = 0;
    fc.assert(
      fc.property(arbitraryReliabilityManifest(10), (manifest) => {
        const graph = compileGraph(manifest);
        const whole = analyze(graph, 'm');
        const without = analyze(graph, 'm', { availability: false });
        if (Object.values(whole.importance).some((list) => list.length > 0)) ranked++;
        expect(without).toEqual({ ...whole, availability: {}, importance: {}, slaUnknown: [] });
      }),
      { numRuns: 200 },
    );
    expect(ranked).toBeGreaterThan(0); // the property saw availability worth leaving out
  });
});
