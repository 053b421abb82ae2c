// Types for bench/generate.mjs, so TypeScript tests can import it.

export type ManifestFormat = 'yaml' | 'json';
/** B layered, R deep random, I internet map. */
export type GraphShape = 'B' | 'R' | 'I';

export interface GenerateOptions {
  /** Exact number of services, at least MIN_SERVICES. */
  services: number;
  seed: string | number;
  format?: ManifestFormat;
  /** Default B. */
  shape?: GraphShape;
}

export interface GenerateStats {
  services: number;
  entrypoints: number;
  /** `depends_on` entries. */
  dependencies: number;
  /** `any_of` and `quorum` entries. */
  groupDependencies: number;
  softDependencies: number;
  /** Dependency edges: every alternative of a group counts. */
  edges: number;
  /** Services with a `monitors` list. */
  monitors: number;
  /** Planted hard cycles that block cold start. */
  cyclesBlocking: number;
  /** Planted cycles that a cold start gets through (soft back-edge or group with an escape). */
  cyclesPassable: number;
  /** Shape R: requirements back on an earlier service in the topological order. */
  backEdges: number;
  bytes: number;
}

export interface Rng {
  next(): number;
  int(n: number): number;
  chance(p: number): boolean;
  pick<T>(array: readonly T[]): T;
  skewed(n: number, exponent: number): number;
}

export const ID_PATTERN: RegExp;
export const MIN_SERVICES: number;
export const SHAPES: readonly GraphShape[];
export function createRng(seed: string | number): Rng;
export function createStats(): GenerateStats;
/** Sizes, primitives and planted cycles, decided before anything is written. */
export function planManifest(options: GenerateOptions): unknown;
export function manifestChunks(options: GenerateOptions, stats?: GenerateStats): Generator<Buffer>;
export function generateManifest(options: GenerateOptions): { text: string; stats: GenerateStats };
export function writeManifest(options: GenerateOptions, file: string): Promise<GenerateStats>;
export function parseCount(text: string): number;
export function parseArgs(argv: string[]): {
  services: number;
  seed: string;
  shape: string;
  format: string;
  out: string | null;
  stats: boolean;
};
