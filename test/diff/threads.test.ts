// diff with one side on a worker thread gives exactly what one thread gives: the same
// comparison, the same errors (file:line:col, exit 2) in the same order, and the same result
// when the worker cannot start or dies. A worker runs a built file, so this runs the build in
// dist/ (the test setup builds it first); from the TypeScript sources diff keeps to one thread.

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { generateManifest } from '../../bench/generate.mjs';
import type { CliIO } from '../../src/cli/io.js';
import { loadSides as sourceLoadSides } from '../../src/cli/commands/diff-sides.js';
import { runBin } from '../support/run-cli.js';

/** A module of the build in dist/, typed as its source (so typechecking needs no build). */
async function built<T>(file: string): Promise<T> {
  return (await import(new URL(`../../dist/${file}`, import.meta.url).href)) as T;
}

const { loadSides } = await built<typeof import('../../src/cli/commands/diff-sides.js')>(
  'cli/commands/diff-sides.js',
);
const { diff } =
  await built<typeof import('../../src/analysis/diff/diff.js')>('analysis/diff/diff.js');
const { reportError } = await built<typeof import('../../src/cli/errors.js')>('cli/errors.js');
const { exitCode } = await built<typeof import('../../src/cli/exit-code.js')>('cli/exit-code.js');

const DIR = mkdtempSync(path.join(tmpdir(), 'blast-radius-diff-threads-'));
afterAll(() => rmSync(DIR, { recursive: true, force: true }));

let written = 0;
function file(text: string): string {
  const name = `m${written++}.json`;
  writeFileSync(path.join(DIR, name), text);
  return name;
}

function contextOf(stdin = ''): { io: CliIO; stderr: () => string } {
  let stderr = '';
  const io: CliIO = {
    stdout: { write: () => true, isTTY: false },
    stderr: { write: (text: string) => (stderr += text), isTTY: false },
    readStdin: async () => stdin,
    env: {},
    cwd: DIR,
  };
  return { io, stderr: () => stderr };
}

/** The diff on `threads` threads (the worker takes any file), or how its error is reported. */
async function diffOn(
  threads: number,
  files: [string, string],
  { stdin = '', worker }: { stdin?: string; worker?: URL } = {},
) {
  const { io, stderr } = contextOf(stdin);
  try {
    const sides = await loadSides(io, files, undefined, {
      threads,
      minWorkerBytes: 0,
      ...(worker ? { worker } : {}),
    });
    return { threads: sides.threads, result: diff(sides.before, sides.after, ['new-spof']) };
  } catch (error) {
    const code = exitCode(reportError(io, error));
    return { code, stderr: stderr() };
  }
}

/** Every `every`th service loses its last requirement; every `cacheEvery`th needs a new cache. */
type Edit = { every: number; cacheEvery: number | null };

/** A generated manifest (JSON text) and a copy with some requirements dropped and a new cache. */
function pair(shape: 'B' | 'R' | 'I', services: number, seed: number, edit: Edit) {
  const { text } = generateManifest({ services, seed, shape, format: 'json' });
  const manifest = JSON.parse(text) as { services: Record<string, { depends_on?: unknown[] }> };
  let i = 0;
  for (const service of Object.values(manifest.services)) {
    const list = service.depends_on;
    if (i % edit.every === 0 && Array.isArray(list) && list.length > 1) list.pop();
    if (edit.cacheEvery !== null && i % edit.cacheEvery === 1)
      service.depends_on = [...(list ?? []), 'new-cache'];
    i++;
  }
  if (edit.cacheEvery !== null) manifest.services['new-cache'] = {};
  return [text, JSON.stringify(manifest)] as const;
}

const pairs = fc.record({
  shape: fc.constantFrom('B' as const, 'R' as const, 'I' as const),
  services: fc.integer({ min: 100, max: 300 }),
  seed: fc.integer({ min: 1, max: 1_000_000 }),
  edit: fc.record({
    every: fc.integer({ min: 2, max: 40 }),
    cacheEvery: fc.option(fc.integer({ min: 7, max: 200 }), { nil: null }),
  }),
  swap: fc.boolean(),
  oldFromStdin: fc.boolean(),
});

