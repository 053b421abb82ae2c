// The HTML report in a real headless Chromium (Debian's, driven by playwright-core): every
// fixture's report loads from file:// with no console error and no request off the file, the
// what-if of the s3-2017 report colours exactly what `simulate` reports, search and focus work,
// the Mermaid of the Markdown report parses, and large reports open collapsed, a box opening on a
// click with what it holds drawn inside it.
// Screenshots go to test-artifacts/report/ for a person to look at.

import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateManifest } from '../../../bench/generate.mjs';
import { loadManifest, parseManifestText } from '../../../src/manifest/load.js';
import { buildManifest } from '../../support/build-manifest.js';
import { runCli } from '../../support/run-cli.js';
import { OPEN_BUDGET } from '../../../src/report/review/group-layout.js';
import {
  ARTIFACTS,
  callPage,
  FIXTURES,
  fixtureHtml,
  fixtureManifest,
  htmlReport,
  launchChromium,
  pageScript,
} from './support.js';

/** What the page exposes for tests (src/report/review/page/main.ts). */
interface PageState {
  scenario: string;
  failed: string[];
  down: string[];
  degraded: string[];
  up: string[];
}

const TMP = mkdtempSync(path.join(tmpdir(), 'blast-radius-browser-'));
/** How long a page may take to load before a wait gives up (never a speed assertion: BENCHMARKS.md has the numbers). */
const OPEN_BUDGET_MS = 20_000;

let browser: Browser;

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  await pageScript();
  browser = await launchChromium();
}, 60_000);

afterAll(async () => {
  await browser?.close();
});

/** Opens an HTML report from a file; records console errors and requests that leave the file. */
async function open(html: string, name: string): Promise<{ page: Page; problems: string[] }> {
  const file = path.join(TMP, `${name}.html`);
  writeFileSync(file, html);
  const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('dialog', (dialog) => {
    problems.push(`dialog: ${dialog.message()}`);
    void dialog.dismiss();
  });
  page.on('request', (request) => {
    if (!/^(file|data):/.test(request.url())) problems.push(`request: ${request.url()}`);
  });
  await page.goto(pathToFileURL(file).href);
  await page.waitForFunction('document.body.dataset.ready === "true"', null, {
    timeout: OPEN_BUDGET_MS,
  });
  return { page, problems };
}

const call = callPage;

const state = (page: Page) => call<PageState>(page, 'state');

async function simulated(name: string, selector: string): Promise<PageState> {
  const run = await runCli([
    'simulate',
    fixtureManifest(name),
    '--fail',
    selector,
    '--format',
    'json',
  ]);
  const { failed, down, degraded, up } = JSON.parse(run.stdout) as PageState;
  return { scenario: selector, failed, down, degraded, up };
}

interface ScreenBox {
  domain: string;
  left: number;
  top: number;
  right: number;
  bottom: number;
}

const within = (
  inner: { left: number; top: number; right: number; bottom: number },
  outer: ScreenBox,
) =>
  inner.left >= outer.left &&
  inner.right <= outer.right &&
  inner.top >= outer.top &&
  inner.bottom <= outer.bottom;

describe.each(FIXTURES)('%s report', (name) => {
  it('loads with no console error and no request off the file; draws every service inside the box of its failure domain; screenshots', async () => {
    const manifest = await loadManifest(fixtureManifest(name));
    const { page, problems } = await open(await fixtureHtml(name), name);
    await page.screenshot({ path: path.join(ARTIFACTS, `${name}.png`), fullPage: true });
    await page.locator('#br-explore').scrollIntoViewIfNeeded();
    await page
      .locator('#br-explore')
      .screenshot({ path: path.join(ARTIFACTS, `${name}-domains.png`) });
    const boxes = await call<ScreenBox[]>(page, 'domainBoxes');
    const byDomain = new Map(boxes.map((b) => [b.domain, b]));
    // One box per failure domain of the manifest, each inside the box of the domain around it.
    const domains = new Set<string>();
    for (const service of manifest.services) {
      const parts: string[] = [];
      for (const key of ['provider', 'region', 'zone'] as const) {
        if (service[key] === undefined) continue;
        parts.push(`${key}=${service[key]}`);
        domains.add(parts.join(','));
      }
      // The service's circle, read back from the page, lies in the box of each of its domains.
      const at = await call<{ x: number; y: number }>(page, 'nodePosition', service.id);
      const point = { left: at.x, right: at.x, top: at.y, bottom: at.y };
      for (let k = 1; k <= parts.length; k++) {
        const box = byDomain.get(parts.slice(0, k).join(','));
        expect(box, `${service.id} in ${parts.slice(0, k).join(',')}`).toBeDefined();
        expect(within(point, box!), `${service.id} inside ${box!.domain}`).toBe(true);
      }
      // …and in no box of a domain it does not belong to.
      for (const box of boxes) {
        if (!parts.some((_, k) => parts.slice(0, k + 1).join(',') === box.domain))
          expect(within(point, box), `${service.id} outside ${box.domain}`).toBe(false);
      }
    }
    expect([...byDomain.keys()].sort()).toEqual([...domains].sort());
    for (const box of boxes) {
      const parent = box.domain.slice(0, Math.max(0, box.domain.lastIndexOf(',')));
      if (parent !== '')
        expect(within(box, byDomain.get(parent)!), `${box.domain} nested`).toBe(true);
    }
    expect(problems).toEqual([]);
    await page.close();
  }, 60_000);
});

