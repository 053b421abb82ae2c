// Bounded lists for the text reports: ids joined up to --top, the "… N more" line after a cut
// listing, and indentation of a block under its heading.

import { formatNumber } from './format.js';
import { safeText } from './safe-text.js';
import type { Style } from './style.js';

/** Ids joined by commas, at most `top` of them, or "none". */
export function list(ids: readonly string[], top: number): string {
  if (ids.length === 0) return 'none';
  const shown = ids.slice(0, top).map(safeText).join(', ');
  return ids.length > top ? `${shown}, … (${formatNumber(ids.length - top)} more)` : shown;
}

/** The line saying how many rows --top left out, if any. */
export function more(total: number, top: number, style: Style, prefix = '  '): string[] {
  return total > top
    ? [
        style.dim(
          `${prefix}… ${formatNumber(total - top)} more (--top ${total} or --format json for all)`,
        ),
      ]
    : [];
}

export function indent(lines: readonly string[]): string[] {
  return lines.map((line) => `  ${line}`);
}
