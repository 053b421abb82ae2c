// Lines in chunks: joined, the chunks are exactly the lines joined by line breaks and the end,
// at any chunk boundary, and no chunk grows much past its size.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { blockLines, lineChunks } from '../../../src/report/shared/line-chunks.js';

describe('lineChunks', () => {
  it('joins to lines.join("\\n") + end for any lines', () => {
    const line = fc.oneof(
      fc.string({ maxLength: 5 }),
      fc.string({ unit: 'binary', maxLength: 40 }),
      fc.nat(30_000).map((n) => 'x'.repeat(n)),
    );
    fc.assert(
      fc.property(fc.array(line, { maxLength: 12 }), fc.constantFrom('\n', ''), (lines, end) => {
        const chunks = [...lineChunks(lines, end)];
        expect(chunks.join('')).toBe(lines.join('\n') + end);
        const longest = Math.max(0, ...lines.map((l) => l.length));
        for (const chunk of chunks) expect(chunk.length).toBeLessThan(65_536 + longest + 2);
      }),
      { numRuns: 100 },
    );
  });

  it('reads the lines as they come, one chunk at a time', () => {
    let made = 0;
    function* lines() {
      for (let i = 0; i < 100_000; i++) {
        made++;
        yield `line ${i}`;
      }
    }
    const chunks = lineChunks(lines());
    const first = chunks.next();
    expect(first.done).toBe(false);
    expect(made).toBeLessThan(10_000);
  });
});

describe('blockLines', () => {
  it('joins to the blocks joined by a blank line, empty blocks left out', () => {
    const block = fc.array(fc.string({ maxLength: 6 }), { maxLength: 4 });
    fc.assert(
      fc.property(fc.array(block, { maxLength: 6 }), (blocks) => {
        const whole = `${blocks
          .filter((lines) => lines.length > 0)
          .map((lines) => lines.join('\n'))
          .join('\n\n')}\n`;
        expect([...lineChunks(blockLines(blocks))].join('')).toBe(whole);
      }),
      { numRuns: 500 },
    );
  });
});
