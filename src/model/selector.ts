// Scenario selectors (docs/semantics.md, "Selectors") resolved over the compiled graph: the
// services they match, with suggestions when one matches nothing. Their syntax lives with the
// manifest (selector-syntax.ts).

import {
  closest,
  matchesSelector,
  parseSelector,
  SELECTOR_KEYS,
  SelectorError,
  type Selector,
} from '../manifest/fields/selector-syntax.js';
import type { CompiledGraph } from './compiled-graph.js';

export { SelectorError } from '../manifest/fields/selector-syntax.js';

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
  const matched = matchSelector(graph, text);
  if (matched.length > 0) return matched;
  const selector = parseSelector(text);
  throw new SelectorError(
    selector.type === 'id' ? unknownIdMessage(graph, selector.id) : noMatchMessage(graph, selector),
  );
}

/**
 * Indices of the services one selector matches, in increasing order, possibly none: for a
 * caller to whom matching nothing is no error, so no message (a scan of every value) is made.
 */
export function matchSelector(graph: CompiledGraph, text: string): number[] {
  const selector = parseSelector(text);
  if (selector.type === 'id') {
    const v = graph.index.get(selector.id);
    return v === undefined ? [] : [v];
  }
  const matched: number[] = [];
  for (let v = 0; v < graph.n; v++) {
    if (matchesSelector(graph.services[v]!, selector)) matched.push(v);
  }
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
