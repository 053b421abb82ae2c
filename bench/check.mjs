// Times each phase of `check` in one process, in CPU seconds, so that check's own cost shows
// apart from the analysis it runs: node bench/check.mjs FILE [--analysis CACHE.json]
// (needs `npm run build`). With --analysis, the analysis is read from CACHE.json when it exists
// (written by an earlier run otherwise), so check's own phases can be timed again and again
// without repeating an analysis that takes minutes. Without it, the analysis is check's own
// (analyzeForGate), and its time includes telling the no-spof chains during the sweep.

import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import process from 'node:process';
import { loadManifest } from '../dist/manifest/load.js';
import { compileGraph } from '../dist/model/compiled-graph.js';
import { analyze, analyzeForGate, gateAnalysisOf } from '../dist/analysis/analyze.js';
import { resolvePolicy, rulesInEffect } from '../dist/model/policy.js';
import {
  evaluatePolicy,
  readsAvailability,
  readsBlastRadius,
} from '../dist/analysis/gate/evaluate-policy.js';
import { spofPriority } from '../dist/analysis/gate/outage-findings.js';
import { SweptChains } from '../dist/analysis/gate/swept-chains.js';
import { baselineOf, compareWithBaseline } from '../dist/analysis/gate/baseline-comparison.js';
import { renderJson } from '../dist/report/shared/json.js';
import { CHECK_REPORTERS } from '../dist/report/registry.js';

const [file, flag, cache] = process.argv.slice(2);
if (!file || (flag !== undefined && (flag !== '--analysis' || !cache))) {
  process.stderr.write('usage: node bench/check.mjs FILE [--analysis CACHE.json]\n');
  process.exitCode = 2;
} else {
  const rows = [];
  const cpu = () => {
    const { user, system } = process.cpuUsage();
    return (user + system) / 1e6;
  };
  const time = async (name, work) => {
    const started = cpu();
    const value = await work();
    rows.push([name, cpu() - started]);
    return value;
  };
  const manifest = await time('load manifest', () => loadManifest(file));
  const graph = await time('compile', () => compileGraph(manifest));
  const rules = await time('resolve policy', () => resolvePolicy(manifest, graph));
  // Without a cache, as `check` does it: only what the policy reads, the no-spof chains told
  // during the sweep. A cached analysis is a full one, its chains told by propagation.
  let chains;
  let analysis;
  if (cache) {
    const full = existsSync(cache)
      ? JSON.parse(readFileSync(cache, 'utf8'))
      : await time('analyze (not check’s own)', () => analyze(graph, manifest.name ?? null));
    if (!existsSync(cache)) writeFileSync(cache, renderJson(full));
    analysis = gateAnalysisOf(graph, full);
  } else {
    analysis = await time('analyze for the gate, chains told in the sweep', () => {
      chains = new SweptChains(graph, spofPriority(graph, rules));
      return analyzeForGate(graph, {
        availability: readsAvailability(rules),
        blastRadius: readsBlastRadius(rules),
        chains,
      });
    });
  }
  const findings = await time('evaluate the policy (findings)', () =>
    evaluatePolicy(graph, analysis, rules, chains),
  );
  const options = { manifest: file, rules: rulesInEffect(rules), strict: false };
  const baseline = await time('baseline of the findings', () => baselineOf(findings));
  await time('compare with no baseline', () =>
    compareWithBaseline(findings, null, { ...options, baselineFile: null }),
  );
  const result = await time('compare with the full baseline', () =>
    compareWithBaseline(findings, baseline, { ...options, baselineFile: 'b.json' }),
  );
  let bytes = 0;
  for (const format of Object.keys(CHECK_REPORTERS)) {
    const render = await CHECK_REPORTERS[format]();
    await time(`render ${format}`, () => {
      const rendered = render(result, { color: false, top: 10 });
      if (typeof rendered === 'string') bytes += rendered.length;
      else for (const chunk of rendered) bytes += chunk.length;
    });
  }
  process.stdout.write(`| phase | CPU s |\n|---|---:|\n`);
  for (const [name, seconds] of rows) process.stdout.write(`| ${name} | ${seconds.toFixed(2)} |\n`);
  const own = rows.filter(([name]) => !name.startsWith('analyze') && !name.startsWith('load'));
  const total = own.reduce((sum, [, s]) => sum + s, 0);
  process.stdout.write(
    `\n${graph.n} services; ${findings.length} findings; check's own phases ${total.toFixed(2)} CPU s; ` +
      `${(bytes / 2 ** 20).toFixed(1)} MiB rendered; peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MiB\n`,
  );
}
