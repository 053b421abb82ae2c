// The phase clock of `analyze` (a benchmark's hook): each phase named once, in order, the
// last call null, and the result the same as without the clock.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis/analyze.js';
import { compileGraph } from '../../src/model/compiled-graph.js';
import { arbitraryManifest } from '../support/random-manifest.js';

describe('analyze with a phase clock', () => {
  it('names each phase once, ends with null, and changes nothing in the result', () => {
    fc.assert(
      fc.property(arbitraryManifest({ maxServices: 12 }), (manifest) => {
        const graph = compileGraph(manifest);
        const phases: Array<string | null> = [];
        const timed = analyze(graph, 'm', { onPhase: (phase) => phases.push(phase) });
        expect(timed).toEqual(analyze(graph, 'm'));
        expect(phases.at(-1)).toBeNull();
        const names = phases.slice(0, -1);
        expect(names.length).toBeGreaterThan(5);
        expect(names.every((name) => typeof name === 'string')).toBe(true);
        expect(new Set(names).size).toBe(names.length);
        expect(names[0]).toBe('sweep plan');
        expect(names).toContain('single-failure sweep');
      }),
      { numRuns: 40 },
    );
  });
});
