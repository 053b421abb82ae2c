// Manifest text inside Markdown: escaped so that an id cannot open a link, close a table cell
// or carry a control character into the rendered page.

import { safeText } from './safe-text.js';

/** Inline code; backticks in the text are replaced, table pipes escaped. */
export function markdownCode(text: string): string {
  return `\`${safeText(text).replace(/`/g, "'").replace(/\|/g, '\\|')}\``;
}

/** Plain text with Markdown's special characters escaped. */
export function markdownText(text: string): string {
  return safeText(text).replace(/[\\`*_{}[\]()#+!|<>~]/g, (c) => `\\${c}`);
}
