#!/usr/bin/env node
// The Aralia fault trees (fixtures/corpus/aralia) through `import openpsa`: the top event's
// probability and the time the availability step takes, beside SCRAM's for the probability
// alone (`scram --bdd --probability true -l 1`, when installed), and their ratio. Times are CPU
// time (user + system: `process.cpuUsage()` for ours, `/usr/bin/time` for SCRAM's process), so a
// loaded machine inflates them less than wall time. One Markdown row per tree.
//   node bench/aralia.mjs [tree ...] [--no-scram]   (needs `npm run build`)

import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const DIR = join(ROOT, 'fixtures', 'corpus', 'aralia');
const NON_COHERENT = new Set(['cea9601', 'das9601', 'das9701']);
const SCRAM_LIMIT_MS = 120_000;

const dist = (path) => import(join(ROOT, 'dist', path));
const { importOpenPsa } = await dist('import/openpsa/openpsa.js');
const { renderImportedManifest } = await dist('import/shared/manifest-writer.js');
const { parseManifestText } = await dist('manifest/load.js');
const { compileGraph, entryPoints } = await dist('model/compiled-graph.js');
const { rankGraph } = await dist('analysis/outage/ranked-graph.js');
const { analyzeAvailability } = await dist('analysis/reliability/availability.js');

function ours(tree) {
  const text = readFileSync(join(DIR, `${tree}.xml`), 'utf8');
  const imported = importOpenPsa([{ file: `${tree}.xml`, text }]);
  const manifest = parseManifestText(renderImportedManifest(imported.manifest), `${tree}.yaml`);
  const plan = rankGraph(compileGraph(manifest));
  const [top] = entryPoints(plan.graph);
  const started = process.cpuUsage();
  const result = analyzeAvailability(plan, [top]);
  const { user, system } = process.cpuUsage(started);
  const ms = (user + system) / 1000;
  return { entry: result.availability[plan.graph.ids[top]], ms };
}

/** SCRAM's probability and CPU time (best of `runs`), or null past the limit. */
function scram(tree, runs = 1) {
  const dir = mkdtempSync(join(tmpdir(), 'br-aralia-'));
  try {
    let best = Infinity;
    let probability = null;
    for (let i = 0; i < runs; i++) {
      const output = join(dir, 'report.xml');
      const times = join(dir, 'time.txt');
      try {
        execFileSync(
          '/usr/bin/time',
          [
            ...['-f', '%U %S', '-o', times],
            ...['scram', '--bdd', '--probability', 'true', '-l', '1'],
            ...['-o', output, join(DIR, `${tree}.xml`)],
          ],
          {
            stdio: 'pipe',
            timeout: SCRAM_LIMIT_MS,
          },
        );
      } catch {
        return null;
      }
      const [user, system] = readFileSync(times, 'utf8').trim().split(/\s+/).map(Number);
      best = Math.min(best, 1000 * (user + system));
      const report = readFileSync(output, 'utf8');
      probability = Number(/<sum-of-products[^>]*probability="([^"]+)"/.exec(report)?.[1]);
    }
    return { probability, ms: best };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const args = process.argv.slice(2);
const withScram = !args.includes('--no-scram');
const named = args.filter((a) => !a.startsWith('--'));
const trees = (
  named.length > 0
    ? named
    : readdirSync(DIR)
        .filter((f) => f.endsWith('.xml'))
        .map((f) => f.slice(0, -4))
).filter((t) => !NON_COHERENT.has(t));
trees.sort();
console.log('| tree | method | 1 − A (ours) | SCRAM | ours CPU ms | SCRAM CPU ms | ratio |');
console.log('|---|---|---:|---:|---:|---:|---:|');
for (const tree of trees) {
  const { entry, ms } = ours(tree);
  const ref = withScram ? scram(tree) : null;
  const q =
    entry.method === 'exact'
      ? entry.unavailability.toPrecision(6)
      : `${entry.unavailability.toPrecision(6)} (95% ${(1 - entry.interval[1]).toPrecision(3)}–${(1 - entry.interval[0]).toPrecision(3)})`;
  const cells = [
    tree,
    entry.method,
    q,
    ref ? ref.probability.toPrecision(6) : '—',
    ms.toFixed(0),
    ref ? ref.ms.toFixed(0) : '—',
    ref ? (ms / ref.ms).toFixed(2) : '—',
  ];
  console.log(`| ${cells.join(' | ')} |`);
}
