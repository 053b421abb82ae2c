// Loads fixtures/<name>/blast-radius.yaml through the real loader and runs what-if outages on it,
// selectors written as on the command line.

import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { simulate, type SimulationResult } from '../../src/analysis/outage/simulate.js';
import { loadManifest } from '../../src/manifest/load.js';
import type { Manifest } from '../../src/manifest/types.js';
import { compileGraph, type CompiledGraph } from '../../src/model/compiled-graph.js';
import { resolveSelectors } from '../../src/model/selector.js';

export const SCHEMA_LINE = '# yaml-language-server: $schema=../../schema/manifest.schema.json';

export interface Fixture {
  path: string;
  manifest: Manifest;
  graph: CompiledGraph;
}

export function fixturePath(name: string): string {
  return fileURLToPath(new URL(`../../fixtures/${name}/blast-radius.yaml`, import.meta.url));
}

export async function loadFixture(name: string): Promise<Fixture> {
  const path = fixturePath(name);
  const manifest = await loadManifest(path);
  return { path, manifest, graph: compileGraph(manifest) };
}

export function firstLine(name: string): string {
  return readFileSync(fixturePath(name), 'utf8').split('\n', 1)[0]!;
}

export function outage(fixture: Fixture, selectors: string[]): SimulationResult {
  return simulate(fixture.graph, resolveSelectors(fixture.graph, selectors));
}

/** A simulation without its `why`, so one `toEqual` states who is in which state. */
export function statuses(result: SimulationResult) {
  const { failed, down, degraded, up, entrypointsDown, entrypointsDegraded, costPerHour } = result;
  return { failed, down, degraded, up, entrypointsDown, entrypointsDegraded, costPerHour };
}

/** The `why` chains of the given services only. */
export function whyOf(
  result: SimulationResult,
  ids: string[],
): Record<string, string[] | undefined> {
  return Object.fromEntries(ids.map((id) => [id, result.why[id]]));
}

export function entryPointIds(fixture: Fixture): string[] {
  return fixture.graph.ids.filter((_, v) => fixture.graph.entry[v] === 1);
}
