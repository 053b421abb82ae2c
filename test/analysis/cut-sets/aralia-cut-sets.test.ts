// Minimal cut sets of order up to three on Aralia fault trees (`import openpsa`), counted per
// order, against SCRAM's (`scram -l 3`) run live on the same trees.

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../../src/analysis/analyze.js';
import { importOpenPsa } from '../../../src/import/openpsa/openpsa.js';
import { renderImportedManifest } from '../../../src/import/shared/manifest-writer.js';
import { parseManifestText } from '../../../src/manifest/load.js';
import { compileGraph } from '../../../src/model/compiled-graph.js';
import { ROOT } from '../../support/run-cli.js';
import { runScram, scramVersion } from '../reliability/scram/support.js';

const DIR = path.join(ROOT, 'fixtures/corpus/aralia');

/** Trees where both sides take about a second; the others are in BENCHMARKS.md. */
const TREES = ['baobab2', 'baobab3', 'das9201', 'das9202', 'das9203', 'das9206'];

function ourCounts(text: string, tree: string, order: number): number[] | null {
  const imported = importOpenPsa([{ file: `${tree}.xml`, text }]);
  const manifest = parseManifestText(renderImportedManifest(imported.manifest), `${tree}.yaml`);
  const result = analyze(compileGraph(manifest), null, { order, cutSetsListed: 0 });
  const [top] = result.cutSets!.entrypoints;
  expect(result.cutSets!.entrypoints).toHaveLength(1);
  return top!.counts;
}

describe('minimal cut sets on the Aralia trees', () => {
  it('has SCRAM to compare with', () => {
    expect(scramVersion()).toMatch(/\d+\.\d+/);
  });

  it.each(TREES)('%s: as many of each order up to three as SCRAM finds', (tree) => {
    const text = readFileSync(path.join(DIR, `${tree}.xml`), 'utf8');
    const scram = runScram(text, { order: 3 });
    const expected = [1, 2, 3].map((k) => scram.products.filter((p) => p.length === k).length);
    expect(ourCounts(text, tree, 3)).toEqual(expected);
  });
});
