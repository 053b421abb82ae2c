// The graph shapes R (deep random service graph) and I (internet map) of the benchmark generator:
// valid manifests, the same in YAML and JSON, reproducible, and with the proportions they promise.

import { describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { parseManifestText } from '../../src/manifest/load.js';
import { generateManifest, ID_PATTERN, type GraphShape } from '../../bench/generate.mjs';

type RawRequirement =
  | string
  | { service: string; soft?: boolean }
  | { any_of: string[]; soft?: boolean }
  | { quorum: number; of: string[]; soft?: boolean };

interface RawService {
  entrypoint?: boolean;
  kind?: string;
  provider?: string;
  region?: string;
  zone?: string;
  sla?: number;
  cost_per_hour?: number;
  depends_on?: RawRequirement[];
  monitors?: string[];
}

interface Entry {
  ids: string[];
  kind: 'one' | 'any' | 'quorum';
  quorum: number;
  soft: boolean;
}

function entry(requirement: RawRequirement): Entry {
  if (typeof requirement === 'string')
    return { ids: [requirement], kind: 'one', quorum: 1, soft: false };
  const soft = requirement.soft === true;
  if ('service' in requirement) return { ids: [requirement.service], kind: 'one', quorum: 1, soft };
  if ('any_of' in requirement) return { ids: requirement.any_of, kind: 'any', quorum: 1, soft };
  return { ids: requirement.of, kind: 'quorum', quorum: requirement.quorum, soft };
}

function generated(shape: GraphShape, services: number) {
  const seed = 'shape-test';
  const yaml = generateManifest({ services, seed, shape, format: 'yaml' });
  const json = generateManifest({ services, seed, shape, format: 'json' });
  const services_ = (JSON.parse(json.text) as { services: Record<string, RawService> }).services;
  return { yaml, json, services: Object.entries(services_) };
}

const share = (part: number, whole: number) => part / whole;

describe.each(['R', 'I'] as const)('shape %s', (shape) => {
  const n = 500;
  const { yaml, json, services } = generated(shape, n);

  it('is a valid manifest of exactly N services, the same in YAML and JSON', () => {
    expect(services).toHaveLength(n);
    expect(services.filter(([id]) => !ID_PATTERN.test(id))).toEqual([]);
    const document = parseDocument(yaml.text, { uniqueKeys: false });
    expect(document.errors).toEqual([]);
    expect(document.toJS()).toEqual(JSON.parse(json.text));
    expect(yaml.stats).toEqual({ ...json.stats, bytes: yaml.stats.bytes });
    const fromJson = parseManifestText(json.text, 'generated.json', { format: 'json' });
    const fromYaml = parseManifestText(yaml.text, 'generated.yaml', { format: 'yaml' });
    expect(fromJson.services).toHaveLength(n);
    expect(fromYaml.services.map((s) => s.dependsOn.length)).toEqual(
      fromJson.services.map((s) => s.dependsOn.length),
    );
  });

  it('is reproducible from its seed and differs between seeds and shapes', () => {
    const again = generateManifest({ services: n, seed: 'shape-test', shape, format: 'json' });
    expect(again.text).toBe(json.text);
    const other = generateManifest({ services: n, seed: 'other', shape, format: 'json' });
    expect(other.text).not.toBe(json.text);
    const layered = generateManifest({ services: n, seed: 'shape-test', format: 'json' });
    expect(layered.text).not.toBe(json.text);
  });
});

describe('shape R: a deep random service graph', () => {
  const n = 3000;
  const { json, services } = generated('R', n);
  const position = new Map(services.map(([id], i) => [id, i]));
  const entries = services.map(([, s]) => (s.depends_on ?? []).map(entry));

  it('points forward in the written (topological) order, except 4% back edges', () => {
    let back = 0;
    services.forEach(([, s], p) => {
      const forward = entries[p]!.filter((e) => e.ids.every((id) => position.get(id)! > p));
      const backward = entries[p]!.filter((e) => e.ids.every((id) => position.get(id)! < p));
      expect(forward.length + backward.length).toBe(entries[p]!.length);
      expect(backward.length).toBeLessThanOrEqual(1);
      back += backward.length;
      if (p < 0.8 * n) {
        expect(forward.length).toBeGreaterThanOrEqual(1);
        expect(forward.length).toBeLessThanOrEqual(3);
      } else expect(forward.length).toBeLessThanOrEqual(1);
      expect(s.monitors ?? []).not.toContain(services[p]![0]);
    });
    expect(back).toBe(json.stats.backEdges);
    expect(share(back, n)).toBeGreaterThan(0.025);
    expect(share(back, n)).toBeLessThan(0.055);
  });

  it('mixes singles, any_of and quorum 2 of 3 as promised', () => {
    const forward = entries.flatMap((list, p) =>
      list.filter((e) => e.ids.every((id) => position.get(id)! > p)),
    );
    const singles = forward.filter((e) => e.kind === 'one');
    const anyOf = forward.filter((e) => e.kind === 'any');
    const quorum = forward.filter((e) => e.kind === 'quorum');
    expect(share(singles.length, forward.length)).toBeGreaterThan(0.5);
    expect(share(singles.length, forward.length)).toBeLessThan(0.62);
    expect(share(anyOf.length, forward.length)).toBeGreaterThan(0.2);
    expect(share(quorum.length, forward.length)).toBeGreaterThan(0.15);
    expect(anyOf.every((e) => e.ids.length === 2 || e.ids.length === 3)).toBe(true);
    expect(quorum.every((e) => e.quorum === 2 && e.ids.length === 3)).toBe(true);
    expect(forward.filter((e) => e.soft && e.kind !== 'one')).toEqual([]);
    const soft = share(singles.filter((e) => e.soft).length, singles.length);
    expect(soft).toBeGreaterThan(0.15);
    expect(soft).toBeLessThan(0.25);
  });

  it('has entry points, labels, costs, SLAs and monitors in the promised shares', () => {
    const count = (keep: (s: RawService) => boolean) => services.filter(([, s]) => keep(s)).length;
    const near = (value: number, target: number) => {
      expect(share(value, n)).toBeGreaterThan(target - 0.03);
      expect(share(value, n)).toBeLessThan(target + 0.03);
    };
    near(
      count((s) => s.entrypoint === true),
      0.13,
    );
    near(
      count((s) => s.provider !== undefined && s.region !== undefined),
      0.6,
    );
    near(
      count((s) => s.zone !== undefined),
      0.3,
    );
    near(
      count((s) => s.cost_per_hour !== undefined),
      0.3,
    );
    near(
      count((s) => s.sla !== undefined),
      0.5,
    );
    near(
      count((s) => (s.monitors ?? []).length > 0),
      0.05,
    );
    expect(services.every(([, s]) => s.sla === undefined || (s.sla >= 99 && s.sla <= 99.99))).toBe(
      true,
    );
    expect(new Set(services.map(([, s]) => s.provider).filter(Boolean))).toEqual(
      new Set(['aws', 'gcp', 'azure']),
    );
  });
});

describe('shape I: an internet map', () => {
  const n = 3000;
  const { services } = generated('I', n);
  const byKind = (kind: string) => services.filter(([, s]) => s.kind === kind);
  const sites = byKind('website');

  it('has ~60 DNS, ~40 CDN and ~25 CA providers, and every website is an entry point', () => {
    expect(byKind('dns')).toHaveLength(60);
    expect(byKind('cdn')).toHaveLength(40);
    expect(byKind('ca')).toHaveLength(25);
    expect(sites).toHaveLength(n - 125);
    expect(services.filter(([, s]) => s.entrypoint === true)).toHaveLength(sites.length);
    for (const [, provider] of [...byKind('cdn'), ...byKind('ca')]) {
      const ids = (provider.depends_on ?? []).flatMap((r) => entry(r).ids);
      expect(ids.length).toBeGreaterThan(0);
      expect(ids.every((id) => id.startsWith('dns/'))).toBe(true);
    }
  });

  it('makes websites depend on DNS, CDNs and CAs in the promised shares', () => {
    const kindOf = (e: Entry) => e.ids[0]!.split('/')[0]!;
    let twoDns = 0;
    let cdn = 0;
    let ca = 0;
    let softCa = 0;
    const popularity = new Map<string, number>();
    for (const [, site] of sites) {
      const list = (site.depends_on ?? []).map(entry);
      const dns = list.filter((e) => kindOf(e) === 'dns');
      expect(dns).toHaveLength(1);
      if (dns[0]!.ids.length === 2) twoDns++;
      if (list.some((e) => kindOf(e) === 'cdn')) cdn++;
      const authority = list.filter((e) => kindOf(e) === 'ca');
      if (authority.length > 0) ca++;
      if (authority.some((e) => e.soft)) softCa++;
      for (const id of dns[0]!.ids) popularity.set(id, (popularity.get(id) ?? 0) + 1);
    }
    expect(share(twoDns, sites.length)).toBeGreaterThan(0.2);
    expect(share(twoDns, sites.length)).toBeLessThan(0.3);
    expect(share(cdn, sites.length)).toBeGreaterThan(0.55);
    expect(share(cdn, sites.length)).toBeLessThan(0.65);
    expect(share(ca, sites.length)).toBeGreaterThan(0.75);
    expect(share(ca, sites.length)).toBeLessThan(0.85);
    expect(share(softCa, ca)).toBeGreaterThan(0.4);
    expect(share(softCa, ca)).toBeLessThan(0.6);
    // Power-law popularity: the most used DNS provider serves far more sites than the median one.
    const counts = [...popularity.values()].sort((a, b) => b - a);
    expect(counts[0]!).toBeGreaterThan(5 * counts[counts.length >> 1]!);
  });
});
