// Keeps the schemas in step with the TypeScript result types and the code that fills them: a
// field added to a type without the schema fails typecheck here (the presence tables must list
// every key of their type) and then this test (the table must match the schema).

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type {
  AnalysisResult,
  AnalysisSummary,
  BlastRadius,
  ColdStartBlock,
  ComponentBlastRadius,
  ComponentSpof,
  DomainBlastRadius,
  DomainSpof,
  FateSharing,
  PairCut,
  CutSets,
  CutSetEntry,
  LargerCutSet,
  DomainPairCut,
  PairSearch,
  PairSearchTotals,
  ProviderConcentration,
  RtoViolation,
} from '../../src/analysis/analysis-result.js';
import type {
  ComponentImportance,
  EntryAvailability,
} from '../../src/analysis/reliability/result.js';
import type {
  CheckResult,
  CheckSummary,
  Finding,
  RuleInEffect,
  StaleEntry,
} from '../../src/analysis/gate/check-result.js';
import type { GuardResult, GuardViolation } from '../../src/analysis/outage/guard.js';
import type { BaselineEntry } from '../../src/manifest/baseline.js';
import {
  MAX_CHAIN,
  type SimulateReport,
  type ExpiredTolerance,
  type TimelineEntry,
} from '../../src/analysis/outage/simulate.js';
import { ID_PATTERN } from '../../src/manifest/fields/ids.js';
import { TIERS, type Requirement, type Service } from '../../src/manifest/types.js';
import type { ManifestSummary } from '../../src/model/manifest-summary.js';
import { analysisOf, SHOP, simulateReportOf } from './samples.js';
import {
  asPrinted,
  SCHEMA_NAMES,
  SCHEMAS,
  schemaNodes,
  type SchemaName,
  type SchemaNode,
} from './schemas.js';

/** Each key of T, marked as the type declares it. */
type Presence<T> = {
  [K in keyof T]-?: Partial<Pick<T, K>> extends Pick<T, K> ? 'optional' : 'required';
};

