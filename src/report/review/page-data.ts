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
  x: number[];
  y: number[];
  /** The failure domains drawn as boxes around their services, in the layout's coordinates. */
  boxes: PageBox[];
  /** Groups of a large graph, each drawn as one node while closed (empty otherwise). */
  groups: Array<{ name: string; x: number; y: number; size: number }>;
  /** group[v]: the group of service v (empty without groups). */
  group: number[];
  /** The page opens with every group closed. */
  collapsed: boolean;
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
    groups: ReadonlyArray<{ name: string; x: number; y: number; size: number }>;
    group: ArrayLike<number>;
    collapsed: boolean;
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
    groups: layout.groups.map((g) => ({ ...g })),
    group: Array.from(layout.group),
    collapsed: layout.collapsed,
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
