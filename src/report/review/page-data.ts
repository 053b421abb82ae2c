// The data the HTML report's page runs on, in a compact column form, and its embedding as JSON
// inside the page. The page rebuilds the compiled graph from it with the same compileGraph and
// Propagator that `simulate` uses. Shared by the reporter (Node) and the page (browser): types
// and pure functions only.

import type { CompiledGraph } from '../../model/compiled-graph.js';

/** Service labels, in this order, as indices into `PageData.strings` (-1: not set). */
export const LABEL_KEYS = ['kind', 'provider', 'region', 'zone', 'owner', 'tier'] as const;

/** Bits of a requirement's flags. */
export const SOFT = 1;
export const GROUP = 2;

export interface PageData {
  title: string;
  ids: string[];
  /** Distinct label values. */
  strings: string[];
  /** labels[v * LABEL_KEYS.length + k]: index into strings, or -1. */
  labels: number[];
  /** 1 when the manifest declares the service an entry point. */
  declaredEntry: number[];
  cost: number[];
  /** Seconds, or -1 when not declared. */
  recovery: number[];
  /** Per service: its requirements, each `quorum, flags, count, ...alternatives`. */
  requirements: number[][];
  /** Per service: the services it monitors. */
  monitors: number[][];
  /** Components that take down an entry point alone (from the analysis result). */
  spofs: number[];
  /** Where each service is drawn (empty with a tree: the page places a box's services when it opens). */
  x: number[];
  y: number[];
  /** The failure domains drawn as boxes around their services, in the layout's coordinates. */
  boxes: PageBox[];
  /** For a large graph, the boxes as a tree that the page opens box by box (null otherwise). */
  tree: PageTree | null;
  /**
   * Tolerances, as triples `service, its requirement's index, seconds`; present only when some
   * requirement tolerates anything (the what-if then offers outages of a given length).
   */
  tolerates?: number[];
}

/**
 * The collapsible drawing of a large graph: `boxes[b]` is box b; a closed box is drawn as one
 * node with its count, an open one as the boxes inside it and its own services in a grid.
 */
export interface PageTree {
  /** Per box: the box around it, or -1 (a parent comes before its children). */
  parent: number[];
  /** Per box: services inside it, at any depth. */
  size: number[];
  /** Per box: what it says (`region us-east-1`). */
  title: string[];
  /** Per box: 1 when the page opens with it open. */
  open: number[];
  /** Per box: the top-left corner of the grid of its own services, and the grid's columns. */
  gridX: number[];
  gridY: number[];
  columns: number[];
  /** Per service: its innermost box. */
  box: number[];
}

/** Spacing of the services in a box's grid. */
export const GRID_CELL = 14;

/** Where the i-th service of box b's own services is drawn. */
export function gridPosition(tree: PageTree, b: number, i: number): { x: number; y: number } {
  const columns = tree.columns[b]!;
  return {
    x: tree.gridX[b]! + GRID_CELL / 2 + (i % columns) * GRID_CELL,
    y: tree.gridY[b]! + GRID_CELL / 2 + Math.floor(i / columns) * GRID_CELL,
  };
}

/** A failure domain's box: top-left corner and size, y growing downwards; level 0 outermost. */
export interface PageBox {
  domain: string;
  label: string;
  level: number;
  x: number;
  y: number;
  width: number;
  height: number;
}

export function pageData(
  graph: CompiledGraph,
  title: string,
  spofIds: readonly string[],
  layout: {
    x: ArrayLike<number>;
    y: ArrayLike<number>;
    boxes: readonly PageBox[];
    tree: PageTree | null;
  },
): PageData {
  const strings: string[] = [];
  const stringIndex = new Map<string, number>();
  const intern = (value: string | undefined): number => {
    if (value === undefined) return -1;
    let i = stringIndex.get(value);
    if (i === undefined) {
      i = strings.length;
      strings.push(value);
      stringIndex.set(value, i);
    }
    return i;
  };
  const labels: number[] = [];
  const requirements: number[][] = [];
  const tolerates: number[] = [];
  graph.services.forEach((service, v) => {
    service.dependsOn.forEach((r, k) => {
      if ((r.tolerates ?? 0) > 0) tolerates.push(v, k, r.tolerates!);
    });
  });
  for (const service of graph.services) {
    for (const key of LABEL_KEYS) labels.push(intern(service[key]));
    requirements.push(
      service.dependsOn.flatMap((r) => [
        r.quorum,
        (r.soft ? SOFT : 0) | (r.group ? GROUP : 0),
        r.alternatives.length,
        ...r.alternatives.map((id) => graph.index.get(id)!),
      ]),
    );
  }
  return {
    title,
    ids: [...graph.ids],
    strings,
    labels,
    declaredEntry: graph.services.map((s) => (s.entrypoint ? 1 : 0)),
    cost: Array.from(graph.costPerHour),
    recovery: graph.services.map((s) => s.recoveryTime ?? -1),
    requirements,
    monitors: graph.services.map((s) =>
      s.monitors.map((id) => graph.index.get(id)).filter((v): v is number => v !== undefined),
    ),
    spofs: spofIds.map((id) => graph.index.get(id)!),
    x: Array.from(layout.x),
    y: Array.from(layout.y),
    boxes: layout.boxes.map((box) => ({ ...box })),
    tree: layout.tree,
    ...(tolerates.length > 0 ? { tolerates } : {}),
  };
}

/**
 * JSON for a `<script type="application/json">` element: `<`, `>` and `&` are written as
 * \u escapes, so no string from the manifest can close the element or open a comment, and
 * JSON.parse of the element's text gives the value back unchanged.
 */
export function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(
    /[<>&\u2028\u2029]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}
