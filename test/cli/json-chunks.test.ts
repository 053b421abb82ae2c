import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { jsonChunks, renderJson } from '../../src/report/json.js';

describe('chunked JSON', () => {
  it('is byte for byte JSON.stringify(value, null, 2) plus a newline', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 6 }), (value) => {
        expect(renderJson(value)).toBe(`${JSON.stringify(value, null, 2)}\n`);
      }),
      { numRuns: 2000 },
    );
  });

  it('keeps __proto__ keys and leaves out undefined fields, as JSON.stringify does', () => {
    const value = JSON.parse('{"__proto__": [1, {"a": null}], "b": {"c": []}}') as unknown;
    const withUndefined = { kept: 1, dropped: undefined, list: [undefined, 2] };
    expect(renderJson(value)).toBe(`${JSON.stringify(value, null, 2)}\n`);
    expect(renderJson(withUndefined)).toBe(`${JSON.stringify(withUndefined, null, 2)}\n`);
  });

  it('comes in bounded chunks for a large result', () => {
    const big = {
      spofs: Array.from({ length: 50_000 }, (_, i) => ({ id: `svc-${i}`, takesDown: ['web'] })),
    };
    const chunks = [...jsonChunks(big)];
    expect(chunks.length).toBeGreaterThan(10);
    expect(Math.max(...chunks.map((c) => c.length))).toBeLessThan(70_000);
    expect(chunks.join('')).toBe(`${JSON.stringify(big, null, 2)}\n`);
  });
});
