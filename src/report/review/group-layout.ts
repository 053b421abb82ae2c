// The report's drawing of a large graph: the tree of boxes (box-tree.ts) packed with room for
// every service in a grid inside its innermost box (box-packing.ts), without placing any
// service: the page does that for a box when it opens it. The page opens with the boxes open
// level by level, outermost first, as long as it then draws at most OPEN_BUDGET nodes: a small
// graph opens whole, a large one at the provider or region level, with one node per closed box.

import type { CompiledGraph } from '../../model/compiled-graph.js';
import { formatNumber } from '../shared/format.js';
import { boxTree, type TreeBox } from './box-tree.js';
import { packBoxes } from './box-packing.js';
import type { DomainBox } from './domain-layout.js';
import type { PageTree } from './page-data.js';

/** The page opens a level of boxes only if it then draws at most this many nodes. */
export const OPEN_BUDGET = 2000;

export interface GroupLayout {
  boxes: DomainBox[];
  tree: PageTree;
}

export function layoutGroups(graph: CompiledGraph): GroupLayout {
  const { boxes, box } = boxTree(graph);
  const packed = packBoxes(
    boxes.map((b) => ({
      parent: b.parent,
      title: `${b.title} (${formatNumber(b.size)})`,
      own: b.members.length,
    })),
  );
  return {
    boxes: boxes.map((b, i) => ({
      domain: b.name,
      label: b.label,
      level: b.level,
      x: packed.x[i]!,
      y: packed.y[i]!,
      width: packed.width[i]!,
      height: packed.height[i]!,
    })),
    tree: {
      parent: boxes.map((b) => b.parent),
      size: boxes.map((b) => b.size),
      title: boxes.map((b) => b.title),
      open: initiallyOpen(boxes),
      gridX: Array.from(packed.gridX),
      gridY: Array.from(packed.gridY),
      columns: Array.from(packed.columns),
      box: Array.from(box),
    },
  };
}

/**
 * 1 for the boxes the page opens with: whole levels, outermost first, while the nodes drawn (the
 * services of open boxes and one per closed box whose parent is open) stay within the budget.
 */
export function initiallyOpen(boxes: readonly TreeBox[]): number[] {
  const open = boxes.map(() => 0);
  const children = boxes.map(() => 0);
  const levels: number[][] = [];
  boxes.forEach((b, i) => {
    if (b.parent >= 0) children[b.parent]!++;
    (levels[b.level] ??= []).push(i);
  });
  let drawn = levels[0]?.length ?? 0;
  for (const level of levels) {
    // Opening a box replaces its node with its own services and the boxes inside it.
    const more = level.reduce((sum, b) => sum + boxes[b]!.members.length + children[b]! - 1, 0);
    if (drawn + more > OPEN_BUDGET) break;
    drawn += more;
    for (const b of level) open[b] = 1;
  }
  return open;
}
