#!/usr/bin/env node
// Bundles the HTML report's page script (src/report/review/page/main.ts, with sigma, graphology and the
// analysis code it shares with the CLI) into one minified IIFE at dist/report-page.js, which the
// `report` command inlines into every HTML report. Run by `npm run build`.

import { build } from 'esbuild';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const PAGE_BUNDLE = path.join(ROOT, 'dist/report-page.js');

/** Builds the bundle; the same sources give the same bytes. */
export async function buildPage(outfile = PAGE_BUNDLE) {
  await build({
    entryPoints: [path.join(ROOT, 'src/report/review/page/main.ts')],
    outfile,
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'es2020',
    minify: true,
    legalComments: 'none',
    charset: 'utf8',
    tsconfig: path.join(ROOT, 'tsconfig.page.json'),
    logLevel: 'warning',
  });
  return outfile;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  await buildPage();
}
