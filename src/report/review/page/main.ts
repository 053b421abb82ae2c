// report/review/page/ — the report page's browser code, bundled into the HTML at build time; it runs
// the same propagation as `simulate`.
//
// Browser side of the HTML report, bundled into one inline script (scripts/build-page.mjs): reads
// the embedded data, draws the graph, and answers "what if this fails?" by running `simulate`
// itself (and so its Propagator) — click a node, pick a failure domain, search, focus, export.
// Everything taken from the manifest reaches the page through textContent, never as markup.

import Graph from 'graphology';
import { DEGRADED, DOWN, FAILED, UP } from '../../../analysis/outage/propagate.js';
import { simulate, type SimulationResult } from '../../../analysis/outage/simulate.js';
import { plural } from '../../shared/format.js';
import type { PageData } from '../page-data.js';
import { drawBoxes } from './boxes.js';
import { currentScene, download, drawScene, sceneSvg } from './export.js';
import type { Direction } from '../../../model/direction.js';
import { neighbourhood } from '../../../model/neighbourhood.js';
import { buildModel, type PageModel } from './model.js';
import { renderPanel, whyChain } from './panel.js';
import { boxesOf, boxWorst, openBox } from './groups.js';
import { createView, edgeKey, type ViewState } from './view.js';

const started = performance.now();
const byId = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;

const data = JSON.parse(byId('br-data').textContent ?? '{}') as PageData;
const parsed = performance.now();
const model = buildModel(data);
const modelled = performance.now();
const { graph } = model;
const tree = data.tree;
const boxes = tree === null ? null : boxesOf(tree, graph.n);
const state: ViewState = {
  status: new Uint8Array(graph.n),
  scenario: false,
  chainNodes: new Set(),
  chainEdges: new Set(),
  focus: null,
  found: -1,
  // Without a tree, nothing is closed; with one, the layout says which boxes start open.
  open: Uint8Array.from(tree?.open ?? []),
  groupStatus: new Uint8Array(tree?.open.length ?? 0),
  groupFocus: new Uint8Array(tree?.open.length ?? 0),
};
let failed: number[] = [];
/** How long the what-if lasts, when tolerances make it matter: Infinity, never ends. */
let outageLength = Number.POSITIVE_INFINITY;
const timed = (data.tolerates ?? []).length > 0;
let scenarioName = '';
let current: SimulationResult | null = null;
const sigma = createView(byId('br-graph'), model, boxes, state);
const drawnBoxes = drawBoxes(sigma, data.boxes, tree, state.open);
const drawn = performance.now();

/** Re-runs the reducers over every node and edge: once per change of scenario or focus. */
function refresh(): void {
  sigma.refresh();
}

/** Fails `services` (one component or a whole domain) and shows what happens. */
function fail(services: number[], name: string): void {
  failed = services;
  scenarioName = name;
  current = timed
    ? simulate(graph, services, { duration: outageLength })
    : simulate(graph, services);
  state.status.fill(UP);
  const mark = (ids: readonly string[], status: number) => {
    for (const id of ids) state.status[graph.index.get(id)!] = status;
  };
  mark(current.failed, FAILED);
  mark(current.down, DOWN);
  mark(current.degraded, DEGRADED);
  if (boxes !== null) boxWorst(boxes, state.status, state.groupStatus);
  state.scenario = true;
  setChain(-1);
  applyFocus();
  renderPanel(byId('br-panel'), model, {
    result: current,
    name,
    inspect,
    ...(timed ? { length: { seconds: outageLength, set: setOutageLength } } : {}),
  });
  refresh();
}

/** A new length for the what-if: the same failure, run again for that long. */
function setOutageLength(seconds: number): void {
  outageLength = seconds;
  if (failed.length > 0) fail(failed, scenarioName);
}

