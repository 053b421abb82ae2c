import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeResult, type CliIO, type OutputStream } from '../../src/cli/io.js';
import { jsonChunks } from '../../src/report/shared/json.js';

/** A result of many chunks: the writer gives memory back and writes over it. */
const big = {
  rows: Array.from({ length: 60_000 }, (_, i) => ({
    id: `svc-${i}`,
    takesDown: ['web', `api-${i % 9}`],
  })),
};
const expected = `${JSON.stringify(big, null, 2).replace(/\[\n\s+"web",\n\s+("api-\d")\n\s+\]/g, '["web", $1]')}\n`;

function ioWith(stdout: OutputStream, cwd = tmpdir()): CliIO {
  return {
    stdout,
    stderr: { write: () => true },
    readStdin: () => Promise.resolve(''),
    env: {},
    cwd,
  };
}

const dir = mkdtempSync(path.join(tmpdir(), 'write-result-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('writeResult', () => {
  it('writes every chunk to a file, memory given back to the renderer', async () => {
    await writeResult(ioWith({ write: () => true }, dir), jsonChunks(big), 'out.json');
    expect(readFileSync(path.join(dir, 'out.json'), 'utf8')).toBe(expected);
  });

  it('gives memory back only to a stream that says it holds nothing', async () => {
    // A stream that keeps what it is given (no writableLength): every chunk must stay intact.
    const kept: Uint8Array[] = [];
    await writeResult(
      ioWith({ write: (chunk) => kept.push(chunk as Uint8Array) }),
      jsonChunks(big),
      undefined,
    );
    expect(kept.length).toBeGreaterThan(3);
    expect(Buffer.concat(kept).toString('utf8')).toBe(expected);

    // A stream that hands each chunk on at once (writableLength 0): copied as it comes.
    const copies: Buffer[] = [];
    const memories = new Set<ArrayBufferLike>();
    const handsOn: OutputStream = {
      write: (chunk) => {
        copies.push(Buffer.from(chunk as Uint8Array));
        memories.add((chunk as Uint8Array).buffer);
        return true;
      },
      writableLength: 0,
    };
    await writeResult(ioWith(handsOn), jsonChunks(big), '-');
    expect(Buffer.concat(copies).toString('utf8')).toBe(expected);
    expect(memories.size).toBeLessThan(copies.length);
  });
});
