// The orders-recovery fixture tells its stories exactly: RTO and RPO per kind of disruption for
// checkout, the disruption and chain behind each, the data that shares fate, and the check
// findings at the policy's lines.

import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { analyze, gateAnalysisOf } from '../../../src/analysis/analyze.js';
import { evaluatePolicy } from '../../../src/analysis/gate/evaluate-policy.js';
import { loadManifest } from '../../../src/manifest/load.js';
import { compileGraph } from '../../../src/model/compiled-graph.js';
import { resolvePolicy } from '../../../src/model/policy.js';
import { renderAnalyzeText } from '../../../src/report/analyze/text.js';

const FIXTURE = fileURLToPath(
  new URL('../../../fixtures/orders-recovery/blast-radius.yaml', import.meta.url),
);

async function load() {
  const manifest = await loadManifest(FIXTURE);
  const graph = compileGraph(manifest);
  return { manifest, graph, analysis: analyze(graph, manifest.name ?? null) };
}

describe('fixtures/orders-recovery', () => {
  it('estimates RTO and RPO per kind of disruption, with what sets each', async () => {
    const { analysis } = await load();
    const checkout = analysis.objectives!.checkout!;
    const chain = ['checkout', 'orders-api', 'orders-db'];
    expect(checkout.component).toEqual({
      rto: 3600,
      rtoDisruption: 'orders-db',
      rtoChain: chain,
      rpo: 3600,
      rpoDisruption: 'payments-db',
      rpoDatastore: 'payments-db',
      target: { rto: 1800, rpo: 300 },
      exceeds: ['rto', 'rpo'],
    });
    expect(checkout.zone).toMatchObject({ rto: 0, rtoDisruption: null, rpo: 0, target: null });
    expect(checkout.region).toEqual({
      rto: 3600,
      rtoDisruption: 'provider=aws,region=us-east-1',
      rtoChain: chain,
      rpo: null,
      rpoDisruption: 'provider=aws,region=us-east-1',
      rpoDatastore: 'payments-db',
      target: { rto: 14_400, rpo: 3600 },
      exceeds: ['rpo'],
    });
    expect(checkout.provider).toMatchObject({
      rto: 3600,
      rpo: null,
      rpoDisruption: 'provider=aws',
      rpoDatastore: 'orders-db',
      exceeds: ['rpo'],
    });
    expect(analysis.recoveryTimeUnknown).toEqual(['checkout', 'orders-db-usw2']);
  });

  it('finds the data that shares fate, per level', async () => {
    const { analysis } = await load();
    expect(analysis.dataSharesFate).toEqual([
      {
        datastore: 'orders-db',
        level: 'provider',
        domain: 'provider=aws',
        copies: ['backups-use1', 'orders-db-usw2'],
      },
      {
        datastore: 'payments-db',
        level: 'provider',
        domain: 'provider=aws',
        copies: ['backups-use1'],
      },
      {
        datastore: 'payments-db',
        level: 'region',
        domain: 'provider=aws,region=us-east-1',
        copies: ['backups-use1'],
      },
    ]);
    const text = [...renderAnalyzeText(analysis, { color: false, top: 10 })].join('');
    expect(text).toContain(
      'backups-use1 is in us-east-1 with payments-db: losing the region loses all of it',
    );
    expect(text).toContain('checkout     1h ✗ (30m) / 1h ✗ (5m)  0s / 0s');
  });

  it('fails check at the objectives it misses and warns of the data that shares fate', async () => {
    const { manifest, graph, analysis } = await load();
    const rules = resolvePolicy(manifest, graph);
    const findings = evaluatePolicy(graph, gateAnalysisOf(graph, analysis), rules).filter(
      (f) => f.rule === 'objectives' || f.rule === 'data-shares-fate',
    );
    expect(
      findings.map((f) => [f.rule, f.severity, f.location.line, f.location.column, f.subject]),
    ).toEqual([
      ['objectives', 'error', 10, 16, { entrypoint: 'checkout', kind: 'component' }],
      ['objectives', 'error', 11, 13, { entrypoint: 'checkout', kind: 'region' }],
      ['objectives', 'error', 12, 15, { entrypoint: 'checkout', kind: 'provider' }],
      ['data-shares-fate', 'warn', 29, 9, { datastore: 'orders-db', level: 'provider' }],
      ['data-shares-fate', 'warn', 37, 9, { datastore: 'payments-db', level: 'provider' }],
      ['data-shares-fate', 'warn', 37, 9, { datastore: 'payments-db', level: 'region' }],
    ]);
    expect(findings[1]!.message).toBe(
      'entry point "checkout" misses its region objective: RPO unbounded > 1h when ' +
        'provider=aws,region=us-east-1 fails (data of "payments-db")',
    );
  });
});
