import { describe, expect, it } from 'vitest';
import { analyze } from '../../../src/analysis/analyze.js';
import { compileGraph } from '../../../src/model/compiled-graph.js';
import { renderAnalyzeText } from '../../../src/report/analyze/text.js';
import { renderAnalyzeMarkdown } from '../../../src/report/analyze/markdown.js';
import { buildManifest } from '../../support/build-manifest.js';

// Two shops, each on three replicas of which one is enough, and on a pair of caches: each shop
// has one cut set of two components and one of three.
const manifest = buildManifest({
  'shop-a': {
    entrypoint: true,
    depends_on: [{ any_of: ['db-1', 'db-2', 'db-3'] }, { any_of: ['cache-1', 'cache-2'] }],
  },
  'shop-b': {
    entrypoint: true,
    depends_on: [{ any_of: ['db-1', 'db-2', 'db-3'] }, { any_of: ['cache-1', 'cache-2'] }],
  },
  'db-1': {},
  'db-2': {},
  'db-3': {},
  'cache-1': {},
  'cache-2': {},
  'shop-c': { entrypoint: true },
});

describe('minimal cut sets in the text and Markdown reports', () => {
  it('lists the counts per entry point and the larger sets, capped by --top with what was left out', () => {
    const result = analyze(compileGraph(manifest), 'shops', { order: 3 });
    const text = [...renderAnalyzeText(result, { color: false, top: 1 })].join('');
    expect(text).toContain('Minimal cut sets of up to 3 components (per entry point; 2 with any)');
    expect(text).toContain('  shop-a: 1 of order 2, 1 of order 3');
    expect(text).not.toContain('  shop-b: 1 of order 2');
    expect(text).toContain('… 1 more (--top 2 or --format json for all)');
    expect(text).toContain('  sets of three or more components (1):');
    expect(text).toContain('    db-1 + db-2 + db-3 takes down shop-a, … (1 more)');
    const markdown = [...renderAnalyzeMarkdown(result, { top: 1 })].join('');
    expect(markdown).toContain('## Minimal cut sets of up to 3 components');
    expect(markdown).toContain('- `shop-a`: 1 of order 2, 1 of order 3');
    expect(markdown).toContain('- _1 more not shown (`--top`)._');
    expect(markdown).toContain('- `db-1` + `db-2` + `db-3` takes down `shop-a`, `shop-b`');
  });

  it('says when the budget ran out, and shows nothing without --order', () => {
    const stopped = analyze(compileGraph(manifest), 'shops', { order: 3, cutBudget: 1 });
    expect(stopped.cutSets?.complete).toBe(false);
    const text = [...renderAnalyzeText(stopped, { color: false, top: 10 })].join('');
    expect(text).toContain('not solved within the budget');
    expect(text).toContain('the cut-set search stopped at its budget of 1 diagram nodes');
    expect([...renderAnalyzeMarkdown(stopped, { top: 10 })].join('')).toContain(
      'raise --cut-budget',
    );
    const pairsStopped = analyze(compileGraph(manifest), 'shops', { order: 2, pairBudget: 0 });
    expect(pairsStopped.cutSets?.complete).toBe(false);
    expect([...renderAnalyzeText(pairsStopped, { color: false, top: 10 })].join('')).toContain(
      'a pair search stopped at its budget: 3 entry points left uncounted (raise --pair-budget)',
    );
    const plain = analyze(compileGraph(manifest), 'shops');
    expect([...renderAnalyzeText(plain, { color: false, top: 10 })].join('')).not.toContain(
      'Minimal cut sets',
    );
    expect([...renderAnalyzeMarkdown(plain, { top: 10 })].join('')).not.toContain(
      'Minimal cut sets',
    );
  });

  it('shows failure domains of their own as members, marked as domains', () => {
    const zonal = {
      ...buildManifest({
        checkout: { entrypoint: true, depends_on: [{ any_of: ['api-use1', 'api-euw1'] }] },
        'api-use1': { provider: 'aws', region: 'us-east-1' },
        'api-euw1': { provider: 'aws', region: 'eu-west-1' },
      }),
      domains: [
        {
          domain: 'provider=aws,region=us-east-1',
          sla: 99.95,
          position: { file: 'shop.yaml', line: 1, column: 1 },
        },
      ],
    };
    const result = analyze(compileGraph(zonal), 'shop', { order: 2 });
    const text = [...renderAnalyzeText(result, { color: false, top: 10 })].join('');
    expect(text).toContain('Minimal cut sets of up to 2 components and failure domains');
    expect(text).toContain('  checkout: 2 of order 2');
    expect(text).toContain('  sets of three or more members, or with a failure domain (1):');
    expect(text).toContain(
      '    api-euw1 + domain provider=aws,region=us-east-1 takes down checkout',
    );
    const markdown = [...renderAnalyzeMarkdown(result, { top: 10 })].join('');
    expect(markdown).toContain('**Sets of three or more members, or with a failure domain** (1)');
    expect(markdown).toContain(
      '- `api-euw1` + domain `provider=aws,region=us-east-1` takes down `checkout`',
    );
  });
});
