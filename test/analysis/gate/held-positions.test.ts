// `check` on a JSON manifest whose requirements are held in columns: the findings, every line
// and column included, are those of the same text read into Requirement objects, and telling
// where a single point of failure arrives leaves the requirements held.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { heldRequirements } from '../../../src/manifest/held-requirements.js';
import { parseManifestText } from '../../../src/manifest/load.js';
import type { Manifest, Requirement } from '../../../src/manifest/types.js';
import { arbitraryManifest } from '../../support/random-manifest.js';
import { gateFindingsOfManifest } from '../../check/support.js';

/** `manifest` as JSON manifest text, indented by `indent` (0: one line, every column differs). */
function jsonOf(manifest: Manifest, indent: number): string {
  const services: Record<string, unknown> = {};
  for (const s of manifest.services) {
    const body: Record<string, unknown> = {};
    if (s.entrypoint) body['entrypoint'] = true;
    if (s.virtual) body['virtual'] = true;
    if (s.provider !== undefined) body['provider'] = s.provider;
    if (s.region !== undefined) body['region'] = s.region;
    if (s.zone !== undefined) body['zone'] = s.zone;
    // The loader refuses a group listed twice (the same quorum of the same services, in any
    // order, soft or not), which random manifests may hold: kept once.
    const groups = new Set<string>();
    body['depends_on'] = s.dependsOn
      .filter((r) => {
        const key = `${r.quorum} ${[...r.alternatives].sort().join(' ')}`;
        return !r.group || (!groups.has(key) && groups.add(key));
      })
      .map(writtenRequirement);
    services[s.id] = body;
  }
  return JSON.stringify({ version: 1, name: 'held', services }, null, indent);
}

function writtenRequirement(r: Requirement): unknown {
  if (!r.group) return r.soft ? { service: r.alternatives[0], soft: true } : r.alternatives[0];
  const soft = r.soft ? { soft: true } : {};
  return r.quorum === 1
    ? { any_of: r.alternatives, ...soft }
    : { quorum: r.quorum, of: r.alternatives, ...soft };
}

describe('findings of a manifest whose requirements are held in columns', () => {
  it('are located where those of the same manifest read into objects are', () => {
    fc.assert(
      fc.property(
        arbitraryManifest({ maxServices: 10, virtual: true }),
        fc.constantFrom(0, 2),
        (manifest, indent) => {
          const text = jsonOf(manifest, indent);
          const held = parseManifestText(text, 'held.json');
          const heldBefore = held.services.filter((s) => heldRequirements(s) !== undefined);
          const objects = parseManifestText(text, 'held.json', { positionalJson: true });
          const findings = gateFindingsOfManifest(held);
          expect(findings).toEqual(gateFindingsOfManifest(objects));
          // Only a cycle's location reads a service's requirements as objects.
          const inCycles = new Set(
            findings.flatMap((f) => (f.rule === 'cold-start' ? f.subject['cycle']! : [])),
          );
          for (const s of heldBefore) {
            if (!inCycles.has(s.id)) expect(heldRequirements(s)).toBeDefined();
          }
        },
      ),
      { numRuns: 200 },
    );
  });
});
