// Times the output stage alone: analyses a manifest once (and evaluates the check policy), then
// renders the result with each reporter of `analyze` and `check`, consuming the chunks as a
// writer would, in CPU seconds of this process (needs `npm run build`):
// node bench/render.mjs FILE [analyze:json,check:sarif,...]

import { Buffer } from 'node:buffer';
import process from 'node:process';
import { loadManifest } from '../dist/manifest/load.js';
import { compileGraph } from '../dist/model/compiled-graph.js';
import { analyze } from '../dist/analysis/analyze.js';
import { evaluatePolicy } from '../dist/analysis/gate/evaluate-policy.js';
import { compareWithBaseline } from '../dist/analysis/gate/baseline-comparison.js';
import { resolvePolicy, rulesInEffect } from '../dist/model/policy.js';
import { ANALYZE_REPORTERS, CHECK_REPORTERS } from '../dist/report/registry.js';

const cpu = (since) => {
  const used = process.cpuUsage(since);
  return (used.user + used.system) / 1e6;
};

const [file, only] = process.argv.slice(2);
if (!file) {
  process.stderr.write('usage: node bench/render.mjs FILE [command:format,...]\n');
  process.exitCode = 2;
} else {
  const wanted = only?.split(',');
  const manifest = await loadManifest(file);
  const graph = compileGraph(manifest);
  let started = process.cpuUsage();
  const analysis = analyze(graph, manifest.name ?? null);
  const rows = [['analyze (the analysis, not rendered)', cpu(started), 0]];
  started = process.cpuUsage();
  const rules = resolvePolicy(manifest, graph);
  const findings = evaluatePolicy(graph, analysis, rules);
  const check = compareWithBaseline(findings, null, {
    manifest: manifest.file,
    rules: rulesInEffect(rules),
    baselineFile: null,
    strict: false,
  });
  rows.push(['check (policy evaluated, not rendered)', cpu(started), 0]);
  const runs = [
    ...Object.entries(ANALYZE_REPORTERS).map(([format, render]) => [
      'analyze',
      format,
      render,
      analysis,
    ]),
    ...Object.entries(CHECK_REPORTERS).map(([format, render]) => ['check', format, render, check]),
  ];
  for (const [command, format, render, result] of runs) {
    if (wanted && !wanted.includes(`${command}:${format}`)) continue;
    const reporter = await render();
    started = process.cpuUsage();
    const rendered = reporter(result, { color: false, top: 10 });
    let bytes = 0;
    for (const chunk of typeof rendered === 'string' ? [rendered] : rendered) {
      bytes += Buffer.byteLength(chunk);
    }
    rows.push([`${command} --format ${format}`, cpu(started), bytes]);
  }
  process.stdout.write(`| stage | CPU seconds | output MiB |\n|---|---:|---:|\n`);
  for (const [name, seconds, bytes] of rows) {
    process.stdout.write(`| ${name} | ${seconds.toFixed(2)} | ${(bytes / 2 ** 20).toFixed(1)} |\n`);
  }
  process.stdout.write(
    `\n${graph.n} services; peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MiB\n`,
  );
}
