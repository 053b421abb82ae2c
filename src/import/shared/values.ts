// Plain-data helpers the importers share: what a parsed value is, said in words for error
// messages, and the checks that narrow `unknown` to the shapes the sources use.

export type Json = Record<string, unknown>;

/** A mapping (a plain object parsed from YAML or JSON), not a list and not null. */
export function isRecord(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** "a list", "a number", "nothing"…: how an error message names what it found instead. */
export function describeValue(value: unknown): string {
  if (value === null || value === undefined) return 'nothing';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'string') return 'a string';
  if (typeof value === 'number') return 'a number';
  if (typeof value === 'boolean') return 'a boolean';
  return `a ${typeof value}`;
}

/** Strings, numbers and booleans as text (YAML's `port: 80` is a number); anything else: undefined. */
export function scalarText(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return undefined;
}
