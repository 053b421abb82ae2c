import { describe, expect, it } from 'vitest';
import type { CliIO } from '../../src/cli/io.js';
import { createProgress } from '../../src/cli/progress.js';

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