/** Highlights the chain from v to the failure (v = -1: none), redrawing only what changes. */
function inspect(v: number): void {
  const nodes = [...state.chainNodes];
  const edges = [...state.chainEdges];
  setChain(v);
  nodes.push(...state.chainNodes);
  edges.push(...state.chainEdges);
  // Services in a closed group are not drawn.
  const network = sigma.getGraph();
  sigma.refresh({
    partialGraph: {
      nodes: nodes.map(String).filter((key) => network.hasNode(key)),
      edges: edges.filter((key) => network.hasEdge(key)),
    },
  });
}

function setChain(v: number): void {
  state.chainNodes.clear();
  state.chainEdges.clear();
  const why = byId('br-why');
  if (v < 0 || current === null || state.status[v] === UP || state.status[v] === FAILED) {
    why.textContent = '';
  } else {
    const chain = whyChain(model, current, v);
    chain.forEach((u, i) => {
      state.chainNodes.add(u);
      if (i > 0) state.chainEdges.add(edgeKey(chain[i - 1]!, u));
    });
    why.textContent = `Why ${graph.ids[v]} is ${state.status[v]! >= DOWN ? 'down' : 'degraded'}: ${chain.map((u) => graph.ids[u]).join(' → ')}`;
  }
}

function reset(): void {
  failed = [];
  scenarioName = '';
  current = null;
  state.status.fill(UP);
  state.groupStatus.fill(UP);
  state.scenario = false;
  state.found = -1;
  // animate() cancels a camera animation still running (from a search); a zero duration would
  // divide by zero in it and leave the camera at NaN for a frame, so: 1 ms, and the state now.
  const home = { x: 0.5, y: 0.5, ratio: 1, angle: 0 };
  void sigma.getCamera().animate(home, { duration: 1 });
  sigma.getCamera().setState(home);
  byId<HTMLInputElement>('br-focus').checked = false;
  byId<HTMLSelectElement>('br-domain').value = '';
  setChain(-1);
  applyFocus();
  renderPanel(byId('br-panel'), model, null);
  refresh();
}

function applyFocus(): void {
  const on = byId<HTMLInputElement>('br-focus').checked;
  const centre = failed.length > 0 ? failed : state.found >= 0 ? [state.found] : [];
  const depth = Number(byId<HTMLInputElement>('br-depth').value) || 1;
  const direction = byId<HTMLSelectElement>('br-direction').value as Direction;
  state.focus = null;
  if (!on || centre.length === 0) return;
  const inside = neighbourhood(serviceNetwork(), centre.map(String), depth, direction);
  state.focus = new Uint8Array(graph.n);
  for (const key of inside) state.focus[Number(key)] = 1;
  if (boxes !== null) boxWorst(boxes, state.focus, state.groupFocus);
}

let services: Graph | null = null;

/** Every service keyed by its index, edges dependent → dependency: what focus mode walks. */
function serviceNetwork(): Graph {
  if (services === null) {
    services = new Graph({ type: 'directed' });
    for (let v = 0; v < graph.n; v++) services.addNode(String(v));
    for (let r = 0; r < graph.reqOwner.length; r++)
      for (let k = graph.altStart[r]!; k < graph.altStart[r + 1]!; k++)
        services.mergeEdge(String(graph.reqOwner[r]!), String(graph.alts[k]!));
  }
  return services;
}

/** Opens box b and the boxes around it, and draws what they hold. */
function open(b: number): void {
  if (boxes === null || b < 0) return;
  openBox(sigma.getGraph(), model, boxes, state.open, b);
  refresh();
}

/** Opens the boxes around service v, so that v is drawn. */
function reveal(v: number): void {
  if (tree !== null) open(tree.box[v]!);
}

function failComponent(v: number): void {
  byId<HTMLSelectElement>('br-domain').value = '';
  fail([v], graph.ids[v]!);
}

function failDomain(domain: string): void {
  const found = model.domains.find((d) => d.domain === domain);
  if (!found) return;
  byId<HTMLSelectElement>('br-domain').value = domain;
  fail(found.members, domain);
}

