#!/usr/bin/env node
// `analyze --order 2` on generated graphs of every shape (B layered, R deep random, I internet
// map): times, in one process, the analysis without and with the minimal pairs (and the cut-set
// counts of order two), and reports what the pair searches did. Called by `npm run bench`
// (bench/run.mjs, step `pairs`), or alone:
//   node bench/pairs.mjs [--sizes 1k,10k] [--shapes B,R,I] [--runs N] [--seed S]
// (needs `npm run build`)

import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { parseCount, writeManifest } from './generate.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');

async function main(argv) {
  const options = { sizes: [1_000, 10_000], shapes: ['B', 'R', 'I'], runs: 3, seed: '1' };
  for (let i = 0; i < argv.length; i += 2) {
    if (argv[i] === '--sizes') options.sizes = argv[i + 1].split(',').map(parseCount);
    else if (argv[i] === '--runs') options.runs = Number(argv[i + 1]);
    else if (argv[i] === '--shapes') options.shapes = argv[i + 1].toUpperCase().split(',');
    else if (argv[i] === '--seed') options.seed = argv[i + 1];
    else throw new Error(`unknown argument ${argv[i]}`);
  }
  const dist = (path) => import(join(ROOT, 'dist', path));
  const { loadManifest } = await dist('manifest/load.js');
  const { compileGraph } = await dist('model/compiled-graph.js');
  const { analyze } = await dist('analysis/analyze.js');
  const rows = [];
  for (const shape of options.shapes)
    for (const size of options.sizes) {
      const prefix = shape === 'B' ? 'services' : `services-${shape}`;
      const file = join(ROOT, 'bench', 'out', `${prefix}-${size}-seed${options.seed}.json`);
      if (!existsSync(file)) {
        const generator = { services: size, seed: Number(options.seed), format: 'json', shape };
        await writeManifest(generator, file);
      }
      const graph = compileGraph(await loadManifest(file));
      analyze(graph, null, { order: 2 }); // warm-up: compile the hot loops before timing
      const time = (order) => {
        const samples = [];
        let result;
        for (let run = 0; run < options.runs; run++) {
          const started = performance.now();
          result = analyze(graph, null, { order });
          samples.push((performance.now() - started) / 1000);
        }
        return { seconds: samples.sort((a, b) => a - b)[samples.length >> 1], result };
      };
      const one = time(1);
      const two = time(2);
      rows.push({ shape, size, one: one.seconds, two: two.seconds, result: two.result });
    }
  console.log(
    '| shape | services | analyze s | analyze --order 2 s | component pairs | candidates checked | domain pairs | complete |',
  );
  console.log('|---|---:|---:|---:|---:|---:|---:|---|');
  for (const { shape, size, one, two, result } of rows) {
    const search = result.pairSearch;
    const complete = search.components.complete && search.domains.complete;
    console.log(
      `| ${shape} | ${size.toLocaleString('en-US')} | ${one.toFixed(2)} | ${two.toFixed(2)} | ` +
        `${result.pairs.length.toLocaleString('en-US')} | ` +
        `${search.components.checked.toLocaleString('en-US')} | ${result.domainPairs.length} | ` +
        `${complete ? 'yes' : `no (${search.components.unchecked} unchecked)`} |`,
    );
  }
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => (process.exitCode = code),
  (error) => {
    console.error(error.message);
    process.exitCode = 2;
  },
);
