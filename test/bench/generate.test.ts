// Structural invariants of the benchmark generator (bench/generate.mjs): whatever it writes must
// be a valid manifest (docs/semantics.md), the same in YAML and JSON, and reproducible from a seed.

import { Buffer } from 'node:buffer';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { parseManifestText } from '../../src/manifest/load.js';
import {
  generateManifest,
  ID_PATTERN,
  writeManifest,
  type GenerateStats,
} from '../../bench/generate.mjs';

type RawRequirement =
  | string
  | { service: string; soft?: boolean }
  | { any_of: string[]; soft?: boolean }
  | { quorum: number; of: string[]; soft?: boolean };

interface RawService {
  entrypoint?: boolean;
  provider?: string;
  region?: string;
  zone?: string;
  sla?: number;
  cost_per_hour?: number;
  depends_on?: RawRequirement[];
  monitors?: string[];
}

interface RawManifest {
  version: number;
  services: Record<string, RawService>;
}

const SERVICES = 300;
const SEED = 'test-seed';

const yaml = generateManifest({ services: SERVICES, seed: SEED, format: 'yaml' });
const json = generateManifest({ services: SERVICES, seed: SEED, format: 'json' });
const fromJson = JSON.parse(json.text) as RawManifest;

function alternatives(requirement: RawRequirement): {
  ids: string[];
  quorum: number;
  soft: boolean;
  group: boolean;
} {
  if (typeof requirement === 'string')
    return { ids: [requirement], quorum: 1, soft: false, group: false };
  const soft = requirement.soft === true;
  if ('service' in requirement)
    return { ids: [requirement.service], quorum: 1, soft, group: false };
  if ('any_of' in requirement) return { ids: requirement.any_of, quorum: 1, soft, group: true };
  return { ids: requirement.of, quorum: requirement.quorum, soft, group: true };
}

describe('bench/generate.mjs', () => {
  const dir = mkdtempSync(join(tmpdir(), 'blast-radius-generate-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('writes the same manifest as YAML and as JSON', () => {
    const document = parseDocument(yaml.text, { uniqueKeys: false });
    expect(document.errors).toEqual([]);
    expect(document.toJS()).toEqual(fromJson);
    expect(yaml.stats).toEqual({ ...json.stats, bytes: yaml.stats.bytes });
    expect(Buffer.byteLength(yaml.text)).toBe(yaml.stats.bytes);
  });

  it('declares exactly the requested number of services, with valid ids', () => {
    expect(fromJson.version).toBe(1);
    const ids = Object.keys(fromJson.services);
    expect(ids).toHaveLength(SERVICES);
    expect(ids.filter((id) => !ID_PATTERN.test(id))).toEqual([]);
  });

  it('only refers to declared services, never to itself, with quorums in range', () => {
    const services = fromJson.services;
    const problems: string[] = [];
    let entries = 0;
    let groups = 0;
    let soft = 0;
    for (const [id, service] of Object.entries(services)) {
      for (const requirement of service.depends_on ?? []) {
        const { ids, quorum, group, soft: isSoft } = alternatives(requirement);
        entries++;
        if (group) groups++;
        if (isSoft) soft++;
        if (ids.length === 0) problems.push(`${id}: empty group`);
        if (new Set(ids).size !== ids.length)
          problems.push(`${id}: duplicate alternative in ${ids}`);
        if (!Number.isInteger(quorum) || quorum < 1 || quorum > ids.length) {
          problems.push(`${id}: quorum ${quorum} of ${ids.length}`);
        }
        for (const target of ids) {
          if (target === id) problems.push(`${id}: depends on itself`);
          if (!Object.hasOwn(services, target)) problems.push(`${id}: undeclared ${target}`);
        }
      }
      for (const target of service.monitors ?? []) {
        if (!Object.hasOwn(services, target)) problems.push(`${id}: monitors undeclared ${target}`);
      }
    }
    expect(problems).toEqual([]);
    expect(entries).toBe(json.stats.dependencies);
    expect(groups / entries).toBeGreaterThanOrEqual(0.15);
    expect(groups / entries).toBeLessThanOrEqual(0.3);
    expect(soft).toBeGreaterThan(0);
  });

  it('has the features the analyses need: entry points, costs, SLAs, monitors, cycles', () => {
    const services = Object.entries(fromJson.services);
    const entrypoints = services.filter(([, s]) => s.entrypoint === true);
    expect(entrypoints.length).toBeGreaterThanOrEqual(2);
    expect(entrypoints.every(([, s]) => (s.cost_per_hour ?? 0) > 0)).toBe(true);
    const primitives = services.filter(
      ([, s]) => s.provider !== undefined && s.region !== undefined,
    );
    expect(primitives.length).toBeGreaterThan(0);
    expect(primitives.every(([, s]) => typeof s.sla === 'number')).toBe(true);
    expect(new Set(primitives.map(([, s]) => s.provider))).toEqual(
      new Set(['aws', 'gcp', 'azure']),
    );
    expect(services.some(([, s]) => (s.monitors ?? []).length > 0)).toBe(true);

    // Planted cycles: two hard two-service cycles (they block cold start) and soft back-edges.
    const hardTargets = (id: string): string[] =>
      (fromJson.services[id]?.depends_on ?? [])
        .map(alternatives)
        .filter((r) => !r.soft && !r.group)
        .flatMap((r) => r.ids);
    const hardPairs = services.filter(([id]) =>
      hardTargets(id).some((target) => hardTargets(target).includes(id)),
    );
    expect(hardPairs.length).toBe(2 * json.stats.cyclesBlocking);
  });

  it('is deterministic: the same seed gives byte-identical output, another seed does not', () => {
    expect(generateManifest({ services: SERVICES, seed: SEED, format: 'yaml' }).text).toBe(
      yaml.text,
    );
    expect(generateManifest({ services: SERVICES, seed: SEED, format: 'json' }).text).toBe(
      json.text,
    );
    expect(generateManifest({ services: SERVICES, seed: 'other', format: 'json' }).text).not.toBe(
      json.text,
    );
  });

  it('streams to a file exactly what it generates in memory', async () => {
    const file = join(dir, 'manifest.yaml');
    const stats: GenerateStats = await writeManifest(
      { services: SERVICES, seed: SEED, format: 'yaml' },
      file,
    );
    expect(readFileSync(file, 'utf8')).toBe(yaml.text);
    expect(stats).toEqual(yaml.stats);
  });

  it('refuses sizes too small to hold every layer', () => {
    expect(() => generateManifest({ services: 10, seed: SEED, format: 'yaml' })).toThrow(
      RangeError,
    );
  });

  // ---------------------------------------------------------------------------------------------
  it('loads both generated files with the manifest loader, to the same manifest', () => {
    const fromYamlText = parseManifestText(yaml.text, 'generated.yaml', { format: 'yaml' });
    const fromJsonText = parseManifestText(json.text, 'generated.json', { format: 'json' });
    expect(fromYamlText.services.length).toBe(SERVICES);
    const edges = (m: typeof fromYamlText) =>
      m.services.reduce(
        (sum, s) => sum + s.dependsOn.reduce((n, r) => n + r.alternatives.length, 0),
        0,
      );
    expect(edges(fromYamlText)).toBe(edges(fromJsonText));
    const withoutPositions = (m: typeof fromYamlText) =>
      m.services.map(({ position: _p, dependsOn, ...rest }) => ({
        ...rest,
        dependsOn: dependsOn.map(({ position: _q, ...r }) => r),
      }));
    expect(withoutPositions(fromYamlText)).toEqual(withoutPositions(fromJsonText));
  });
});
