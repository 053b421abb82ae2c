// The services a discovered model becomes: one per site (an entry point) and one per provider
// (kind dns, cdn or ca, the company as `provider:`), with the requirements as dependencies.

import { cleanText } from '../../import/shared/imported-manifest.js';
import {
  compare,
  type DiscoveredModel,
  type ProviderRef,
  type Requirement,
} from '../discovered-model.js';

export interface EmittedService {
  id: string;
  entrypoint: boolean;
  kind: string;
  provider?: string;
  tags: string[];
  /** A comment: what the service is. */
  note?: string;
  dependsOn: Requirement[];
}

export function manifestServices(model: DiscoveredModel): EmittedService[] {
  const services = new Map<string, EmittedService>();
  const addProvider = (ref: ProviderRef) => {
    if (services.has(ref.id)) return;
    services.set(ref.id, {
      id: ref.id,
      entrypoint: false,
      kind: ref.kind,
      ...(ref.company === undefined ? {} : { provider: ref.company }),
      tags: ['discovered', ref.class === 'third' ? 'third-party' : ref.class],
      note: cleanText(ref.name),
      dependsOn: [],
    });
  };
  for (const site of model.sites) {
    services.set(site.id, {
      id: site.id,
      entrypoint: true,
      kind: 'site',
      tags: ['discovered'],
      note: site.id === `site:${site.domain}` ? undefined : cleanText(site.domain),
      dependsOn: site.requirements,
    });
    for (const requirement of site.requirements) requirement.alternatives.forEach(addProvider);
  }
  for (const { from, requirement } of model.providerDependencies) {
    addProvider(from);
    requirement.alternatives.forEach(addProvider);
  }
  for (const { from, requirement } of model.providerDependencies) {
    const alternatives = requirement.alternatives.filter((ref) => ref.id !== from.id);
    if (alternatives.length === 0) continue;
    services.get(from.id)!.dependsOn.push({ ...requirement, alternatives });
  }
  return [...services.values()].sort((a, b) => compare(a.id, b.id));
}
