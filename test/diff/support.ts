// Diffs of manifests held in memory, straight from the analysis code (no loader, no CLI).

import { analyze } from '../../src/analysis/analyze.js';
import { comparedSide, type ComparedSide } from '../../src/analysis/diff/compared-side.js';
import { diff } from '../../src/analysis/diff/diff.js';
import type { DiffResult, FailOn } from '../../src/analysis/diff/diff-result.js';
import type { Manifest } from '../../src/manifest/types.js';
import { compileGraph } from '../../src/model/compiled-graph.js';

/** One side; null is a manifest that does not exist (no services). */
export function sideOf(manifest: Manifest | null, source = 'blast-radius.yaml'): ComparedSide {
  const graph = compileGraph(manifest ?? { file: source, files: [], services: [] });
  return comparedSide(source, manifest !== null, graph, analyze(graph, manifest?.name ?? null));
}

export function diffOf(
  before: Manifest | null,
  after: Manifest | null,
  failOn: FailOn[] = [],
): DiffResult {
  return diff(sideOf(before, 'old.yaml'), sideOf(after, 'new.yaml'), failOn);
}

/** The realistic change of the golden files: a fraud check on one Redis, a second search region. */
export const GOLDEN = [
  'diff',
  'test/diff/fixtures/shop-before/blast-radius.yaml',
  'test/diff/fixtures/shop-after/blast-radius.yaml',
];
