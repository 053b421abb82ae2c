// Where the report's page draws each service, computed once when the report is written so the
// page opens without laying anything out. Up to a few thousand services: the layered drawing
// with the failure domains as nested boxes; beyond, a force-directed layout bounded in work.

import type { CompiledGraph } from '../../model/compiled-graph.js';
import { layoutDomains, type DomainBox } from './domain-layout.js';
import { forceLayout } from './force-layout.js';

/** Above this many services the layered layout takes too long and draws too much. */
export const DOMAIN_LAYOUT_MAX_SERVICES = 2000;

export interface Layout {
  /** Position of service v: (x[v], y[v]), y growing downwards. */
  x: ArrayLike<number>;
  y: ArrayLike<number>;
  /** The failure domains as boxes around their services (none for the force layout). */
  boxes: DomainBox[];
  engine: 'layered' | 'force';
}

export async function layoutGraph(graph: CompiledGraph): Promise<Layout> {
  if (graph.n <= DOMAIN_LAYOUT_MAX_SERVICES) {
    const { x, y, boxes } = await layoutDomains(graph);
    return { x, y, boxes, engine: 'layered' };
  }
  const { x, y } = forceLayout(graph);
  return { x, y, boxes: [], engine: 'force' };
}
