import fc from 'fast-check';
import { describe, it } from 'vitest';
import { checkAgainstReference } from '../../support/analyze-reference.js';
import { arbitraryManifest, withRandomMonitors } from '../../support/random-manifest.js';

describe('analyze agrees with simulating every single failure by brute force', () => {
  it('on random manifests with quorums, soft edges, cycles, failure domains and monitors', () => {
    const withMonitors = withRandomMonitors(arbitraryManifest({ maxServices: 9 }), 3);

    fc.assert(fc.property(withMonitors, checkAgainstReference), { numRuns: 1500 });
  });

  it('on random manifests with virtual components, which are never SPOFs', () => {
    fc.assert(
      fc.property(arbitraryManifest({ maxServices: 9, virtual: true }), checkAgainstReference),
      { numRuns: 500 },
    );
  });

  it('on manifests of 33 to 100 services, so that failures fill several 32-bit words', () => {
    fc.assert(
      fc.property(arbitraryManifest({ minServices: 33, maxServices: 100 }), checkAgainstReference),
      { numRuns: 25 },
    );
  });

  it('on manifests of 129 to 180 services, so that failures fill several 128-outage passes', () => {
    fc.assert(
      fc.property(arbitraryManifest({ minServices: 129, maxServices: 180 }), checkAgainstReference),
      { numRuns: 6 },
    );
  });
});
