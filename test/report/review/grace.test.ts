// Grace in the reports: a SPOF whose loss tolerances hold off says so ("s3-use1 alone takes down
// site, after 1h") in the findings of the HTML and Markdown reports and in an "after" column of
// the HTML tables; a manifest without tolerances prints exactly as before.

import { describe, expect, it } from 'vitest';
import { analyze } from '../../../src/analysis/analyze.js';
import { loadManifest } from '../../../src/manifest/load.js';
import { compileGraph } from '../../../src/model/compiled-graph.js';
import { reportFindings } from '../../../src/report/review/findings.js';
import { renderReportMarkdown } from '../../../src/report/review/markdown.js';
import { buildReportInput } from '../../../src/report/review/input.js';
import { fixtureManifest, htmlReport } from './support.js';

const site = await loadManifest(fixtureManifest('site-in-time'));

describe('grace in the reports', () => {
  it('the findings say how long the CDN holds the site up without S3', () => {
    const result = analyze(compileGraph(site), site.name ?? null);
    const sentences = reportFindings(result).map((f) =>
      f.parts
        .map((p) => (typeof p === 'string' ? p : 'id' in p ? p.id : p.ids.join(', ')))
        .join(''),
    );
    expect(sentences).toContain(
      's3-use1 alone takes down site, after 1h: 2 services down, 12,000.00 per hour.',
    );
    expect(sentences).toContain(
      'orders-db alone takes down checkout: 2 services down, 30,000.00 per hour.',
    );
    const markdown = renderReportMarkdown(buildReportInput(compileGraph(site), result, null), {
      top: 10,
    });
    expect(markdown).toContain('- `s3-use1` alone takes down `site`, after 1h: 2 services down');
  });

  it('the HTML tables of SPOFs and failure-domain SPOFs have an "after" column', async () => {
    const html = await htmlReport(site);
    const spofs = html.slice(html.indexOf('id="br-spofs"'), html.indexOf('id="br-matrix"'));
    expect(spofs).toContain('<th>cut vertex</th><th class="br-num">after</th><th></th>');
    expect(spofs).toMatch(/<code>s3-use1<\/code>.*<td class="br-num">1h<\/td><td><button/);
    const domains = html.slice(html.indexOf('id="br-domain-spofs"'));
    expect(domains).toContain('<th class="br-num">cost/h</th><th class="br-num">after</th>');
  });

  it('without tolerances there is no "after" anywhere', async () => {
    const html = await htmlReport(await loadManifest(fixtureManifest('s3-2017')));
    expect(html).not.toContain('>after<');
    expect(html).not.toContain(', after ');
  });
});
