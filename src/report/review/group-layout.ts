// The report's drawing of a large graph: one group per innermost failure domain (or, for
// services in none, per owner), packed as leaves of the nested domain boxes (box-packing.ts),
// and the group's services in a grid inside its own box. The page starts with
// each group shown as one node with its count and draws its services when it is opened.

import type { CompiledGraph } from '../../model/compiled-graph.js';
import { packBoxes } from './box-packing.js';
import { CHAR, MAX_LABEL, round, sortBoxes, type DomainBox, type Leaf } from './domain-layout.js';
import { domainChain } from './service-layout.js';

/** A group of services drawn as one node until it is opened. */
export interface ServiceGroup {
  /** The failure domain (`provider=aws,region=us-east-1`), `owner=…`, or `unplaced`. */
  name: string;
  /** Where its node is drawn: the centre of its box. */
  x: number;
  y: number;
  size: number;
}

export interface GroupLayout {
  x: Float64Array;
  y: Float64Array;
  boxes: DomainBox[];
  groups: ServiceGroup[];
  /** group[v]: index into groups. */
  group: Int32Array;
}

/** Grid spacing of the services in an opened group, and the room around the grid. */
const CELL = 14;
const PAD = 14;
const TITLE = 30;

export function layoutGroups(graph: CompiledGraph): GroupLayout {
  const index = new Map<string, number>();
  const leaves: Array<Leaf & { name: string; label: string; key: string; members: number[] }> = [];
  const group = new Int32Array(graph.n);
  for (let v = 0; v < graph.n; v++) {
    const chain = domainChain(graph, v);
    const owner = graph.services[v]!.owner;
    const own =
      chain.length > 0
        ? chain[chain.length - 1]!
        : owner !== undefined
          ? { domain: `owner=${owner}`, key: 'owner', value: owner }
          : { domain: 'unplaced', key: 'unplaced', value: 'services' };
    let g = index.get(own.domain);
    if (g === undefined) {
      g = leaves.length;
      index.set(own.domain, g);
      leaves.push({
        name: own.domain,
        label: own.value,
        key: own.key,
        // A domain's group sits inside that domain's box; an owner's group is its own box.
        domains: chain,
        width: 0,
        height: 0,
        first: false,
        members: [],
      });
    }
    leaves[g]!.members.push(v);
    group[v] = g;
  }
  for (const leaf of leaves) {
    const columns = Math.ceil(Math.sqrt(leaf.members.length));
    const rows = Math.ceil(leaf.members.length / columns);
    const title = `${leaf.key} ${leaf.label} (${leaf.members.length})`;
    leaf.width = Math.max(Math.min(MAX_LABEL, 24 + title.length * CHAR), columns * CELL + 2 * PAD);
    leaf.height = TITLE + rows * CELL + PAD;
  }
  const laid = packBoxes(leaves);
  // The services of a group in a grid inside the group's leaf, in index order.
  const x = new Float64Array(graph.n);
  const y = new Float64Array(graph.n);
  const boxes = [...laid.boxes];
  const groups = leaves.map((leaf, g) => {
    const left = laid.x[g]!;
    const top = laid.y[g]!;
    const columns = Math.ceil(Math.sqrt(leaf.members.length));
    leaf.members.forEach((v, i) => {
      x[v] = round(left + PAD + CELL / 2 + (i % columns) * CELL);
      y[v] = round(top + TITLE + CELL / 2 + Math.floor(i / columns) * CELL);
    });
    if (leaf.domains.length === 0)
      boxes.push({
        domain: leaf.name,
        label: leaf.label,
        level: leaf.domains.length,
        x: round(left),
        y: round(top),
        width: round(leaf.width),
        height: round(leaf.height),
      });
    return {
      name: leaf.name,
      x: round(left + leaf.width / 2),
      y: round(top + leaf.height / 2),
      size: leaf.members.length,
    };
  });
  return { x, y, boxes: sortBoxes(boxes), groups, group };
}
