import { mkdtempSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CliIO } from '../../src/cli/io.js';
import { announceLoad, createProgress } from '../../src/cli/progress.js';

function ioWith(isTTY: boolean): { io: CliIO; written: () => string } {
  let text = '';
  const stream = { write: (s: string) => (text += s), isTTY };
  const io: CliIO = {
    stdout: stream,
    stderr: stream,
    readStdin: async () => '',
    env: {},
    cwd: '/',
  };
  return { io, written: () => text };
}

describe('progress on standard error', () => {
  it('stays silent for the first second, then redraws one line and clears it', () => {
    let clock = 0;
    const { io, written } = ioWith(true);
    const progress = createProgress(io, 'analysing', () => clock);
    progress.update(10, 100);
    expect(written()).toBe('');
    clock = 1500;
    progress.update(50, 100);
    expect(written()).toBe('\ranalysing: 50% (50 of 100)\u001b[K');
    progress.done();
    expect(written().endsWith('\r\u001b[K')).toBe(true);
  });

  it('writes nothing when standard error is not a terminal', () => {
    let clock = 0;
    const { io, written } = ioWith(false);
    const progress = createProgress(io, 'analysing', () => clock);
    clock = 5000;
    progress.update(50, 100);
    progress.done();
    expect(written()).toBe('');
  });
});

describe('reading a large manifest', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'blast-radius-'));
  const large = path.join(dir, 'large.json');
  writeFileSync(large, '');
  truncateSync(large, 5 * 1024 * 1024);
  const small = path.join(dir, 'small.yaml');
  writeFileSync(small, 'version: 1\nservices: {}\n');

  it('is announced at a terminal, and the line is cleared afterwards', async () => {
    const { io, written } = ioWith(true);
    const done = await announceLoad({ ...io, cwd: dir }, 'large.json');
    expect(written()).toBe('reading large.json (5.0 MiB)…');
    done();
    expect(written().endsWith('\r\u001b[K')).toBe(true);
  });

  it('says nothing for a small file, for standard input, or when stderr is not a terminal', async () => {
    for (const [tty, file] of [
      [true, small],
      [true, '-'],
      [false, large],
    ] as const) {
      const { io, written } = ioWith(tty);
      (await announceLoad(io, file))();
      expect(written()).toBe('');
    }
  });
});