const ANALYSIS_RESULT: Presence<AnalysisResult> = {
  manifest: 'required',
  focus: 'required',
  duration: 'optional',
  summary: 'required',
  entrypoints: 'required',
  spofs: 'required',
  domainSpofs: 'required',
  blastRadius: 'required',
  domainBlastRadius: 'required',
  cutVertices: 'required',
  bridges: 'required',
  cycles: 'required',
  coldStartOrder: 'required',
  coldStartBlocked: 'required',
  coldStartWitnesses: 'required',
  fateSharing: 'required',
  providerConcentration: 'required',
  pairs: 'required',
  domainPairs: 'required',
  pairSearch: 'required',
  cutSets: 'required',
  rtoViolations: 'required',
  availability: 'required',
  importance: 'required',
  slaUnknown: 'required',
  objectives: 'optional',
  recoveryTimeUnknown: 'optional',
  dataSharesFate: 'optional',
};
const SUMMARY: Presence<AnalysisSummary> = {
  services: 'required',
  dependencies: 'required',
  entrypoints: 'required',
  entrypointsAtRisk: 'required',
  entrypointsWithComponentSpof: 'required',
  componentSpofs: 'required',
  domainSpofs: 'required',
  cutVertices: 'required',
  cycles: 'required',
  coldStartBlocked: 'required',
  fateSharing: 'required',
};
const BLAST_RADIUS: Presence<BlastRadius> = {
  down: 'required',
  degraded: 'required',
  entrypointsDown: 'required',
  costPerHour: 'required',
};
const COMPONENT_SPOF: Presence<ComponentSpof> = {
  id: 'required',
  takesDown: 'required',
  blastRadius: 'required',
  cutVertex: 'required',
  grace: 'optional',
};
const DOMAIN_SPOF: Presence<DomainSpof> = {
  domain: 'required',
  level: 'required',
  services: 'required',
  takesDown: 'required',
  onlyAsDomain: 'required',
  blastRadius: 'required',
  grace: 'optional',
};
const COMPONENT_BLAST_RADIUS: Presence<ComponentBlastRadius> = { id: 'required', ...BLAST_RADIUS };
const DOMAIN_BLAST_RADIUS: Presence<DomainBlastRadius> = {
  domain: 'required',
  level: 'required',
  services: 'required',
  ...BLAST_RADIUS,
};
const FATE_SHARING: Presence<FateSharing> = {
  monitor: 'required',
  target: 'required',
  via: 'required',
};
const PROVIDER_CONCENTRATION: Presence<ProviderConcentration> = {
  provider: 'required',
  services: 'required',
  takesDown: 'required',
  share: 'required',
  direct: 'required',
  indirect: 'required',
  amplification: 'required',
};
const COLD_START_BLOCK: Presence<ColdStartBlock> = { cycle: 'required', blocks: 'required' };
const PAIR_CUT: Presence<PairCut> = { ids: 'required', takesDown: 'required' };
const CUT_SETS: Presence<CutSets> = {
  order: 'required',
  budget: 'required',
  complete: 'required',
  nodes: 'required',
  domains: 'required',
  entrypoints: 'required',
  sets: 'required',
};
const CUT_SET_ENTRY: Presence<CutSetEntry> = { id: 'required', counts: 'required' };
const LARGER_CUT_SET: Presence<LargerCutSet> = {
  ids: 'required',
  domains: 'required',
  takesDown: 'required',
};
const DOMAIN_PAIR_CUT: Presence<DomainPairCut> = { domains: 'required', takesDown: 'required' };
const PAIR_SEARCH: Presence<PairSearch> = {
  budget: 'required',
  components: 'required',
  domains: 'required',
};
const PAIR_SEARCH_TOTALS: Presence<PairSearchTotals> = {
  checked: 'required',
  complete: 'required',
  unchecked: 'required',
};
const ENTRY_AVAILABILITY: Presence<EntryAvailability> = {
  value: 'required',
  unavailability: 'required',
  method: 'required',
  interval: 'optional',
  samples: 'optional',
  unavailabilityBelow: 'optional',
  downtimeMinutesPerYear: 'required',
  expectedCostPerYear: 'required',
};
const COMPONENT_IMPORTANCE: Presence<ComponentImportance> = {
  id: 'required',
  birnbaum: 'required',
  criticality: 'required',
  raw: 'required',
  fussellVesely: 'required',
  rrw: 'required',
};
const RTO_VIOLATION: Presence<RtoViolation> = {
  service: 'required',
  rto: 'required',
  dependency: 'required',
  recoveryTime: 'required',
  chain: 'required',
};

const SIMULATE_REPORT: Presence<SimulateReport> = {
  manifest: 'required',
  scenario: 'required',
  failed: 'required',
  down: 'required',
  degraded: 'required',
  up: 'required',
  entrypoints: 'required',
  entrypointsDown: 'required',
  entrypointsDegraded: 'required',
  costPerHour: 'required',
  why: 'required',
  cause: 'required',
  groupsLost: 'required',
  duration: 'optional',
  downAt: 'optional',
  timeline: 'optional',
  guard: 'optional',
};
const TIMELINE_ENTRY: Presence<TimelineEntry> = {
  id: 'required',
  downAt: 'required',
  failed: 'required',
  after: 'optional',
  expired: 'optional',
};
const EXPIRED_TOLERANCE: Presence<ExpiredTolerance> = {
  service: 'required',
  lost: 'required',
  tolerated: 'required',
};
const GUARD: Presence<GuardResult> = {
  passed: 'required',
  maxDown: 'optional',
  forbidDown: 'required',
  violations: 'required',
};
const MAX_DOWN_VIOLATION: Presence<Extract<GuardViolation, { limit: 'max-down' }>> = {
  limit: 'required',
  allowed: 'required',
  actual: 'required',
};
const FORBID_DOWN_VIOLATION: Presence<Extract<GuardViolation, { limit: 'forbid-down' }>> = {
  limit: 'required',
  selector: 'required',
  ids: 'required',
};

