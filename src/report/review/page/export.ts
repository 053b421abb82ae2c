// Browser side of the HTML report: the current view as a flat scene (edges, nodes, labels in
// screen coordinates), written out as SVG or drawn on a 2D canvas for PNG. Both are drawn here
// from sigma's display data, so the export needs no WebGL read-back and no network.

import { safeText } from '../../shared/safe-text.js';
import { boxTitle, paintBoxes, type DrawnBox } from './boxes.js';
import type { View } from './view.js';

export interface Scene {
  width: number;
  height: number;
  edges: Array<{ x1: number; y1: number; x2: number; y2: number; color: string; size: number }>;
  nodes: Array<{ x: number; y: number; r: number; color: string; label: string | null }>;
  /** The failure-domain boxes, outermost first. */
  boxes: DrawnBox[];
}

const MARGIN = 20;

/** What is on screen now, hidden items left out, in drawing order. */
export function currentScene(sigma: View, boxes: DrawnBox[] = []): Scene {
  const { width, height } = sigma.getDimensions();
  const graph = sigma.getGraph();
  const labelled = sigma.getNodeDisplayedLabels();
  const onScreen = (p: { x: number; y: number }) =>
    p.x > -MARGIN && p.y > -MARGIN && p.x < width + MARGIN && p.y < height + MARGIN;
  const scene: Scene = { width, height, edges: [], nodes: [], boxes };
  const point = new Map<string, { x: number; y: number }>();
  graph.forEachNode((key) => {
    const data = sigma.getNodeDisplayData(key);
    if (!data || data.hidden) return;
    point.set(key, sigma.framedGraphToViewport(data));
  });
  const edges: Array<Scene['edges'][number] & { z: number }> = [];
  graph.forEachEdge((key, _attributes, source, target) => {
    const data = sigma.getEdgeDisplayData(key);
    const a = point.get(source);
    const b = point.get(target);
    if (!data || data.hidden || !a || !b || (!onScreen(a) && !onScreen(b))) return;
    const size = Math.max(0.5, sigma.scaleSize(data.size));
    edges.push({ x1: a.x, y1: a.y, x2: b.x, y2: b.y, color: data.color, size, z: data.zIndex });
  });
  scene.edges = edges.sort((p, q) => p.z - q.z).map(({ z: _z, ...edge }) => edge);
  const nodes: Array<Scene['nodes'][number] & { z: number }> = [];
  graph.forEachNode((key) => {
    const data = sigma.getNodeDisplayData(key);
    const p = point.get(key);
    if (!data || !p || !onScreen(p)) return;
    const label = data.forceLabel || labelled.has(key) ? data.label : null;
    nodes.push({ ...p, r: sigma.scaleSize(data.size), color: data.color, label, z: data.zIndex });
  });
  scene.nodes = nodes.sort((p, q) => p.z - q.z).map(({ z: _z, ...node }) => node);
  return scene;
}

export function sceneSvg(scene: Scene): string {
  const parts = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${scene.width}" height="${scene.height}" viewBox="0 0 ${scene.width} ${scene.height}" font-family="sans-serif" font-size="12">`,
    `<rect width="100%" height="100%" fill="#ffffff"/>`,
  ];
  for (const b of scene.boxes) {
    parts.push(
      `<rect x="${n(b.left)}" y="${n(b.top)}" width="${n(b.right - b.left)}" height="${n(b.bottom - b.top)}" rx="6" fill="#f6f8fa" fill-opacity="0.6" stroke="#8c959f"/>`,
      `<text x="${n(b.left + 8)}" y="${n(b.top + 16)}" fill="#3d4650">${xml(boxTitle(b))}</text>`,
    );
  }
  for (const e of scene.edges) {
    parts.push(
      `<line x1="${n(e.x1)}" y1="${n(e.y1)}" x2="${n(e.x2)}" y2="${n(e.y2)}" stroke="${xml(e.color)}" stroke-width="${n(e.size)}"/>`,
    );
  }
  for (const v of scene.nodes) {
    parts.push(`<circle cx="${n(v.x)}" cy="${n(v.y)}" r="${n(v.r)}" fill="${xml(v.color)}"/>`);
  }
  for (const v of scene.nodes) {
    if (v.label === null) continue;
    parts.push(
      `<text x="${n(v.x + v.r + 3)}" y="${n(v.y + 4)}" fill="#1f2328">${xml(v.label)}</text>`,
    );
  }
  parts.push('</svg>');
  return parts.join('\n');
}

export function drawScene(scene: Scene, canvas: HTMLCanvasElement, scale: number): void {
  canvas.width = Math.round(scene.width * scale);
  canvas.height = Math.round(scene.height * scale);
  const context = canvas.getContext('2d')!;
  context.scale(scale, scale);
  context.fillStyle = '#ffffff';
  context.fillRect(0, 0, scene.width, scene.height);
  paintBoxes(context, scene.boxes);
  for (const e of scene.edges) {
    context.strokeStyle = e.color;
    context.lineWidth = e.size;
    context.beginPath();
    context.moveTo(e.x1, e.y1);
    context.lineTo(e.x2, e.y2);
    context.stroke();
  }
  for (const v of scene.nodes) {
    context.fillStyle = v.color;
    context.beginPath();
    context.arc(v.x, v.y, v.r, 0, 2 * Math.PI);
    context.fill();
  }
  context.fillStyle = '#1f2328';
  context.font = '12px sans-serif';
  for (const v of scene.nodes)
    if (v.label !== null) context.fillText(v.label, v.x + v.r + 3, v.y + 4);
}

/** Offers a file to save; blob URLs stay inside the page (no network). */
export function download(name: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

function n(value: number): string {
  return String(Math.round(value * 10) / 10);
}

/** Text and attribute values in SVG: the five XML specials, control characters as escapes. */
function xml(text: string): string {
  return safeText(text).replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
