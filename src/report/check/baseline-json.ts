// The baseline file `check --update-baseline` writes: the accepted findings, sorted by rule and
// subject, one entry per finding, so that a pull request that changes it shows a readable diff.

import { BASELINE_VERSION, type BaselineEntry } from '../../manifest/baseline.js';
import { renderJson } from '../shared/json.js';

export function renderBaseline(entries: readonly BaselineEntry[]): string {
  return renderJson({
    version: BASELINE_VERSION,
    comment:
      'Findings of blast-radius check accepted as known. Regenerate with: blast-radius check --baseline <this file> --update-baseline',
    findings: entries,
  });
}
