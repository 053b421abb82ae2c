// Test support: a manifest written as an Open-PSA MEF fault tree, so that SCRAM can be asked
// the questions blast-radius answers. The tree of "S is down" is: S's own failure (a basic event
// with probability 1 − sla/100; none for a virtual service) OR one of its hard requirements
// unmet — a requirement with n alternatives and quorum k is unmet when at least n − k + 1 of
// them are down (ATLEAST). Soft requirements never take S down and are left out. Acyclic
// manifests only: a fault tree has no cycles.

import type { Manifest } from '../../../../src/manifest/types.js';

/** Names in the MEF are indices (`f3`, `d3`): MEF reserves `.` and service ids may hold it. */
export function toOpenPsa(
  manifest: Manifest,
  top: string,
): { mef: string; serviceOf: (event: string) => string } {
  const indexOf = new Map(manifest.services.map((s, i) => [s.id, i]));
  if (!indexOf.has(top)) throw new Error(`no service ${top}`);
  const gates: string[] = [];
  const events: string[] = [];
  const down = (id: string) => `d${indexOf.get(id)}`;
  const fail = (id: string) => `f${indexOf.get(id)}`;
  // Only the tree under the top: every gate nothing uses would be a top event of its own.
  const byId = new Map(manifest.services.map((s) => [s.id, s]));
  const needed = new Set([top]);
  for (const id of needed) {
    for (const r of byId.get(id)!.dependsOn)
      if (!r.soft) r.alternatives.forEach((a) => needed.add(a));
  }
  for (const service of manifest.services.filter((s) => needed.has(s.id))) {
    const inputs: string[] = [];
    if (!service.virtual) inputs.push(`<basic-event name="${fail(service.id)}"/>`);
    service.dependsOn.forEach((requirement, r) => {
      if (requirement.soft) return;
      const n = requirement.alternatives.length;
      const atLeast = n - requirement.quorum + 1;
      const gate = `u${indexOf.get(service.id)}_${r}`;
      const refs = requirement.alternatives.map((a) => `<gate name="${down(a)}"/>`).join('');
      let formula = `<atleast min="${atLeast}">${refs}</atleast>`;
      if (n === 1) formula = refs;
      else if (atLeast === n) formula = `<and>${refs}</and>`;
      else if (atLeast === 1) formula = `<or>${refs}</or>`;
      gates.push(`<define-gate name="${gate}">${formula}</define-gate>`);
      inputs.push(`<gate name="${gate}"/>`);
    });
    if (inputs.length === 0) throw new Error(`${service.id} can never go down: no fault tree`);
    const body = inputs.length === 1 ? inputs[0]! : `<or>${inputs.join('')}</or>`;
    gates.push(`<define-gate name="${down(service.id)}">${body}</define-gate>`);
    if (!service.virtual) {
      const q = service.sla === undefined ? 0 : (100 - service.sla) / 100;
      const event = `<define-basic-event name="${fail(service.id)}"><float value="${q}"/></define-basic-event>`;
      events.push(event);
    }
  }
  const topGate = `<define-gate name="top"><gate name="${down(top)}"/></define-gate>`;
  const mef = mefDocument('export', [topGate, ...gates], events);
  const serviceOf = (event: string) => manifest.services[Number(event.slice(1))]!.id;
  return { mef, serviceOf };
}

/** An Open-PSA MEF file of one fault tree: its gate definitions, then the basic events. */
export function mefDocument(tree: string, gates: string[], events: string[]): string {
  return [
    '<?xml version="1.0"?>',
    '<opsa-mef>',
    `<define-fault-tree name="${tree}">`,
    ...gates,
    '</define-fault-tree>',
    '<model-data>',
    ...events,
    '</model-data>',
    '</opsa-mef>',
    '',
  ].join('\n');
}

/** True when no service reaches itself along dependencies of any kind. */
export function isAcyclic(manifest: Manifest): boolean {
  const index = new Map(manifest.services.map((s, i) => [s.id, i]));
  const indegree = manifest.services.map(() => 0);
  const users: number[][] = manifest.services.map(() => []);
  manifest.services.forEach((s, i) => {
    for (const r of s.dependsOn) {
      for (const a of r.alternatives) {
        users[index.get(a)!]!.push(i);
        indegree[i]!++;
      }
    }
  });
  const queue = indegree.flatMap((d, i) => (d === 0 ? [i] : []));
  for (let head = 0; head < queue.length; head++) {
    for (const u of users[queue[head]!]!) if (--indegree[u]! === 0) queue.push(u);
  }
  return queue.length === manifest.services.length;
}
