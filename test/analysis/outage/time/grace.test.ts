// The grace of SPOFs and failure-domain SPOFs: how long each can be down before its first entry
// point goes down, against the brute-force timeline of its outage on random manifests.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../../../src/analysis/analyze.js';
import { compileGraph } from '../../../../src/model/compiled-graph.js';
import { buildManifest } from '../../../support/build-manifest.js';
import { referenceDomains, referenceDownAt } from '../../../support/brute-force.js';
import { arbitraryManifest } from '../../../support/random-manifest.js';

describe('grace', () => {
  it('is the first moment an entry point goes down, per the brute-force timeline', () => {
    fc.assert(
      fc.property(arbitraryManifest({ maxServices: 8, tolerances: true }), (manifest) => {
        const result = analyze(compileGraph(manifest), null);
        const tolerant = manifest.services.some((s) => s.dependsOn.some((r) => r.tolerates));
        const first = (failed: readonly string[], takesDown: readonly string[]) => {
          const downAt = referenceDownAt(manifest, new Set(failed));
          return Math.min(...takesDown.map((id) => downAt.get(id)!));
        };
        for (const spof of result.spofs) {
          expect(spof.grace).toBe(tolerant ? first([spof.id], spof.takesDown) : undefined);
        }
        const domains = referenceDomains(manifest);
        for (const spof of result.domainSpofs) {
          const members = domains.get(spof.domain)!.members;
          expect(spof.grace).toBe(tolerant ? first(members, spof.takesDown) : undefined);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('says how long the CDN keeps the site up without its S3 origin', () => {
    const manifest = buildManifest({
      site: { entrypoint: true, depends_on: ['cdn'] },
      cdn: { provider: 'fastly', depends_on: [{ service: 's3-use1', tolerates: 7200 }] },
      's3-use1': { provider: 'aws', region: 'us-east-1' },
    });
    const result = analyze(compileGraph(manifest), null);
    const grace = Object.fromEntries(result.spofs.map((s) => [s.id, s.grace]));
    expect(grace).toEqual({ cdn: 0, 's3-use1': 7200 });
    const domains = Object.fromEntries(result.domainSpofs.map((d) => [d.domain, d.grace]));
    expect(domains).toEqual({
      'provider=aws': 7200,
      'provider=aws,region=us-east-1': 7200,
      'provider=fastly': 0,
    });
  });
});
