// schema/diff-result.schema.json, compiled by a strict draft-07 Ajv as test/schema does for the
// other outputs, against real diffs: hand-built, random, and the golden change.

import { readFileSync } from 'node:fs';
import { Ajv } from 'ajv';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { asPrinted, schemaNodes, type SchemaNode } from '../schema/schemas.js';
import { arbitraryManifest } from '../support/random-manifest.js';
import { runCli } from '../support/run-cli.js';
import { diffOf, GOLDEN } from './support.js';

const SCHEMA = JSON.parse(
  readFileSync(new URL('../../schema/diff-result.schema.json', import.meta.url), 'utf8'),
) as SchemaNode;
const ANALYSIS = JSON.parse(
  readFileSync(new URL('../../schema/analysis-result.schema.json', import.meta.url), 'utf8'),
) as SchemaNode;
const ajv = new Ajv({ strict: true, allErrors: true });
const validate = ajv.compile(SCHEMA);

function assertValid(value: unknown): void {
  if (!validate(value)) {
    throw new Error(
      `diff-result.schema.json rejects the output:\n${ajv.errorsText(validate.errors, { separator: '\n' })}`,
    );
  }
}

describe('schema/diff-result.schema.json', () => {
  it('is draft-07 with an $id, a title, a description; every object closed and described', () => {
    expect(SCHEMA.$schema).toBe('http://json-schema.org/draft-07/schema#');
    expect(SCHEMA.$id).toMatch(/\/schema\/diff-result\.schema\.json$/);
    const problems: string[] = [];
    for (const [pointer, node] of schemaNodes(SCHEMA)) {
      if (!node.properties) continue;
      if (node.additionalProperties !== false) problems.push(`${pointer}: not closed`);
      for (const [key, property] of Object.entries(node.properties)) {
        if (typeof property.description !== 'string')
          problems.push(`${pointer}/${key}: no description`);
      }
    }
    for (const [key, definition] of Object.entries(SCHEMA.definitions ?? {})) {
      if (typeof definition.title !== 'string') problems.push(`#/definitions/${key}: no title`);
    }
    expect(problems).toEqual([]);
    expect(SCHEMA.definitions!.serviceId!.pattern).toBe(ANALYSIS.definitions!.serviceId!.pattern);
  });

  it('accepts the golden change in JSON, as the CLI prints it', async () => {
    const run = await runCli([...GOLDEN, '--format', 'json', '--fail-on', 'new-spof,new-risk']);
    expect(run.code).toBe(1);
    assertValid(JSON.parse(run.stdout));
  });

  it('accepts diffs of random manifests, and of a manifest that did not exist', () => {
    const manifests = arbitraryManifest({ maxServices: 7 });
    fc.assert(
      fc.property(manifests, manifests, (a, b) => {
        assertValid(asPrinted(diffOf(a, b, ['new-domain-spof'])));
      }),
      { numRuns: 150 },
    );
    fc.assert(
      fc.property(manifests, (a) => {
        assertValid(asPrinted(diffOf(null, a, ['new-spof'])));
        assertValid(asPrinted(diffOf(a, null)));
      }),
      { numRuns: 30 },
    );
  });

  it('rejects a field it does not document and a missing one', async () => {
    const run = await runCli([...GOLDEN, '--format', 'json']);
    const result = JSON.parse(run.stdout) as Record<string, unknown>;
    expect(validate(result)).toBe(true);
    expect(validate({ ...result, verdict: 'bad' })).toBe(false);
    const { gate: _gate, ...withoutGate } = result;
    expect(validate(withoutGate)).toBe(false);
  });
});