const MANIFEST_SUMMARY: Presence<ManifestSummary> = {
  valid: 'required',
  manifest: 'required',
  files: 'required',
  services: 'required',
  requirements: 'required',
  dependencies: 'required',
  entrypoints: 'required',
  entrypointsInferred: 'required',
};

const GRAPH_SERVICE: Presence<Omit<Service, 'position'>> = {
  id: 'required',
  entrypoint: 'required',
  virtual: 'optional',
  kind: 'optional',
  owner: 'optional',
  tier: 'optional',
  tags: 'required',
  provider: 'optional',
  region: 'optional',
  zone: 'optional',
  sla: 'optional',
  costPerHour: 'required',
  rto: 'optional',
  recoveryTime: 'optional',
  monitors: 'required',
  dependsOn: 'required',
  copies: 'optional',
};
const GRAPH_REQUIREMENT: Presence<Omit<Requirement, 'position'>> = {
  alternatives: 'required',
  quorum: 'required',
  soft: 'required',
  group: 'required',
  tolerates: 'optional',
};

const CHECK_RESULT: Presence<CheckResult> = {
  manifest: 'required',
  baseline: 'required',
  strictBaseline: 'required',
  passed: 'required',
  summary: 'required',
  rules: 'required',
  findings: 'required',
  stale: 'required',
};
const RULE_IN_EFFECT: Presence<RuleInEffect> = {
  rule: 'required',
  enabled: 'required',
};
const CHECK_SUMMARY: Presence<CheckSummary> = {
  errors: 'required',
  warnings: 'required',
  new: 'required',
  newErrors: 'required',
  known: 'required',
  fixed: 'required',
};
const FINDING: Presence<Finding> = {
  rule: 'required',
  severity: 'required',
  fingerprint: 'required',
  subject: 'required',
  message: 'required',
  location: 'required',
  entrypoints: 'optional',
  state: 'required',
  sinceBaseline: 'optional',
};
const STALE_ENTRY: Presence<StaleEntry> = {
  rule: 'required',
  fingerprint: 'required',
  subject: 'required',
};
const BASELINE_ENTRY: Presence<BaselineEntry> = {
  rule: 'required',
  fingerprint: 'required',
  subject: 'required',
  entrypoints: 'optional',
};

