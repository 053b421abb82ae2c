// Golden files for the human-readable reporters: regenerate on purpose with `npx vitest -u`.

import { describe, expect, it } from 'vitest';
import { runCli } from '../support/run-cli.js';

const FIXTURES = ['s3-2017', 'dyn-2016', 'aws-2025', 'multi-region'];
const SCENARIOS: Record<string, string[]> = {
  's3-2017': ['provider=aws,region=us-east-1'],
  'dyn-2016': ['dyn'],
  'aws-2025': ['provider=aws,region=us-east-1'],
  'multi-region': ['provider=aws,region=us-east-1'],
};

describe.each(FIXTURES)('%s', (name) => {
  const manifest = `fixtures/${name}/blast-radius.yaml`;
  it.each(['text', 'markdown'])('analyze --format %s', async (format) => {
    const run = await runCli(['analyze', manifest, '--format', format]);
    expect(run.code).toBe(0);
    await expect(run.stdout).toMatchFileSnapshot(
      `../golden/${name}.analyze.${format === 'text' ? 'txt' : 'md'}`,
    );
  });
  it.each(['text', 'markdown'])('simulate --format %s', async (format) => {
    const run = await runCli([
      'simulate',
      manifest,
      '--fail',
      ...SCENARIOS[name]!,
      '--format',
      format,
    ]);
    expect(run.code).toBe(0);
    await expect(run.stdout).toMatchFileSnapshot(
      `../golden/${name}.simulate.${format === 'text' ? 'txt' : 'md'}`,
    );
  });
  it('graph --format mermaid', async () => {
    const run = await runCli(['graph', manifest, '--format', 'mermaid']);
    expect(run.code).toBe(0);
    await expect(run.stdout).toMatchFileSnapshot(`../golden/${name}.graph.mmd`);
  });
});
