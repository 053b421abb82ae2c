// The what-if of the HTML report for a manifest with tolerances, in a real headless Chromium: an
// outage-length control and a strip of the moments the entry points go down, on
// fixtures/site-in-time, agreeing with `simulate --for` (and with `simulate` when it never ends).

import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../support/run-cli.js';
import {
  ARTIFACTS,
  callPage,
  fixtureHtml,
  fixtureManifest,
  launchChromium,
  pageScript,
} from './support.js';

interface Mark {
  id: string;
  at: number;
  text: string;
  left: number;
}

interface Scenario {
  failed: string[];
  down: string[];
  degraded: string[];
}

let browser: Browser;
let page: Page;
const problems: string[] = [];

const call = <T>(method: string, ...args: unknown[]) => callPage<T>(page, method, ...args);

async function simulated(
  selector: string,
  length?: string,
): Promise<Scenario & { timeline?: Array<{ id: string; downAt: number }> }> {
  const run = await runCli([
    'simulate',
    fixtureManifest('site-in-time'),
    '--fail',
    selector,
    ...(length ? ['--for', length] : []),
    '--format',
    'json',
  ]);
  return JSON.parse(run.stdout);
}

const pageScenario = async (): Promise<Scenario> => {
  const { failed, down, degraded } = await call<Scenario>('state');
  return { failed, down, degraded };
};

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  await pageScript();
  browser = await launchChromium();
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'blast-radius-strip-')), 'site.html');
  writeFileSync(file, await fixtureHtml('site-in-time'));
  page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console: ${m.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  await page.goto(pathToFileURL(file).href);
  await page.waitForFunction('document.body.dataset.ready === "true"', null, { timeout: 20_000 });
}, 60_000);

afterAll(async () => {
  await browser?.close();
});

describe('site-in-time report: the what-if has a length and a time strip', () => {
  it('losing us-east-1 for ever: checkout at once, the site after an hour, as simulate says', async () => {
    await call('failDomain', 'provider=aws,region=us-east-1');
    const expected = await simulated('provider=aws,region=us-east-1');
    expect(await pageScenario()).toEqual({
      failed: expected.failed,
      down: expected.down,
      degraded: expected.degraded,
    });
    const marks = await call<Mark[]>('strip');
    expect(marks.map((m) => [m.id, m.at, m.text])).toEqual([
      ['checkout', 0, '0s checkout'],
      ['site', 3600, '1h site'],
    ]);
    expect(marks[0]!.left).toBe(0);
    expect(marks[1]!.left).toBeGreaterThan(0.5);
    expect(await page.locator('#br-length').inputValue()).toBe('Infinity');
    await page
      .locator('#br-panel')
      .screenshot({ path: path.join(ARTIFACTS, 'site-in-time-strip.png') });
  });

  it('for 30 minutes, chosen in the panel: the CDN rides it out, only checkout goes down', async () => {
    await page.locator('#br-length').selectOption('1800');
    const expected = await simulated('provider=aws,region=us-east-1', '30m');
    expect(await pageScenario()).toEqual({
      failed: expected.failed,
      down: expected.down,
      degraded: expected.degraded,
    });
    const marks = await call<Mark[]>('strip');
    expect(marks.map((m) => [m.id, m.at])).toEqual(expected.timeline!.map((e) => [e.id, e.downAt]));
    expect(marks.map((m) => m.id)).toEqual(['checkout']);
    const panel = await call<string>('panelText');
    expect(panel).toContain('What if provider=aws,region=us-east-1 fails for 30m?');
    expect(panel).toContain('end: 30m');
  });

  it('the length stays for the next what-if: S3 alone for 30 minutes takes nothing down', async () => {
    await call('fail', 's3-use1');
    expect((await pageScenario()).down).toEqual([]);
    expect(await call<Mark[]>('strip')).toEqual([]);
    expect(await call<string>('panelText')).toContain(
      'No entry point goes down before the outage ends.',
    );
    await call('setOutageLength', 4 * 3600);
    const marks = await call<Mark[]>('strip');
    expect(marks.map((m) => [m.id, m.at, m.left])).toEqual([['site', 3600, 0.25]]);
    expect(problems).toEqual([]);
  });
});
