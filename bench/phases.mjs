// Times each phase of `analyze` in one process on one manifest, to show where the time goes:
// node bench/phases.mjs FILE   (needs `npm run build`).

import { performance } from 'node:perf_hooks';
import process from 'node:process';
import { loadManifest } from '../dist/manifest/load.js';
import { compileGraph, entryPoints } from '../dist/model/compiled-graph.js';
import { cutStructure } from '../dist/analysis/graph/articulation-points.js';
import { coldStart } from '../dist/analysis/structure/cold-start.js';
import { dependencyCycles, hardDependencyEdges } from '../dist/analysis/structure/graph-views.js';
import { planSweep } from '../dist/analysis/outage/outage-sweep.js';
import { recordSingleFailures } from '../dist/analysis/outage/single-failures.js';
import { analyzeFailureDomains, failureDomains } from '../dist/analysis/outage/failure-domains.js';
import { analyze } from '../dist/analysis/analyze.js';
import { renderJson } from '../dist/report/shared/json.js';

const file = process.argv[2];
if (!file) {
  process.stderr.write('usage: node bench/phases.mjs FILE\n');
  process.exitCode = 2;
} else {
  const rows = [];
  const time = (name, work) => {
    const started = performance.now();
    const value = work();
    rows.push([name, (performance.now() - started) / 1000]);
    return value;
  };
  const startedLoad = performance.now();
  const manifest = await loadManifest(file);
  rows.push(['load manifest (read, parse, validate)', (performance.now() - startedLoad) / 1000]);
  const graph = time('compile to typed arrays', () => compileGraph(manifest));
  const inFocus = new Uint8Array(graph.n);
  for (const e of entryPoints(graph)) inFocus[e] = 1;
  const edges = time('hard-dependency edge list', () => hardDependencyEdges(graph));
  time('cut vertices and bridges', () => cutStructure(graph.n, edges.from, edges.to));
  time('cycles (SCC)', () => dependencyCycles(graph));
  time('cold-start waves', () => coldStart(graph));
  const plan = time('sweep plan (SCC condensation)', () => planSweep(graph));
  const singles = time('every single failure (bit-parallel sweep)', () =>
    recordSingleFailures(plan, inFocus),
  );
  const domains = failureDomains(graph);
  time(`every failure domain (${domains.length})`, () =>
    analyzeFailureDomains(plan, domains, inFocus, singles.takesDown),
  );
  const result = time('analyze, all of it', () => analyze(graph, manifest.name ?? null));
  const text = time('render JSON', () => renderJson(result));
  process.stdout.write(`| phase | seconds |\n|---|---:|\n`);
  for (const [name, seconds] of rows) process.stdout.write(`| ${name} | ${seconds.toFixed(3)} |\n`);
  process.stdout.write(
    `\n${graph.n} services, ${graph.alts.length} edges; JSON result ${(text.length / 2 ** 20).toFixed(1)} MiB; ` +
      `peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MiB\n`,
  );
}
