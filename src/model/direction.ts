// Which way a walk over the dependency graph goes from a service: to what it depends on, to
// what depends on it, or both.

export const DIRECTIONS = ['down', 'up', 'both'] as const;
/** down: what they depend on; up: what depends on them; both: either, step by step. */
export type Direction = (typeof DIRECTIONS)[number];
