// Helpers for the check tests: a manifest text through the whole pipeline to findings.

import { analyze, analyzeForGate, gateAnalysisOf } from '../../src/analysis/analyze.js';
import {
  evaluatePolicy,
  readsAvailability,
  readsBlastRadius,
  type NewFinding,
} from '../../src/analysis/gate/evaluate-policy.js';
import { spofPriority } from '../../src/analysis/gate/outage-findings.js';
import { SweptChains } from '../../src/analysis/gate/swept-chains.js';
import { parseManifestText } from '../../src/manifest/load.js';
import type { Manifest } from '../../src/manifest/types.js';
import { compileGraph } from '../../src/model/compiled-graph.js';
import { resolvePolicy } from '../../src/model/policy.js';

export function findingsOfManifest(manifest: Manifest): NewFinding[] {
  const graph = compileGraph(manifest);
  const analysis = gateAnalysisOf(graph, analyze(graph, manifest.name ?? null));
  return evaluatePolicy(graph, analysis, resolvePolicy(manifest, graph));
}

/**
 * The findings as `check` makes them: the analysis of what the policy reads only, and the
 * chains of no-spof findings told during its sweep.
 */
export function gateFindingsOfManifest(manifest: Manifest): NewFinding[] {
  const graph = compileGraph(manifest);
  const rules = resolvePolicy(manifest, graph);
  const chains = new SweptChains(graph, spofPriority(graph, rules));
  const analysis = analyzeForGate(graph, {
    availability: readsAvailability(rules),
    blastRadius: readsBlastRadius(rules),
    chains,
  });
  return evaluatePolicy(graph, analysis, rules, chains);
}

export function findingsOf(text: string, file = 'blast-radius.yaml'): NewFinding[] {
  return findingsOfManifest(parseManifestText(text, file));
}

/** `rule severity subject…` per finding, sorted: compact to compare. */
export function brief(findings: readonly NewFinding[]): string[] {
  return findings
    .map((f) => {
      const subject = Object.keys(f.subject)
        .sort()
        .map((k) => {
          const v = f.subject[k]!;
          return typeof v === 'string' ? v : v.join('+');
        });
      const entrypoints = f.entrypoints === undefined ? [] : [`[${f.entrypoints.join(' ')}]`];
      return [f.rule, f.severity, ...subject, ...entrypoints].join(' ');
    })
    .sort();
}

/** The example system of these tests; line numbers matter (see the tests). */
export const GATE_DEMO = `version: 1
name: gate-demo
services:
  web:
    entrypoint: true
    tier: critical
    sla: 99.9
    depends_on:
      - api
      - { any_of: [cdn-a, cdn-b] }
  admin:
    entrypoint: true
    sla: 99
    depends_on: [api]
  api:
    sla: 99.9
    depends_on: [db]
  db: { provider: aws, region: us-east-1, zone: use1-az1, sla: 99.9 }
  cdn-a: { provider: cloudflare, sla: 99.9 }
  cdn-b: { provider: aws, region: us-east-1, sla: 99.9 }
  status:
    monitors: [web]
    sla: 99
    depends_on: [db]
`;
