// simulate's text and Markdown reports come in chunks: an outage that takes down a hundred
// thousand services (a line each, with its chain) is many bounded chunks, never one string and
// never one call with a hundred thousand arguments, and every service is in them.

import { describe, expect, it } from 'vitest';
import type { SimulateReport } from '../../../src/analysis/outage/simulate.js';
import { renderSimulateMarkdown } from '../../../src/report/simulate/markdown.js';
import { renderSimulateText } from '../../../src/report/simulate/text.js';

const SERVICES = 130_000;

/** `storage` failed; every `svc-i` down through `api-i`; as many `web-i` up. */
function wideOutage(): SimulateReport {
  const down: string[] = [];
  const up: string[] = [];
  const why: Record<string, string[]> = {};
  for (let i = 0; i < SERVICES; i++) {
    down.push(`svc-${i}`);
    up.push(`web-${i}`);
    why[`svc-${i}`] = [`svc-${i}`, `api-${i % 7}`, 'storage'];
  }
  return {
    manifest: 'wide',
    scenario: ['storage'],
    failed: ['storage'],
    down,
    degraded: [],
    up,
    entrypoints: ['svc-0', 'web-0'],
    entrypointsDown: ['svc-0'],
    entrypointsDegraded: [],
    costPerHour: 0,
    why,
    cause: {},
    groupsLost: {},
  };
}

describe('simulate reports in chunks', () => {
  const report = wideOutage();

  it.each([
    ['text', () => renderSimulateText(report, { color: false }), 'svc-123 ← api-4 ← storage'],
    ['Markdown', () => renderSimulateMarkdown(report), '| `svc-123` | down | `svc-123` ← `api-4`'],
  ])('write a large outage as %s in many bounded chunks', (_, render, row) => {
    const rendered = render();
    expect(typeof rendered).not.toBe('string');
    const chunks = [...rendered];
    expect(chunks.length).toBeGreaterThan(50);
    // A chunk closes once it passes 64 KiB, at the end of a line.
    for (const chunk of chunks) expect(chunk.length).toBeLessThan(65_536 + 200);
    const text = chunks.join('');
    expect(text.endsWith('\n')).toBe(true);
    expect(text).toContain(row);
    const lines = text.split('\n');
    expect(lines.filter((line) => line.includes('storage')).length).toBeGreaterThanOrEqual(
      SERVICES,
    );
    if (text.includes('Up (')) {
      // The up services wrapped a few to a line, each of them once.
      const listed = text.slice(text.indexOf('Up (')).match(/web-\d+/g) ?? [];
      expect(new Set(listed).size).toBe(SERVICES);
    }
  });
});
