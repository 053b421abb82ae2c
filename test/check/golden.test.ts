// Golden files for check's own formats on the incident fixtures (regenerate on purpose with
// `npx vitest -u`), and its JSON against the schema on every fixture.

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/run-cli.js';
import { assertMatches } from '../schema/schemas.js';

const FIXTURES = ['s3-2017', 'dyn-2016', 'aws-2025', 'multi-region'];
const EXTENSION: Record<string, string> = { text: 'txt', markdown: 'md', json: 'json' };

describe.each(FIXTURES)('check %s', (name) => {
  const manifest = `fixtures/${name}/blast-radius.yaml`;

  it.each(['text', 'markdown', 'json'])('--format %s', async (format) => {
    const run = await runCli(['check', manifest, '--format', format]);
    // Every format exits as the gate decided: 0 when the JSON says it passed, 1 when not.
    const golden = JSON.parse(readFileSync(`test/golden/check/${name}.check.json`, 'utf8'));
    expect(run.code).toBe(golden.passed ? 0 : 1);
    expect(run.stderr).toBe('');
    await expect(run.stdout).toMatchFileSnapshot(
      `../golden/check/${name}.check.${EXTENSION[format]}`,
    );
    if (format === 'json') {
      const result = JSON.parse(run.stdout);
      assertMatches('check-result', result);
      expect(run.code).toBe(result.passed ? 0 : 1);
    }
  });
});
