// How a known finding's entry points changed since the baseline accepted it, in words: shown
// beside it in text and Markdown (`+1 entry point since the baseline: "shop"; 2 fewer`).

import type { Finding } from '../../analysis/gate/check-result.js';
import { formatNumber, plural } from '../shared/format.js';

/** Ids named before "and N more". */
const SHOWN = 3;

/** The change, or '' when there is none to tell. */
export function sinceBaselineText(finding: Finding): string {
  const change = finding.sinceBaseline;
  if (change === undefined) return '';
  const parts: string[] = [];
  if (change.added.length > 0) {
    const shown = change.added.slice(0, SHOWN).map((id) => `"${id}"`);
    if (change.added.length > SHOWN)
      shown.push(`${formatNumber(change.added.length - SHOWN)} more`);
    parts.push(
      `+${plural(change.added.length, 'entry point')} since the baseline: ${shown.join(', ')}`,
    );
  }
  if (change.removed.length > 0) {
    const fewer = `${formatNumber(change.removed.length)} fewer`;
    parts.push(change.added.length > 0 ? fewer : `${fewer} than in the baseline`);
  }
  return `(${parts.join('; ')})`;
}
