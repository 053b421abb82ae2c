// `graph --around ID… --depth N --direction down|up|both`: only the neighbourhood, in every
// graph format, with groups keeping their declared "k of n"; bad ids and depths are usage errors.

import { describe, expect, it } from 'vitest';
import { runCli } from '../support/run-cli.js';

const MANIFEST = 'fixtures/multi-region/blast-radius.yaml';

async function graphJsonIds(args: string[]): Promise<string[]> {
  const run = await runCli(['graph', MANIFEST, '--format', 'json', ...args]);
  expect(run.code).toBe(0);
  return (JSON.parse(run.stdout) as { services: Array<{ id: string }> }).services.map((s) => s.id);
}

describe('graph --around', () => {
  it('exports what the named services depend on, down to the depth asked', async () => {
    expect(
      await graphJsonIds(['--around', 'db-use1', '--depth', '1', '--direction', 'down']),
    ).toEqual(['db-use1', 'db-use1-az1', 'db-use1-az2', 'db-use1-az3', 'db-usw2']);
  });

  it('exports what depends on them going up, and both ways with several ids', async () => {
    expect(
      await graphJsonIds(['--around', 'db-use1-az1', '--depth', '1', '--direction', 'up']),
    ).toEqual(['db-use1', 'db-use1-az1']);
    const both = await graphJsonIds(['--around', 'db-use1-az1', 'api-usw2-az1', '--depth', '1']);
    expect(both).toEqual(['api-usw2', 'api-usw2-az1', 'db-use1', 'db-use1-az1']);
  });

  it.each([
    ['mermaid', /2 of 3/],
    ['dot', /"2 of 3"/],
    ['graphml', /<data key="alternatives">3<\/data>/],
  ])('draws a cut group with its declared size in %s', async (format, pattern) => {
    const run = await runCli([
      'graph',
      MANIFEST,
      '--format',
      format,
      '--around',
      'db-use1-az1',
      '--direction',
      'up',
    ]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(pattern);
    expect(run.stdout).toContain('db-use1-az1');
    expect(run.stdout).not.toContain('db-use1-az2');
    expect(run.stdout).not.toContain('api-use1');
  });

  it('leaves the whole graph unchanged without --around', async () => {
    const whole = await graphJsonIds([]);
    const deep = await graphJsonIds([
      '--around',
      'ledgerline-web',
      '--depth',
      '50',
      '--direction',
      'down',
    ]);
    expect(whole.length).toBeGreaterThan(deep.length);
    expect(deep).toContain('db-usw2-az3');
  });

  it('refuses an unknown id and a depth that is not a whole number (exit 2)', async () => {
    const unknown = await runCli(['graph', MANIFEST, '--around', 'checkout', 'db-use1']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toBe('blast-radius: --around: no service "checkout"\n');
    const depth = await runCli(['graph', MANIFEST, '--around', 'db-use1', '--depth', 'two']);
    expect(depth.code).toBe(2);
    expect(depth.stderr).toContain('--depth takes a whole number');
    const direction = await runCli([
      'graph',
      MANIFEST,
      '--around',
      'db-use1',
      '--direction',
      'sideways',
    ]);
    expect(direction.code).toBe(2);
  });
});
