// A finding's subject in words, the same in every format of `check`: its keys in the order the
// analysis gives them, a list in brackets (`entrypoint=web, component=payments-db`,
// `cycle=[a, b]`).

import type { FindingSubject } from '../../analysis/gate/check-result.js';

export function subjectText(subject: FindingSubject): string {
  return Object.entries(subject)
    .map(([key, value]) => `${key}=${typeof value === 'string' ? value : `[${value.join(', ')}]`}`)
    .join(', ');
}
