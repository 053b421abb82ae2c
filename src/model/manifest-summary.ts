// What `validate` reports about a manifest that loaded: how much it declares and which services
// are its entry points.

import type { Manifest } from '../manifest/types.js';
import { entryPoints, type CompiledGraph } from './compiled-graph.js';

export interface ManifestSummary {
  valid: true;
  manifest: string | null;
  files: string[];
  services: number;
  /** Entries of `depends_on` (a group counts once). */
  requirements: number;
  /** Edges from a service to a dependency (a group counts once per alternative). */
  dependencies: number;
  entrypoints: string[];
  /** True when no service sets `entrypoint: true` and entry points were inferred. */
  entrypointsInferred: boolean;
}

export function summarizeManifest(manifest: Manifest, graph: CompiledGraph): ManifestSummary {
  return {
    valid: true,
    manifest: manifest.name ?? null,
    files: manifest.files,
    services: graph.n,
    requirements: graph.reqOwner.length,
    dependencies: graph.alts.length,
    entrypoints: entryPoints(graph).map((v) => graph.ids[v]!),
    entrypointsInferred: !manifest.services.some((s) => s.entrypoint),
  };
}
