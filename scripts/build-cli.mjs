#!/usr/bin/env node
// Bundles the command line (src/cli/command-line.ts, which bin/blast-radius.js loads) and the
// three worker threads' scripts into dist/, beside the modules tsc builds for the library. Node
// 20 resolves, reads and compiles every ES module on its own, and a command loaded about 150 of
// ours; bundled, `analyze` loads about 30 files and starts 0.07–0.09 CPU s sooner (BENCHMARKS.md,
// branch `bundle`). Run by `npm run build` after tsc.
//
// - Split into chunks: each command's code is still imported only when that command runs, and
//   the packages stay outside (imported from node_modules when a chunk needs them), so yaml,
//   chalk or graphology load only for the commands that use them.
// - Written to the top of dist/, where the workers are found: the code that starts a worker names
//   its script beside itself (`new URL('./sweep-worker.js', import.meta.url)`), which in the
//   bundle is the chunk's own folder, dist/; and src/package-files.ts, built to dist/ too, names
//   package.json and the page script from there, so those URLs hold in both builds.
// - Chunks are named cli-…-HASH.js; those of an earlier build that this one did not write are
//   removed, so dist/ holds one build's chunks. The same sources give the same bytes.

import { build } from 'esbuild';
import { readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const OUT = path.join(ROOT, 'dist');

/** Each bundle's name in dist/ and its source; the workers' names are those their starters use. */
export const CLI_ENTRIES = {
  'blast-radius': 'src/cli/command-line.ts',
  'availability-worker': 'src/analysis/reliability/thread/availability-worker.ts',
  'sweep-worker': 'src/analysis/outage/sweep/sweep-worker.ts',
  'diff-side-worker': 'src/cli/commands/diff-side-worker.ts',
};

const CHUNK = /^cli-.*\.js$/;

/** Builds the bundles into `outdir`; returns the paths written. */
export async function buildCli(outdir = OUT) {
  const result = await build({
    absWorkingDir: ROOT,
    entryPoints: CLI_ENTRIES,
    outdir,
    entryNames: '[name]',
    chunkNames: 'cli-[name]-[hash]',
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    packages: 'external',
    tsconfig: path.join(ROOT, 'tsconfig.build.json'),
    metafile: true,
    logLevel: 'warning',
  });
  const written = Object.keys(result.metafile.outputs).map((file) => path.resolve(ROOT, file));
  const kept = new Set(written.map((file) => path.basename(file)));
  for (const name of readdirSync(outdir)) {
    if (CHUNK.test(name) && !kept.has(name)) rmSync(path.join(outdir, name));
  }
  return written;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  await buildCli();
}
