// `import compose` on awesome-compose, the voting app, netbox-docker and the layered
// OpenTelemetry demo (real files, fixtures/corpus), and on malformed input.

import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { corpus, edges, importOk, loadAndAnalyze, runImport, scratch, spofsOf } from './support.js';

const VOTING = corpus('example-voting-app/docker-compose.yml');

describe('the voting app (docker-compose.yml)', () => {
  it('imports depends_on, notes service_healthy, leaves out the seed profile', async () => {
    const { text } = await importOk(['compose', VOTING]);
    const { manifest, analysis } = loadAndAnalyze(text);
    expect(edges(manifest)).toEqual([
      'result -> db',
      'vote -> redis',
      'worker -> db',
      'worker -> redis',
    ]);
    expect(text).toContain('- redis  # condition: service_healthy');
    expect(text).toContain('# Left out (their profiles are not active): seed.');
    expect(text).toContain('START ORDER');
    expect(spofsOf(analysis, 'worker')).toEqual(['db', 'redis']);
    await expect(text).toMatchFileSnapshot('../golden/import/voting-app.compose.yaml');
  });

  it('--profile seed brings the seed service in', async () => {
    const { text } = await importOk(['compose', VOTING, '--profile', 'seed']);
    const { manifest } = loadAndAnalyze(text);
    expect(edges(manifest)).toContain('seed -> vote');
    expect(text).toContain('--profile seed');
  });
});

describe('awesome-compose samples', () => {
  const SAMPLES: Record<string, string[]> = {
    'elasticsearch-logstash-kibana': ['kibana -> elasticsearch', 'logstash -> elasticsearch'],
    'flask-redis': ['web -> redis'],
    'nginx-aspnet-mysql': ['backend -> db', 'proxy -> backend'],
    'nginx-flask-mongo': ['backend -> mongo', 'web -> backend'],
    'nginx-golang': ['proxy -> backend'],
    'nginx-nodejs-redis': ['nginx -> web1', 'nginx -> web2'],
    'pihole-cloudflared-DoH': ['pihole -> cloudflared'],
    'react-rust-postgres': ['backend -> db'],
    'traefik-golang': ['frontend -> backend'],
  };
  it.each(Object.entries(SAMPLES))('%s', async (sample, expected) => {
    const { text } = await importOk(['compose', corpus(`awesome-compose/${sample}/compose.yaml`)]);
    const { manifest } = loadAndAnalyze(text);
    expect(edges(manifest)).toEqual(expected);
  });
});

describe('netbox-docker (anchors and merge keys)', () => {
  it('gives the services built with <<: *netbox their own depends_on', async () => {
    const { text } = await importOk(['compose', corpus('netbox-docker/docker-compose.yml')]);
    const { manifest } = loadAndAnalyze(text);
    expect(edges(manifest)).toEqual([
      'netbox -> postgres',
      'netbox -> redis',
      'netbox -> redis-cache',
      'netbox-housekeeping -> netbox',
      'netbox-worker -> netbox',
    ]);
  });
});

describe('the OpenTelemetry demo, layered compose files', () => {
  const DEMO = corpus('opentelemetry-demo');
  const files = ['compose.yaml', 'compose.full.yaml', 'compose.observability.yaml'].map(
    (file) => `${DEMO}/${file}`,
  );

  it('merges later files into earlier ones and interpolates from .env', async () => {
    const { text } = await importOk(['compose', ...files]);
    const { manifest } = loadAndAnalyze(text);
    const all = edges(manifest);
    expect(all).toContain('checkout -> kafka'); // added by compose.full.yaml
    expect(all).toContain('cart -> valkey-cart');
    expect(text).toContain('- kafka  # condition: service_healthy');
    expect(text).toMatch(/Variables from fixtures\/corpus\/opentelemetry-demo\/\.env\./);
    await expect(text).toMatchFileSnapshot('../golden/import/otel-demo.compose.yaml');
  });

  it('a file of comments only adds nothing', async () => {
    const base = await importOk(['compose', files[0]!]);
    const withExtras = await importOk(['compose', files[0]!, `${DEMO}/compose.extras.yaml`]);
    expect(edges(loadAndAnalyze(withExtras.text).manifest)).toEqual(
      edges(loadAndAnalyze(base.text).manifest),
    );
  });
});

describe('interpolation, env files and soft dependencies', () => {
  const dir = scratch({
    'compose.yaml': `x-db: &db
  image: postgres:\${PG_VERSION:-16}
services:
  api:
    image: shop/api:\${TAG}
    depends_on:
      db: { condition: service_healthy }
      migrate: { condition: service_completed_successfully }
      cache: { condition: service_started, required: false }
    deploy:
      replicas: \${API_REPLICAS:-2}
  db:
    <<: *db
  migrate:
    image: shop/migrate
  cache:
    image: redis
`,
    'prod.env': '# production\nTAG=1.4.2\nexport API_REPLICAS="5"\nnot an assignment\n',
  });

  it('uses --env-file, defaults and merge keys; one-off jobs and optional services are soft', async () => {
    const envFile = path.join(dir, 'prod.env');
    const { run, text } = await importOk([
      'compose',
      path.join(dir, 'compose.yaml'),
      '--env-file',
      envFile,
    ]);
    const { manifest } = loadAndAnalyze(text);
    expect(edges(manifest)).toEqual(['api -> cache (soft)', 'api -> db', 'api -> migrate (soft)']);
    expect(text).toContain('# image shop/api:1.4.2');
    expect(text).toContain('# replicas 5');
    expect(text).toContain('# image postgres:16');
    expect(run.stderr).toContain(`${envFile}:4:1: warning: not a KEY=value line; ignored`);
  });

  it('an unset variable without a default is a warning, as in docker compose', async () => {
    const run = await runImport(['compose', path.join(dir, 'compose.yaml')]);
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('warning: variable TAG is not set; using ""');
  });
});

describe('malformed input', () => {
  it.each([
    ['bad YAML', 'services:\n  web: {image: [x\n', /compose\.yaml:\d+:\d+: YAML syntax error/],
    [
      'services as a list',
      'services:\n  - web\n',
      /compose\.yaml:2:3: services must be a mapping, not a list/,
    ],
    [
      'an undefined dependency',
      'services:\n  web:\n    depends_on: [api]\n',
      /compose\.yaml:3:18: service "web" depends on undefined service "api"/,
    ],
    [
      'depends_on of the wrong type',
      'services:\n  web:\n    depends_on: 3\n',
      /compose\.yaml:3:17: services\.web\.depends_on must be a list or a mapping of services, not a number/,
    ],
    [
      'a required variable',
      'services:\n  web:\n    image: "${TAG:?set TAG}"\n',
      /compose\.yaml: TAG: set TAG/,
    ],
  ])('%s: a clear message and exit 2', async (_, yaml, message) => {
    const dir = scratch({ 'compose.yaml': yaml });
    const run = await runImport(['compose', path.join(dir, 'compose.yaml')]);
    expect(run.stderr).toMatch(message);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
  });

  it('a missing --env-file is an input error', async () => {
    const run = await runImport(['compose', VOTING, '--env-file', 'no-such.env']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('no-such.env: no such file or directory');
  });
});
