// Scenario selectors (SPEC §3): an id, or `key=value[,key=value…]` over provider, region, zone,
// kind, tier, owner and tag, matching every service whose fields all match.

import type { Service } from '../manifest/types.js';
import type { CompiledGraph } from './compiled-graph.js';
import { Suggester } from '../manifest/did-you-mean.js';

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

/**
 * Indices of the services the selectors match, sorted and without repeats. Every selector must
 * match at least one service: a bare word that is no id is an error with suggestions.
 */
export function resolveSelectors(graph: CompiledGraph, texts: readonly string[]): number[] {
  const chosen = new Set<number>();
  for (const text of texts) for (const v of resolveSelector(graph, text)) chosen.add(v);
  return [...chosen].sort((a, b) => a - b);
}

/**
 * The services a scenario fails: as resolveSelectors, without the virtual ones, which cannot
 * fail by themselves. Naming one by id, or matching nothing else, is an error.
 */
export function resolveFailures(graph: CompiledGraph, texts: readonly string[]): number[] {
  const chosen = new Set<number>();
  for (const text of texts) {
    const matched = resolveSelector(graph, text);
    const real = matched.filter((v) => !graph.services[v]!.virtual);
    if (real.length === 0) {
      const what =
        matched.length === 1
          ? `"${graph.ids[matched[0]!]}" is virtual`
          : `selector "${text}" matches only virtual services`;
      throw new SelectorError(
        `${what}: a virtual service cannot fail by itself; fail what it depends on`,
      );
    }
    for (const v of real) chosen.add(v);
  }
  return [...chosen].sort((a, b) => a - b);
}

/** Indices of the services one selector matches, in increasing order; never empty. */
export function resolveSelector(graph: CompiledGraph, text: string): number[] {
  const selector = parseSelector(text);
  if (selector.type === 'id') {
    const v = graph.index.get(selector.id);
    if (v === undefined) throw new SelectorError(unknownIdMessage(graph, selector.id));
    return [v];
  }
  const matched: number[] = [];
  for (let v = 0; v < graph.n; v++) {
    if (matchesSelector(graph.services[v]!, selector)) matched.push(v);
  }
  if (matched.length === 0) throw new SelectorError(noMatchMessage(graph, selector));
  return matched;
}

function unknownIdMessage(graph: CompiledGraph, id: string): string {
  const hints: string[] = [];
  const close = closest(id, graph.ids);
  if (close) hints.push(`did you mean "${close}"?`);
  for (const key of SELECTOR_KEYS) {
    if (graph.services.some((s) => (key === 'tag' ? s.tags.includes(id) : s[key] === id))) {
      hints.push(`to select every service with ${key} ${id}, use "${key}=${id}"`);
    }
  }
  return `no service "${id}"${hints.length ? `; ${hints.join('; ')}` : ''}`;
}

function noMatchMessage(
  graph: CompiledGraph,
  selector: Extract<Selector, { type: 'match' }>,
): string {
  const hints: string[] = [];
  for (const { key, value } of selector.conditions) {
    const known = new Set<string>();
    for (const s of graph.services) {
      if (key === 'tag') s.tags.forEach((t) => known.add(t));
      else if (s[key] !== undefined) known.add(s[key]);
    }
    if (known.has(value)) continue;
    const close = closest(value, [...known].sort());
    hints.push(
      close
        ? `no service has ${key} "${value}" (did you mean "${close}"?)`
        : `no service has ${key} "${value}"`,
    );
  }
  return `selector "${selector.text}" matches no service${hints.length ? `: ${hints.join('; ')}` : ''}`;
}

/** The closest candidate to a misspelt word, by the loader's "did you mean" rules. */
function closest(word: string, candidates: Iterable<string>): string | undefined {
  return new Suggester(candidates).closest(word);
}
