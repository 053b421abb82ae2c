// `import traces` on Jaeger's sample dependency links (real data, fixtures/corpus) and on
// malformed input.

import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { corpus, edges, importOk, loadAndAnalyze, runImport, scratch } from './support.js';

const SAMPLES = 'jaeger-ui/packages/jaeger-ui/src/components/DependencyGraph/sample_data';

describe("Jaeger's large.json", () => {
  it('keeps all 1,238 services and 4,271 links, and the result analyses', async () => {
    const { text } = await importOk(['traces', corpus(`${SAMPLES}/large.json`)]);
    const { manifest, analysis } = loadAndAnalyze(text);
    expect(manifest.services).toHaveLength(1238);
    expect(edges(manifest)).toHaveLength(4271);
    expect(analysis.entrypoints.length).toBeGreaterThan(0);
  });

  it('--min-calls leaves out the rarely used links and says how many', async () => {
    const { text } = await importOk([
      'traces',
      corpus(`${SAMPLES}/large.json`),
      '--min-calls',
      '1000',
    ]);
    const { manifest } = loadAndAnalyze(text);
    expect(edges(manifest).length).toBeLessThan(4271);
    expect(text).toMatch(/# Links with fewer than 1000 calls are left out \(\d+\)\./);
    expect(text).toContain('--min-calls 1000');
  });
});

describe("Jaeger's small.json", () => {
  it('makes every caller depend on its callees, with the call counts as comments', async () => {
    const { text } = await importOk(['traces', corpus(`${SAMPLES}/small.json`)]);
    const { manifest, analysis } = loadAndAnalyze(text);
    expect(edges(manifest)).toEqual([
      'Service1 -> Service2',
      'Service1 -> Service3',
      'Service1 -> Service5',
      'Service2 -> Service4',
      'Service3 -> Service7',
      'Service6 -> Service1',
      'Service8 -> Service6',
    ]);
    expect(analysis.entrypoints).toEqual(['Service8']);
    expect(text).toContain('- Service4  # 129216 calls');
    await expect(text).toMatchFileSnapshot('../golden/import/jaeger-small.traces.yaml');
  });
});

describe('the /api/dependencies envelope and odd names', () => {
  it('reads {"data": [...]}, adds up repeated links, drops self-calls, sanitises names', async () => {
    const dir = scratch({
      'deps.json': JSON.stringify({
        data: [
          { parent: 'frontend', child: 'customer', callCount: 7 },
          { parent: 'frontend', child: 'customer', callCount: 3 },
          { parent: 'frontend', child: 'frontend', callCount: 1 },
          { parent: 'customer', child: 'my sql', callCount: 7 },
        ],
        total: 0,
      }),
    });
    const { text } = await importOk(['traces', path.join(dir, 'deps.json')]);
    const { manifest } = loadAndAnalyze(text);
    expect(edges(manifest)).toEqual(['customer -> my-sql', 'frontend -> customer']);
    expect(text).toContain('- customer  # 10 calls');
    expect(text).toContain('# Jaeger service "my sql"');
    expect(text).toContain('# Calls of a service to itself are left out (1).');
  });
});

describe('malformed input', () => {
  it.each([
    [
      'not a list',
      '{"parent": "a"}',
      /deps\.json:1:1: expected a list of \{parent, child, callCount\} links/,
    ],
    ['bad JSON', '[{"parent": "a",', /deps\.json:\d+:\d+: YAML syntax error/],
    [
      'a link without a child',
      '[\n  {"parent": "a", "callCount": 1}\n]',
      /deps\.json:2:3: child must be a service name, not nothing/,
    ],
    [
      'a call count that is text',
      '[{"parent": "a", "child": "b", "callCount": "many"}]',
      /deps\.json:1:45: callCount must be a number of calls, not a string/,
    ],
  ])('%s: file:line:col and exit 2', async (_, json, message) => {
    const dir = scratch({ 'deps.json': json });
    const run = await runImport(['traces', path.join(dir, 'deps.json')]);
    expect(run.stderr).toMatch(message);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
  });

  it('--min-calls must be a whole number', async () => {
    const run = await runImport(['traces', corpus(`${SAMPLES}/small.json`), '--min-calls', 'ten']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--min-calls takes a whole number');
  });

  it('takes one file', async () => {
    const run = await runImport(['traces']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("missing required argument 'file'");
  });
});
