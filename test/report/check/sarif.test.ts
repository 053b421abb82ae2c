// `check --format sarif`: golden files (regenerate on purpose with `npx vitest -u`), the official
// SARIF 2.1.0 JSON Schema, and the Microsoft SARIF multitool's validator when it is installed.

import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { POLICY_RULES } from '../../../src/manifest/types.js';
import { renderCheckSarif } from '../../../src/report/check/sarif.js';
import { ROOT } from '../../support/run-cli.js';
import { FIXTURES, render, WITH_BASELINE } from './fixture.js';

interface SarifLog {
  runs: {
    tool: { driver: { rules: { id: string }[] } };
    results: {
      ruleId: string;
      ruleIndex: number;
      baselineState?: string;
      locations: { physicalLocation: { artifactLocation: { uri: string; uriBaseId?: string } } }[];
    }[];
  }[];
}

const PCHARS = "[A-Za-z0-9\\-._~!$&'()*+,;=:@/?#]|%[0-9A-Fa-f]{2}";
const URI_REFERENCE = new RegExp(`^(?:${PCHARS})*$`);
const URI = new RegExp(`^[A-Za-z][A-Za-z0-9+.-]*:(?:${PCHARS})*$`);

/** The formats our output uses are checked (RFC 3986 syntax); the others are not produced. */
const FORMATS = {
  uri: (value: string) => URI.test(value),
  'uri-reference': (value: string) => URI_REFERENCE.test(value),
  'date-time': true,
  uuid: true,
} as const;

// The schema says draft 2020-12 (the multitool's copy); its keywords mean the same in draft-07.
const ajv = new Ajv2020({ strict: false, allErrors: true, formats: FORMATS });
const validateSarif = ajv.compile(
  JSON.parse(
    readFileSync(new URL('../../vendor/sarif-2.1.0.schema.json', import.meta.url), 'utf8'),
  ),
);

function sarifOf(result = WITH_BASELINE): SarifLog {
  return JSON.parse(render(renderCheckSarif, result)) as SarifLog;
}

describe('check --format sarif', () => {
  it.each(Object.entries(FIXTURES))('matches the golden file (%s)', async (name, result) => {
    await expect(render(renderCheckSarif, result)).toMatchFileSnapshot(
      `../golden/check/${name}.sarif`,
    );
  });

  it.each(Object.entries(FIXTURES))('is valid against the SARIF 2.1.0 schema (%s)', (_, result) => {
    const log = sarifOf(result);
    expect(validateSarif(log), ajv.errorsText(validateSarif.errors)).toBe(true);
  });

  it('rejects what the schema forbids, so the validation above can fail', () => {
    const log = sarifOf() as unknown as { runs: { results: { level: string }[] }[] };
    log.runs[0]!.results[0]!.level = 'fatal';
    expect(validateSarif(log)).toBe(false);
  });

  it('lists every rule once and points each result at its descriptor', () => {
    const run = sarifOf().runs[0]!;
    const ids = run.tool.driver.rules.map((rule) => rule.id);
    expect(ids).toEqual([...POLICY_RULES]);
    for (const result of run.results) expect(ids[result.ruleIndex]).toBe(result.ruleId);
  });

  it('percent-encodes manifest paths as URI references relative to %SRCROOT%', () => {
    const locations = sarifOf().runs[0]!.results.map(
      (r) => r.locations[0]!.physicalLocation.artifactLocation,
    );
    expect(locations.at(-1)).toEqual({
      uri: 'deploy/prod%20manifests/teams/100%25%20%231%20zahlungsdienst-%C3%BC.yaml',
      uriBaseId: '%SRCROOT%',
    });
    for (const [i, location] of locations.entries()) {
      expect(decodeURIComponent(location.uri)).toBe(WITH_BASELINE.findings[i]!.location.file);
      // Resolved against a base, the reference stays one path: nothing is read as query or fragment.
      const resolved = new URL(location.uri, 'file:///checkout/');
      expect(decodeURIComponent(resolved.pathname)).toBe(
        `/checkout/${WITH_BASELINE.findings[i]!.location.file}`,
      );
    }
  });

  it('states the baseline only when there is one', () => {
    expect(sarifOf().runs[0]!.results.map((r) => r.baselineState)).toEqual([
      'unchanged',
      'new',
      'new',
      'unchanged',
      'new',
    ]);
    const noBaseline = { ...WITH_BASELINE, baseline: null, strictBaseline: false };
    expect(sarifOf(noBaseline).runs[0]!.results.every((r) => !('baselineState' in r))).toBe(true);
  });

  it('is byte-identical from one rendering to the next', () => {
    expect(render(renderCheckSarif, WITH_BASELINE)).toBe(render(renderCheckSarif, WITH_BASELINE));
  });
});

/**
 * The multitool is a self-contained .NET program of about 100 MB: it runs when the repository has
 * it installed (`node_modules/.bin/sarif-multitool`), or when SARIF_MULTITOOL names its binary.
 * The binary is called directly: the package's bin script passes its arguments through a shell.
 */
function multitoolBinary(): string | undefined {
  if (process.env.SARIF_MULTITOOL) return process.env.SARIF_MULTITOOL;
  if (!existsSync(path.join(ROOT, 'node_modules', '.bin', 'sarif-multitool'))) return undefined;
  return createRequire(path.join(ROOT, 'package.json'))('@microsoft/sarif-multitool') as string;
}

const MULTITOOL = multitoolBinary();
const SKIPPED =
  ' (skipped: @microsoft/sarif-multitool is not installed; SARIF_MULTITOOL=binary runs it)';

/** `level ruleId` of every problem the multitool finds, with its SARIF and GitHub rules on. */
function multitoolProblems(sarif: string): { problems: string[]; output: string } {
  const dir = mkdtempSync(path.join(tmpdir(), 'blast-radius-sarif-'));
  try {
    const input = path.join(dir, 'check.sarif');
    const output = path.join(dir, 'validation.sarif');
    writeFileSync(input, sarif);
    const args = [
      'validate',
      input,
      '-o',
      output,
      '--log',
      'ForceOverwrite',
      '--rule-kind',
      'Sarif;Gh',
    ];
    const run = spawnSync(MULTITOOL!, args, { encoding: 'utf8' });
    if (run.status !== 0) throw new Error(`sarif-multitool failed:\n${run.stdout}${run.stderr}`);
    const validation = JSON.parse(readFileSync(output, 'utf8')) as {
      runs: { results?: { ruleId: string; level?: string }[] }[];
    };
    const results = validation.runs[0]!.results ?? [];
    return {
      problems: results.map((r) => `${r.level ?? 'warning'} ${r.ruleId}`),
      output: run.stdout,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe.skipIf(MULTITOOL === undefined)(
  `SARIF multitool validate${MULTITOOL ? '' : SKIPPED}`,
  () => {
    it.each(Object.entries(FIXTURES))('reports no error and no warning (%s)', (_, result) => {
      const { problems, output } = multitoolProblems(render(renderCheckSarif, result));
      expect(problems, output).toEqual([]);
    });

    it('reports the errors of a broken log, so the test above can fail', () => {
      const log = sarifOf();
      log.runs[0]!.results[0]!.locations[0]!.physicalLocation.artifactLocation.uri =
        '/prod manifests';
      expect(multitoolProblems(JSON.stringify(log)).problems).toContain('error SARIF1002');
    });
  },
);
