// The boxes of the report's collapsible drawing of a large graph, as a tree: provider ⊃ region ⊃
// zone for the services that have a failure domain; one box for the services that have none,
// holding a box per owner (and, directly, the services without an owner). A box with more
// services of its own than SLICE has them split into numbered slices, so that opening any box
// draws a bounded number of nodes. One pass over the services, then one over the boxes.

import type { CompiledGraph } from '../../model/compiled-graph.js';
import { formatNumber } from '../shared/format.js';
import { domainChain } from './service-layout.js';

/** Most services a box draws of its own when opened; more are split into slices of this size. */
export const SLICE = 1000;

export interface TreeBox {
  /** The failure domain as `analyze` names it, `owner=…`, `unplaced`, or a slice `<box> #k`. */
  name: string;
  /** Its own value (`us-east-1`), or what a slice or the unplaced box holds. */
  label: string;
  /** What the box says: `region us-east-1`, `owner payments`, `no failure domain`, `services 1–1,000`. */
  title: string;
  /** Index of the box around it, or -1. Parents come before their children. */
  parent: number;
  /** 0 for the outermost boxes, 1 inside them, … */
  level: number;
  /** Services inside it, at any depth. */
  size: number;
  /** Its own services (not in a box inside it), in service order. */
  members: number[];
}

export interface BoxTree {
  boxes: TreeBox[];
  /** box[v]: the innermost box of service v. */
  box: Int32Array;
}

export function boxTree(graph: CompiledGraph): BoxTree {
  const boxes: TreeBox[] = [];
  const byName = new Map<string, number>();
  const open = (name: string, label: string, title: string, parent: number): number => {
    let b = byName.get(name);
    if (b === undefined) {
      b = boxes.length;
      byName.set(name, b);
      const level = parent < 0 ? 0 : boxes[parent]!.level + 1;
      boxes.push({ name, label, title, parent, level, size: 0, members: [] });
    }
    return b;
  };
  const box = new Int32Array(graph.n);
  for (let v = 0; v < graph.n; v++) {
    let b = -1;
    for (const { domain, key, value } of domainChain(graph, v))
      b = open(domain, value, `${key} ${value}`, b);
    if (b < 0) {
      b = open('unplaced', 'no failure domain', 'no failure domain', -1);
      const owner = graph.services[v]!.owner;
      if (owner !== undefined) b = open(`owner=${owner}`, owner, `owner ${owner}`, b);
    }
    boxes[b]!.members.push(v);
    box[v] = b;
  }
  const whole = boxes.length;
  for (let b = 0; b < whole; b++) {
    const members = boxes[b]!.members;
    if (members.length <= SLICE) continue;
    boxes[b]!.members = [];
    for (let start = 0; start < members.length; start += SLICE) {
      const end = Math.min(members.length, start + SLICE);
      const range = `${formatNumber(start + 1)}–${formatNumber(end)}`;
      const slice = open(`${boxes[b]!.name} #${start / SLICE + 1}`, range, `services ${range}`, b);
      boxes[slice]!.members = members.slice(start, end);
      for (const v of boxes[slice]!.members) box[v] = slice;
    }
  }
  // Sizes, children before parents: every parent has a smaller index than its children.
  for (let b = boxes.length - 1; b >= 0; b--) {
    const item = boxes[b]!;
    item.size += item.members.length;
    if (item.parent >= 0) boxes[item.parent]!.size += item.size;
  }
  return { boxes, box };
}
