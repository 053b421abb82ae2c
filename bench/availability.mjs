#!/usr/bin/env node
// Availability and importance on generated graphs, in one process per run: the time
// `analyze` spends on them (given the single-failure sweep it already has), wall and CPU, and
// how many entry points were exact and how many sampled. With --samples-per-second, also Monte
// Carlo samples per second over every entry point of the whole graph (4,096 samples: a bounded
// extra measurement that `analyze` never does, off by default).
// Called by `npm run bench` (bench/run.mjs, step `availability`), or alone:
//   node bench/availability.mjs [--sizes 1k,10k,100k] [--shapes B,R,I] [--seed S]
//                               [--samples-per-second]
// (needs `npm run build`)

import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { parseCount, writeManifest } from './generate.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const MC_SAMPLES = 32 * 128;

async function measure(file, samplesPerSecond) {
  const dist = (path) => import(join(ROOT, 'dist', path));
  const { loadManifest } = await dist('manifest/load.js');
  const { compileGraph, entryPoints } = await dist('model/compiled-graph.js');
  const { rankGraph } = await dist('analysis/outage/ranked-graph.js');
  const { recordSingleFailures } = await dist('analysis/outage/single-failures.js');
  const { analyzeAvailability } = await dist('analysis/reliability/availability.js');
  const { MONTE_CARLO, monteCarlo } = await dist('analysis/reliability/sampled/monte-carlo.js');
  const { reliabilityModel } = await dist('analysis/reliability/model.js');
  const graph = compileGraph(await loadManifest(file));
  const plan = rankGraph(graph);
  const entries = entryPoints(graph);
  const inFocus = new Uint8Array(graph.n);
  for (const e of entries) inFocus[e] = 1;
  const { takesDown } = recordSingleFailures(plan, inFocus);
  const started = performance.now();
  const cpu = process.cpuUsage();
  const result = analyzeAvailability(plan, entries, { takesDown });
  const spent = process.cpuUsage(cpu);
  const seconds = (performance.now() - started) / 1000;
  const methods = Object.values(result.availability);
  const { up, down } = reliabilityModel(graph);
  let mcSeconds;
  if (samplesPerSecond) {
    const mcStarted = performance.now();
    const fixed = { ...MONTE_CARLO, minSamples: MC_SAMPLES, maxSamples: MC_SAMPLES };
    monteCarlo(plan, up, entries, fixed);
    mcSeconds = (performance.now() - mcStarted) / 1000;
  }
  return {
    services: graph.n,
    entrypoints: entries.length,
    variables: down.filter((q) => q > 0).length,
    exact: methods.filter((a) => a.method === 'exact').length,
    sampled: methods.filter((a) => a.method === 'monte-carlo').length,
    samples: methods.find((a) => a.samples)?.samples ?? 0,
    seconds,
    cpuSeconds: (spent.user + spent.system) / 1e6,
    samplesPerSecond: mcSeconds === undefined ? undefined : MC_SAMPLES / mcSeconds,
  };
}

async function main(argv) {
  const options = {
    sizes: [1_000, 10_000, 100_000],
    shapes: ['B'],
    seed: '1',
    samplesPerSecond: false,
  };
  for (let i = 0; i < argv.length; i += 2) {
    if (argv[i] === '--samples-per-second') {
      options.samplesPerSecond = true;
      i--;
    } else if (argv[i] === '--sizes') options.sizes = argv[i + 1].split(',').map(parseCount);
    else if (argv[i] === '--seed') options.seed = argv[i + 1];
    else if (argv[i] === '--shapes') options.shapes = argv[i + 1].split(',');
    else throw new Error(`unknown argument ${argv[i]}`);
  }
  const print = (line) => console.log(line);
  [
    '| shape | services | entry points | components with an sla | exact | Monte Carlo | samples each | availability wall s | availability CPU s | Monte Carlo samples/s (whole graph) |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
  ].forEach(print);
  for (const shape of options.shapes)
    for (const size of options.sizes) {
      const suffix = shape === 'B' ? '' : `-${shape}`;
      const file = join(ROOT, 'bench', 'out', `services-${size}-seed${options.seed}${suffix}.json`);
      if (!existsSync(file)) {
        await writeManifest(
          { services: size, seed: Number(options.seed), format: 'json', shape },
          file,
        );
      }
      const r = await measure(file, options.samplesPerSecond);
      const n = (x) => x.toLocaleString('en-US');
      print(
        `| ${shape} | ${n(r.services)} | ${n(r.entrypoints)} | ${n(r.variables)} | ${n(r.exact)} | ${n(r.sampled)} | ` +
          `${r.samples ? n(r.samples) : '—'} | ${r.seconds.toFixed(2)} | ${r.cpuSeconds.toFixed(2)} | ` +
          `${r.samplesPerSecond === undefined ? '—' : n(Math.round(r.samplesPerSecond))} |`,
      );
    }
  return 0;
}

process.exitCode = await main(process.argv.slice(2));
