import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { arbitraryReport, LONG_CHAIN, realisticReports, simulateReportOf } from './samples.js';
import { asPrinted, assertMatches, SchemaCoverage, validatorAt } from './schemas.js';

describe('schema/simulate-result.schema.json', () => {
  it('accepts realistic what-if outages, guarded and not', () => {
    for (const report of realisticReports()) assertMatches('simulate-result', asPrinted(report));
  });

  it('accepts a chain cut with the "..." marker', () => {
    const report = asPrinted(simulateReportOf(LONG_CHAIN, ['hop-039'])) as {
      why: Record<string, string[]>;
    };
    expect(report.why['hop-000']).toContain('…');
    assertMatches('simulate-result', report);
  });

  it('accepts random outages of random manifests', () => {
    fc.assert(
      fc.property(arbitraryReport(), (report) => {
        assertMatches('simulate-result', asPrinted(report));
      }),
      { numRuns: 200 },
    );
  });

  it('documents every field simulate emits, requires exactly the ones always emitted, and takes every branch', () => {
    const coverage = new SchemaCoverage('simulate-result');
    for (const report of realisticReports()) coverage.observe(asPrinted(report));
    for (const report of fc.sample(arbitraryReport(), { numRuns: 300, seed: 20_161_021 })) {
      coverage.observe(asPrinted(report));
    }
    expect(coverage.problems()).toEqual([]);
  });

  it('rejects the "..." marker where an id must be, and an undocumented violation', () => {
    const validate = validatorAt('simulate-result');
    const report = asPrinted(simulateReportOf(LONG_CHAIN, ['hop-039'], { maxDown: 0 })) as Record<
      string,
      unknown
    > & { guard: { violations: unknown[] } };
    expect(validate(report)).toBe(true);
    expect(validate({ ...report, cause: { 'hop-000': '…' } })).toBe(false);
    expect(validate({ ...report, why: { '…': ['hop-000', 'hop-039'] } })).toBe(false);
    const guard = { ...report.guard, violations: [{ limit: 'max-cost', allowed: 1, actual: 2 }] };
    expect(validate({ ...report, guard })).toBe(false);
  });
});
