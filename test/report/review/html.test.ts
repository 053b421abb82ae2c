// The HTML report without a browser: hostile ids and labels cannot escape into markup, the
// embedded data round-trips, the CSP admits exactly the inline script, the matrix agrees with
// the analysis, and the same manifest gives the same bytes.

import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildPage } from '../../../scripts/build-page.mjs';
import { loadManifest } from '../../../src/manifest/load.js';
import { pageData, scriptJson, type PageData } from '../../../src/report/review/page-data.js';
import { buildManifest } from '../../support/build-manifest.js';
import { runCli } from '../../support/run-cli.js';
import { embeddedData, fixtureHtml, fixtureManifest, htmlReport, reportInput } from './support.js';

const HOSTILE = '</script><script>alert(1)</script>';
const COMMENT = '<!--<script>';

function hostileManifest() {
  return buildManifest(
    {
      [HOSTILE]: {
        entrypoint: true,
        kind: '<img src=x onerror=alert(2)>',
        owner: '"><i onmouseover=x>',
        costPerHour: 10,
        depends_on: [COMMENT],
      },
      [COMMENT]: { provider: '</title><script>alert(3)</script>', region: "' onclick='x" },
      ['__proto__']: { entrypoint: true, depends_on: [COMMENT] },
    },
    '</title><h1>pwned</h1>',
  );
}

describe('HTML report: untrusted ids and labels', () => {
  it('puts no manifest string into the page as markup', async () => {
    const html = await htmlReport(hostileManifest());
    expect(html.match(/<script/gi)).toHaveLength(2);
    // The markup before the data and the bundled script (whose code may hold any string).
    const markup = html.slice(0, html.indexOf('<script type="application/json"'));
    const leaks = [HOSTILE, '<img src=x', '<h1>pwned', '"><i ', COMMENT, "' onclick="];
    expect(leaks.filter((text) => html.includes(text) && markup.includes(text))).toEqual([]);
    expect(embeddedData(html).includes('</')).toBe(false);
    expect(markup).toContain('&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;');
  });

  it('embeds the data as JSON that gives the strings back unchanged', async () => {
    const html = await htmlReport(hostileManifest());
    const text = embeddedData(html);
    expect(text).not.toMatch(/[<>&]/);
    const data = JSON.parse(text) as PageData;
    expect(data.ids).toEqual([COMMENT, HOSTILE, '__proto__'].sort());
    expect(data.title).toBe('</title><h1>pwned</h1>');
    expect(data.strings).toContain('</title><script>alert(3)</script>');
  });

  it('escapes what JSON.stringify leaves as is', () => {
    expect(scriptJson({ a: '</script>\u2028&' })).toBe(
      '{"a":"\\u003c/script\\u003e\\u2028\\u0026"}',
    );
  });
});

describe('HTML report: the page', () => {
  it('allows exactly its own inline script and no network', async () => {
    const html = await fixtureHtml('s3-2017');
    const csp = /http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)![1]!;
    expect(csp).toContain("default-src 'none'");
    const body = html.slice(html.lastIndexOf('<script>') + 8, html.lastIndexOf('</script>'));
    const hash = createHash('sha256').update(body).digest('base64');
    expect(csp).toContain(`script-src 'sha256-${hash}'`);
    expect(html).not.toMatch(/(src|href)="(https?:)?\/\//);
  });

  it('gives the page the graph as compiled, with the analysis SPOFs and the layout', async () => {
    const manifest = await loadManifest(fixtureManifest('s3-2017'));
    const input = await reportInput(manifest);
    const data = pageData(input.graph, 't', ['s3-get-use1'], input.page!.layout);
    const v = data.ids.indexOf('acme-support');
    // acme-support: trello (hard), slack (soft).
    expect(data.requirements[v]).toEqual([
      1,
      0,
      1,
      data.ids.indexOf('trello'),
      1,
      1,
      1,
      data.ids.indexOf('slack'),
    ]);
    expect(data.spofs).toEqual([data.ids.indexOf('s3-get-use1')]);
    expect(data.x.every(Number.isFinite) && data.y.every(Number.isFinite)).toBe(true);
  });

  it('matrix: the down cells of a domain are its takesDown in the analysis', async () => {
    const input = await reportInput(await loadManifest(fixtureManifest('s3-2017')), false);
    const { matrix, result } = input;
    for (const [c, domain] of matrix.domains.entries()) {
      const down = matrix.entrypoints.filter((_, r) => matrix.cells[r]![c] === 'down');
      const spof = result.domainSpofs.find((d) => d.domain === domain);
      expect(down, domain).toEqual(spof?.takesDown ?? []);
    }
    expect(matrix.domains).toContain('provider=aws,region=us-east-1');
  });

  it('is byte-identical for the same manifest', async () => {
    expect(await fixtureHtml('s3-2017')).toBe(await fixtureHtml('s3-2017'));
  });
});

