// report/check/ — `check` in every format a CI system reads (text, Markdown, SARIF, GitHub,
// GitLab, JUnit) and the baseline file.
//
// The one-line outcome of `check`, shared by its formats: what is new, what the baseline
// accepts, what it no longer needs to, and whether the gate passed.

import type { CheckResult } from '../../analysis/gate/check-result.js';
import { formatNumber, plural } from '../shared/format.js';

/** `2 new errors, 1 new warning, 5 known, 1 fixed — gate failed`. */
export function checkVerdict(result: CheckResult): string {
  const s = result.summary;
  const newWarnings = s.new - s.newErrors;
  const parts = [plural(s.newErrors, 'new error'), plural(newWarnings, 'new warning')];
  if (result.baseline !== null) {
    parts.push(`${formatNumber(s.known)} known`, `${formatNumber(s.fixed)} fixed`);
  }
  return `${parts.join(', ')} — ${result.passed ? 'gate passed' : 'gate failed'}`;
}

/** The verdict as one log line: `blast-radius check: 2 new errors, … — gate failed`. */
export function checkSummaryLine(result: CheckResult): string {
  return `blast-radius check: ${checkVerdict(result)}`;
}

/** Why the gate failed, or undefined when it passed. */
export function gateReason(result: CheckResult): string | undefined {
  if (result.passed) return undefined;
  const reasons: string[] = [];
  if (result.summary.newErrors > 0) {
    reasons.push(`${plural(result.summary.newErrors, 'new finding')} at severity error`);
  }
  if (result.strictBaseline && result.stale.length > 0) {
    reasons.push(
      `${plural(result.stale.length, 'stale baseline entry', 'stale baseline entries')} (--strict-baseline)`,
    );
  }
  return reasons.join(' and ');
}
