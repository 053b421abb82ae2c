// The one-line outcome of `check`, shared by its formats: what is new, what the baseline
// accepts, what it no longer needs to, and whether the gate passed.

import type { CheckResult } from '../../analysis/gate/check-result.js';
import { formatNumber, plural } from '../shared/format.js';

export function checkVerdict(result: CheckResult): string {
  const s = result.summary;
  const newWarnings = s.new - s.newErrors;
  const parts = [plural(s.newErrors, 'new error'), plural(newWarnings, 'new warning')];
  if (result.baseline !== null) {
    parts.push(`${formatNumber(s.known)} known`, `${formatNumber(s.fixed)} fixed`);
  }
  return `${parts.join(', ')} — ${result.passed ? 'gate passed' : 'gate failed'}`;
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

/** `entrypoint=web component=s3-use1`: a subject in one line, for stale entries. */
export function describeSubject(subject: CheckResult['stale'][number]['subject']): string {
  return Object.keys(subject)
    .sort()
    .map((key) => {
      const value = subject[key]!;
      return `${key}=${typeof value === 'string' ? value : value.join('+')}`;
    })
    .join(' ');
}
