import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { arbitraryManifest } from '../support/random-manifest.js';
import { graphJsonOf, REALISTIC } from './samples.js';
import { assertMatches, SchemaCoverage, validatorAt } from './schemas.js';

describe('schema/graph.schema.json', () => {
  it('accepts the graph of realistic manifests', () => {
    for (const manifest of Object.values(REALISTIC)) {
      assertMatches('graph', JSON.parse(graphJsonOf(manifest)));
    }
  });

  it('accepts the graph of random manifests', () => {
    fc.assert(
      fc.property(arbitraryManifest({ maxServices: 12 }), (manifest) => {
        assertMatches('graph', JSON.parse(graphJsonOf(manifest)));
      }),
      { numRuns: 200 },
    );
  });

  it('documents every attribute graph emits and requires exactly the ones always emitted', () => {
    const coverage = new SchemaCoverage('graph');
    for (const manifest of Object.values(REALISTIC))
      coverage.observe(JSON.parse(graphJsonOf(manifest)));
    for (const manifest of fc.sample(arbitraryManifest(), { numRuns: 100, seed: 20_251_020 })) {
      coverage.observe(JSON.parse(graphJsonOf(manifest)));
    }
    const withTolerances = arbitraryManifest({ tolerances: true });
    for (const manifest of fc.sample(withTolerances, { numRuns: 50, seed: 20_261_204 })) {
      coverage.observe(JSON.parse(graphJsonOf(manifest)));
    }
    const withCopies = arbitraryManifest({ recovery: true });
    for (const manifest of fc.sample(withCopies, { numRuns: 50, seed: 20_261_205 })) {
      coverage.observe(JSON.parse(graphJsonOf(manifest)));
    }
    const withVirtual = arbitraryManifest({ virtual: true });
    for (const manifest of fc.sample(withVirtual, { numRuns: 50, seed: 20_261_122 })) {
      coverage.observe(JSON.parse(graphJsonOf(manifest)));
    }
    expect(coverage.problems()).toEqual([]);
  });

  it('rejects the source positions the graph leaves out', () => {
    const validate = validatorAt('graph');
    const graph = JSON.parse(graphJsonOf(REALISTIC.shop!)) as { services: object[] };
    expect(validate(graph)).toBe(true);
    const position = { file: 'test.yaml', line: 1, column: 1 };
    const [first, ...rest] = graph.services;
    expect(validate({ services: [{ ...first, position }, ...rest] })).toBe(false);
  });
});
