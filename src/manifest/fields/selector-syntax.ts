// Selector syntax (docs/semantics.md, "Selectors"): an id, or `key=value[,key=value…]` over
// provider, region, zone, kind, tier, owner and tag, matching every service whose fields all match.
// Parsing and matching one service need nothing but the manifest, so overlays can use them while it
// is read.

import { Suggester } from './did-you-mean.js';
import type { Service } from '../types.js';

export const SELECTOR_KEYS = [
  'provider',
  'region',
  'zone',
  'kind',
  'tier',
  'owner',
  'tag',
] as const;
export type SelectorKey = (typeof SELECTOR_KEYS)[number];

export type Selector =
  | { type: 'id'; text: string; id: string }
  | { type: 'match'; text: string; conditions: Array<{ key: SelectorKey; value: string }> };

/** A selector that cannot be parsed or matches nothing; `message` says what would. */
export class SelectorError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SelectorError';
  }
}

export function parseSelector(text: string): Selector {
  if (!text.includes('=')) return { type: 'id', text, id: text };
  const conditions: Array<{ key: SelectorKey; value: string }> = [];
  for (const part of text.split(',')) {
    const eq = part.indexOf('=');
    const key = part.slice(0, eq).trim();
    const value = part.slice(eq + 1).trim();
    if (eq < 0 || value === '')
      throw new SelectorError(`selector "${text}": "${part}" is not key=value`);
    if (!(SELECTOR_KEYS as readonly string[]).includes(key)) {
      const hint = closest(key, SELECTOR_KEYS);
      throw new SelectorError(
        `selector "${text}": unknown key "${key}"${hint ? ` (did you mean "${hint}"?)` : ''}; ` +
          `keys are ${SELECTOR_KEYS.join(', ')}`,
      );
    }
    conditions.push({ key: key as SelectorKey, value });
  }
  return { type: 'match', text, conditions };
}

export function matchesSelector(service: Service, selector: Selector): boolean {
  if (selector.type === 'id') return service.id === selector.id;
  return selector.conditions.every(({ key, value }) =>
    key === 'tag' ? service.tags.includes(value) : service[key] === value,
  );
}

/** The closest candidate to a misspelt word, by the loader's "did you mean" rules. */
export function closest(word: string, candidates: Iterable<string>): string | undefined {
  return new Suggester(candidates).closest(word);
}