/** Type → the schema node documenting it. */
const DOCUMENTED: Array<[string, Record<string, 'optional' | 'required'>, SchemaName, string]> = [
  ['AnalysisResult', ANALYSIS_RESULT, 'analysis-result', '#'],
  ['AnalysisSummary', SUMMARY, 'analysis-result', '#/definitions/summary'],
  ['BlastRadius', BLAST_RADIUS, 'analysis-result', '#/definitions/blastRadius'],
  ['ComponentSpof', COMPONENT_SPOF, 'analysis-result', '#/definitions/componentSpof'],
  ['DomainSpof', DOMAIN_SPOF, 'analysis-result', '#/definitions/domainSpof'],
  [
    'ComponentBlastRadius',
    COMPONENT_BLAST_RADIUS,
    'analysis-result',
    '#/definitions/componentBlastRadius',
  ],
  ['DomainBlastRadius', DOMAIN_BLAST_RADIUS, 'analysis-result', '#/definitions/domainBlastRadius'],
  ['FateSharing', FATE_SHARING, 'analysis-result', '#/definitions/fateSharing'],
  [
    'ProviderConcentration',
    PROVIDER_CONCENTRATION,
    'analysis-result',
    '#/definitions/providerConcentration',
  ],
  ['ColdStartBlock', COLD_START_BLOCK, 'analysis-result', '#/definitions/coldStartBlock'],
  ['PairCut', PAIR_CUT, 'analysis-result', '#/definitions/pairCut'],
  ['CutSets', CUT_SETS, 'analysis-result', '#/definitions/cutSets'],
  ['CutSetEntry', CUT_SET_ENTRY, 'analysis-result', '#/definitions/cutSetEntry'],
  ['LargerCutSet', LARGER_CUT_SET, 'analysis-result', '#/definitions/largerCutSet'],
  ['DomainPairCut', DOMAIN_PAIR_CUT, 'analysis-result', '#/definitions/domainPairCut'],
  ['PairSearch', PAIR_SEARCH, 'analysis-result', '#/definitions/pairSearch'],
  ['PairSearchTotals', PAIR_SEARCH_TOTALS, 'analysis-result', '#/definitions/pairSearchTotals'],
  ['RtoViolation', RTO_VIOLATION, 'analysis-result', '#/definitions/rtoViolation'],
  ['EntryAvailability', ENTRY_AVAILABILITY, 'analysis-result', '#/definitions/entryAvailability'],
  [
    'ComponentImportance',
    COMPONENT_IMPORTANCE,
    'analysis-result',
    '#/definitions/componentImportance',
  ],
  ['SimulateReport', SIMULATE_REPORT, 'simulate-result', '#'],
  ['GuardResult', GUARD, 'simulate-result', '#/definitions/guard'],
  ['TimelineEntry', TIMELINE_ENTRY, 'simulate-result', '#/definitions/timelineEntry'],
  [
    'ExpiredTolerance',
    EXPIRED_TOLERANCE,
    'simulate-result',
    '#/definitions/timelineEntry/properties/expired',
  ],
  [
    'max-down GuardViolation',
    MAX_DOWN_VIOLATION,
    'simulate-result',
    '#/definitions/maxDownViolation',
  ],
  [
    'forbid-down GuardViolation',
    FORBID_DOWN_VIOLATION,
    'simulate-result',
    '#/definitions/forbidDownViolation',
  ],
  ['ManifestSummary', MANIFEST_SUMMARY, 'validate-result', '#/definitions/valid'],
  ['Service without position', GRAPH_SERVICE, 'graph', '#/definitions/service'],
  ['Requirement without position', GRAPH_REQUIREMENT, 'graph', '#/definitions/requirement'],
  ['CheckResult', CHECK_RESULT, 'check-result', '#'],
  ['CheckSummary', CHECK_SUMMARY, 'check-result', '#/definitions/summary'],
  ['Finding', FINDING, 'check-result', '#/definitions/finding'],
  ['StaleEntry', STALE_ENTRY, 'check-result', '#/definitions/staleEntry'],
  ['RuleInEffect', RULE_IN_EFFECT, 'check-result', '#/definitions/ruleInEffect'],
  ['BaselineEntry', BASELINE_ENTRY, 'baseline', '#/definitions/entry'],
];

function nodeAt(name: SchemaName, pointer: string): SchemaNode {
  const node = new Map(schemaNodes(SCHEMAS[name])).get(pointer);
  if (!node) throw new Error(`no ${pointer} in ${name}.schema.json`);
  return node;
}

function requiredOf(presence: Record<string, 'optional' | 'required'>): string[] {
  return Object.keys(presence).filter((key) => presence[key] === 'required');
}

