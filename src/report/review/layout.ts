// Where the report's page draws each service, computed when the report is written. Small
// graphs: the layered drawing of every service in its nested failure-domain boxes. Larger ones:
// the boxes as a tree (provider ⊃ region ⊃ zone; owners inside the box of services with no
// domain), packed with room for each box's services, which the page places when the box opens;
// a large graph opens with its outer boxes closed, one node with a count each.

import type { CompiledGraph } from '../../model/compiled-graph.js';
import type { DomainBox } from './domain-layout.js';
import { layoutGroups } from './group-layout.js';
import type { PageTree } from './page-data.js';
import { layoutServices } from './service-layout.js';

/** Up to this many services, each is placed by the layered layout itself. */
export const LAYERED_MAX_SERVICES = 100;

export interface Layout {
  /** Position of service v: (x[v], y[v]), y growing downwards; empty with a tree. */
  x: ArrayLike<number>;
  y: ArrayLike<number>;
  /** The failure domains (and other boxes) around their services. */
  boxes: DomainBox[];
  /** The boxes as a tree the page opens box by box ('grouped' only). */
  tree: PageTree | null;
  engine: 'layered' | 'grouped';
}

export async function layoutGraph(graph: CompiledGraph): Promise<Layout> {
  if (graph.n <= LAYERED_MAX_SERVICES) {
    const { x, y, boxes } = await layoutServices(graph);
    return { x, y, boxes, tree: null, engine: 'layered' };
  }
  const { boxes, tree } = layoutGroups(graph);
  return { x: [], y: [], boxes, tree, engine: 'grouped' };
}
