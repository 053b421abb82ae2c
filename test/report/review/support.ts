// Helpers for the report tests: the page bundle built fresh for this test process, reports
// rendered in-process (load → analyze → layout → render, as the CLI does), and Chromium.

import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { buildPage } from '../../../scripts/build-page.mjs';
import { chromiumPath } from '../../../scripts/test-prerequisites.mjs';
import { analyze } from '../../../src/analysis/analyze.js';
import type { AnalysisResult } from '../../../src/analysis/analysis-result.js';
import { loadManifest } from '../../../src/manifest/load.js';
import type { Manifest } from '../../../src/manifest/types.js';
import { compileGraph } from '../../../src/model/compiled-graph.js';
import { renderReportHtml } from '../../../src/report/review/html.js';
import { buildReportInput, type ReportInput } from '../../../src/report/review/input.js';
import { layoutGraph } from '../../../src/report/review/layout.js';
import { ROOT } from '../../support/run-cli.js';

export const FIXTURES = ['s3-2017', 'dyn-2016', 'aws-2025', 'multi-region'];
export const ARTIFACTS = path.join(ROOT, 'test-artifacts/report');

export function fixtureManifest(name: string): string {
  return path.join(ROOT, 'fixtures', name, 'blast-radius.yaml');
}

let script: Promise<string> | undefined;

/** The page script, bundled once per test process into a private file (no race on dist/). */
export function pageScript(): Promise<string> {
  script ??= (async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'blast-radius-page-'));
    return readFileSync(await buildPage(path.join(dir, 'report-page.js')), 'utf8');
  })();
  return script;
}

export async function reportInput(manifest: Manifest, withPage = true): Promise<ReportInput> {
  const graph = compileGraph(manifest);
  const result: AnalysisResult = analyze(graph, manifest.name ?? null);
  const page = withPage ? { script: await pageScript(), layout: await layoutGraph(graph) } : null;
  return buildReportInput(graph, result, page);
}

export async function htmlReport(manifest: Manifest, top = 25): Promise<string> {
  const rendered = renderReportHtml(await reportInput(manifest), { color: false, top });
  return typeof rendered === 'string' ? rendered : [...rendered].join('');
}

export async function fixtureHtml(name: string): Promise<string> {
  return htmlReport(await loadManifest(fixtureManifest(name)));
}

/** The text of the page's embedded data element. */
export function embeddedData(html: string): string {
  const open = '<script type="application/json" id="br-data">';
  const start = html.indexOf(open) + open.length;
  return html.slice(start, html.indexOf('</script>', start));
}

/**
 * Chromium (BLAST_RADIUS_CHROMIUM, else `chromium` on PATH, as `npm test` checks before it runs),
 * or a failure that says how to get it: the browser tests never skip silently.
 */
export async function launchChromium(): Promise<Browser> {
  const executable = chromiumPath();
  if (executable === undefined) {
    throw new Error(
      "Chromium not found: the report's browser tests need it " +
        '(apt-get install -y chromium, or set BLAST_RADIUS_CHROMIUM to its path)',
    );
  }
  return chromium.launch({
    executablePath: executable,
    // Root in a container needs --no-sandbox; WebGL runs on SwiftShader without a GPU.
    args: ['--no-sandbox', '--enable-unsafe-swiftshader', '--use-angle=swiftshader'],
  });
}

/** Calls a method of the page's test interface, `window.__blastRadius`. */
export function callPage<T>(page: Page, method: string, ...args: unknown[]): Promise<T> {
  return page.evaluate(
    ([name, values]) => {
      type Api = Record<string, (...parameters: unknown[]) => unknown>;
      const api = (globalThis as unknown as { __blastRadius: Api }).__blastRadius;
      return api[name as string]!(...(values as unknown[]));
    },
    [method, args] as const,
  ) as Promise<T>;
}
