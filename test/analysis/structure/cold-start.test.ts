import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  coldStart,
  coldStartWitness,
  degradedAfterColdStart,
  type ColdStartPlan,
} from '../../../src/analysis/structure/cold-start.js';
import { compileGraph, type CompiledGraph } from '../../../src/model/compiled-graph.js';
import { manifestArbitrary, manifestOf, type Dependency } from '../graph/support.js';

function plan(services: Array<[string, Dependency[]]>) {
  const graph = compileGraph(manifestOf(services));
  const result = coldStart(graph);
  const names = (list: number[]) => list.map((v) => graph.ids[v]!);
  return {
    graph,
    result,
    waves: result.waves.map(names),
    blocked: names(result.blocked),
    witness(id: string) {
      const witness = coldStartWitness(result, graph.index.get(id)!);
      return witness && { path: names(witness.path), cycle: names(witness.cycle) };
    },
  };
}

describe('cold start', () => {
  const shop: Array<[string, Dependency[]]> = [
    [
      'web',
      [
        'api',
        { any_of: ['cdn-cloudflare', 'cdn-cloudfront'] },
        { service: 'analytics', soft: true },
      ],
    ],
    ['api', ['payments', { quorum: 2, of: ['etcd-a', 'etcd-b', 'etcd-c'] }]],
    ['payments', ['payments-db']],
    ['payments-db', []],
    ['etcd-a', []],
    ['etcd-b', []],
    ['etcd-c', []],
    ['cdn-cloudflare', []],
    ['cdn-cloudfront', []],
    ['analytics', ['kafka']],
    ['kafka', ['zookeeper']],
    ['zookeeper', ['kafka']],
  ];

  it('starts in waves; a soft dependency on a cycle never blocks', () => {
    const { waves, blocked, result, graph } = plan(shop);
    expect(waves).toEqual([
      ['cdn-cloudflare', 'cdn-cloudfront', 'etcd-a', 'etcd-b', 'etcd-c', 'payments-db'],
      ['payments'],
      ['api'],
      ['web'],
    ]);
    expect(blocked).toEqual(['analytics', 'kafka', 'zookeeper']);
    expect(degradedAfterColdStart(graph, result).map((v) => graph.ids[v])).toEqual(['web']);
  });

  it('explains a blocked service by the cycle it waits on', () => {
    const { witness } = plan(shop);
    expect(witness('analytics')).toEqual({ path: ['analytics'], cycle: ['kafka', 'zookeeper'] });
    expect(witness('zookeeper')).toEqual({ path: [], cycle: ['kafka', 'zookeeper'] });
    expect(witness('web')).toBeUndefined();
  });

  it('lets a quorum start around a member that waits on it', () => {
    const { waves, blocked } = plan([
      ['config-service', [{ quorum: 2, of: ['etcd-a', 'etcd-b', 'etcd-c'] }]],
      ['etcd-a', []],
      ['etcd-b', []],
      ['etcd-c', ['config-service']],
    ]);
    expect(waves).toEqual([['etcd-a', 'etcd-b'], ['config-service'], ['etcd-c']]);
    expect(blocked).toEqual([]);
  });

  it('blocks a quorum that needs a member of its own cycle', () => {
    const { blocked, witness } = plan([
      ['config-service', [{ quorum: 3, of: ['etcd-a', 'etcd-b', 'etcd-c'] }]],
      ['etcd-a', []],
      ['etcd-b', []],
      ['etcd-c', ['config-service']],
      ['checkout', ['config-service']],
    ]);
    expect(blocked).toEqual(['checkout', 'config-service', 'etcd-c']);
    expect(witness('checkout')).toEqual({
      path: ['checkout'],
      cycle: ['config-service', 'etcd-c'],
    });
  });

  it('rotates a witness cycle to start at its smallest id and keeps its direction', () => {
    const { witness } = plan([
      ['vault', ['auth']],
      ['auth', ['secrets-db']],
      ['secrets-db', ['vault']],
      ['checkout', ['payments']],
      ['payments', ['vault']],
    ]);
    expect(witness('checkout')).toEqual({
      path: ['checkout', 'payments'],
      cycle: ['auth', 'secrets-db', 'vault'],
    });
    expect(witness('vault')).toEqual({ path: [], cycle: ['auth', 'secrets-db', 'vault'] });
  });

  it('reports an empty manifest as no waves', () => {
    expect(plan([]).waves).toEqual([]);
  });

  it('agrees with a naive simulation, and every witness is a real cycle of unmet hard needs', () => {
    fc.assert(
      fc.property(manifestArbitrary(9), (manifest) => {
        const graph = compileGraph(manifest);
        const result = coldStart(graph);
        const naive = naiveWaves(graph);
        expect(result.waves).toEqual(naive);
        const started = new Set(naive.flat());
        const blocked = [...Array(graph.n).keys()].filter((v) => !started.has(v));
        expect(result.blocked).toEqual(blocked);
        expect(degradedAfterColdStart(graph, result)).toEqual(naiveDegraded(graph, started));
        for (const v of blocked) checkWitness(graph, result, started, v);
      }),
      { numRuns: 3000 },
    );
  });

  it('starts a 200,000-service chain in 200,000 waves', () => {
    const n = 200_000;
    const name = (i: number) => `svc-${String(i).padStart(6, '0')}`;
    const chain = Array.from({ length: n }, (_, i): [string, Dependency[]] => [
      name(i),
      i + 1 < n ? [name(i + 1)] : [],
    ]);
    const { result } = plan(chain);
    expect(result.waves.length).toBe(n);
    expect(result.waves[0]).toEqual([n - 1]);
    expect(result.blocked).toEqual([]);
  });

  it('explains a 200,000-service chain that ends in a cycle', () => {
    const n = 200_000;
    const name = (i: number) => `svc-${String(i).padStart(6, '0')}`;
    const chain = Array.from({ length: n }, (_, i): [string, Dependency[]] => [
      name(i),
      [name(i + 1 < n ? i + 1 : n - 2)],
    ]);
    const { result } = plan(chain);
    expect(result.blocked.length).toBe(n);
    expect(result.witnessCycles).toEqual([[n - 2, n - 1]]);
    const witness = coldStartWitness(result, 0)!;
    expect(witness.path.length).toBe(n - 2);
    expect(witness.cycle).toEqual([n - 2, n - 1]);
  });
});

