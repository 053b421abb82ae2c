#!/usr/bin/env node
// `analyze --order 2` on generated graphs: times, in one process per size, the
// analysis without and with the minimal pairs, and reports what the pair searches did. Called
// by `npm run bench` (bench/run.mjs, step `pairs`), or alone:
//   node bench/pairs.mjs [--sizes 1k,10k] [--runs N] [--seed S]   (needs `npm run build`)

import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { parseCount, writeManifest } from './generate.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');

async function main(argv) {
  const options = { sizes: [1_000, 10_000], runs: 3, seed: '1' };
  for (let i = 0; i < argv.length; i += 2) {
    if (argv[i] === '--sizes') options.sizes = argv[i + 1].split(',').map(parseCount);
    else if (argv[i] === '--runs') options.runs = Number(argv[i + 1]);
    else if (argv[i] === '--seed') options.seed = argv[i + 1];
    else throw new Error(`unknown argument ${argv[i]}`);
  }
  const dist = (path) => import(join(ROOT, 'dist', path));
  const { loadManifest } = await dist('manifest/load.js');
  const { compileGraph } = await dist('model/compiled-graph.js');
  const { analyze } = await dist('analysis/analyze.js');
  const rows = [];
  for (const size of options.sizes) {
    const file = join(ROOT, 'bench', 'out', `services-${size}-seed${options.seed}.json`);
    if (!existsSync(file)) {
      await writeManifest({ services: size, seed: Number(options.seed), format: 'json' }, file);
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
    rows.push({ size, one: one.seconds, two: two.seconds, result: two.result });
  }
  console.log(
    '| services | analyze s | analyze --order 2 s | component pairs | candidates checked | domain pairs | complete |',
  );
  console.log('|---:|---:|---:|---:|---:|---:|---|');
  for (const { size, one, two, result } of rows) {
    const search = result.pairSearch;
    const complete = search.components.complete && search.domains.complete;
    console.log(
      `| ${size.toLocaleString('en-US')} | ${one.toFixed(2)} | ${two.toFixed(2)} | ` +
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
