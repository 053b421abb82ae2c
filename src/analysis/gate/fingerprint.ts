// A finding's fingerprint: a hash of its rule and subject alone, so that reordering a manifest,
// renaming an unrelated service or changing a blast radius leaves it unchanged. Lists in a
// subject are sets: sorted before hashing.

import { hash } from 'node:crypto';
import type { FindingSubject } from './check-result.js';

/** The subject with its keys sorted and its lists sorted: equal subjects are equal here. */
export function canonicalSubject(
  subject: Readonly<Record<string, string | readonly string[]>>,
): Array<[string, string | string[]]> {
  return Object.keys(subject)
    .sort()
    .map((key) => {
      const value = subject[key]!;
      return [key, typeof value === 'string' ? value : [...value].sort()];
    });
}

export function fingerprint(rule: string, subject: FindingSubject): string {
  return hash('sha256', JSON.stringify([rule, canonicalSubject(subject)]), 'hex').slice(0, 32);
}