/** Waves by definition: repeatedly start everything whose hard needs the started set meets. */
function naiveWaves(graph: CompiledGraph): number[][] {
  const started = new Set<number>();
  const waves: number[][] = [];
  for (;;) {
    const wave: number[] = [];
    for (let v = 0; v < graph.n; v++) {
      if (!started.has(v) && unmetHard(graph, started, v).length === 0) wave.push(v);
    }
    if (wave.length === 0) return waves;
    wave.forEach((v) => started.add(v));
    waves.push(wave);
  }
}

/** Hard requirements of v with fewer than `quorum` started alternatives. */
function unmetHard(graph: CompiledGraph, started: Set<number>, v: number): number[] {
  const unmet: number[] = [];
  for (let r = graph.reqStart[v]!; r < graph.reqStart[v + 1]!; r++) {
    if (graph.reqSoft[r]) continue;
    const alternatives = graph.alts.subarray(graph.altStart[r], graph.altStart[r + 1]);
    const up = alternatives.filter((u) => started.has(u)).length;
    if (up < graph.reqQuorum[r]!) unmet.push(r);
  }
  return unmet;
}

/** Started services with a path of any edges to a blocked one. */
function naiveDegraded(graph: CompiledGraph, started: Set<number>): number[] {
  const degraded: number[] = [];
  for (const v of started) {
    const seen = new Set([v]);
    const stack = [v];
    let hit = false;
    while (stack.length > 0 && !hit) {
      const u = stack.pop()!;
      for (const w of graph.alts.subarray(
        graph.altStart[graph.reqStart[u]!],
        graph.altStart[graph.reqStart[u + 1]!],
      )) {
        if (!started.has(w)) hit = true;
        if (seen.has(w)) continue;
        seen.add(w);
        stack.push(w);
      }
    }
    if (hit) degraded.push(v);
  }
  return degraded.sort((a, b) => a - b);
}

/** Each step of path + cycle is a blocked service needing the next one through an unmet requirement. */
function checkWitness(graph: CompiledGraph, plan: ColdStartPlan, started: Set<number>, v: number) {
  const { path, cycle } = coldStartWitness(plan, v)!;
  const needs = (x: number, y: number) =>
    !started.has(x) &&
    !started.has(y) &&
    unmetHard(graph, started, x).some((r) =>
      graph.alts.subarray(graph.altStart[r], graph.altStart[r + 1]).includes(y),
    );
  expect(cycle.length).toBeGreaterThan(0);
  expect(cycle[0]).toBe(Math.min(...cycle));
  expect(new Set([...path, ...cycle]).size).toBe(path.length + cycle.length);
  expect(path.length === 0 ? cycle.includes(v) : path[0] === v).toBe(true);
  for (let i = 0; i + 1 < path.length; i++) expect(needs(path[i]!, path[i + 1]!)).toBe(true);
  // The path may enter the cycle at any member.
  if (path.length > 0) expect(cycle.some((y) => needs(path[path.length - 1]!, y))).toBe(true);
  cycle.forEach((x, i) => expect(needs(x, cycle[(i + 1) % cycle.length]!)).toBe(true));
}
