import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ManifestError, ManifestErrors } from '../../src/manifest/errors.js';
import { arbitraryManifest } from '../support/random-manifest.js';
import { REALISTIC, summaryOf } from './samples.js';
import { asPrinted, assertMatches, SchemaCoverage, validatorAt } from './schemas.js';

/** What `validate --format json` prints for a manifest that does not load (see cli/commands/validate.ts). */
function invalidOf(errors: ManifestError[]) {
  return {
    valid: false,
    errors: new ManifestErrors(errors).errors.map(({ file, line, column, message }) => ({
      file,
      line,
      column,
      message,
    })),
  };
}

const BROKEN = invalidOf([
  new ManifestError('service "checkout" depends on "payment-db", which is not declared', {
    file: 'blast-radius.yaml',
    line: 12,
    column: 9,
  }),
  new ManifestError('file is larger than 64 MiB', { file: 'services/huge.yaml' }),
]);

describe('schema/validate-result.schema.json', () => {
  it('accepts the summary of realistic manifests', () => {
    for (const manifest of Object.values(REALISTIC)) {
      assertMatches('validate-result', asPrinted(summaryOf(manifest)));
    }
  });

  it('accepts the summary of random manifests', () => {
    fc.assert(
      fc.property(arbitraryManifest({ maxServices: 12 }), (manifest) => {
        assertMatches('validate-result', asPrinted(summaryOf(manifest)));
      }),
      { numRuns: 200 },
    );
  });

  it('accepts the errors of a manifest that does not load, with and without a position', () => {
    assertMatches('validate-result', asPrinted(BROKEN));
  });

  it('documents every field validate emits, requires exactly the ones always emitted, and takes both branches', () => {
    const coverage = new SchemaCoverage('validate-result');
    for (const manifest of Object.values(REALISTIC))
      coverage.observe(asPrinted(summaryOf(manifest)));
    coverage.observe(asPrinted(BROKEN));
    expect(coverage.problems()).toEqual([]);
  });

  it('rejects a mix of the two shapes and a line without a column', () => {
    const validate = validatorAt('validate-result');
    const summary = asPrinted(summaryOf(REALISTIC.shop!)) as Record<string, unknown>;
    expect(validate({ ...summary, errors: BROKEN.errors })).toBe(false);
    expect(validate({ ...summary, valid: false })).toBe(false);
    expect(validate({ valid: false, errors: [] })).toBe(false);
    expect(validate({ valid: false, errors: [{ file: 'a.yaml', line: 3, message: 'bad' }] })).toBe(
      false,
    );
  });
});