describe('s3-2017: what happened on 2017-02-28', () => {
  let page: Page;
  let problems: string[];
  beforeAll(async () => {
    ({ page, problems } = await open(await fixtureHtml('s3-2017'), 's3-2017-what-if'));
  }, 30_000);
  afterAll(() => page.close());

  // The brief's `s3-use1` is `s3-index-use1` in the fixture: the index subsystem the command
  // took out (fixtures/s3-2017/README.md).
  it('a click on s3-index-use1 colours exactly what simulate reports', async () => {
    await page.locator('#br-graph').scrollIntoViewIfNeeded();
    const at = await call<{ x: number; y: number }>(page, 'nodePosition', 's3-index-use1');
    await page.mouse.click(at.x, at.y);
    await page.locator('#br-panel h3', { hasText: 'What if s3-index-use1 fails?' }).waitFor();
    expect(await state(page)).toEqual(await simulated('s3-2017', 's3-index-use1'));
    const panel = await page.locator('#br-panel').innerText();
    expect(panel).toContain('3 of 5 entry points down');
    expect(panel).toContain('20,600.00 per hour');
    expect(panel).toContain('acme-web → cdn-images → s3-get-use1 → s3-index-use1');
    expect(panel).toContain('aws-health-dashboard is down');
    const web = await call<{ x: number; y: number }>(page, 'nodePosition', 'acme-web');
    await page.mouse.move(web.x, web.y);
    await expect
      .poll(() => page.locator('#br-why').innerText())
      .toBe('Why acme-web is down: acme-web → cdn-images → s3-get-use1 → s3-index-use1');
    await page
      .locator('#br-explore')
      .screenshot({ path: path.join(ARTIFACTS, 's3-2017-s3-index-use1.png') });
    expect(problems).toEqual([]);
  });

  it('failing the region from the list matches simulate too', async () => {
    await page.selectOption('#br-domain', 'provider=aws,region=us-east-1');
    expect(await state(page)).toEqual(await simulated('s3-2017', 'provider=aws,region=us-east-1'));
  });

  it('the simulate buttons of the tables fail what their row names', async () => {
    await page.click('#br-spofs button[data-fail="s3-placement-use1"]');
    expect(await state(page)).toEqual(await simulated('s3-2017', 's3-placement-use1'));
    await page.click('#br-matrix button[data-fail-domain="provider=trello"]');
    expect(await state(page)).toEqual(await simulated('s3-2017', 'provider=trello'));
  });

  it('search finds a service and shows its outage', async () => {
    await page.fill('#br-search', 'trel');
    await expect
      .poll(() => page.locator('#br-search-results button').allInnerTexts())
      .toEqual(['trello']);
    await page.press('#br-search', 'Enter');
    expect((await state(page)).failed).toEqual(['trello']);
    expect(await call(page, 'found')).toBe('trello');
  });

  it('focus mode keeps the neighbourhood of the failure; reset shows all', async () => {
    // trello: its dependency s3-get-use1 and its dependent acme-support.
    expect(await call<number>(page, 'focus', 1)).toBe(3);
    expect(await call<number>(page, 'focus', 1, 'down')).toBe(2);
    expect(await call<number>(page, 'focus', 1, 'up')).toBe(2);
    await page.click('#br-reset');
    expect((await state(page)).failed).toEqual([]);
  });

  it('exports the view as SVG and PNG', async () => {
    await call(page, 'fail', 's3-index-use1');
    // Every node is in view once the camera is back from the search's zoom.
    const circles = async () => (await call<string>(page, 'exportSvg')).match(/<circle /g)?.length;
    await expect.poll(circles).toBe(26);
    const svg = await call<string>(page, 'exportSvg');
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(svg).toContain('>s3-index-use1</text>');
    const download = page.waitForEvent('download');
    await page.click('#br-export-png');
    const file = path.join(ARTIFACTS, 's3-2017-export.png');
    await (await download).saveAs(file);
    writeFileSync(path.join(ARTIFACTS, 's3-2017-export.svg'), svg);
  });
});

