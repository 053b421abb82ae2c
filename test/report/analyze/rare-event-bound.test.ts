// A Monte Carlo estimate of a failure too rare for its samples: the text and Markdown reports
// say it is below what the samples can see and give the bound, and never print the point
// estimate's 100 % and 0 minutes; no component is ranked, since the measures would divide by 0.

import { describe, expect, it } from 'vitest';
import { analyze } from '../../../src/analysis/analyze.js';
import { rankGraph } from '../../../src/analysis/outage/ranked-graph.js';
import { analyzeAvailability } from '../../../src/analysis/reliability/availability.js';
import { compileGraph, entryPoints } from '../../../src/model/compiled-graph.js';
import { renderAnalyzeMarkdown } from '../../../src/report/analyze/markdown.js';
import { renderAnalyzeText } from '../../../src/report/analyze/text.js';
import { buildManifest } from '../../support/build-manifest.js';

/** Down one time in 5 million: a million samples see it down about once in five runs. */
function sampledRareOutage() {
  const graph = compileGraph(
    buildManifest({
      storefront: {
        entrypoint: true,
        sla: 99.99999,
        costPerHour: 5000,
        depends_on: ['orders-db'],
      },
      'orders-db': { sla: 99.99999 },
    }),
  );
  const reliability = analyzeAvailability(rankGraph(graph), entryPoints(graph), {
    exact: { nodes: 0, totalNodes: 0 },
  });
  return { ...analyze(graph, null), ...reliability };
}

describe('a rare outage that Monte Carlo did not see', () => {
  const result = sampledRareOutage();
  const entry = result.availability.storefront!;

  it('is bounded in the result, not estimated as never down', () => {
    expect(entry.method).toBe('monte-carlo');
    expect(entry.unavailability).toBe(0);
    expect(entry.unavailabilityBelow).toBeGreaterThan(0);
    expect(entry.unavailabilityBelow).toBeCloseTo(1 - entry.interval![0], 12);
    expect(result.importance.storefront).toEqual([]);
  });

  it('reads as a bound in the text and Markdown reports', () => {
    const samples = entry.samples!.toLocaleString('en-US');
    const bound = entry.unavailabilityBelow!;
    const availability = `> ${((1 - bound) * 100).toFixed(6)} %`;
    const downtime = `< ${(bound * 525_960).toFixed(2)}`;
    for (const report of [
      [...renderAnalyzeText(result, { color: false, top: 10 })].join(''),
      [...renderAnalyzeMarkdown(result, { top: 10 })].join(''),
    ]) {
      expect(report).toContain(`down below what ${samples} samples can see`);
      expect(report).toContain(`unavailability under ${bound.toPrecision(2)}`);
      expect(report).toContain(availability);
      expect(report).toContain(downtime);
      expect(report).not.toMatch(/100 %/);
      expect(report).not.toMatch(/criticality 0%/);
    }
  });
});
