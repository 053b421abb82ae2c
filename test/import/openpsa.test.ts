// `import openpsa`: Open-PSA MEF fault trees to manifests — the gate mapping, repeated inputs,
// refusals (non-coherent logic, undefined events, malformed XML) with their places, and every
// Aralia tree through the importer and our own loader.

import { readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { importOpenPsa } from '../../src/import/openpsa/openpsa.js';
import { renderImportedManifest } from '../../src/import/shared/manifest-writer.js';
import { parseManifestText } from '../../src/manifest/load.js';
import { referenceEntryPoints, referenceStatuses } from '../support/brute-force.js';
import { ROOT } from '../support/run-cli.js';
import { formatDiagnostic } from '../../src/import/shared/diagnostics.js';
import { readFileSync } from 'node:fs';

function imported(xml: string) {
  const result = importOpenPsa([{ file: 'tree.xml', text: xml }]);
  return {
    errors: result.diagnostics.map(formatDiagnostic),
    text: renderImportedManifest(result.manifest),
  };
}

const TREE = `<?xml version="1.0"?>
<!-- a pump system: the top fails when both trains fail, or 2 of 3 sensors do -->
<opsa-mef>
  <define-fault-tree name="pumps">
    <define-gate name="top">
      <or>
        <gate name="trains"/>
        <atleast min="2"><basic-event name="s1"/><basic-event name="s2"/><basic-event name="s3"/></atleast>
      </or>
    </define-gate>
    <define-gate name="trains">
      <and><basic-event name="pump-a"/><basic-event name="pump-b"/><basic-event name="pump-a"/></and>
    </define-gate>
  </define-fault-tree>
  <model-data>
    <define-basic-event name="pump-a"><float value="0.01"/></define-basic-event>
    <define-basic-event name="pump-b"><float value="0.02"/></define-basic-event>
    <define-basic-event name="s1"><float value="1e-3"/></define-basic-event>
    <define-basic-event name="s2"><float value="1e-3"/></define-basic-event>
    <define-basic-event name="s3"><float value="1e-3"/></define-basic-event>
  </model-data>
</opsa-mef>
`;

/** The fault tree's own truth: does the top event occur when exactly `failed` fail? */
function topFails(failed: ReadonlySet<string>): boolean {
  const trains = failed.has('pump-a') && failed.has('pump-b');
  const sensors = ['s1', 's2', 's3'].filter((s) => failed.has(s)).length >= 2;
  return trains || sensors;
}

describe('import openpsa', () => {
  it('maps gates to virtual services, events to components, the top to the entry point', () => {
    const { errors, text } = imported(TREE);
    expect(errors).toEqual([]);
    const manifest = parseManifestText(text, 'tree.yaml');
    const byId = new Map(manifest.services.map((s) => [s.id, s]));
    expect(referenceEntryPoints(manifest)).toEqual(['top']);
    expect(byId.get('top')!.virtual).toBe(true);
    expect(byId.get('pump-a')!.sla).toBeCloseTo(99, 12);
    expect(byId.get('s1')!.sla).toBeCloseTo(99.9, 12);
    // The nested ATLEAST becomes top/1, needing 2 of its 3 inputs up.
    expect(byId.get('top/1')!.dependsOn).toMatchObject([
      { quorum: 2, alternatives: ['s1', 's2', 's3'] },
    ]);
  });

  it('is the dual of the fault tree: the entry point is down exactly when the top event occurs', () => {
    const manifest = parseManifestText(imported(TREE).text, 'tree.yaml');
    const events = ['pump-a', 'pump-b', 's1', 's2', 's3'];
    for (let mask = 0; mask < 1 << events.length; mask++) {
      const failed = new Set(events.filter((_, i) => mask & (1 << i)));
      const down = ['down', 'failed'].includes(referenceStatuses(manifest, failed).get('top')!);
      expect(down, [...failed].join(',')).toBe(topFails(failed));
    }
  });

  it('counts a repeated input of an ATLEAST gate twice, through a pass-through service', () => {
    const xml = TREE.replace(
      '<atleast min="2"><basic-event name="s1"/><basic-event name="s2"/><basic-event name="s3"/></atleast>',
      '<atleast min="2"><basic-event name="s1"/><basic-event name="s1"/><basic-event name="s3"/></atleast>',
    );
    const manifest = parseManifestText(imported(xml).text, 'tree.yaml');
    // s1 alone is two of the three inputs: it takes the top down by itself.
    const statuses = referenceStatuses(manifest, new Set(['s1']));
    expect(statuses.get('top')).toBe('down');
    expect(manifest.services.map((s) => s.id)).toContain('top/1/repeat-2');
  });

  it.each([
    [
      '<define-gate name="x"><not><basic-event name="s1"/></not></define-gate>',
      'tree.xml:5:23: <not> makes the fault tree non-coherent: blast-radius models only AND, OR and ATLEAST',
    ],
    [
      '<define-gate name="x"><or><basic-event name="nope"/></or></define-gate>',
      'tree.xml:5:27: basic event "nope" is never defined',
    ],
    [
      '<define-gate name="x"><atleast min="4"><basic-event name="s1"/></atleast></define-gate>',
      'tree.xml:5:23: <atleast min="4"> needs a whole min between 1 and its 1 inputs',
    ],
    [
      '<define-gate name="x"><or><basic-event name="s1"></or></define-gate>',
      'tree.xml:5:50: not well-formed XML: </or> does not close an open element (expected </basic-event>)',
    ],
  ])('refuses %s', (gate, message) => {
    const xml = TREE.replace(
      '  <define-fault-tree name="pumps">\n',
      `  <define-fault-tree name="pumps">\n${gate}\n`,
    );
    expect(imported(xml).errors).toEqual([message]);
  });

  it('refuses a probability it cannot treat as a constant', () => {
    const xml = TREE.replace(
      '<float value="0.02"/>',
      '<exponential><float value="1e-4"/></exponential>',
    );
    expect(imported(xml).errors).toEqual([
      'tree.xml:17:39: <exponential>: a basic event needs a constant probability, <float value="q"/> with 0 ≤ q < 1',
    ]);
  });
});

describe('the Aralia benchmark through import openpsa', () => {
  const dir = path.join(ROOT, 'fixtures/corpus/aralia');
  const trees = readdirSync(dir)
    .filter((f) => f.endsWith('.xml'))
    .sort();
  // The README's table marks these as having NOT or XOR gates: non-coherent.
  const NON_COHERENT = ['cea9601.xml', 'das9601.xml', 'das9701.xml'];

  it('holds 43 trees', () => {
    expect(trees).toHaveLength(43);
  });

  it.each(trees)('%s imports into a valid manifest, or is refused as non-coherent', (tree) => {
    const text = readFileSync(path.join(dir, tree), 'utf8');
    const result = importOpenPsa([{ file: tree, text }]);
    const errors = result.diagnostics.filter((d) => d.severity === 'error');
    if (NON_COHERENT.includes(tree)) {
      expect(errors.length).toBeGreaterThan(0);
      expect(errors.every((e) => e.message.includes('non-coherent'))).toBe(true);
      return;
    }
    expect(errors.map(formatDiagnostic)).toEqual([]);
    const manifest = parseManifestText(renderImportedManifest(result.manifest), 'aralia.yaml');
    expect(referenceEntryPoints(manifest)).toHaveLength(1);
  });
});
