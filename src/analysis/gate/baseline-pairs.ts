// Baselines written before findings were grouped held one entry per (entry point, single point
// of failure) pair: subject {entrypoint, component} for no-spof, {entrypoint, domain} for
// no-domain-spof. Read today, their pairs are grouped the way findings are — one entry per
// component or domain, accepting the entry points of its pairs — so that an old baseline still
// accepts exactly what it accepted, and nothing shows up as new merely because of the format.

import { byCodeUnit } from '../../compare.js';
import type { BaselineEntry } from '../../manifest/baseline.js';
import { fingerprint } from './fingerprint.js';

/** The keys of a pair subject of each grouped rule, besides `entrypoint`. */
const GROUPED_BY: Readonly<Record<string, string>> = {
  'no-spof': 'component',
  'no-domain-spof': 'domain',
};

/** `entries` with every pair entry merged into the grouped entry of its rule and subject. */
export function groupPairEntries(entries: readonly BaselineEntry[]): BaselineEntry[] {
  const out: BaselineEntry[] = [];
  const grouped = new Map<string, BaselineEntry>();
  for (const entry of entries) {
    const key = GROUPED_BY[entry.rule];
    const { entrypoint, [key ?? '']: of } = entry.subject;
    const isPair =
      key !== undefined &&
      typeof entrypoint === 'string' &&
      typeof of === 'string' &&
      Object.keys(entry.subject).length === 2;
    if (!isPair) {
      out.push(entry);
      continue;
    }
    const subject = { [key]: of };
    const print = fingerprint(entry.rule, subject);
    let group = grouped.get(print);
    if (group === undefined) {
      group = { rule: entry.rule, fingerprint: print, subject, entrypoints: [] };
      grouped.set(print, group);
      out.push(group);
    }
    group.entrypoints!.push(entrypoint);
  }
  for (const group of grouped.values()) {
    group.entrypoints = [...new Set(group.entrypoints)].sort(byCodeUnit);
  }
  return out;
}
