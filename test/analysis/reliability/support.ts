// Helpers of the reliability tests: random manifests with SLAs and virtual services (and with
// failure domains of their own sla), and the reference availability by enumerating every state
// of the components (and domains) that can fail.

import fc from 'fast-check';
import type { CommonCauseDomain, Manifest, Service } from '../../../src/manifest/types.js';
import { compileGraph } from '../../../src/model/compiled-graph.js';
import type { FaultStructure } from '../../../src/analysis/reliability/structure.js';
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

const PROVIDERS = ['aws', 'gcp'];
const REGIONS = ['us-east-1', 'eu-west-1'];
const DOMAIN_SLAS = [99, 95, 90, 99.9];
export const AT = { file: 'domains.yaml', line: 1, column: 1 };

/** A random manifest whose services get provider/region labels, and slas for some domains. */
export function arbitraryCorrelatedManifest(): fc.Arbitrary<Manifest> {
  return arbitraryReliabilityManifest(7).chain((manifest) =>
    fc
      .tuple(
        fc.array(fc.nat(5), {
          minLength: manifest.services.length,
          maxLength: manifest.services.length,
        }),
        fc.array(fc.nat(DOMAIN_SLAS.length), { minLength: 6, maxLength: 6 }),
      )
      .map(([labels, slaChoices]) => {
        const services = manifest.services.map((s, i) => withLabels(s, labels[i]!));
        const named = new Set(services.flatMap(domainsOf));
        const domains: CommonCauseDomain[] = [...named]
          .sort()
          .flatMap((domain, i) =>
            slaChoices[i % slaChoices.length]! < DOMAIN_SLAS.length
              ? [{ domain, sla: DOMAIN_SLAS[slaChoices[i % slaChoices.length]!]!, position: AT }]
              : [],
          )
          .slice(0, 3);
        return { ...manifest, services, domains };
      }),
  );
}

function withLabels(service: Service, choice: number): Service {
  const copy: Service = { ...service };
  delete copy.provider;
  delete copy.region;
  if (choice >= 4) return copy;
  copy.provider = PROVIDERS[choice % 2]!;
  if (choice >= 2) copy.region = REGIONS[choice % 2]!;
  return copy;
}

/** The domains a service is a member of, spelled as the manifest names them. */
function domainsOf(service: Service): string[] {
  if (service.provider === undefined) return [];
  const provider = `provider=${service.provider}`;
  return service.region === undefined
    ? [provider]
    : [provider, `${provider},region=${service.region}`];
}

/** Availability of each entry point over every joint state of components and domains. */
export function enumerateJointStates(manifest: Manifest): Map<string, number> {
  const components = manifest.services.filter((s) => upProbability(s) < 1);
  const domains = manifest.domains ?? [];
  const entries = referenceEntryPoints(manifest);
  const result = new Map(entries.map((e) => [e, 0]));
  const units = components.length + domains.length;
  for (let state = 0; state < 2 ** units; state++) {
    const failed = new Set<string>();
    let weight = 1;
    components.forEach((s, i) => {
      const p = upProbability(s);
      if (state & (1 << i)) failed.add(s.id);
      weight *= state & (1 << i) ? 1 - p : p;
    });
    domains.forEach((d, j) => {
      const down = (state >> (components.length + j)) & 1;
      weight *= down ? (100 - d.sla) / 100 : d.sla / 100;
      if (!down) return;
      for (const s of manifest.services) if (domainsOf(s).includes(d.domain)) failed.add(s.id);
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
 * Everything reached from gate root (itself included) in the fault structure, without going
 * below a module when `isModule` is given.
 */
export function reachedFrom(
  structure: FaultStructure,
  root: number,
  isModule?: Uint8Array,
): Set<number> {
  const seen = new Set<number>([root]);
  const stack = [root];
  while (stack.length > 0) {
    const g = stack.pop()!;
    for (let j = structure.childStart[g]!; j < structure.childStart[g + 1]!; j++) {
      const c = structure.children[j]!;
      if (seen.has(c)) continue;
      seen.add(c);
      if (c >= 0 && !isModule?.[c]) stack.push(c);
    }
  }
  return seen;
}
