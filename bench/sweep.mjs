#!/usr/bin/env node
// Times loading and the single-failure sweep alone, wall and CPU seconds per phase, in one
// process: node bench/sweep.mjs FILE.json (needs `npm run build`). On a shared machine the CPU
// seconds are the figures to compare; JSON.parse of the same text is the floor beside them.
// BLAST_RADIUS_THREADS=N sweeps on N threads, as the CLI does (default here: 1).

import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import process from 'node:process';
import { loadManifest } from '../dist/manifest/load.js';
import { compileGraph, entryPoints } from '../dist/model/compiled-graph.js';
import { planSweep } from '../dist/analysis/outage/outage-sweep.js';
import { recordSingleFailures } from '../dist/analysis/outage/single-failures.js';

const file = process.argv[2];
if (!file) {
  process.stderr.write('usage: node bench/sweep.mjs FILE.json\n');
  process.exitCode = 2;
} else {
  const rows = [];
  let wall = performance.now();
  let cpu = process.cpuUsage();
  const lap = (name) => {
    const used = process.cpuUsage(cpu);
    rows.push([name, (performance.now() - wall) / 1000, (used.user + used.system) / 1e6]);
    wall = performance.now();
    cpu = process.cpuUsage();
  };
  const text = readFileSync(file, 'utf8');
  lap('read');
  JSON.parse(text);
  lap('JSON.parse (floor)');
  const manifest = await loadManifest(file);
  lap('load manifest (read, parse, validate)');
  const graph = compileGraph(manifest);
  lap('compile to typed arrays');
  const inFocus = new Uint8Array(graph.n);
  for (const e of entryPoints(graph)) inFocus[e] = 1;
  const plan = planSweep(graph);
  lap('sweep plan');
  const threads = Number(process.env.BLAST_RADIUS_THREADS ?? 1);
  recordSingleFailures(plan, inFocus, { threads: { count: threads } });
  lap('every single failure (sweep)');
  const load = process.platform === 'linux' ? readFileSync('/proc/loadavg', 'utf8').trim() : '?';
  process.stdout.write(`| phase | wall s | CPU s |\n|---|---:|---:|\n`);
  for (const [name, w, c] of rows)
    process.stdout.write(`| ${name} | ${w.toFixed(3)} | ${c.toFixed(3)} |\n`);
  process.stdout.write(`\n${graph.n} services; load average ${load}\n`);
}
