// Where the report's page draws each service, computed once when the report is written so the
// page opens without laying anything out. Small graphs: the layered drawing of every service in
// its nested failure-domain boxes. Larger ones: the boxes packed with one node per group
// (innermost domain, or owner), the services in a grid inside their group's box; above
// COLLAPSED_ABOVE services the page starts with the groups closed. With too many groups to
// draw, a force-directed layout without boxes.

import type { CompiledGraph } from '../../model/compiled-graph.js';
import type { DomainBox } from './domain-layout.js';
import { forceLayout } from './force-layout.js';
import { layoutGroups, type ServiceGroup } from './group-layout.js';
import { layoutServices } from './service-layout.js';

/** Up to this many services, each is placed by the layered layout itself. */
export const LAYERED_MAX_SERVICES = 100;
/** Above this many services the page opens with every group closed. */
export const COLLAPSED_ABOVE = 2000;
/** More groups than this are no longer a picture: force layout, no boxes. */
export const MAX_GROUPS = 2000;

export interface Layout {
  /** Position of service v: (x[v], y[v]), y growing downwards. */
  x: ArrayLike<number>;
  y: ArrayLike<number>;
  /** The failure domains (and groups) as boxes around their services; none for 'force'. */
  boxes: DomainBox[];
  /** Groups drawn as one node each while closed (none for 'layered' and 'force'). */
  groups: ServiceGroup[];
  /** group[v]: index into groups (empty without groups). */
  group: ArrayLike<number>;
  /** The page opens with the groups closed. */
  collapsed: boolean;
  engine: 'layered' | 'grouped' | 'force';
}

export async function layoutGraph(graph: CompiledGraph): Promise<Layout> {
  const none = { groups: [], group: [], collapsed: false };
  if (graph.n <= LAYERED_MAX_SERVICES) {
    const { x, y, boxes } = await layoutServices(graph);
    return { x, y, boxes, ...none, engine: 'layered' };
  }
  if (countGroups(graph) <= MAX_GROUPS) {
    const { x, y, boxes, groups, group } = layoutGroups(graph);
    return { x, y, boxes, groups, group, collapsed: graph.n > COLLAPSED_ABOVE, engine: 'grouped' };
  }
  const { x, y } = forceLayout(graph);
  return { x, y, boxes: [], ...none, engine: 'force' };
}

function countGroups(graph: CompiledGraph): number {
  const names = new Set<string>();
  for (const s of graph.services)
    names.add(
      (s.provider ?? s.region ?? s.zone)
        ? `${s.provider}/${s.region}/${s.zone}`
        : s.owner !== undefined
          ? `owner=${s.owner}`
          : '',
    );
  return names.size;
}
