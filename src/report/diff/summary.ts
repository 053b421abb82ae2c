// report/diff/ — `diff` rendered as text and as a pull-request comment.
//
// What the text and markdown diff reports say alike: the verdict, the gate, a count before and
// after, and the SPOF pairs grouped by what takes the entry points down.

import { byCodeUnit } from '../../compare.js';
import type { BlastRadius } from '../../analysis/analysis-result.js';
import type { DiffResult } from '../../analysis/diff/diff-result.js';
import { formatMoney, formatNumber, plural } from '../shared/format.js';

/** The one-line verdict, and whether it is good news. */
export function verdict(result: DiffResult): { ok: boolean; text: string } {
  const components = new Set(result.spofs.added.map((p) => p.component)).size;
  const domains = new Set(result.domainSpofs.added.map((p) => p.domain)).size;
  const exposed = result.newlyAtRisk.length;
  if (components + domains + exposed === 0) {
    const removed = result.spofs.removed.length + result.domainSpofs.removed.length;
    const gone = removed > 0 ? `; ${plural(removed, 'SPOF pair')} removed` : '';
    return { ok: true, text: `✓ No new single point of failure${gone}.` };
  }
  const parts = [
    components > 0
      ? plural(components, 'new single point of failure', 'new single points of failure')
      : '',
    domains > 0 ? plural(domains, 'new failure-domain SPOF') : '',
    exposed > 0 ? `${plural(exposed, 'entry point')} newly at risk` : '',
  ];
  return { ok: false, text: `✗ ${parts.filter((p) => p !== '').join('; ')}.` };
}

/** `Gate failed: --fail-on new-spof matched.`, or null when no --fail-on was given. */
export function gateLine(result: DiffResult): { passed: boolean; text: string } | null {
  const { failOn, triggered, passed } = result.gate;
  if (failOn.length === 0) return null;
  return passed
    ? { passed, text: `Gate passed: nothing matched --fail-on ${failOn.join(',')}.` }
    : { passed, text: `Gate failed: --fail-on ${triggered.join(',')} matched.` };
}

/** Said when one side had no manifest (absent at the git revision): everything is new. */
export function absentLine(result: DiffResult): string | null {
  if (!result.before.exists) return `${result.before.source} does not exist: everything is new.`;
  if (!result.after.exists) return `${result.after.source} does not exist: everything is removed.`;
  return null;
}

/** The rows of the counts table: label, before, after, change. */
export function countRows(result: DiffResult): Array<[string, number, number]> {
  const { before: b, after: a } = result;
  return [
    ['services', b.services, a.services],
    ['entry points', b.entrypoints, a.entrypoints],
    ['entry points at risk', b.entrypointsAtRisk, a.entrypointsAtRisk],
    ['component SPOF pairs', b.spofPairs, a.spofPairs],
    ['failure-domain SPOF pairs', b.domainSpofPairs, a.domainSpofPairs],
  ];
}

export function signed(change: number): string {
  return change > 0 ? `+${formatNumber(change)}` : change < 0 ? `−${formatNumber(-change)}` : '0';
}

/** The blast-radius columns of both reports, in order: down, degraded, entry points, cost/h. */
export const BLAST_FIELDS = ['down', 'degraded', 'entrypointsDown', 'costPerHour'] as const;

/** `3 → 5`, `5` when unchanged, `— → 5` for an added component. */
export function beforeAfter(
  before: BlastRadius | null,
  after: BlastRadius | null,
  field: keyof BlastRadius,
): string {
  const format = field === 'costPerHour' ? formatMoney : formatNumber;
  const shown = (b: BlastRadius | null) => (b === null ? '—' : format(b[field]));
  return before !== null && after !== null && before[field] === after[field]
    ? shown(after)
    : `${shown(before)} → ${shown(after)}`;
}

/** One listing of SPOF pairs: its title, its column headers, and the pairs grouped by cause. */
export interface PairListing {
  title: string;
  /** True for a listing of risk added (shown in red), false for risk removed. */
  added: boolean;
  header: [string, string];
  groups: Array<[string, string[]]>;
}

/** The four listings, in the order both reports show them. */
export function pairListings(result: DiffResult): PairListing[] {
  const component = (p: { component: string }) => p.component;
  const domain = (p: { domain: string }) => p.domain;
  const { spofs, domainSpofs } = result;
  return [
    ['New single points of failure', 'component', groupPairs(spofs.added, component)],
    ['Single points of failure removed', 'component', groupPairs(spofs.removed, component)],
    ['New failure-domain SPOFs', 'domain', groupPairs(domainSpofs.added, domain)],
    ['Failure-domain SPOFs removed', 'domain', groupPairs(domainSpofs.removed, domain)],
  ].map(([title, cause, groups], i) => ({
    title: title as string,
    added: i % 2 === 0,
    header: [cause as string, i % 2 === 0 ? 'now takes down' : 'no longer takes down'],
    groups: groups as Array<[string, string[]]>,
  }));
}

/**
 * Pairs grouped by what takes the entry points down (a component or a domain): the group that
 * takes down the most entry points first, ties by name; entry points sorted.
 */
export function groupPairs<T extends { entrypoint: string }>(
  pairs: readonly T[],
  cause: (pair: T) => string,
): Array<[string, string[]]> {
  const groups = new Map<string, string[]>();
  for (const pair of pairs) {
    const entries = groups.get(cause(pair));
    if (entries) entries.push(pair.entrypoint);
    else groups.set(cause(pair), [pair.entrypoint]);
  }
  return [...groups].sort((a, b) => b[1].length - a[1].length || byCodeUnit(a[0], b[0]));
}
