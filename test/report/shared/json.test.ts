import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { jsonChunks, renderJson } from '../../../src/report/shared/json.js';

/**
 * The writer as it was first written, recursively and slowly: the layout the fast writer must
 * reproduce byte for byte.
 */
function reference(value: unknown, indent = ''): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  const inner = `${indent}  `;
  if (Array.isArray(value)) {
    if (value.every((item) => item === null || typeof item !== 'object')) {
      return `[${value.map((item) => JSON.stringify(item) ?? 'null').join(', ')}]`;
    }
    return `[${value.map((item) => `\n${inner}${reference(item, inner)}`).join(',')}\n${indent}]`;
  }
  const entries = Object.entries(value).filter(
    ([, item]) => item !== undefined && typeof item !== 'function',
  );
  if (entries.length === 0) return '{}';
  const members = entries.map(
    ([k, item]) => `\n${inner}${JSON.stringify(k)}: ${reference(item, inner)}`,
  );
  return `{${members.join(',')}\n${indent}}`;
}

/** The chunks' bytes decoded as one text. */
function textOf(chunks: Iterable<Uint8Array>): string {
  return Buffer.concat([...chunks]).toString('utf8');
}

const key = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 6 }),
  fc.constantFrom('id', 'takesDown', '__proto__', 'toJSON', '', 'é\u2028"\\'),
);
const leaf = fc.oneof(
  fc.constant(null),
  fc.boolean(),
  fc.integer(),
  fc.double(),
  fc.string({ unit: 'binary', maxLength: 8 }),
  fc.constant(undefined),
  fc.constant(() => 'left out'),
  fc.constant(Symbol('left out')),
);
const { value: anyValue } = fc.letrec((tie) => ({
  value: fc.oneof({ depthSize: 'small' }, leaf, tie('array'), tie('object')),
  array: fc.array(tie('value'), { maxLength: 5 }),
  object: fc.dictionary(key, tie('value'), { maxKeys: 5 }),
}));