/** Ids containing the query (case-insensitive), ids starting with it first; at most `limit`. */
function search(query: string, limit = 12): number[] {
  const q = query.trim().toLowerCase();
  if (q === '') return [];
  const starts: number[] = [];
  const contains: number[] = [];
  for (let v = 0; v < graph.n && starts.length < limit; v++) {
    const at = graph.ids[v]!.toLowerCase().indexOf(q);
    if (at === 0) starts.push(v);
    else if (at > 0 && contains.length < limit) contains.push(v);
  }
  return [...starts, ...contains].slice(0, limit);
}

function showSearch(): void {
  const results = byId('br-search-results');
  results.replaceChildren();
  for (const v of search(byId<HTMLInputElement>('br-search').value)) {
    const item = document.createElement('button');
    item.type = 'button';
    item.textContent = graph.ids[v]!;
    item.addEventListener('click', () => choose(v));
    results.append(item);
  }
}

/** A search result chosen: centre on it, mark it, and simulate its outage. */
function choose(v: number): void {
  state.found = v;
  reveal(v);
  byId('br-search-results').replaceChildren();
  failComponent(v);
  const display = sigma.getNodeDisplayData(String(v));
  if (display)
    void sigma.getCamera().animate({ x: display.x, y: display.y, ratio: 0.4 }, { duration: 300 });
}

function exportSvg(): string {
  return sceneSvg(currentScene(sigma, drawnBoxes()));
}

function exportPng(): void {
  const canvas = document.createElement('canvas');
  drawScene(currentScene(sigma, drawnBoxes()), canvas, window.devicePixelRatio || 1);
  canvas.toBlob((blob) => blob && download('blast-radius.png', blob), 'image/png');
}

