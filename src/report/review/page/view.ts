// Browser side of the HTML report: the sigma.js view of the graph and what it shows — node and
// edge colours from the what-if state, the highlighted chain, the focus neighbourhood. The
// reducers are O(1) per item; a change of state costs one refresh, never work per frame.

import Graph from 'graphology';
import Sigma from 'sigma';
import { DEGRADED, DOWN, FAILED, UP } from '../../../analysis/outage/propagate.js';
import { buildNetwork, type Boxes, type EdgeAttributes, type NodeAttributes } from './groups.js';
import type { PageModel } from './model.js';

/** What the view shows; main.ts changes it and calls refresh(). */
export interface ViewState {
  /** Status of every service in the current scenario (all UP without one). */
  status: Uint8Array;
  scenario: boolean;
  /** Services and edges (`dependent>dependency`) of the chain being inspected. */
  chainNodes: Set<number>;
  chainEdges: Set<string>;
  /** Services shown in focus mode, or null for all. */
  focus: Uint8Array | null;
  /** The service found by the search, or -1. */
  found: number;
  /** Per box of a large graph's tree: 1 when open (empty without a tree). */
  open: Uint8Array;
  /** Per box: the worst status of the services inside it in the current scenario. */
  groupStatus: Uint8Array;
  /** Per box, in focus mode: 1 when a service inside it is in focus. */
  groupFocus: Uint8Array;
}

export const COLORS = {
  failed: '#6e0b14',
  down: '#d1242f',
  degraded: '#e09b00',
  up: '#b6c0cc',
  upEntry: '#1a7f37',
  entry: '#0b5cd5',
  spof: '#8250df',
  service: '#8c959f',
  edge: '#c9d1d9',
  softEdge: '#e3e8ee',
  downEdge: '#f0a4aa',
  degradedEdge: '#f2d58a',
  fadedEdge: '#eef1f4',
  chain: '#1f2328',
  group: '#57606a',
} as const;

const STATUS_COLOR = [COLORS.up, COLORS.degraded, COLORS.down, COLORS.failed];

export type { EdgeAttributes, NodeAttributes };

export type View = Sigma<NodeAttributes, EdgeAttributes>;

export { edgeKey } from './groups.js';

export function createView(
  container: HTMLElement,
  model: PageModel,
  boxes: Boxes | null,
  state: ViewState,
): View {
  const { graph, data } = model;
  const network = new Graph<NodeAttributes, EdgeAttributes>({ type: 'directed' });
  const large = graph.n > 1500;
  /** Small graphs show every name; large ones let sigma pick labels by zoom. */
  const allLabels = graph.n <= 200;
  buildNetwork(network, model, boxes, state.open);
  /** Status of a node: a service's, or the worst of a closed box's services. */
  const statusOf = (n: number) => (n >= 0 ? state.status[n]! : state.groupStatus[-1 - n]!);
  const focused = (n: number) =>
    state.focus === null || (n >= 0 ? state.focus[n] === 1 : state.groupFocus[-1 - n] === 1);
  const sigma = new Sigma(network, container, {
    defaultEdgeType: 'arrow',
    renderEdgeLabels: false,
    hideEdgesOnMove: large,
    labelRenderedSizeThreshold: large ? 9 : 0,
    labelDensity: large ? 0.5 : 1,
    labelSize: 12,
    zIndex: true,
    nodeReducer: (_key, attributes) => {
      const v = attributes.v;
      const status = statusOf(v);
      const onChain = state.chainNodes.has(v);
      const entry = v >= 0 && graph.entry[v] === 1;
      const color = state.scenario
        ? status === UP && entry
          ? COLORS.upEntry
          : STATUS_COLOR[status]!
        : entry
          ? COLORS.entry
          : v < 0
            ? COLORS.group
            : model.isSpof[v]
              ? COLORS.spof
              : COLORS.service;
      const size = attributes.size * (onChain || state.found === v ? 1.5 : 1);
      return {
        ...attributes,
        color,
        size,
        hidden: !focused(v),
        highlighted: onChain || state.found === v,
        forceLabel:
          allLabels ||
          // Many closed boxes: sigma picks which to name; each box's title has its count.
          (v < 0 && data.boxes.length <= 80) ||
          onChain ||
          state.found === v ||
          (entry && !large) ||
          (state.scenario && status === FAILED),
        zIndex: onChain ? 5 : status,
      };
    },
    edgeReducer: (key, attributes) => {
      const { s, t, soft } = attributes;
      const hidden = !focused(s) || !focused(t);
      if (state.chainEdges.has(key))
        return { ...attributes, color: COLORS.chain, size: 3, zIndex: 3, hidden };
      let color: string = soft ? COLORS.softEdge : COLORS.edge;
      let zIndex = 0;
      if (state.scenario) {
        const from = statusOf(t);
        const to = statusOf(s);
        if (from >= DOWN && to >= DOWN) [color, zIndex] = [COLORS.downEdge, 2];
        else if (from >= DEGRADED && to === DEGRADED) [color, zIndex] = [COLORS.degradedEdge, 1];
        else color = COLORS.fadedEdge;
      }
      return { ...attributes, color, zIndex, hidden };
    },
  });
  // Frame the boxes too, not only the services: a box reaches past its outermost services.
  if (data.boxes.length > 0) {
    const x: [number, number] = [Infinity, -Infinity];
    const y: [number, number] = [Infinity, -Infinity];
    const extend = (px: number, py: number) => {
      x[0] = Math.min(x[0], px);
      x[1] = Math.max(x[1], px);
      y[0] = Math.min(y[0], -py);
      y[1] = Math.max(y[1], -py);
    };
    for (const box of data.boxes) {
      extend(box.x, box.y);
      extend(box.x + box.width, box.y + box.height);
    }
    for (let v = 0; v < data.x.length; v++) extend(data.x[v]!, data.y[v]!);
    sigma.setCustomBBox({ x, y });
    sigma.refresh();
  }
  return sigma;
}
