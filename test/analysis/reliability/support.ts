// Helpers of the reliability tests: random manifests with SLAs and virtual services, and the
// reference availability by enumerating every state of the components that can fail.

import fc from 'fast-check';
import type { Manifest, Service } from '../../../src/manifest/types.js';
import { compileGraph } from '../../../src/model/compiled-graph.js';
import { rankGraph } from '../../../src/analysis/outage/ranked-graph.js';
import { referenceEntryPoints, referenceStatuses } from '../../support/brute-force.js';
import { arbitraryManifest } from '../../support/random-manifest.js';

const SLAS = [undefined, 50, 90, 99, 99.9, 75];

/** A random manifest whose services get an sla from SLAS, or are virtual (about 1 in 8). */
export function arbitraryReliabilityManifest(maxServices = 9): fc.Arbitrary<Manifest> {
  return arbitraryManifest({ maxServices }).chain((manifest) =>
    fc
      .array(fc.nat(SLAS.length * 8 - 1), {
        minLength: manifest.services.length,
        maxLength: manifest.services.length,
      })
      .map((choices) => ({
        ...manifest,
        services: manifest.services.map((s, i) => withReliability(s, choices[i]!)),
      })),
  );
}

function withReliability(service: Service, choice: number): Service {
  const copy: Service = { ...service };
  delete copy.sla;
  if (choice >= SLAS.length * 7) copy.virtual = true;
  else {
    const sla = SLAS[choice % SLAS.length];
    if (sla !== undefined) copy.sla = sla;
  }
  return copy;
}

export function planOf(manifest: Manifest) {
  return rankGraph(compileGraph(manifest));
}

/** P(up) of every component, as the model defines it. */
export function upProbability(service: Service): number {
  return service.virtual || service.sla === undefined ? 1 : service.sla / 100;
}

/**
 * Availability of each entry point by enumerating all 2^k states of the k components that can
 * fail; `force` pins components up (true) or down (false).
 */
export function enumeratedAvailability(
  manifest: Manifest,
  force: ReadonlyMap<string, boolean> = new Map(),
): Map<string, number> {
  const uncertain = manifest.services.filter((s) => upProbability(s) < 1 && !force.has(s.id));
  const entries = referenceEntryPoints(manifest);
  const result = new Map(entries.map((e) => [e, 0]));
  const pinnedDown = [...force].filter(([, up]) => !up).map(([id]) => id);
  for (let state = 0; state < 2 ** uncertain.length; state++) {
    const failed = new Set(pinnedDown);
    let weight = 1;
    uncertain.forEach((s, i) => {
      const p = upProbability(s);
      if (state & (1 << i)) {
        failed.add(s.id);
        weight *= 1 - p;
      } else weight *= p;
    });
    const statuses = referenceStatuses(manifest, failed);
    for (const e of entries) {
      const status = statuses.get(e);
      if (status === 'up' || status === 'degraded') result.set(e, result.get(e)! + weight);
    }
  }
  return result;
}

/**
 * Unavailability of each entry point by enumeration: the sum, over the states that take it
 * down, of their probabilities, each failure weighed by (100 − sla) / 100 — positive terms
 * only, so the digits of a tiny unavailability survive.
 */
export function enumeratedUnavailability(manifest: Manifest): Map<string, number> {
  const uncertain = manifest.services.filter((s) => upProbability(s) < 1);
  const entries = referenceEntryPoints(manifest);
  const result = new Map(entries.map((e) => [e, 0]));
  for (let state = 0; state < 2 ** uncertain.length; state++) {
    const failed = new Set<string>();
    let weight = 1;
    uncertain.forEach((s, i) => {
      if (state & (1 << i)) {
        failed.add(s.id);
        weight *= (100 - s.sla!) / 100;
      } else weight *= s.sla! / 100;
    });
    const statuses = referenceStatuses(manifest, failed);
    for (const e of entries) {
      const status = statuses.get(e);
      if (status === 'down' || status === 'failed') result.set(e, result.get(e)! + weight);
    }
  }
  return result;
}
