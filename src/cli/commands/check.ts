// `blast-radius check [manifest]`: the CI gate. Evaluates the manifest's policy (or the built-in
// one), compares the findings with a baseline of accepted ones, prints them in the format the CI
// system reads, and exits 1 when anything new is at severity error.

import { open } from 'node:fs/promises';
import path from 'node:path';
import { analyzeForGate } from '../../analysis/analyze.js';
import { spofPriority } from '../../analysis/gate/outage-findings.js';
import { SweptChains } from '../../analysis/gate/swept-chains.js';
import type { GateAnalysis } from '../../analysis/analysis-result.js';
import { baselineOf, compareWithBaseline } from '../../analysis/gate/baseline-comparison.js';
import { groupPairEntries } from '../../analysis/gate/baseline-pairs.js';
import {
  evaluatePolicy,
  readsAvailability,
  readsBlastRadius,
} from '../../analysis/gate/evaluate-policy.js';
import { loadBaseline, type BaselineEntry } from '../../manifest/baseline.js';
import { ManifestErrors } from '../../manifest/errors.js';
import { resolvePolicy, rulesInEffect } from '../../model/policy.js';
import { renderBaseline } from '../../report/check/baseline-json.js';
import { plural } from '../../report/shared/format.js';
import { CHECK_REPORTERS } from '../../report/registry.js';
import { safeText } from '../../report/shared/safe-text.js';
import { DEFAULT_BASELINE, type CommonOptions } from '../common-options.js';
import { UsageError } from '../errors.js';
import type { Outcome } from '../exit-code.js';
import { writeResult, type CliIO } from '../io.js';
import { analysisThreads } from '../analyze-with-progress.js';
import { createProgress } from '../progress.js';
import { loadGraph, parseCount, writeReport } from '../shared-options.js';

export interface CheckOptions extends CommonOptions {
  baseline?: string;
  updateBaseline?: boolean;
  strictBaseline?: boolean;
  top: string;
}

/** Runs the gate: the policy's findings against the baseline, in the format --format chose. */
export async function runCheck(io: CliIO, file: string, options: CheckOptions): Promise<Outcome> {
  const top = parseCount(options.top, '--top');
  const baselineFile = options.baseline ?? (options.updateBaseline ? DEFAULT_BASELINE : undefined);
  if (baselineFile === '-' || baselineFile === '') {
    throw new UsageError('--baseline needs a file name (a baseline is never read from stdin)');
  }
  const { manifest, graph } = await loadGraph(io, file);
  const rules = resolvePolicy(manifest, graph);
  const chains = new SweptChains(graph, spofPriority(graph, rules));
  const progress = createProgress(io, 'analysing every single failure');
  let analysis: GateAnalysis;
  try {
    analysis = analyzeForGate(graph, {
      onProgress: progress.update,
      threads: analysisThreads(io.env, graph),
      chains,
      availability: readsAvailability(rules),
      blastRadius: readsBlastRadius(rules),
    });
  } finally {
    progress.done();
  }
  const findings = evaluatePolicy(graph, analysis, rules, chains);
  let baseline: BaselineEntry[] | null = null;
  if (baselineFile !== undefined) {
    if (options.updateBaseline) {
      const previous = await loadBaseline(baselineFile, io.cwd).catch(ignoreMissing);
      baseline = baselineOf(findings);
      await writeResult(io, renderBaseline(baseline), baselineFile);
      io.stderr.write(`${baselineChange(baselineFile, previous, baseline)}\n`);
    } else baseline = await loadBaseline(baselineFile, io.cwd);
  }
  const result = compareWithBaseline(findings, baseline, {
    manifest: manifest.file,
    rules: rulesInEffect(rules),
    baselineFile: baselineFile ?? null,
    strict: options.strictBaseline === true,
  });
  await writeReport(io, CHECK_REPORTERS, result, options, top);
  if (options.format === 'github') {
    const { renderCheckMarkdown } = await import('../../report/check/markdown.js');
    await appendJobSummary(io, renderCheckMarkdown(result, { top }));
  }
  return result.passed ? 'ok' : 'gate-failed';
}

/** No baseline yet is how adoption starts; any other problem with it is still an error. */
function ignoreMissing(error: unknown): null {
  const missing =
    error instanceof ManifestErrors &&
    error.errors.length === 1 &&
    error.errors[0]!.message.includes('no such file');
  if (missing) return null;
  throw error;
}

function baselineChange(
  file: string,
  previous: readonly BaselineEntry[] | null,
  next: readonly BaselineEntry[],
): string {
  const before = new Set(groupPairEntries(previous ?? []).map((e) => e.fingerprint));
  const after = new Set(next.map((e) => e.fingerprint));
  const added = next.filter((e) => !before.has(e.fingerprint)).length;
  const removed = [...before].filter((f) => !after.has(f)).length;
  return `blast-radius: wrote ${safeText(file)}: ${plural(next.length, 'accepted finding')} (${added} added, ${removed} removed)`;
}

/** GitHub Actions shows Markdown appended to $GITHUB_STEP_SUMMARY on the run's page. */
async function appendJobSummary(io: CliIO, markdown: Iterable<string>): Promise<void> {
  const summary = io.env['GITHUB_STEP_SUMMARY'];
  if (!summary) return;
  try {
    const file = await open(path.resolve(io.cwd, summary), 'a');
    try {
      for (const chunk of markdown) await file.appendFile(chunk);
      await file.appendFile('\n');
    } finally {
      await file.close();
    }
  } catch (error) {
    const code = (error as { code?: unknown } | null)?.code;
    io.stderr.write(
      `blast-radius: cannot append the job summary to ${safeText(summary)}: ${String(code ?? error)}\n`,
    );
  }
}
