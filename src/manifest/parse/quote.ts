// Makes user text safe to put in an error message: no control character, bidi override or lone
// surrogate from a manifest ever reaches the terminal, and a 10 kB id is cut to a readable size.

import { MAX_QUOTED_LENGTH } from './limits.js';

// C0, DEL, C1, bidi marks/embeddings/isolates, line/paragraph separators and lone surrogates.
const UNSAFE_SOURCE =
  '[\\u0000-\\u001f\\u007f-\\u009f\\u200e\\u200f\\u2028\\u2029\\u202a-\\u202e\\u2066-\\u2069]' +
  '|[\\ud800-\\udbff](?![\\udc00-\\udfff])|(?<![\\ud800-\\udbff])[\\udc00-\\udfff]';
const UNSAFE_ALL = new RegExp(UNSAFE_SOURCE, 'g');
const UNSAFE_ONE = new RegExp(UNSAFE_SOURCE);

const SHORT_ESCAPES: ReadonlyMap<string, string> = new Map([
  ['\n', '\\n'],
  ['\r', '\\r'],
  ['\t', '\\t'],
  ['"', '\\"'],
  ['\\', '\\\\'],
]);

function escapeChar(ch: string): string {
  return SHORT_ESCAPES.get(ch) ?? `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`;
}

/** Escapes every unsafe character of `text` as `\uXXXX` (or `\n`, `\r`, `\t`). */
export function sanitize(text: string): string {
  return text.replace(UNSAFE_ALL, escapeChar);
}

/** True when `text` holds a character that `sanitize` would escape. */
export function hasUnsafeCharacter(text: string): boolean {
  return UNSAFE_ONE.test(text);
}

/** `text` in double quotes, JSON-style escaped, cut to MAX_QUOTED_LENGTH characters. */
export function quote(text: string): string {
  const cut = text.length > MAX_QUOTED_LENGTH;
  const shown = cut ? text.slice(0, MAX_QUOTED_LENGTH) : text;
  const escaped = sanitize(shown.replace(/["\\]/g, escapeChar));
  return cut ? `"${escaped}…" (${text.length} characters)` : `"${escaped}"`;
}
