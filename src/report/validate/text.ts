// report/validate/ — `validate`'s one-line summary.
//
// `validate` for a terminal: one line saying what the manifest declares, or nothing but the
// errors (those go to standard error, one `file:line:col: message` per line).

import type { ManifestSummary } from '../../model/manifest-summary.js';
import { formatNumber, plural } from '../shared/format.js';
import { safeText } from '../shared/safe-text.js';
import { createStyle } from '../shared/style.js';

export function renderValidateText(summary: ManifestSummary, options: { color: boolean }): string {
  const style = createStyle(options.color);
  const files = summary.files.length > 1 ? ` in ${plural(summary.files.length, 'file')}` : '';
  const inferred = summary.entrypointsInferred ? ' (inferred: nothing depends on them)' : '';
  return (
    `${style.green('✓')} ${safeText(summary.files[0] ?? '')}: valid — ` +
    `${plural(summary.services, 'service')}, ${plural(summary.dependencies, 'dependency', 'dependencies')}` +
    `${files}; ${formatNumber(summary.entrypoints.length)} entry ` +
    `${summary.entrypoints.length === 1 ? 'point' : 'points'}${inferred}\n`
  );
}
