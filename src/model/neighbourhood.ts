// The neighbourhood of some services in the dependency graph: every service within `depth`
// steps of them, following dependencies (down), dependents (up) or both — breadth-first with
// graphology-traversal, so the first time a service is reached is its distance. Used by
// `graph --around` and by the report's focus mode.

import type { AbstractGraph } from 'graphology-types';
import { bfsFromNode } from 'graphology-traversal';
import type { Direction } from './direction.js';

/** Traversal modes of graphology-traversal; edges point from a dependent to its dependency. */
const MODE = { down: 'outbound', up: 'inbound', both: 'directed' } as const;

/**
 * The services within `depth` steps of any of `from` (those included, at step 0), in the
 * order the graph holds them. Throws when a starting service is not in the graph.
 */
export function neighbourhood(
  graph: AbstractGraph,
  from: readonly string[],
  depth: number,
  direction: Direction,
): Set<string> {
  if (!Number.isInteger(depth) || depth < 0)
    throw new Error(`neighbourhood: depth must be a whole number, not ${depth}`);
  for (const id of from)
    if (!graph.hasNode(id)) throw new Error(`neighbourhood: no service "${id}" in the graph`);
  // The distance from a set is the least distance from one of its members: the union of one
  // bounded breadth-first search per member is the neighbourhood of the set.
  const inside = new Set<string>();
  for (const start of new Set(from)) {
    bfsFromNode(
      graph,
      start,
      (id, _attributes, steps) => {
        inside.add(id);
        return steps >= depth;
      },
      { mode: MODE[direction] },
    );
  }
  const ordered = new Set<string>();
  graph.forEachNode((id) => {
    if (inside.has(id)) ordered.add(id);
  });
  return ordered;
}