describe('the schemas and the TypeScript result types', () => {
  it.each(DOCUMENTED)(
    '%s has exactly the properties and required fields of its schema',
    (_, presence, name, pointer) => {
      const node = nodeAt(name, pointer);
      expect(Object.keys(node.properties ?? {}).sort()).toEqual(Object.keys(presence).sort());
      expect([...(node.required ?? [])].sort()).toEqual(requiredOf(presence).sort());
    },
  );

  const ABSENT_FROM_SHOP = new Set([
    'grace',
    'duration',
    'objectives',
    'recoveryTimeUnknown',
    'dataSharesFate',
  ]);

  it('a real analysis has exactly the keys its schema lists, at the top and in each nested object', () => {
    const result = asPrinted(analysisOf(SHOP)) as Record<string, unknown> & AnalysisResult;
    const objects: Array<[string, object | undefined]> = [
      ['#', result],
      ['#/definitions/summary', result.summary],
      ['#/definitions/componentSpof', result.spofs[0]],
      ['#/definitions/blastRadius', result.spofs[0]?.blastRadius],
      ['#/definitions/domainSpof', result.domainSpofs[0]],
      ['#/definitions/componentBlastRadius', result.blastRadius[0]],
      ['#/definitions/domainBlastRadius', result.domainBlastRadius[0]],
      ['#/definitions/fateSharing', result.fateSharing[0]],
      ['#/definitions/providerConcentration', result.providerConcentration[0]],
      ['#/definitions/coldStartBlock', result.coldStartWitnesses[0]],
      ['#/definitions/componentImportance', Object.values(result.importance).flat()[0]],
    ];
    for (const [pointer, object] of objects) {
      expect(object, pointer).toBeDefined();
      const node = nodeAt('analysis-result', pointer);
      // SHOP tolerates nothing, so no SPOF has a grace (the sample TIMED shows one); it declares
      // no objectives or copies, so the recovery estimates are left out.
      const listed = Object.keys(node.properties!).filter((key) => !ABSENT_FROM_SHOP.has(key));
      expect(Object.keys(object!).sort(), pointer).toEqual(listed.sort());
      expect(Object.keys(object!).sort(), pointer).toEqual([...node.required!].sort());
    }
  });

  it('a real guarded simulation has exactly the keys its schema lists', () => {
    const report = asPrinted(
      simulateReportOf(SHOP, ['vault'], { maxDown: 0, forbidDown: ['checkout'] }, 600),
    ) as SimulateReport;
    expect(Object.keys(report).sort()).toEqual(
      Object.keys(nodeAt('simulate-result', '#').properties!).sort(),
    );
    expect(Object.keys(report.guard!).sort()).toEqual(
      Object.keys(nodeAt('simulate-result', '#/definitions/guard').properties!).sort(),
    );
    expect(report.guard!.violations.map((v) => v.limit)).toEqual(['max-down', 'forbid-down']);
  });

  it('repeats the id rule of the manifest, the tiers and the longest why chain', () => {
    for (const name of SCHEMA_NAMES) {
      expect(SCHEMAS[name].definitions?.serviceId?.pattern, name).toBe(ID_PATTERN.source);
    }
    expect(nodeAt('graph', '#/definitions/service/properties/tier').enum).toEqual([...TIERS]);
    expect(nodeAt('simulate-result', '#/properties/why/additionalProperties').maxItems).toBe(
      MAX_CHAIN,
    );
  });
});

describe('the schema files', () => {
  it.each(SCHEMA_NAMES)(
    '%s.schema.json is draft-07 with an $id, a title and a description',
    (name) => {
      const schema = SCHEMAS[name];
      expect(schema.$schema).toBe('http://json-schema.org/draft-07/schema#');
      expect(schema.$id).toMatch(new RegExp(`/schema/${name}\\.schema\\.json$`));
      expect(schema.title).toEqual(expect.any(String));
      expect(schema.description).toEqual(expect.any(String));
    },
  );

  it.each(SCHEMA_NAMES)(
    '%s.schema.json describes every property and closes every object',
    (name) => {
      const problems: string[] = [];
      for (const [pointer, node] of schemaNodes(SCHEMAS[name])) {
        if (!node.properties) continue;
        if (node.additionalProperties !== false)
          problems.push(`${pointer}: additionalProperties is not false`);
        for (const [key, property] of Object.entries(node.properties)) {
          if (typeof property.description !== 'string' || property.description === '') {
            problems.push(`${pointer}/properties/${key}: no description`);
          }
        }
      }
      for (const [key, definition] of Object.entries(SCHEMAS[name].definitions ?? {})) {
        if (typeof definition.title !== 'string') problems.push(`#/definitions/${key}: no title`);
        if (typeof definition.description !== 'string')
          problems.push(`#/definitions/${key}: no description`);
      }
      expect(problems).toEqual([]);
    },
  );

  it('ship in the package', () => {
    const pkg = JSON.parse(
      readFileSync(new URL('../../package.json', import.meta.url), 'utf8'),
    ) as {
      files?: string[];
    };
    expect(pkg.files).toContain('schema');
  });
});
