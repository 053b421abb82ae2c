// A finding's fingerprint: a hash of its rule and subject alone, so that reordering a manifest,
// renaming an unrelated service or changing a blast radius leaves it unchanged. Lists in a
// subject are sets: sorted before hashing.

import { createHash } from 'node:crypto';
import type { FindingSubject } from './check-result.js';

export function fingerprint(rule: string, subject: FindingSubject): string {
  const keys = Object.keys(subject).sort();
  const canonical = keys.map((key) => {
    const value = subject[key]!;
    return [key, typeof value === 'string' ? value : [...value].sort()];
  });
  return createHash('sha256')
    .update(JSON.stringify([rule, canonical]))
    .digest('hex')
    .slice(0, 32);
}