describe('diff on two threads', () => {
  it('keeps to one thread from the TypeScript sources', async () => {
    const [a, b] = pair('B', 100, 1, { every: 3, cacheEvery: 50 });
    const sides = await sourceLoadSides(contextOf().io, [file(a), file(b)], undefined, {
      threads: 2,
      minWorkerBytes: 0,
    });
    expect(sides.threads).toBe(1);
  });

  it('compares exactly as one thread does, whichever side the worker takes', async () => {
    await fc.assert(
      fc.asyncProperty(pairs, async ({ shape, services, seed, edit, swap, oldFromStdin }) => {
        const [a, b] = pair(shape, services, seed, edit);
        const [oldText, newText] = swap ? [b, a] : [a, b];
        // With the old side on stdin, the worker takes the new file.
        const files: [string, string] = [oldFromStdin ? '-' : file(oldText), file(newText)];
        const stdin = oldFromStdin ? oldText : '';
        const alone = await diffOn(1, files, { stdin });
        const shared = await diffOn(2, files, { stdin });
        expect(alone.threads).toBe(1);
        expect(shared.threads).toBe(2); // the worker's answer was used
        expect(shared.result).toEqual(alone.result);
      }),
      { numRuns: 10 },
    );
  }, 180_000);

  it('does the side here when the worker cannot start or dies without an answer', async () => {
    const [a, b] = pair('R', 200, 7, { every: 5, cacheEvery: 30 });
    const files: [string, string] = [file(a), file(b)];
    const alone = await diffOn(1, files);
    for (const script of ['throw new Error("broken worker");', 'process.exit(3);', '']) {
      const worker = path.join(DIR, `worker${written++}.mjs`);
      writeFileSync(worker, script);
      const fallback = await diffOn(2, files, { worker: new URL(`file://${worker}`) });
      expect(fallback).toEqual(alone);
    }
  });

  const good = pair('I', 150, 3, { every: 4, cacheEvery: 20 });
  const unknownDependency = good[0].replace(
    /"depends_on":\["([^"]+)"/,
    '"depends_on":["no-such-service"',
  );
  const truncated = good[0].slice(0, good[0].length >> 1);

  it.each([
    ['an unknown dependency in the old manifest', unknownDependency, good[1]],
    ['a syntax error in the old manifest', truncated, good[1]],
    ['errors in both (the old one is reported)', truncated, unknownDependency],
    ['an error in the new manifest only', good[0], unknownDependency],
  ])('reports %s as one thread does: file:line:col, exit 2', async (_, oldText, newText) => {
    expect(unknownDependency).not.toBe(good[0]);
    const files: [string, string] = [file(oldText), file(newText)];
    const alone = await diffOn(1, files);
    expect(alone.code).toBe(2);
    expect(alone.stderr).toMatch(/^m\d+\.json:\d+:\d+: /);
    expect(await diffOn(2, files)).toEqual(alone);
  });
});

describe('the built CLI', () => {
  it('reports an error in the manifest a worker read as one thread does, exit 2', () => {
    // Large enough (over 1 MiB) for the default to hand the old side to a worker.
    const [a, b] = pair('B', 4500, 11, { every: 25, cacheEvery: 400 });
    expect(a.length).toBeGreaterThan(1 << 20);
    const broken = a.replace(/"depends_on":\["([^"]+)"/, '"depends_on":["no-such-service"');
    const args = [
      'diff',
      path.join(DIR, file(broken)),
      path.join(DIR, file(b)),
      '--format',
      'json',
    ];
    const one = runBin(args, { env: { BLAST_RADIUS_THREADS: '1' } });
    expect(one.code).toBe(2);
    expect(one.stdout).toBe('');
    expect(one.stderr).toMatch(/^\/.*\.json:\d+:\d+: .*no-such-service/);
    expect(runBin(args)).toEqual(one);
  }, 120_000);
});