it('a hostile id is shown as text, found by search, and runs no script', async () => {
  const hostile = '</script><script>alert(1)</script>';
  const manifest = buildManifest({
    [hostile]: { entrypoint: true, kind: '<img src=x onerror=alert(2)>', depends_on: ['db'] },
    db: { provider: '<b>x</b>' },
  });
  const { page, problems } = await open(await htmlReport(manifest), 'hostile');
  await page.fill('#br-search', '</script>');
  await expect
    .poll(() => page.locator('#br-search-results button').allInnerTexts())
    .toEqual([hostile]);
  await call(page, 'fail', 'db');
  expect((await state(page)).down).toEqual([hostile]);
  expect(problems).toEqual([]);
  await page.close();
});

it("the Markdown reports' Mermaid blocks parse with mermaid", async () => {
  const page = await browser.newPage();
  await page.setContent('<!doctype html><title>mermaid</title>');
  const require = createRequire(import.meta.url);
  await page.addScriptTag({ path: require.resolve('mermaid/dist/mermaid.min.js') });
  for (const name of FIXTURES) {
    const run = await runCli(['report', fixtureManifest(name), '--format', 'markdown']);
    const block = /```mermaid\n([\s\S]*?)```/.exec(run.stdout)?.[1];
    expect(block, name).toBeDefined();
    const parsed = await page.evaluate(async (text) => {
      type Mermaid = { parse(t: string): Promise<{ diagramType: string }> };
      const mermaid = (globalThis as unknown as { mermaid: Mermaid }).mermaid;
      try {
        return (await mermaid.parse(text)).diagramType;
      } catch (error) {
        return `error: ${String(error)}`;
      }
    }, block!);
    expect(parsed, name).toBe('flowchart-v2');
  }
  await page.close();
});

interface TreeBox {
  name: string;
  size: number;
  parent: string | null;
  open: boolean;
}

/** Boxes drawn as one node now: closed, with every box around them open. */
function closedShown(boxes: readonly TreeBox[]): TreeBox[] {
  const byName = new Map(boxes.map((b) => [b.name, b]));
  const shown = (b: TreeBox): boolean =>
    b.parent === null || (byName.get(b.parent)!.open && shown(byName.get(b.parent)!));
  return boxes.filter((b) => !b.open && shown(b));
}

it('a 5,000-service report opens collapsed and answers a click', async () => {
  const { text } = generateManifest({ services: 5000, seed: 'report', format: 'json' });
  const manifest = parseManifestText(text, 'generated.json', { format: 'json' });
  let t = performance.now();
  const html = await htmlReport(manifest);
  const generate = performance.now() - t;
  t = performance.now();
  const { page, problems } = await open(html, 'services-5000');
  const interactive = performance.now() - t;
  // Above 2,000 services the page opens with boxes closed, one node each; a box opens on demand.
  const boxes = await call<TreeBox[]>(page, 'groups');
  const closed = closedShown(boxes);
  expect(closed.length).toBeGreaterThan(1);
  expect(boxes.filter((b) => b.parent === null).reduce((sum, b) => sum + b.size, 0)).toBe(5000);
  const before = await call<number>(page, 'drawnNodes');
  expect(before).toBeLessThanOrEqual(OPEN_BUDGET);
  t = performance.now();
  const entry = manifest.services.find((s) => s.entrypoint)!.id;
  const first = manifest.services.find((s) => s.provider !== undefined)!.id;
  await call(page, 'fail', first);
  const click = performance.now() - t;
  await page.locator('#br-explore').screenshot({ path: path.join(ARTIFACTS, 'services-5000.png') });
  console.log(
    `report of 5,000 services: ${(html.length / 1e6).toFixed(2)} MB generated in ${Math.round(generate)} ms; ` +
      `page interactive after ${Math.round(interactive)} ms; a what-if takes ${Math.round(click)} ms`,
  );
  expect(problems).toEqual([]);
  expect(await call<string[]>(page, 'search', entry)).toContain(entry);
  await page.close();
}, 60_000);

