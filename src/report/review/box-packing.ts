// Nested boxes packed in rows, for the collapsible drawing of a large graph: each box holds the
// boxes inside it and the grid of its own services side by side, wrapping into rows about as
// wide as the box is tall. Sizes are computed children first and positions parents first, both
// in index order (a box's parent has a smaller index). Linear in the number of boxes: a service
// costs only its cell in its box's grid, which the page fills in when the box is opened.

import { CHAR, MAX_LABEL, round } from './domain-layout.js';
import { GRID_CELL as CELL } from './page-data.js';

const PAD = 14;
const TITLE = 30;
const GAP = 20;

export interface PackInput {
  /** Index of the box around it, or -1; smaller than the box's own index. */
  parent: number;
  /** The longest title the box shows (with its count). */
  title: string;
  /** How many services it holds directly, in a grid. */
  own: number;
}

export interface PackedBoxes {
  /** Top-left corner and size of each box, y growing downwards. */
  x: Float64Array;
  y: Float64Array;
  width: Float64Array;
  height: Float64Array;
  /** Top-left corner of each box's grid of its own services, and the grid's columns (0: none). */
  gridX: Float64Array;
  gridY: Float64Array;
  columns: Int32Array;
}

interface Item {
  width: number;
  height: number;
}

export function packBoxes(boxes: readonly PackInput[]): PackedBoxes {
  const n = boxes.length;
  const children: number[][] = boxes.map(() => []);
  const roots: number[] = [];
  boxes.forEach((box, b) => (box.parent < 0 ? roots : children[box.parent]!).push(b));
  const width = new Float64Array(n);
  const height = new Float64Array(n);
  const columns = new Int32Array(n);
  /** Offsets inside the parent (boxes) and inside the box (grids). */
  const dx = new Float64Array(n);
  const dy = new Float64Array(n);
  const gx = new Float64Array(n);
  const gy = new Float64Array(n);
  for (let b = n - 1; b >= 0; b--) {
    const { own, title } = boxes[b]!;
    const items: Item[] = [];
    if (own > 0) {
      columns[b] = Math.ceil(Math.sqrt(own));
      items.push({ width: columns[b]! * CELL, height: Math.ceil(own / columns[b]!) * CELL });
    }
    for (const c of children[b]!) items.push({ width: width[c]!, height: height[c]! });
    const room = Math.min(MAX_LABEL, 24 + title.length * CHAR);
    const at = arrange(items, PAD, TITLE, room);
    width[b] = at.width;
    height[b] = at.height;
    let k = 0;
    if (own > 0) [gx[b], gy[b]] = at.offsets[k++]!;
    for (const c of children[b]!) [dx[c], dy[c]] = at.offsets[k++]!;
  }
  const top = arrange(
    roots.map((r) => ({ width: width[r]!, height: height[r]! })),
    0,
    0,
    0,
  );
  const x = new Float64Array(n);
  const y = new Float64Array(n);
  roots.forEach((r, k) => ([x[r], y[r]] = top.offsets[k]!));
  for (let b = 0; b < n; b++) {
    const parent = boxes[b]!.parent;
    if (parent >= 0) {
      x[b] = x[parent]! + dx[b]!;
      y[b] = y[parent]! + dy[b]!;
    }
  }
  return {
    x: x.map(round),
    y: y.map(round),
    width: width.map(round),
    height: height.map(round),
    gridX: x.map((left, b) => round(left + gx[b]!)),
    gridY: y.map((top, b) => round(top + gy[b]!)),
    columns,
  };
}

/** Lays items out in rows inside a box with this padding and title room; returns their offsets. */
function arrange(
  items: readonly Item[],
  pad: number,
  title: number,
  minWidth: number,
): { width: number; height: number; offsets: Array<[number, number]> } {
  const area = items.reduce((sum, c) => sum + (c.width + GAP) * (c.height + GAP), 0);
  const widest = items.reduce((max, c) => Math.max(max, c.width), 0);
  const rowWidth = Math.max(widest, Math.sqrt(area) * 1.3);
  let cx = pad;
  let cy = title;
  let rowHeight = 0;
  let width = 0;
  const offsets = items.map((item): [number, number] => {
    if (cx > pad && cx + item.width > pad + rowWidth) {
      cx = pad;
      cy += rowHeight + GAP;
      rowHeight = 0;
    }
    const offset: [number, number] = [cx, cy];
    cx += item.width + GAP;
    rowHeight = Math.max(rowHeight, item.height);
    width = Math.max(width, cx - GAP);
    return offset;
  });
  return { width: Math.max(minWidth, width + pad), height: cy + rowHeight + pad, offsets };
}