function wire(): void {
  sigma.on('clickNode', ({ node }) => {
    const v = sigma.getGraph().getNodeAttribute(node, 'v');
    if (v >= 0) failComponent(v);
    else open(-1 - v);
  });
  sigma.on('enterNode', ({ node }) => {
    const v = sigma.getGraph().getNodeAttribute(node, 'v');
    if (state.scenario && v >= 0) inspect(v);
  });
  const domainSelect = byId<HTMLSelectElement>('br-domain');
  for (const d of model.domains) {
    const option = document.createElement('option');
    option.value = d.domain;
    option.textContent = `${d.domain} (${plural(d.members.length, 'service')})`;
    domainSelect.append(option);
  }
  domainSelect.addEventListener('change', () =>
    domainSelect.value === '' ? reset() : failDomain(domainSelect.value),
  );
  const searchBox = byId<HTMLInputElement>('br-search');
  searchBox.addEventListener('input', showSearch);
  searchBox.addEventListener('keydown', (event) => {
    if (event.key !== 'Enter') return;
    const first = search(searchBox.value, 1)[0];
    if (first !== undefined) choose(first);
  });
  for (const id of ['br-focus', 'br-depth', 'br-direction']) {
    byId(id).addEventListener('change', () => {
      applyFocus();
      refresh();
    });
  }
  byId('br-reset').addEventListener('click', reset);
  byId('br-export-svg').addEventListener('click', () =>
    download('blast-radius.svg', new Blob([exportSvg()], { type: 'image/svg+xml' })),
  );
  byId('br-export-png').addEventListener('click', exportPng);
  // Buttons in the tables: "simulate" a component or a domain, then show the graph.
  document.addEventListener('click', (event) => {
    const button = (event.target as Element).closest<HTMLElement>('[data-fail],[data-fail-domain]');
    if (!button) return;
    const id = button.dataset['fail'];
    if (id !== undefined && graph.index.has(id)) failComponent(graph.index.get(id)!);
    const domain = button.dataset['failDomain'];
    if (domain !== undefined) failDomain(domain);
    byId('br-explore').scrollIntoView({ behavior: 'smooth' });
  });
  window.addEventListener('beforeprint', () => {
    const image = byId<HTMLImageElement>('br-print-graph');
    image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(exportSvg())}`;
  });
}

function idsWith(test: (status: number) => boolean): string[] {
  const ids: string[] = [];
  for (let v = 0; v < graph.n; v++) if (test(state.status[v]!)) ids.push(graph.ids[v]!);
  return ids;
}

/** For the tests and the curious: the page's state and its actions, by id. */
function expose(model: PageModel): void {
  const api = {
    ready: true,
    /** Milliseconds since navigation: script start, data parsed, graph compiled, drawn, ready. */
    timings: {
      script: Math.round(started),
      parsed: Math.round(parsed),
      compiled: Math.round(modelled),
      drawn: Math.round(drawn),
      ready: Math.round(performance.now()),
    },
    state: () => ({
      scenario: scenarioName,
      failed: idsWith((s) => state.scenario && s === FAILED),
      down: idsWith((s) => s === DOWN),
      degraded: idsWith((s) => s === DEGRADED),
      up: idsWith((s) => s === UP),
    }),
    fail: (id: string) => failComponent(model.graph.index.get(id)!),
    /** The boxes of a large graph's tree: name, services inside, box around it, open. */
    groups: () =>
      (tree === null ? [] : data.boxes).map((b, i) => ({
        name: b.domain,
        size: tree!.size[i]!,
        parent: tree!.parent[i]! < 0 ? null : data.boxes[tree!.parent[i]!]!.domain,
        open: state.open[i] === 1,
      })),
    openGroup: (name: string) => open(data.boxes.findIndex((b) => b.domain === name)),
    /** Nodes the view draws now (services and closed boxes). */
    drawnNodes: () => sigma.getGraph().order,
    /** Where box `name`'s node is drawn while closed, in page coordinates. */
    groupPosition: (name: string) => {
      const b = data.boxes.findIndex((box) => box.domain === name);
      const display = sigma.getNodeDisplayData(`g${b}`);
      if (!display) return null;
      const p = sigma.framedGraphToViewport(display);
      const box = byId('br-graph').getBoundingClientRect();
      return { x: box.left + p.x, y: box.top + p.y };
    },
    failDomain,
    reset,
    search: (query: string) => search(query).map((v) => graph.ids[v]),
    found: () => (state.found >= 0 ? graph.ids[state.found] : null),
    /** Where service `id` is drawn, in page coordinates (for a real mouse click). */
    nodePosition: (id: string) => {
      const display = sigma.getNodeDisplayData(String(graph.index.get(id)));
      if (!display) return null;
      const p = sigma.framedGraphToViewport(display);
      const box = byId('br-graph').getBoundingClientRect();
      return { x: box.left + p.x, y: box.top + p.y };
    },
    /** The failure-domain boxes as drawn, in page coordinates, outermost first. */
    domainBoxes: () => {
      const box = byId('br-graph').getBoundingClientRect();
      return drawnBoxes().map((b) => ({
        domain: b.domain,
        left: box.left + b.left,
        top: box.top + b.top,
        right: box.left + b.right,
        bottom: box.top + b.bottom,
      }));
    },
    focus: (depth: number, direction: Direction = 'both') => {
      byId<HTMLInputElement>('br-focus').checked = true;
      byId<HTMLInputElement>('br-depth').value = String(depth);
      byId<HTMLSelectElement>('br-direction').value = direction;
      applyFocus();
      refresh();
      return state.focus ? state.focus.reduce((sum, x) => sum + x, 0) : graph.n;
    },
    exportSvg,
    panelText: () => byId('br-panel').textContent ?? '',
    /** The what-if's length in seconds (Infinity: never ends), as the panel's control sets it. */
    setOutageLength,
    /** The marks of the time strip: entry point, seconds, and where along the strip (0–1). */
    strip: () =>
      [...document.querySelectorAll<HTMLElement>('#br-strip .br-strip-mark')].map((mark) => ({
        id: mark.dataset['id'],
        at: Number(mark.dataset['at']),
        text: mark.textContent,
        left: Number.parseFloat(mark.style.left) / 100,
      })),
    whyText: () => byId('br-why').textContent ?? '',
  };
  (window as unknown as { __blastRadius: typeof api }).__blastRadius = api;
  document.body.dataset['ready'] = 'true';
}

wire();
renderPanel(byId('br-panel'), model, null);
byId('br-loading').remove();
expose(model);
