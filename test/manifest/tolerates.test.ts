// `tolerates` on a dependency or a group: read as seconds, refused with its place when it is not a
// duration, added by overlays to what an imported manifest declares, and drawn on graph edges.

import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ManifestErrors } from '../../src/manifest/errors.js';
import { loadManifest, parseManifestText } from '../../src/manifest/load.js';
import { buildDependencyGraph } from '../../src/model/dependency-graph.js';
import { renderGraphDot } from '../../src/report/graph/dot.js';
import { renderGraphGraphml } from '../../src/report/graph/graphml.js';
import { renderGraphJson } from '../../src/report/graph/json.js';
import { renderGraphMermaid } from '../../src/report/graph/mermaid.js';
import { assertMatches } from '../schema/schemas.js';
import { expectErrors, parseErrors } from './helpers.js';

const SITE = `version: 1
services:
  site:
    entrypoint: true
    depends_on:
      - { service: origin-s3, tolerates: 1h }
      - { any_of: [route53, ns1-dns], tolerates: 2d }
      - { quorum: 1, of: [checkout], tolerates: 90 }
      - { service: analytics, soft: true, tolerates: 0 }
  origin-s3: {}
  route53: {}
  ns1-dns: {}
  checkout: {}
  analytics: {}
`;

describe('tolerates', () => {
  it('is read in seconds on single dependencies and groups, and left out when 0', () => {
    const site = parseManifestText(SITE, 'site.yaml').services.find((s) => s.id === 'site')!;
    expect(site.dependsOn.map((r) => r.tolerates)).toEqual([3600, 172_800, 90, undefined]);
    expect(Object.keys(site.dependsOn[3]!)).not.toContain('tolerates');
  });

  it('refuses what is not a duration, at the value', () => {
    const errors = parseErrors(`version: 1
services:
  site:
    depends_on:
      - { service: origin-s3, tolerates: forever }
      - { any_of: [origin-s3], tolerates: -5 }
  origin-s3: {}
`);
    expectErrors(errors, [
      { file: 'shop.yaml', line: 5, column: 42, phrase: 'tolerates must be a duration' },
      { file: 'shop.yaml', line: 6, column: 43, phrase: 'tolerates must be a duration' },
    ]);
  });

  it('suggests itself for a misspelling', () => {
    const errors = parseErrors(`version: 1
services:
  site: { depends_on: [{ service: origin-s3, tolerate: 1h }] }
  origin-s3: {}
`);
    expectErrors(errors, [
      { file: 'shop.yaml', line: 3, column: 46, phrase: 'did you mean "tolerates"?' },
    ]);
  });

  it('is drawn on the edge from the dependent in every graph format', () => {
    const graph = buildDependencyGraph(parseManifestText(SITE, 'site.yaml'));
    expect(renderGraphMermaid(graph)).toContain('-->|"rides out 1h"| ');
    expect(renderGraphMermaid(graph)).toContain('-->|"rides out 2d"| g0');
    expect(renderGraphDot(graph)).toContain('"site" -> "origin-s3" [label="rides out 1h"];');
    expect(renderGraphDot(graph)).toContain('"site" -> "group 0" [label="rides out 2d"];');
    expect(renderGraphDot(graph)).toContain('"site" -> "analytics" [style=dashed];');
    const graphml = renderGraphGraphml(graph);
    expect(graphml).toContain('<key id="tolerates" for="edge"');
    expect(graphml.match(/<data key="tolerates">172800<\/data>/g)).toHaveLength(2);
    const json = JSON.parse(renderGraphJson(graph)) as { services: unknown[] };
    assertMatches('graph', json);
    expect(JSON.stringify(json)).toContain('"group":false,"tolerates":3600');
  });

  it('leaves graphs without tolerances as they were', () => {
    const plain = SITE.replace(/, tolerates: [0-9a-z]+/g, '');
    const graph = buildDependencyGraph(parseManifestText(plain, 'site.yaml'));
    expect(renderGraphGraphml(graph)).not.toContain('tolerates');
    expect(renderGraphMermaid(graph)).not.toContain('|');
    expect(renderGraphDot(graph)).not.toContain('label="rides');
  });
});

describe('tolerates in overlays', () => {
  const GENERATED = `version: 1
services:
  site: { depends_on: [origin-s3] }
  origin-s3: {}
`;

  async function load(top: string) {
    const dir = await mkdtemp(path.join(tmpdir(), 'br-tolerates-'));
    await writeFile(path.join(dir, 'services.generated.yaml'), GENERATED);
    await writeFile(path.join(dir, 'blast-radius.yaml'), top);
    return loadManifest('blast-radius.yaml', { cwd: dir });
  }

  it('adds a tolerance to a dependency the included file declares', async () => {
    const manifest = await load(`version: 1
include: [services.generated.yaml]
services:
  cdn: {}
overlays:
  - match: site
    depends_on: [{ service: origin-s3, tolerates: 1h }]
`);
    const site = manifest.services.find((s) => s.id === 'site')!;
    expect(site.dependsOn).toHaveLength(1);
    expect(site.dependsOn[0]!.tolerates).toBe(3600);
  });

  it('refuses two different tolerances for one dependency, naming both places', async () => {
    const error = await load(`version: 1
include: [services.generated.yaml]
services:
  cdn: {}
overlays:
  - match: site
    depends_on: [{ service: origin-s3, tolerates: 1h }]
  - match: site
    depends_on: [{ service: origin-s3, tolerates: 2h }]
`).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ManifestErrors);
    const [first] = (error as ManifestErrors).errors;
    expect(first).toMatchObject({ file: 'blast-radius.yaml', line: 9, column: 18 });
    expect(first!.message).toContain('blast-radius.yaml:7:18 says 1h');
  });
});
