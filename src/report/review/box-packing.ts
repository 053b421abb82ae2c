// Nested boxes packed in rows, for the grouped drawing of a large graph: each box holds its
// sub-boxes and leaves side by side, wrapping into rows about as wide as the box is tall, sizes
// computed bottom-up and positions top-down with explicit stacks. Linear in the number of boxes
// and leaves, where the layered layout (domain-layout.ts) would take minutes at this size.

import {
  CHAR,
  MAX_LABEL,
  round,
  sortBoxes,
  type CompoundLayout,
  type DomainBox,
  type Leaf,
} from './domain-layout.js';

const PAD = 14;
const TITLE = 30;
const GAP = 20;

interface Item {
  /** Index into the leaves, or -1 for a box. */
  leaf: number;
  domain: string;
  label: string;
  level: number;
  children: Item[];
  width: number;
  height: number;
  /** Offsets of the children inside this box. */
  offsets: Array<[number, number]>;
}

export function packBoxes(leaves: readonly Leaf[]): CompoundLayout {
  const root: Item = box('', '', -1);
  const boxes = new Map<string, Item>();
  leaves.forEach((leaf, i) => {
    let parent = root;
    leaf.domains.forEach(({ domain, key, value }, level) => {
      let item = boxes.get(domain);
      if (!item) {
        item = box(domain, value, level);
        item.width = Math.min(MAX_LABEL, 24 + `${key} ${value}`.length * CHAR);
        boxes.set(domain, item);
        parent.children.push(item);
      }
      parent = item;
    });
    parent.children.push({ ...box('', '', -1), leaf: i, width: leaf.width, height: leaf.height });
  });
  // Sizes, children before parents: the reverse of a pre-order walk.
  const order: Item[] = [];
  const stack = [root];
  while (stack.length > 0) {
    const item = stack.pop()!;
    order.push(item);
    stack.push(...item.children);
  }
  for (let i = order.length - 1; i >= 0; i--) if (order[i]!.leaf < 0) arrange(order[i]!);
  // Positions, parents before children.
  const x = new Float64Array(leaves.length);
  const y = new Float64Array(leaves.length);
  const drawn: DomainBox[] = [];
  const place: Array<{ item: Item; left: number; top: number }> = [{ item: root, left: 0, top: 0 }];
  while (place.length > 0) {
    const { item, left, top } = place.pop()!;
    if (item.leaf >= 0) {
      x[item.leaf] = left;
      y[item.leaf] = top;
      continue;
    }
    if (item !== root)
      drawn.push({
        domain: item.domain,
        label: item.label,
        level: item.level,
        x: round(left),
        y: round(top),
        width: round(item.width),
        height: round(item.height),
      });
    item.children.forEach((child, k) =>
      place.push({ item: child, left: left + item.offsets[k]![0], top: top + item.offsets[k]![1] }),
    );
  }
  return { x, y, boxes: sortBoxes(drawn) };
}

function box(domain: string, label: string, level: number): Item {
  return { leaf: -1, domain, label, level, children: [], width: 0, height: 0, offsets: [] };
}

/** Lays a box's children out in rows and sets its size (children already sized). */
function arrange(item: Item): void {
  const area = item.children.reduce((sum, c) => sum + (c.width + GAP) * (c.height + GAP), 0);
  const widest = item.children.reduce((max, c) => Math.max(max, c.width), 0);
  const rowWidth = Math.max(widest, Math.sqrt(area) * 1.3);
  const top = item.domain === '' ? 0 : TITLE;
  const pad = item.domain === '' ? 0 : PAD;
  let cx = pad;
  let cy = top;
  let rowHeight = 0;
  let width = 0;
  item.offsets = item.children.map((child) => {
    if (cx > pad && cx + child.width > pad + rowWidth) {
      cx = pad;
      cy += rowHeight + GAP;
      rowHeight = 0;
    }
    const offset: [number, number] = [cx, cy];
    cx += child.width + GAP;
    rowHeight = Math.max(rowHeight, child.height);
    width = Math.max(width, cx - GAP);
    return offset;
  });
  item.width = Math.max(item.width, width + pad);
  item.height = cy + rowHeight + pad;
}
