// The import report of an infrastructure-as-code import: how many resources became services,
// were folded into them or skipped (by type), which services have no known zone or region and
// why, the edges by class, the redundancy groups and data copies formed, and what the importer
// did not understand. Printed on standard error and, with --report, written as JSON.

import { byCodeUnit } from '../../compare.js';
import type { ImportResult } from '../shared/imported-manifest.js';

/** What happens to a reference between two resources. */
export type EdgeClass =
  | 'data' // a service reads another's value: hard
  | 'routing' // a load balancer forwards to its backends: hard
  | 'network' // a private subnet reaches out through a NAT gateway: hard
  | 'member' // a group needs its members (zones, replicas, instances): hard
  | 'hosting' // a container cluster runs on the instances that join it: hard
  | 'order' // an explicit deploy-order constraint between two services: soft
  | 'placement' // to a subnet, VPC, security group…: read as zone facts, dropped
  | 'registration' // a backend naming its target group or load balancer: turned into routing
  | 'deploy-order' // to IAM, log groups, random values, alarms: dropped
  | 'replication' // a replica naming its source, a source its copy: written as a copy, dropped
  | 'folded' // held by a resource folded into others: dropped
  | 'unknown-target'; // to a type not understood, or to nothing in the input: dropped

export const EDGE_TREATMENT: Record<EdgeClass, 'hard' | 'soft' | 'dropped'> = {
  data: 'hard',
  routing: 'hard',
  network: 'hard',
  member: 'hard',
  hosting: 'hard',
  order: 'soft',
  placement: 'dropped',
  registration: 'dropped',
  'deploy-order': 'dropped',
  replication: 'dropped',
  folded: 'dropped',
  'unknown-target': 'dropped',
};

export interface ImportReport {
  source: 'terraform' | 'cloudformation';
  resources: number;
  services: number;
  folded: Record<string, number>;
  dropped: Record<string, number>;
  skipped: Record<string, number>;
  zonesUnknown: { service: string; reason: string }[];
  regionsUnknown: { service: string; reason: string }[];
  edges: Record<string, number>;
  groups: { service: string; form: string; quorum: number; of: string[] }[];
  /** Data copies: `every` when the resource states it (else the lag is unknown). */
  copies: { service: string; to: string; every?: string; note: string }[];
  notUnderstood: { file: string; what: string }[];
}

/** An IaC import's result: the manifest, its diagnostics, and the import report. */
export interface IacImportResult extends ImportResult {
  report: ImportReport;
}

export function emptyReport(source: ImportReport['source']): ImportReport {
  return {
    source,
    resources: 0,
    services: 0,
    folded: {},
    dropped: {},
    skipped: {},
    zonesUnknown: [],
    regionsUnknown: [],
    edges: {},
    groups: [],
    copies: [],
    notUnderstood: [],
  };
}

export function count(table: Record<string, number>, key: string, by = 1): void {
  if (by > 0) table[key] = (table[key] ?? 0) + by;
}

/** The report with every list and table in a fixed order. */
export function sortedReport(report: ImportReport): ImportReport {
  const byService = (a: { service: string }, b: { service: string }) =>
    byCodeUnit(a.service, b.service);
  return {
    ...report,
    folded: sortedTable(report.folded),
    dropped: sortedTable(report.dropped),
    skipped: sortedTable(report.skipped),
    edges: sortedTable(report.edges),
    zonesUnknown: [...report.zonesUnknown].sort(byService),
    regionsUnknown: [...report.regionsUnknown].sort(byService),
    groups: [...report.groups].sort(byService),
    copies: [...report.copies].sort(
      (a, b) => byCodeUnit(a.service, b.service) || byCodeUnit(a.to, b.to),
    ),
    notUnderstood: [...report.notUnderstood].sort(
      (a, b) => byCodeUnit(a.file, b.file) || byCodeUnit(a.what, b.what),
    ),
  };
}

function sortedTable(table: Record<string, number>): Record<string, number> {
  const sorted: Record<string, number> = {};
  for (const key of Object.keys(table).sort(byCodeUnit)) sorted[key] = table[key]!;
  return sorted;
}

/** The report as lines for standard error (the caller makes them terminal-safe). */
export function reportLines(report: ImportReport): string[] {
  const lines = [
    `import ${report.source}: ${report.resources} resources -> ${report.services} services`,
  ];
  const table = (title: string, values: Record<string, number>) => {
    const entries = Object.entries(values);
    if (entries.length === 0) return;
    const total = entries.reduce((sum, [, n]) => sum + n, 0);
    lines.push(`  ${title} (${total}): ${entries.map(([k, n]) => `${k} ${n}`).join(', ')}`);
  };
  table('folded into services', report.folded);
  table('dropped (deploy-order only)', report.dropped);
  table('skipped (type not understood)', report.skipped);
  const edges = Object.entries(report.edges).map(
    ([k, n]) => `${k} ${n} (${EDGE_TREATMENT[k as EdgeClass] ?? 'dropped'})`,
  );
  if (edges.length > 0) lines.push(`  edges: ${edges.join(', ')}`);
  if (report.groups.length > 0) {
    lines.push(`  redundancy groups (${report.groups.length}):`);
    for (const group of report.groups) {
      lines.push(`    ${group.service}: ${group.form}, ${group.quorum} of ${group.of.length}`);
    }
  }
  if (report.copies.length > 0) {
    lines.push(`  data copies (${report.copies.length}):`);
    for (const copy of report.copies) {
      const every = copy.every === undefined ? '' : `every ${copy.every}; `;
      lines.push(`    ${copy.service} -> ${copy.to}: ${every}${copy.note}`);
    }
  }
  const unknown = (title: string, list: { service: string; reason: string }[]) => {
    if (list.length === 0) return;
    lines.push(`  ${title} (${list.length} of ${report.services} services):`);
    for (const each of list) lines.push(`    ${each.service}: ${each.reason}`);
  };
  unknown('zone unknown', report.zonesUnknown);
  unknown('region unknown', report.regionsUnknown);
  if (report.notUnderstood.length > 0) {
    lines.push(`  not understood (${report.notUnderstood.length}):`);
    for (const each of report.notUnderstood) lines.push(`    ${each.file}: ${each.what}`);
  }
  return lines;
}
