// Shared by the import tests: where the corpus of real files is (fixtures/corpus, copied from ../shared/corpus; see its
// PROVENANCE.md), running `import` in-process, and loading + analysing what it wrote. The golden
// files in test/golden/import/ are regenerated on purpose with `npx vitest -u test/import`.

import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect } from 'vitest';
import { analyze } from '../../src/analysis/analyze.js';
import type { AnalysisResult } from '../../src/analysis/analysis-result.js';
import { parseManifestText } from '../../src/manifest/load.js';
import type { Manifest } from '../../src/manifest/types.js';
import { compileGraph } from '../../src/model/compiled-graph.js';
import { ROOT, runCli, type CliRun } from '../support/run-cli.js';

/** The corpus, as a path relative to the repository root (what the golden headers show). */
export const CORPUS = 'fixtures/corpus';

export function corpus(file: string): string {
  return `${CORPUS}/${file}`;
}

/** Runs `blast-radius import …` from the repository root. */
export function runImport(args: string[]): Promise<CliRun> {
  return runCli(['import', ...args], { cwd: ROOT });
}

/** Runs an import that must succeed, and returns the manifest it wrote. */
export async function importOk(args: string[]): Promise<{ run: CliRun; text: string }> {
  const run = await runImport(args);
  expect(run.stderr.split('\n').filter((line) => line.includes(': error'))).toEqual([]);
  expect(run.code).toBe(0);
  return { run, text: run.stdout };
}

export interface Loaded {
  manifest: Manifest;
  analysis: AnalysisResult;
}

/** Loads the generated text with our own loader and analyses it, as `analyze` would. */
export function loadAndAnalyze(text: string): Loaded {
  const manifest = parseManifestText(text, 'imported.yaml');
  const analysis = analyze(compileGraph(manifest), manifest.name ?? null);
  return { manifest, analysis };
}

/** `caller -> callee` for every hard single dependency, sorted. */
export function edges(manifest: Manifest): string[] {
  const list: string[] = [];
  for (const service of manifest.services) {
    for (const requirement of service.dependsOn) {
      for (const target of requirement.alternatives) {
        const shape = requirement.group ? ' (any_of)' : requirement.soft ? ' (soft)' : '';
        list.push(`${service.id} -> ${target}${shape}`);
      }
    }
  }
  return list.sort();
}

/** The SPOFs of `entry`, sorted. */
export function spofsOf(analysis: AnalysisResult, entry: string): string[] {
  return analysis.spofs
    .filter((spof) => spof.takesDown.includes(entry))
    .map((spof) => spof.id)
    .sort();
}

/** A scratch directory with these files, for malformed inputs. */
export function scratch(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'br-import-'));
  for (const [name, text] of Object.entries(files)) {
    const file = path.join(dir, name);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, text);
  }
  return dir;
}
