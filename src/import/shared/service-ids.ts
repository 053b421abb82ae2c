// The id scheme of imported services: the shortest name that is unique, more qualified names
// only where short ones collide. Each source lists its candidates from short to long (a
// Kubernetes object: name, namespace/name, kind:namespace/name); every entity takes the first
// candidate no other entity wants at the same level.

import { byCodeUnit } from '../../compare.js';
import { ID_PATTERN } from '../../manifest/fields/ids.js';
import { MAX_ID_LENGTH } from '../../manifest/parse/limits.js';

export interface IdCandidates {
  /** What the caller knows the entity by; unique. */
  key: string;
  /** Candidate ids, shortest first; sanitised here. The last should be unique on its own. */
  candidates: string[];
}

/**
 * Text as a service id: characters ids may not hold become `-`, a leading one that may not
 * start an id is dropped, and the id is cut to 200 characters. Never empty.
 */
export function sanitizeId(text: string): string {
  const replaced = text.replace(/[^A-Za-z0-9._:/@-]+/g, '-').replace(/^[^A-Za-z0-9_]+/, '');
  const cut = replaced.slice(0, MAX_ID_LENGTH);
  return ID_PATTERN.test(cut) ? cut : 'unnamed';
}

/**
 * Key -> id. An entity moves to its next candidate while its id is shared with another entity;
 * ids still shared when the candidates run out (only sanitising makes that happen) get `-2`,
 * `-3`… in key order. Deterministic: the result depends on the set of entities, not their order.
 */
export function assignIds(entities: readonly IdCandidates[]): Map<string, string> {
  const sorted = [...entities].sort((a, b) => byCodeUnit(a.key, b.key));
  const candidates = sorted.map((entity) => entity.candidates.map(sanitizeId));
  const level = sorted.map(() => 0);
  for (let changed = true; changed;) {
    changed = false;
    const holders = groupBy(sorted.map((_, i) => candidates[i]![level[i]!]!));
    for (const members of holders.values()) {
      if (members.length < 2) continue;
      for (const i of members) {
        if (level[i]! < candidates[i]!.length - 1) {
          level[i]! += 1;
          changed = true;
        }
      }
    }
  }
  const ids = new Map<string, string>();
  const taken = new Set<string>();
  const groups = groupBy(sorted.map((_, i) => candidates[i]![level[i]!]!));
  for (const [id, members] of groups) {
    if (members.length === 1) taken.add(id);
  }
  for (const [id, members] of groups) {
    // The first keeps the id; the others take the first free `-N`.
    ids.set(sorted[members[0]!]!.key, id);
    taken.add(id);
    let n = 2;
    for (const i of members.slice(1)) {
      let unique = withSuffix(id, n++);
      while (taken.has(unique)) unique = withSuffix(id, n++);
      taken.add(unique);
      ids.set(sorted[i]!.key, unique);
    }
  }
  return ids;
}

function withSuffix(id: string, n: number): string {
  const suffix = `-${n}`;
  return `${id.slice(0, MAX_ID_LENGTH - suffix.length)}${suffix}`;
}

/** Value -> the indexes holding it, in index order. */
function groupBy(values: readonly string[]): Map<string, number[]> {
  const groups = new Map<string, number[]>();
  values.forEach((value, i) => {
    const members = groups.get(value);
    if (members) members.push(i);
    else groups.set(value, [i]);
  });
  return groups;
}
