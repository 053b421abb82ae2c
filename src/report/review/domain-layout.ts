// A layered drawing of the dependency graph with its failure domains as nested boxes: entry
// points on top, arrows pointing down from a service to what it depends on, and every provider,
// region and zone a labelled box around what it holds (provider ⊃ region ⊃ zone). Computed with
// ELK's layered algorithm (Sugiyama-style layering, crossing minimisation and node placement)
// over the compound graph, across the box boundaries. The leaves are services, or, for a large
// graph, groups of services (group-layout.ts). Deterministic: ELK is, and the input is built in
// a fixed order.

import type elkModule from 'elkjs/lib/elk.bundled.js';
import type { ElkNode } from 'elkjs/lib/elk.bundled.js';

/**
 * ELK, loaded when a layout is first asked for: its 1.5 MB bundle would otherwise be compiled at
 * the start of every command. A CommonJS module: Node's default export is module.exports, the
 * class the typings call `default`.
 */
async function loadElk(): Promise<typeof elkModule.default> {
  const loaded = await import('elkjs/lib/elk.bundled.js');
  return loaded.default as unknown as typeof elkModule.default;
}

/** One failure domain (or group) drawn as a box: top-left corner and size, y growing downwards. */
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

/** What the layout places: a service or a group, inside the boxes of `domains` (outermost first). */
export interface Leaf {
  domains: ReadonlyArray<{ domain: string; key: string; value: string }>;
  width: number;
  height: number;
  /** Put it in the first layer (an entry point nothing depends on, outside every box). */
  first: boolean;
}

export interface CompoundLayout {
  /** Top-left corner of each leaf, in the order given. */
  x: Float64Array;
  y: Float64Array;
  boxes: DomainBox[];
}

const OPTIONS = {
  'elk.algorithm': 'layered',
  'elk.direction': 'DOWN',
  'elk.hierarchyHandling': 'INCLUDE_CHILDREN',
  'elk.layered.spacing.nodeNodeBetweenLayers': '36',
  'elk.spacing.nodeNode': '26',
  'elk.randomSeed': '1',
};
/** Room at the top of a box for its label. */
const BOX_PADDING = '[top=30,left=14,bottom=14,right=14]';
/** Room per character of a name (the page draws them at 12 px), with a margin for the fit. */
export const CHAR = 8.6;
export const MAX_LABEL = 240;

interface BoxNode extends ElkNode {
  children: ElkNode[];
}

/** Lays out leaves and the edges between them (`[from, to]` leaf indices, drawn downwards). */
export async function layoutCompound(
  leaves: readonly Leaf[],
  edges: ReadonlyArray<readonly [number, number]>,
): Promise<CompoundLayout> {
  const root: BoxNode = { id: 'root', layoutOptions: OPTIONS, children: [], edges: [] };
  const boxes = new Map<string, { node: BoxNode; label: string; level: number }>();
  leaves.forEach((leaf, i) => {
    let parent = root;
    leaf.domains.forEach(({ domain, key, value }, level) => {
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
        box = { node, label: value, level };
        boxes.set(domain, box);
        parent.children.push(node);
      }
      parent = box.node;
    });
    const node: ElkNode = { id: `s:${i}`, width: leaf.width, height: leaf.height };
    if (leaf.first) node.layoutOptions = { 'elk.layered.layering.layerConstraint': 'FIRST' };
    parent.children.push(node);
  });
  const seen = new Set<string>();
  for (const [s, t] of edges) {
    const id = `${s}>${t}`;
    if (s === t || seen.has(id)) continue;
    seen.add(id);
    root.edges!.push({ id, sources: [`s:${s}`], targets: [`s:${t}`] });
  }
  const ELK = await loadElk();
  const laid = await new ELK().layout(root);
  return positions(leaves.length, laid, boxes);
}

/** Absolute positions from ELK's parent-relative ones, walking the tree with a stack. */
function positions(
  n: number,
  laid: ElkNode,
  boxes: ReadonlyMap<string, { label: string; level: number }>,
): CompoundLayout {
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
        const i = Number(child.id.slice(2));
        x[i] = cx;
        y[i] = cy;
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
  return { x, y, boxes: sortBoxes(drawn) };
}

function sortBoxes(boxes: DomainBox[]): DomainBox[] {
  return boxes.sort((a, b) => (a.domain < b.domain ? -1 : a.domain > b.domain ? 1 : 0));
}

export function round(value: number): number {
  return Math.round(value * 10) / 10;
}
