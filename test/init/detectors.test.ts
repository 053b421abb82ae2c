// What each detector finds in a repository's files: compose projects as `docker compose` picks
// them (base file, its override, the other variants named), Kubernetes folders with something
// that runs (Helm templates and policy-only folders left out), the Backstage catalog as one.

import { describe, expect, it } from 'vitest';
import { BACKSTAGE_CATALOG } from '../../src/init/detect-backstage.js';
import { COMPOSE } from '../../src/init/detect-compose.js';
import { KUBERNETES } from '../../src/init/detect-kubernetes.js';
import { DETECTORS } from '../../src/init/detectors.js';
import type { RepositoryFile } from '../../src/init/repository-files.js';

const SERVICES = 'services:\n  web: {}\n';
const DEPLOYMENT = 'apiVersion: apps/v1\nkind: Deployment\nmetadata: { name: web }\n';
const POLICY = 'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: { name: p }\n';

function files(entries: Record<string, string>): RepositoryFile[] {
  return Object.entries(entries).map(([path, text]) => ({ path, text }));
}

describe('compose', () => {
  it('takes the base file and its override, and names the other compose files', () => {
    const found = COMPOSE.find(
      files({
        'app/compose.yaml': SERVICES,
        'app/compose.override.yml': SERVICES,
        'app/compose.logging.yaml': SERVICES,
        'app/docker-compose.yml': SERVICES,
        'other/compose.test.yaml': SERVICES,
      }),
    );
    expect(found.map((each) => [each.folder, each.inputs, each.notes])).toEqual([
      [
        'app',
        ['app/compose.yaml', 'app/compose.override.yml'],
        [
          'app/compose.logging.yaml is another compose file here, not merged',
          'app/docker-compose.yml is another compose file here, not merged',
        ],
      ],
    ]);
  });

  it('reads variables from the .env beside the base file', async () => {
    const [candidate] = COMPOSE.find(
      files({
        'compose.yaml': 'services:\n  web:\n    image: ${IMAGE}\n',
        '.env': 'IMAGE=nginx\n',
      }),
    );
    const result = await candidate!.run('/');
    expect(result.diagnostics).toEqual([]);
    expect(result.manifest.caveats).toContain('Variables from .env.');
  });
});

describe('kubernetes', () => {
  it('one import per folder with a workload or Service; Helm templates and policies alone are not', () => {
    const found = KUBERNETES.find(
      files({
        'deploy/web.yaml': DEPLOYMENT,
        'deploy/policy.yaml': POLICY,
        'deploy/notes.yaml': 'title: not kubernetes\n',
        'json/web.json': JSON.stringify({ apiVersion: 'v1', kind: 'Service' }),
        'chart/templates/web.yaml': `${DEPLOYMENT}spec:\n  replicas: {{ .Values.replicas }}\n`,
        'policies/deny.yaml': POLICY,
        'dashboards/web.yaml': `${DEPLOYMENT}# legend: {{instance}}\n`,
      }),
    );
    expect(found.map((each) => each.inputs)).toEqual([
      ['deploy/web.yaml', 'deploy/policy.yaml'],
      ['json/web.json'],
      ['dashboards/web.yaml'],
    ]);
  });
});

describe('backstage', () => {
  it('imports every catalog file together', () => {
    const entity = 'apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata: { name: a }\n';
    const found = BACKSTAGE_CATALOG.find(
      files({ 'catalog-info.yaml': entity, 'docs/b.yaml': entity, 'c.yaml': DEPLOYMENT }),
    );
    expect(found.map((each) => each.inputs)).toEqual([['catalog-info.yaml', 'docs/b.yaml']]);
  });
});

it('the table lists each source once', () => {
  const sources = DETECTORS.map((detector) => detector.source);
  expect(new Set(sources).size).toBe(sources.length);
  expect(sources).toEqual(['kubernetes', 'compose', 'backstage']);
});
