// Browser side of the HTML report: the failure domains drawn as labelled boxes behind the graph
// (provider ⊃ region ⊃ zone), on a canvas layer under sigma's edges, redrawn after every frame
// sigma renders so they pan and zoom with the services inside them. With a tree of boxes only
// those whose outer boxes are open are drawn, a closed one titled with its count.

import { safeText } from '../../shared/safe-text.js';
import type { PageBox, PageTree } from '../page-data.js';
import type { View } from './view.js';

/** A box as drawn, in the graph container's pixels. */
export interface DrawnBox {
  domain: string;
  label: string;
  /** What the box says, when not its kind and label (`region us-east-1`). */
  title?: string;
  level: number;
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/** Provider, region, zone: outer boxes darker, inner ones lighter and dashed. */
const STYLE = [
  { fill: 'rgba(11, 92, 213, 0.05)', stroke: '#6b8fc7', dash: [] as number[], font: 'bold 13px' },
  { fill: 'rgba(26, 127, 55, 0.05)', stroke: '#6fa57d', dash: [] as number[], font: 'bold 12px' },
  { fill: 'rgba(224, 155, 0, 0.06)', stroke: '#c9a24a', dash: [5, 3], font: '12px' },
];

/** The boxes where they are on screen now, outermost first (with a tree: those drawn now). */
export function boxesOnScreen(
  sigma: View,
  boxes: readonly PageBox[],
  tree: PageTree | null = null,
  open: Uint8Array = new Uint8Array(0),
): DrawnBox[] {
  const shown = boxes.map(() => true);
  if (tree !== null)
    tree.parent.forEach((p, b) => (shown[b] = p < 0 || (shown[p]! && open[p] === 1)));
  return boxes
    .flatMap((box, b) => (shown[b] ? [{ box, b }] : []))
    .sort((p, q) => p.box.level - q.box.level)
    .map(({ box, b }) => {
      // The view's y axis points up: the graph holds -y (see createView).
      const a = sigma.graphToViewport({ x: box.x, y: -box.y });
      const c = sigma.graphToViewport({ x: box.x + box.width, y: -(box.y + box.height) });
      const drawn: DrawnBox = {
        domain: box.domain,
        label: box.label,
        level: box.level,
        left: Math.min(a.x, c.x),
        top: Math.min(a.y, c.y),
        right: Math.max(a.x, c.x),
        bottom: Math.max(a.y, c.y),
      };
      if (tree !== null)
        drawn.title = open[b]
          ? tree.title[b]!
          : `${tree.title[b]!} (${tree.size[b]!.toLocaleString('en-US')})`;
      return drawn;
    });
}

/** Adds the layer and keeps it in step with the view; returns the boxes last drawn. */
export function drawBoxes(
  sigma: View,
  boxes: readonly PageBox[],
  tree: PageTree | null,
  open: Uint8Array,
): () => DrawnBox[] {
  let drawn: DrawnBox[] = [];
  if (boxes.length === 0) return () => drawn;
  const canvas = sigma.createCanvas('domains', { beforeLayer: 'edges' });
  const context = canvas.getContext('2d')!;
  const paint = () => {
    const { width, height } = sigma.getDimensions();
    const ratio = window.devicePixelRatio || 1;
    if (canvas.width !== Math.round(width * ratio)) canvas.width = Math.round(width * ratio);
    if (canvas.height !== Math.round(height * ratio)) canvas.height = Math.round(height * ratio);
    canvas.style.width = `${width}px`;
    canvas.style.height = `${height}px`;
    context.setTransform(ratio, 0, 0, ratio, 0, 0);
    context.clearRect(0, 0, width, height);
    drawn = boxesOnScreen(sigma, boxes, tree, open);
    paintBoxes(context, drawn);
  };
  sigma.on('afterRender', paint);
  paint();
  return () => drawn;
}

export function paintBoxes(context: CanvasRenderingContext2D, boxes: readonly DrawnBox[]): void {
  for (const box of boxes) {
    const style = STYLE[Math.min(box.level, STYLE.length - 1)]!;
    context.fillStyle = style.fill;
    context.strokeStyle = style.stroke;
    context.lineWidth = 1;
    context.setLineDash(style.dash);
    context.beginPath();
    context.roundRect(box.left, box.top, box.right - box.left, box.bottom - box.top, 6);
    context.fill();
    context.stroke();
    context.setLineDash([]);
    context.fillStyle = '#3d4650';
    context.font = `${style.font} sans-serif`;
    context.fillText(boxTitle(box), box.left + 8, box.top + 16, box.right - box.left - 12);
  }
}

/** `region us-east-1`: what kind of domain it is (the last key of its name) and its value. */
export function boxTitle(box: DrawnBox): string {
  if (box.title !== undefined) return safeText(box.title);
  const kind = box.domain.slice(box.domain.lastIndexOf(',') + 1).split('=')[0]!;
  return safeText(`${kind} ${box.label}`);
}
