#!/usr/bin/env node
// Baseline for the benchmark: only read and parse a manifest, the way the loader does (JSON.parse
// for .json; `yaml` parseDocument with uniqueKeys: false and a LineCounter otherwise). Prints
// {"readS", "parseS", "errors"} as JSON; exit 1 if the document has syntax errors.

import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { LineCounter, parseDocument } from 'yaml';

function main(argv) {
  const file = argv[0];
  if (!file) {
    console.error('usage: node bench/parse.mjs MANIFEST.(yaml|json)');
    return 2;
  }
  const started = performance.now();
  const text = readFileSync(file, 'utf8');
  const read = performance.now();
  let errors = 0;
  if (file.endsWith('.json')) {
    JSON.parse(text);
  } else {
    const lineCounter = new LineCounter();
    const document = parseDocument(text, { uniqueKeys: false, lineCounter });
    errors = document.errors.length;
  }
  const parsed = performance.now();
  console.log(
    JSON.stringify({ readS: (read - started) / 1000, parseS: (parsed - read) / 1000, errors }),
  );
  return errors === 0 ? 0 : 1;
}

process.exitCode = main(process.argv.slice(2));