/** The recovery-objectives section of a page, or null. */
function objectivesOf(html: string): string | null {
  const start = html.indexOf('<section id="br-objectives">');
  return start < 0 ? null : html.slice(start, html.indexOf('</section>', start));
}

describe('HTML report: recovery objectives', () => {
  it('orders-recovery: a cell per entry point and kind, failing estimates red and marked', async () => {
    const section = objectivesOf(await fixtureHtml('orders-recovery'))!;
    expect(section).not.toBeNull();
    const fail = (text: string) => `<span class="br-cell-down">${text}</span>`;
    expect(section).toContain(
      '<tr><th>entry point</th><th>component</th><th>zone</th><th>region</th><th>provider</th></tr>',
    );
    expect(section).toContain(
      '<tr><th><code>checkout</code></th>' +
        `<td>${fail('1h ✗ (30m)')} / ${fail('1h ✗ (5m)')}</td>` +
        '<td>0s / 0s</td>' +
        `<td>1h (4h) / ${fail('unbounded ✗ (1h)')}</td>` +
        `<td>1h (1d) / ${fail('unbounded ✗ (1d)')}</td></tr>`,
    );
    // Never by colour alone: every red estimate carries the mark, and only those do.
    const red = [...section.matchAll(/<span class="br-cell-down">([^<]*)<\/span>/g)];
    expect(red).toHaveLength(4);
    expect(red.every((m) => m[1]!.includes('✗'))).toBe(true);
    expect(section.split('✗').length - 1).toBe(red.length + 1); // and once in the intro
    expect(section).toContain(
      '<li><code>checkout</code>, component: RTO 1h when <code>orders-db</code> fails: ' +
        '<code>checkout</code> → <code>orders-api</code> → <code>orders-db</code></li>',
    );
    expect(section).toContain('<h3>Objectives missed (4)</h3>');
    expect(section).toContain('<h3>Data that shares fate (3)</h3>');
    expect(section).toContain(
      '2 services without a recovery_time (estimated back at once): <code>checkout</code>, <code>orders-db-usw2</code>.',
    );
  });

  it('has no section, and no trace of one, without objectives or copies', async () => {
    const html = await fixtureHtml('s3-2017');
    expect(objectivesOf(html)).toBeNull();
    expect(html).not.toContain('Recovery objectives');
  });

  it('escapes the ids it names', async () => {
    const manifest = buildManifest({
      [HOSTILE]: { entrypoint: true, depends_on: [COMMENT] },
      [COMMENT]: {
        kind: 'datastore',
        recoveryTime: 60,
        copies: [{ to: '<b>copy</b>', every: 10, position: { file: 't', line: 1, column: 1 } }],
      },
      '<b>copy</b>': {},
    });
    const section = objectivesOf(await htmlReport(manifest))!;
    expect(section).toContain('<code>&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;</code>');
    expect(section).toContain('&lt;b&gt;copy&lt;/b&gt;');
    for (const raw of [HOSTILE, COMMENT, '<b>copy']) expect(section).not.toContain(raw);
  });
});

describe('report command', () => {
  it('writes the HTML report with -o (page bundle from npm run build)', async () => {
    await buildPage();
    const dir = mkdtempSync(path.join(tmpdir(), 'blast-radius-report-'));
    const out = path.join(dir, 'report.html');
    const run = await runCli(['report', fixtureManifest('dyn-2016'), '-o', out]);
    expect(run).toMatchObject({ code: 0, stderr: '' });
    const html = readFileSync(out, 'utf8');
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html).toContain('id="br-data"');
  });

  it('refuses to print a web page to a terminal', async () => {
    const run = await runCli(['report', fixtureManifest('dyn-2016')], { tty: true });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('-o report.html');
  });

  it('writes Markdown to standard output', async () => {
    const run = await runCli(['report', fixtureManifest('dyn-2016'), '--format', 'markdown']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('```mermaid');
  });
});
