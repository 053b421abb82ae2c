// The story of fixtures/site-in-time is told with the tool's own output: every `console` block
// of its README (and of the main README's examples on it) is run again and must print what is
// quoted, line for line; a line `…` stands for lines left out.

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli } from '../support/run-cli.js';

interface Quote {
  command: string;
  expected: string[];
}

/** The `console` blocks that run blast-radius on the fixture: one command, then its output. */
function quotes(file: string): Quote[] {
  const text = readFileSync(path.join(ROOT, file), 'utf8');
  const found: Quote[] = [];
  for (const match of text.matchAll(/```console\n([\s\S]*?)```/g)) {
    const [first, ...rest] = match[1]!.replace(/\n$/, '').split('\n');
    if (!first!.startsWith('$ blast-radius ') || !first!.includes('fixtures/site-in-time/'))
      continue;
    found.push({ command: first!.slice('$ blast-radius '.length), expected: rest });
  }
  return found;
}

/** Whether `actual` is `expected` with each `…` line standing for any run of lines. */
function matchesWithGaps(actual: string[], expected: string[]): boolean {
  const segments: string[][] = [[]];
  for (const line of expected) {
    if (line === '…') segments.push([]);
    else segments.at(-1)!.push(line);
  }
  const at = (from: number, segment: string[]) =>
    segment.every((line, i) => actual[from + i] === line);
  if (segments.length === 1) return actual.length === expected.length && at(0, expected);
  const first = segments[0]!;
  const last = segments.at(-1)!;
  if (!at(0, first) || !at(actual.length - last.length, last)) return false;
  let cursor = first.length;
  for (const segment of segments.slice(1, -1)) {
    let found = -1;
    for (let i = cursor; i + segment.length <= actual.length - last.length; i++) {
      if (at(i, segment)) {
        found = i;
        break;
      }
    }
    if (found === -1) return false;
    cursor = found + segment.length;
  }
  return cursor <= actual.length - last.length;
}

const QUOTED = [
  ...quotes('fixtures/site-in-time/README.md').map((q) => ['fixture README', q] as const),
  ...quotes('README.md').map((q) => ['README', q] as const),
];

describe('the quoted output of fixtures/site-in-time is what the tool prints', () => {
  it('quotes at least the fixture stories: simulate --for, analyze and analyze --for', () => {
    const commands = QUOTED.map(
      ([, q]) => q.command.split(' ')[0]! + (q.command.includes('--for') ? ' --for' : ''),
    );
    expect(new Set(commands)).toEqual(new Set(['simulate --for', 'analyze', 'analyze --for']));
  });

  it.each(QUOTED)('%s: blast-radius %o', async (_where, { command, expected }) => {
    const run = await runCli(command.split(' '));
    expect(run.code, run.stderr).toBeLessThan(2);
    const actual = run.stdout.replace(/\n$/, '').split('\n');
    if (!matchesWithGaps(actual, expected)) expect(actual.join('\n')).toBe(expected.join('\n'));
  });

  it('a quote that differs by one line, or in a gap it does not mark, does not match', () => {
    const printed = ['a', 'b', 'c', 'd'];
    expect(matchesWithGaps(printed, ['a', 'b', 'c', 'd'])).toBe(true);
    expect(matchesWithGaps(printed, ['a', '…', 'd'])).toBe(true);
    expect(matchesWithGaps(printed, ['…', 'b', 'c', '…'])).toBe(true);
    expect(matchesWithGaps(printed, ['a', 'c', 'd'])).toBe(false);
    expect(matchesWithGaps(printed, ['a', 'b', 'c'])).toBe(false);
    expect(matchesWithGaps(printed, ['…', 'c', 'b', '…'])).toBe(false);
    expect(matchesWithGaps(printed, ['a', '…', 'x'])).toBe(false);
  });
});