it('a 3,000-service report opens collapsed, opens a box on a click, and keeps every service inside its boxes', async () => {
  const { text } = generateManifest({ services: 3000, seed: 'collapse', format: 'json' });
  const manifest = parseManifestText(text, 'generated.json', { format: 'json' });
  const { page, problems } = await open(await htmlReport(manifest), 'services-3000');
  await page.locator('#br-explore').scrollIntoViewIfNeeded();
  let boxes = await call<TreeBox[]>(page, 'groups');
  // Collapsed: at most the budget of nodes, the top boxes open, the next level closed.
  expect(await call<number>(page, 'drawnNodes')).toBeLessThanOrEqual(OPEN_BUDGET);
  expect(boxes.filter((b) => b.parent === null).every((b) => b.open)).toBe(true);
  const shown = closedShown(boxes);
  expect(shown.length).toBeGreaterThan(10);
  expect(shown.every((b) => b.parent !== null)).toBe(true);
  await page
    .locator('#br-explore')
    .screenshot({ path: path.join(ARTIFACTS, 'services-3000-collapsed.png') });
  // A real click on a closed region opens it: its zones appear inside it, each closed.
  const region = shown
    .filter((b) => b.name.includes(',region=') && boxes.some((c) => c.parent === b.name))
    .sort((a, b) => b.size - a.size)[0]!;
  const at = await call<{ x: number; y: number }>(page, 'groupPosition', region.name);
  const nodesBefore = await call<number>(page, 'drawnNodes');
  await page.mouse.click(at.x, at.y);
  await expect
    .poll(
      async () => (await call<TreeBox[]>(page, 'groups')).find((b) => b.name === region.name)!.open,
    )
    .toBe(true);
  boxes = await call<TreeBox[]>(page, 'groups');
  const zones = boxes.filter((b) => b.parent === region.name);
  expect(zones.length).toBeGreaterThan(0);
  const own = region.size - zones.reduce((sum, z) => sum + z.size, 0);
  expect(await call<number>(page, 'drawnNodes')).toBe(nodesBefore - 1 + zones.length + own);
  let drawn = new Map((await call<ScreenBox[]>(page, 'domainBoxes')).map((b) => [b.domain, b]));
  for (const zone of zones) {
    expect(within(drawn.get(zone.name)!, drawn.get(region.name)!), zone.name).toBe(true);
    const node = await call<{ x: number; y: number }>(page, 'groupPosition', zone.name);
    const point = { left: node.x, right: node.x, top: node.y, bottom: node.y };
    expect(within(point, drawn.get(zone.name)!), `${zone.name} node`).toBe(true);
  }
  await page
    .locator('#br-explore')
    .screenshot({ path: path.join(ARTIFACTS, 'services-3000-region-open.png') });
  // And a zone opened: every service drawn now lies inside the box of each of its domains (or
  // of the unplaced services and its owner) and outside every other box drawn.
  const zone = zones.sort((a, b) => b.size - a.size)[0]!;
  await call(page, 'openGroup', zone.name);
  drawn = new Map((await call<ScreenBox[]>(page, 'domainBoxes')).map((b) => [b.domain, b]));
  const positions = await page.evaluate(
    (ids) => {
      type Api = { nodePosition: (id: string) => { x: number; y: number } | null };
      const api = (globalThis as unknown as { __blastRadius: Api }).__blastRadius;
      return ids.map((id) => api.nodePosition(id));
    },
    manifest.services.map((s) => s.id),
  );
  let checked = 0;
  manifest.services.forEach((service, i) => {
    const at = positions[i];
    if (!at) return;
    checked++;
    const point = { left: at.x, right: at.x, top: at.y, bottom: at.y };
    const parts: string[] = [];
    const mine = new Set<string>();
    for (const key of ['provider', 'region', 'zone'] as const) {
      if (service[key] === undefined) continue;
      parts.push(`${key}=${service[key]}`);
      mine.add(parts.join(','));
    }
    if (mine.size === 0) {
      mine.add('unplaced');
      if (service.owner !== undefined) mine.add(`owner=${service.owner}`);
    }
    for (const box of drawn.values())
      expect(within(point, box), `${service.id} in ${box.domain}`).toBe(mine.has(box.domain));
  });
  // The zone's and the region's own services, and those of the open providers.
  expect(checked).toBeGreaterThanOrEqual(
    region.size - zones.reduce((s, z) => s + z.size, 0) + zone.size,
  );
  expect(checked).toBe(
    (await call<number>(page, 'drawnNodes')) -
      closedShown(await call<TreeBox[]>(page, 'groups')).length,
  );
  expect(problems).toEqual([]);
  await page.close();
}, 90_000);
