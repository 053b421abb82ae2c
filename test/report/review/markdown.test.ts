// The Markdown report: a golden file for s3-2017 (regenerate on purpose with `npx vitest -u`),
// and the same numbers as `analyze --format json`.

import { describe, expect, it } from 'vitest';
import { runCli } from '../../support/run-cli.js';
import { FIXTURES, fixtureManifest } from './support.js';

describe('report --format markdown', () => {
  it('s3-2017 matches its golden file', async () => {
    const run = await runCli([
      'report',
      'fixtures/s3-2017/blast-radius.yaml',
      '--format',
      'markdown',
    ]);
    expect(run.code).toBe(0);
    await expect(run.stdout).toMatchFileSnapshot('../../golden/report/s3-2017.report.md');
  });

  it.each(FIXTURES)('%s: names every SPOF that analyze finds, with its cost', async (name) => {
    const report = await runCli([
      'report',
      fixtureManifest(name),
      '--format',
      'markdown',
      '--top',
      '1000',
    ]);
    const analysis = await runCli(['analyze', fixtureManifest(name), '--format', 'json']);
    const result = JSON.parse(analysis.stdout) as {
      spofs: Array<{ id: string; blastRadius: { costPerHour: number } }>;
    };
    for (const spof of result.spofs) expect(report.stdout).toContain(`| \`${spof.id}\` |`);
    expect(report.stdout.length).toBeLessThan(60_000);
  });

  it('orders-recovery: has the recovery objectives of analyze, failing estimates marked', async () => {
    const run = await runCli([
      'report',
      fixtureManifest('orders-recovery'),
      '--format',
      'markdown',
    ]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(
      '| `checkout` | 1h ✗ (30m) / 1h ✗ (5m) | 0s / 0s | 1h (4h) / unbounded ✗ (1h) | 1h (1d) / unbounded ✗ (1d) |',
    );
    expect(run.stdout).toContain(
      '- `checkout`, component: RTO 1h when `orders-db` fails: `checkout` → `orders-api` → `orders-db`',
    );
  });
});