describe('JSON output', () => {
  it('lays out any value exactly as the reference writer does', () => {
    fc.assert(
      fc.property(anyValue, (value) => {
        expect(textOf(jsonChunks(value))).toBe(`${reference(value)}\n`);
      }),
      { numRuns: 3000 },
    );
  });

  it('writes lists of ids, lists of numbers and rows of numbers as the reference does', () => {
    // The shapes the writer joins and formats itself: ids that need no escaping, finite numbers
    // (-0, exponents, repeated values), and the same with one member that needs the general path.
    const id = fc.oneof(
      fc.stringMatching(/^[a-z0-9:@./-]{0,12}$/),
      fc.string({ unit: 'binary', maxLength: 4 }),
    );
    const number = fc.oneof(
      fc.double(),
      fc.constantFrom(-0, 1e21, 5e-7, 0.1 + 0.2, 2 ** 53, -1e-300),
      fc.integer(),
    );
    const row = fc.record({ id, value: number, share: number, flag: fc.boolean() });
    const value = fc.record({
      ids: fc.array(id, { maxLength: 8 }),
      numbers: fc.array(number, { maxLength: 8 }),
      rows: fc.array(row, { maxLength: 4 }),
      byId: fc.dictionary(id, row, { maxKeys: 4 }),
    });
    fc.assert(
      fc.property(value, (v) => {
        expect(textOf(jsonChunks(v))).toBe(`${reference(v)}\n`);
      }),
      { numRuns: 2000 },
    );
  });

  it('writes dates, boxed strings and arrays of empty containers as the reference does', () => {
    const value = {
      when: new Date(0),
      boxed: Object('ab') as unknown,
      empties: [[], {}, [[]], { a: undefined }],
      leaf: { toJSON: () => 'never called', kept: 1 },
      bare: Object.assign(Object.create(null) as object, { id: 'web' }),
    };
    expect(renderJson(value)).toBe(`${reference(value)}\n`);
  });

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

  it('writes rows that share keys as the reference does, whatever their prototype', () => {
    // Rows with the keys of the row before them take that row's key list; rows that differ by
    // order, by a key, by an inherited enumerable key or by their prototype must not.
    class Row {
      constructor(
        readonly a: number,
        readonly b: number,
      ) {}
      get c(): number {
        return 3;
      }
    }
    const inherited: object = { b: 'inherited', z: 'inherited' };
    const names = fc.constantFrom('a', 'b', 'c', 'z', '0', '1', '__proto__');
    const fields = fc.array(fc.tuple(names, fc.oneof(fc.integer(), fc.double(), fc.string())), {
      maxLength: 4,
    });
    const row = fc
      .tuple(fields, fc.constantFrom('plain', 'null', 'inherited', 'class'))
      .map(([pairs, prototype]) => {
        const object: Record<string, unknown> =
          prototype === 'null'
            ? (Object.create(null) as Record<string, unknown>)
            : prototype === 'inherited'
              ? (Object.create(inherited) as Record<string, unknown>)
              : prototype === 'class'
                ? (new Row(1, 2) as unknown as Record<string, unknown>)
                : {};
        for (const [name, value] of pairs)
          Object.defineProperty(object, name, {
            value,
            enumerable: true,
            configurable: true,
            writable: true,
          });
        return object;
      });
    fc.assert(
      fc.property(fc.array(fc.array(row, { maxLength: 6 }), { maxLength: 3 }), (value) => {
        expect(textOf(jsonChunks(value))).toBe(`${reference(value)}\n`);
      }),
      { numRuns: 1000 },
    );
  });

  it('leaves out keys that Object.prototype was given, as JSON.stringify does', () => {
    const rows = [{ a: 1, b: 2 }, { a: 3 }, { a: 4, b: 5 }];
    Object.defineProperty(Object.prototype, 'b', {
      value: 'inherited',
      enumerable: true,
      configurable: true,
      writable: true,
    });
    try {
      expect(textOf(jsonChunks(rows))).toBe(`${reference(rows)}\n`);
      expect(renderJson(rows)).toContain('"a": 3\n');
    } finally {
      delete (Object.prototype as Record<string, unknown>)['b'];
    }
  });

  it('comes in bounded chunks for a large result', () => {
    const big = {
      spofs: Array.from({ length: 50_000 }, (_, i) => ({ id: `svc-${i}`, takesDown: ['web'] })),
    };
    const chunks = [...jsonChunks(big)];
    expect(chunks.length).toBeGreaterThan(5);
    expect(Math.max(...chunks.map((c) => c.length))).toBeLessThanOrEqual(2 ** 20);
    expect(JSON.parse(textOf(chunks))).toEqual(big);
  });

  /** Each chunk copied as it comes, the iterator told (`next(true)`) that it may write over it. */
  function writtenOver(chunks: Iterable<Uint8Array, unknown, boolean | undefined>): {
    copies: Buffer[];
    memories: Set<ArrayBufferLike>;
  } {
    const copies: Buffer[] = [];
    const memories = new Set<ArrayBufferLike>();
    const iterator = chunks[Symbol.iterator]();
    for (let next = iterator.next(); next.done !== true; next = iterator.next(true)) {
      copies.push(Buffer.from(next.value));
      memories.add(next.value.buffer);
    }
    return { copies, memories };
  }

  it('writes over chunks given back and gives the same bytes, in a few buffers', () => {
    const big = {
      spofs: Array.from({ length: 200_000 }, (_, i) => ({
        id: `svc-${i}`,
        takesDown: [`web-${i % 7}`, 'api'],
        note: i % 1000 === 0 ? `→ ${'é'.repeat(i % 3000)} "${i}"` : undefined,
      })),
      long: '𝄞'.repeat(400_000), // one piece larger than a chunk: a buffer of its own
    };
    const { copies, memories } = writtenOver(jsonChunks(big));
    expect(copies.length).toBeGreaterThan(10);
    expect(Buffer.concat(copies).toString('utf8')).toBe(`${reference(big)}\n`);
    // Chunks double from 16 KiB to 1 MiB, then two buffers take turns (plus the large piece's).
    expect(memories.size).toBeLessThan(copies.length / 2);
  });

  it('writes over chunks given back as the reference does, for any value', () => {
    fc.assert(
      fc.property(fc.array(anyValue, { maxLength: 40 }), fc.nat(30_000), (values, pad) => {
        const value = { values, pad: 'x'.repeat(pad), again: values };
        const { copies } = writtenOver(jsonChunks(value));
        expect(Buffer.concat(copies).toString('utf8')).toBe(`${reference(value)}\n`);
      }),
      { numRuns: 200 },
    );
  });

  it('encodes pieces of any size and any characters whole into the byte chunks', () => {
    const value = {
      arrows: Array.from({ length: 3000 }, (_, i) => ({ message: `"a${i}" → "b" ✓ 𝄞`, i })),
      ids: Array.from({ length: 30_000 }, (_, i) => `svc-${i}-ü`),
      long: '→'.repeat(70_000),
    };
    const chunks = [...jsonChunks(value)];
    expect(chunks.length).toBeGreaterThan(3);
    // Every chunk decodes on its own: no character is split between two.
    expect(chunks.map((c) => Buffer.from(c).toString('utf8')).join('')).toBe(
      `${reference(value)}\n`,
    );
  });

  // The leaves the byte writer formats itself, against JSON.stringify's own text.

  /** Strings of characters that take every path: printable ASCII, the characters JSON escapes,
   * two- three- and four-byte UTF-8, and lone surrogates (which JSON.stringify writes as \u
   * escapes). */
  const character = fc.oneof(
    fc.constantFrom('a', 'Z', '0', '/', ':', '~', ' ', '"', '\\', '\u007f'),
    fc.integer({ min: 0, max: 0x1f }).map((code) => String.fromCharCode(code)),
    fc.integer({ min: 0x80, max: 0xd7ff }).map((code) => String.fromCharCode(code)),
    fc.integer({ min: 0xd800, max: 0xdfff }).map((code) => String.fromCharCode(code)),
    fc.integer({ min: 0x10000, max: 0x10ffff }).map((code) => String.fromCodePoint(code)),
    fc.constantFrom('\u2028', '\u2029', '\ufeff', '→', 'é'),
  );
  const anyString = fc.oneof(
    fc.string({ unit: character, maxLength: 12 }),
    fc.stringMatching(/^[a-z0-9/.:-]{0,16}$/),
  );
  const anyNumber = fc.oneof(
    fc.double(),
    fc.integer(),
    fc.integer({ min: -(2 ** 53), max: 2 ** 53 }),
    fc.constantFrom(
      -0,
      0,
      2 ** 31 - 1,
      2 ** 31,
      -(2 ** 31),
      -(2 ** 31) - 1,
      1e21,
      -1e21,
      1e-7,
      5e-324,
      Number.MAX_VALUE,
      -Number.MIN_VALUE,
      Number.MAX_SAFE_INTEGER,
      0.1 + 0.2,
      NaN,
      Infinity,
      -Infinity,
    ),
  );

  it('writes any string as JSON.stringify does', () => {
    fc.assert(
      fc.property(fc.array(anyString, { maxLength: 6 }), anyString, (list, alone) => {
        const value = { [alone]: alone, list, rows: list.map((id) => ({ id, [id]: id })) };
        expect(textOf(jsonChunks(value))).toBe(`${reference(value)}\n`);
      }),
      { numRuns: 2000 },
    );
  });

  it('writes any number as JSON.stringify does, however often it comes back', () => {
    fc.assert(
      fc.property(fc.array(anyNumber, { maxLength: 12 }), (numbers) => {
        // Each number three times: once in a list, once in a row, once alone.
        const value = { numbers, rows: numbers.map((n) => ({ n })), last: numbers.at(-1) };
        expect(textOf(jsonChunks(value))).toBe(`${reference(value)}\n`);
      }),
      { numRuns: 2000 },
    );
  });

  it('writes many distinct doubles, remembered or not, as JSON.stringify does', () => {
    // More distinct values than the table of number texts has slots, each written twice.
    const numbers = fc.sample(fc.double({ noNaN: true, noDefaultInfinity: true }), {
      numRuns: 100_000,
      seed: 7,
    });
    const text = textOf(jsonChunks({ numbers, again: numbers }));
    expect(text).toBe(`${reference({ numbers, again: numbers })}\n`);
  });

  it('never splits a character between two chunks, whatever falls on a boundary', () => {
    // Pieces of every width in UTF-8 (1 to 4 bytes a character) and lengths around the chunk
    // sizes (16 KiB doubling to 1 MiB), so that boundaries fall inside and between pieces.
    const piece = fc.record({
      text: fc.constantFrom('a', 'é', '→', '𝄞', '"', '\u0001', '\ud800'),
      length: fc.oneof(fc.integer({ min: 0, max: 40 }), fc.integer({ min: 16_000, max: 70_000 })),
    });
    fc.assert(
      fc.property(fc.array(piece, { minLength: 1, maxLength: 24 }), (pieces) => {
        const value = {
          strings: pieces.map(({ text, length }) => text.repeat(length)),
          rows: pieces.map(({ text, length }) => ({
            id: `${length}`,
            text: text.repeat(length % 50),
          })),
        };
        const chunks = [...jsonChunks(value)];
        const decoder = new TextDecoder('utf-8', { fatal: true });
        const decoded = chunks.map((chunk) => decoder.decode(chunk));
        expect(decoded.join('')).toBe(`${reference(value)}\n`);
      }),
      { numRuns: 30 },
    );
  });
});
