import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { jsonChunks, renderJson } from '../../src/report/shared/json.js';

describe('JSON output', () => {
  it('parses back to what JSON.stringify would give, and is stable', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 6 }), (value) => {
        const text = renderJson(value);
        expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify(value)));
        expect(renderJson(value)).toBe(text);
        expect(text.endsWith('\n')).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it('indents objects by two spaces and keeps arrays of plain values on one line', () => {
    const value = {
      spofs: [{ id: 's3-use1', takesDown: ['web', 'api'], blastRadius: { down: 2 } }],
      cycles: [],
    };
    expect(renderJson(value)).toBe(
      [
        '{',
        '  "spofs": [',
        '    {',
        '      "id": "s3-use1",',
        '      "takesDown": ["web", "api"],',
        '      "blastRadius": {',
        '        "down": 2',
        '      }',
        '    }',
        '  ],',
        '  "cycles": []',
        '}',
        '',
      ].join('\n'),
    );
  });

  it('keeps __proto__ keys and treats undefined as JSON.stringify does', () => {
    const value = JSON.parse('{"__proto__": [1, {"a": null}], "b": {"c": []}}') as unknown;
    expect(JSON.parse(renderJson(value))).toEqual(value);
    expect(Object.keys(JSON.parse(renderJson(value)) as object)).toEqual(['__proto__', 'b']);
    expect(JSON.parse(renderJson({ kept: 1, dropped: undefined, list: [undefined, 2] }))).toEqual({
      kept: 1,
      list: [null, 2],
    });
  });

  it('comes in bounded chunks for a large result', () => {
    const big = {
      spofs: Array.from({ length: 50_000 }, (_, i) => ({ id: `svc-${i}`, takesDown: ['web'] })),
    };
    const chunks = [...jsonChunks(big)];
    expect(chunks.length).toBeGreaterThan(10);
    expect(Math.max(...chunks.map((c) => c.length))).toBeLessThan(70_000);
    expect(JSON.parse(chunks.join(''))).toEqual(big);
  });
});
