// Builds a Manifest object directly, for tests that must not depend on the YAML loader.

import type { Manifest, Requirement, Service } from '../../src/manifest/types.js';

export type DependencySketch =
  | string
  | { service: string; soft?: boolean; tolerates?: number }
  | { any_of: string[]; soft?: boolean; tolerates?: number }
  | { quorum: number; of: string[]; soft?: boolean; tolerates?: number };

export type ServiceSketch = Partial<Omit<Service, 'id' | 'dependsOn' | 'position'>> & {
  depends_on?: DependencySketch[];
};

const HERE = { file: 'test.yaml', line: 1, column: 1 };

export function buildManifest(services: Record<string, ServiceSketch>, name?: string): Manifest {
  const list: Service[] = Object.entries(services).map(([id, sketch]) => {
    const { depends_on: dependencies = [], ...rest } = sketch;
    return {
      entrypoint: false,
      tags: [],
      costPerHour: 0,
      monitors: [],
      ...rest,
      id,
      dependsOn: dependencies.map(requirementOf),
      position: HERE,
    };
  });
  list.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const manifest: Manifest = { file: 'test.yaml', files: ['test.yaml'], services: list };
  if (name !== undefined) manifest.name = name;
  return manifest;
}

function requirementOf(sketch: DependencySketch): Requirement {
  const requirement = shapeOf(sketch);
  // As the loader does: a tolerance of 0 is not written down.
  if (typeof sketch !== 'string' && sketch.tolerates) requirement.tolerates = sketch.tolerates;
  return requirement;
}

function shapeOf(sketch: DependencySketch): Requirement {
  if (typeof sketch === 'string') {
    return { alternatives: [sketch], quorum: 1, soft: false, group: false, position: HERE };
  }
  const soft = sketch.soft ?? false;
  if ('service' in sketch) {
    return { alternatives: [sketch.service], quorum: 1, soft, group: false, position: HERE };
  }
  if ('any_of' in sketch) {
    return { alternatives: sketch.any_of, quorum: 1, soft, group: true, position: HERE };
  }
  return { alternatives: sketch.of, quorum: sketch.quorum, soft, group: true, position: HERE };
}
