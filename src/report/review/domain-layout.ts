// A layered drawing of the dependency graph with its failure domains as nested boxes: entry
// points on top, arrows pointing down from a service to what it depends on, and every provider,
// region and zone a labelled box around its services (provider ⊃ region ⊃ zone). Computed with
// ELK's layered algorithm (Sugiyama-style layering, crossing minimisation and node placement)
// over the compound graph, across the box boundaries. Deterministic: ELK is, and the input is
// built in service order.

import elkModule, { type ElkNode } from 'elkjs/lib/elk.bundled.js';
import type { CompiledGraph } from '../../model/compiled-graph.js';

// A CommonJS module: Node's default export is module.exports, the class the typings call `default`.
const ELK = elkModule as unknown as typeof elkModule.default;

/** One failure domain drawn as a box: top-left corner and size, y growing downwards. */
export interface DomainBox {
  /** The failure domain, as `analyze` names it: `provider=aws,region=us-east-1`. */
  domain: string;
  /** Its own value: `us-east-1`. */
  label: string;
  /** 0 for the outermost box, 1 inside it, … */
  level: number;
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface DomainLayout {
  x: Float64Array;
  y: Float64Array;
  boxes: DomainBox[];
}

const LABELS = ['provider', 'region', 'zone'] as const;
/** A service's node: room for the circle the page draws, and for its name on the right. */
const NODE = 20;
/** Room per character of a name (the page draws them at 12 px), with a margin for the fit. */
const CHAR = 8.6;
const MAX_LABEL = 240;
/** The page names every service up to this many (view.ts), so only then is room kept. */
const LABELLED_SERVICES = 200;
const OPTIONS = {
  'elk.algorithm': 'layered',
  'elk.direction': 'DOWN',
  'elk.hierarchyHandling': 'INCLUDE_CHILDREN',
  'elk.layered.spacing.nodeNodeBetweenLayers': '36',
  'elk.spacing.nodeNode': '26',
  'elk.layered.considerModelOrder.strategy': 'NODES_AND_EDGES',
  'elk.randomSeed': '1',
};
/** Room at the top of a box for its label. */
const BOX_PADDING = '[top=30,left=14,bottom=14,right=14]';

interface BoxNode extends ElkNode {
  children: ElkNode[];
}

export async function layoutDomains(graph: CompiledGraph): Promise<DomainLayout> {
  const root: BoxNode = { id: 'root', layoutOptions: OPTIONS, children: [], edges: [] };
  const boxes = new Map<string, { node: BoxNode; label: string; level: number }>();
  for (let v = 0; v < graph.n; v++) {
    let parent = root;
    const parts: string[] = [];
    for (const key of LABELS) {
      const value = graph.services[v]![key];
      if (value === undefined) continue;
      parts.push(`${key}=${value}`);
      const domain = parts.join(',');
      let box = boxes.get(domain);
      if (!box) {
        const title = `${key} ${value}`;
        const node: BoxNode = {
          id: `d:${domain}`,
          layoutOptions: {
            'elk.padding': BOX_PADDING,
            // Wide enough for its title.
            'elk.nodeSize.constraints': 'MINIMUM_SIZE',
            'elk.nodeSize.minimum': `(${Math.min(MAX_LABEL, 24 + title.length * CHAR)}, 48)`,
          },
          children: [],
        };
        box = { node, label: value, level: parts.length - 1 };
        boxes.set(domain, box);
        parent.children.push(node);
      }
      parent = box.node;
    }
    const label = graph.n <= LABELLED_SERVICES ? graph.ids[v]!.length * CHAR + 6 : 0;
    const node: ElkNode = { id: `s:${v}`, width: NODE + Math.min(MAX_LABEL, label), height: NODE };
    // Entry points head the drawing (ELK allows it only for those nothing depends on).
    const dependedOn = graph.usedByStart[v + 1]! > graph.usedByStart[v]!;
    if (graph.entry[v] && parent === root && !dependedOn)
      node.layoutOptions = { 'elk.layered.layering.layerConstraint': 'FIRST' };
    parent.children.push(node);
  }
  const seen = new Set<string>();
  for (let r = 0; r < graph.reqOwner.length; r++) {
    const s = graph.reqOwner[r]!;
    for (let k = graph.altStart[r]!; k < graph.altStart[r + 1]!; k++) {
      const t = graph.alts[k]!;
      const id = `${s}>${t}`;
      if (s === t || seen.has(id)) continue;
      seen.add(id);
      root.edges!.push({ id, sources: [`s:${s}`], targets: [`s:${t}`] });
    }
  }
  const laid = await new ELK().layout(root);
  return positions(graph.n, laid, boxes);
}

/** Absolute positions from ELK's parent-relative ones, walking the tree with a stack. */
function positions(
  n: number,
  laid: ElkNode,
  boxes: ReadonlyMap<string, { label: string; level: number }>,
): DomainLayout {
  const x = new Float64Array(n);
  const y = new Float64Array(n);
  const drawn: DomainBox[] = [];
  const stack: Array<{ node: ElkNode; dx: number; dy: number }> = [{ node: laid, dx: 0, dy: 0 }];
  while (stack.length > 0) {
    const { node, dx, dy } = stack.pop()!;
    for (const child of node.children ?? []) {
      const cx = dx + (child.x ?? 0);
      const cy = dy + (child.y ?? 0);
      if (child.id.startsWith('s:')) {
        const v = Number(child.id.slice(2));
        // The circle at the left of the node's box, its name to the right of it.
        x[v] = round(cx + NODE / 2);
        y[v] = round(cy + (child.height ?? 0) / 2);
        continue;
      }
      const domain = child.id.slice(2);
      const { label, level } = boxes.get(domain)!;
      drawn.push({
        domain,
        label,
        level,
        x: round(cx),
        y: round(cy),
        width: round(child.width ?? 0),
        height: round(child.height ?? 0),
      });
      stack.push({ node: child, dx: cx, dy: cy });
    }
  }
  drawn.sort((a, b) => (a.domain < b.domain ? -1 : a.domain > b.domain ? 1 : 0));
  return { x, y, boxes: drawn };
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}
