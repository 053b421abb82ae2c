#!/usr/bin/env node
// Loading a manifest (and compiling the graph the analyses read from it) against the parse
// floor, in CPU seconds (user + system), each measurement
// in a fresh process, alternating, so that one heap never carries the last one's garbage:
//   node bench/load.mjs FILE.(json|yaml) [--runs N] [--dist DIR]   (needs `npm run build`)
// The floor is JSON.parse of the text for JSON (read + JSON.parse shown too), and the `yaml`
// package's CST Parser with a LineCounter for YAML (its fastest parse that keeps positions).
// Prints one JSON line per run and the medians with the ratios.

import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import process from 'node:process';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = fileURLToPath(import.meta.url);

function cpuSeconds() {
  const used = process.cpuUsage();
  return (used.user + used.system) / 1e6;
}

/** One measurement, in this (child) process: prints its CPU seconds. */
async function measure(what, file, dist) {
  if (what === 'load') {
    const { loadManifest } = await import(pathToFileURL(resolve(dist, 'manifest/load.js')).href);
    const { compileGraph } = await import(
      pathToFileURL(resolve(dist, 'model/compiled-graph.js')).href
    );
    const started = cpuSeconds();
    const manifest = await loadManifest(file);
    const loaded = cpuSeconds();
    compileGraph(manifest);
    return { load: loaded - started, graph: cpuSeconds() - loaded };
  }
  if (what === 'json') {
    const started = cpuSeconds();
    const text = readFileSync(file, 'utf8');
    const read = cpuSeconds();
    JSON.parse(text);
    return { read: read - started, parse: cpuSeconds() - read };
  }
  const { LineCounter, Parser } = await import('yaml');
  const started = cpuSeconds();
  const text = readFileSync(file, 'utf8');
  const read = cpuSeconds();
  const lineCounter = new LineCounter();
  for (const token of new Parser(lineCounter.addNewLine).parse(text)) void token;
  return { read: read - started, parse: cpuSeconds() - read };
}

function child(what, file, dist) {
  const out = execFileSync(process.execPath, [here, '--child', what, file, '--dist', dist], {
    encoding: 'utf8',
    maxBuffer: 1 << 20,
  });
  return JSON.parse(out);
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

const round = (x) => Math.round(x * 1000) / 1000;

async function main(argv) {
  const option = (name, fallback) => {
    const at = argv.indexOf(name);
    return at === -1 ? fallback : argv[at + 1];
  };
  const dist = resolve(option('--dist', resolve(here, '../../dist')));
  if (argv[0] === '--child') {
    process.stdout.write(JSON.stringify(await measure(argv[1], argv[2], dist)));
    return 0;
  }
  const file = argv[0];
  const runs = Number(option('--runs', '3'));
  if (!file || !(runs >= 1)) {
    process.stderr.write(
      'usage: node bench/load.mjs MANIFEST.(json|yaml) [--runs N] [--dist DIR]\n',
    );
    return 2;
  }
  const floor = file.endsWith('.json') ? 'json' : 'yaml';
  const rows = [];
  for (let run = 0; run < runs; run++) {
    const row = { ...child(floor, file, dist), ...child('load', file, dist) };
    rows.push(row);
    process.stdout.write(
      `${JSON.stringify(Object.fromEntries(Object.entries(row).map(([k, v]) => [k, round(v)])))}\n`,
    );
  }
  const read = median(rows.map((r) => r.read));
  const parse = median(rows.map((r) => r.parse));
  const load = median(rows.map((r) => r.load));
  const graph = median(rows.map((r) => r.graph));
  const both = median(rows.map((r) => r.load + r.graph));
  const parser = floor === 'json' ? 'JSON.parse' : 'yaml CST Parser';
  process.stdout.write(
    `${JSON.stringify({
      floor: parser,
      read: round(read),
      parse: round(parse),
      load: round(load),
      graph: round(graph),
      loadOverParse: round(load / parse),
      loadOverReadAndParse: round(load / (read + parse)),
      loadAndGraphOverParse: round(both / parse),
    })}\n`,
  );
  return 0;
}

process.exitCode = await main(process.argv.slice(2));
