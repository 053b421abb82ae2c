// The rule for service ids (docs/semantics.md, "The manifest"): 1–200 characters of letters,
// digits and `._:/@-`, starting with a letter, digit or `_`. Ids are only ever Map keys:
// `__proto__` is an ordinary id.

import { MAX_ID_LENGTH } from '../parse/limits.js';
import { hasUnsafeCharacter, quote } from '../parse/quote.js';

/** The id rule as a pattern; the JSON Schema repeats it (checked by a test). */
export const ID_PATTERN = /^[A-Za-z0-9_][A-Za-z0-9._:/@-]{0,199}$/;

const BAD_CHARACTER = /[^A-Za-z0-9._:/@-]/u;

/** Why `id` is not a valid service id, or undefined when it is. */
export function idProblem(id: string): string | undefined {
  if (ID_PATTERN.test(id)) return undefined;
  const shown = quote(id);
  if (id.length === 0) return 'a service id cannot be empty';
  if (id.length > MAX_ID_LENGTH) {
    return `service id ${shown} is longer than ${MAX_ID_LENGTH} characters`;
  }
  if (hasUnsafeCharacter(id)) return `service id ${shown} contains a control character`;
  const bad = BAD_CHARACTER.exec(id)?.[0];
  if (bad !== undefined) {
    return `service id ${shown} contains ${quote(bad)}; ids may hold letters, digits and . _ : / @ -`;
  }
  return `service id ${shown} must start with a letter, a digit or _`;
}
