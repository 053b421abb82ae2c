// Bad manifests from fixtures/bad: each is refused with ManifestErrors naming the place
// (file:line:column) and what is wrong, within a second, never with a crash.

import { describe, expect, it } from 'vitest';
import {
  BAD_FIXTURES,
  expectErrors,
  hasControlCharacter,
  loadErrors,
  parseErrors,
} from './helpers.js';

describe('bad input', () => {
  it('malformed YAML', async () => {
    expectErrors(await loadErrors('malformed.yaml'), [
      { file: 'malformed.yaml', line: 5, column: 3, phrase: 'YAML syntax error' },
    ]);
  });

  it('tab indentation', async () => {
    const errors = await loadErrors('tab-indent.yaml');
    expect(errors.errors[0]).toMatchObject({ file: 'tab-indent.yaml', line: 4, column: 1 });
    expect(errors.errors[0]?.message).toContain('Tabs are not allowed as indentation');
  });

  it('empty file', async () => {
    expectErrors(await loadErrors('empty.yaml'), [
      { file: 'empty.yaml', line: 1, column: 1, phrase: 'the file is empty' },
    ]);
  });

  it('binary garbage, at the first byte that is not UTF-8', async () => {
    expectErrors(await loadErrors('binary-garbage.yaml'), [
      {
        file: 'binary-garbage.yaml',
        line: 4,
        column: 1,
        phrase: 'not UTF-8 text (invalid byte 0x89)',
      },
    ]);
  });

  it('missing version', async () => {
    expectErrors(await loadErrors('missing-version.yaml'), [
      { file: 'missing-version.yaml', line: 1, column: 1, phrase: 'missing version' },
    ]);
  });

  it('unknown key, with did-you-mean', async () => {
    expectErrors(await loadErrors('unknown-key.yaml'), [
      {
        file: 'unknown-key.yaml',
        line: 5,
        column: 5,
        phrase: 'unknown key "depend_on" in service "checkout"; did you mean "depends_on"?',
      },
    ]);
  });

  it('dependency on an undeclared id, with did-you-mean', async () => {
    expectErrors(await loadErrors('undeclared-dependency.yaml'), [
      {
        file: 'undeclared-dependency.yaml',
        line: 4,
        column: 18,
        phrase: 'undeclared service "payment-db"; did you mean "payments-db"?',
      },
    ]);
  });

  it('dependency on itself', async () => {
    expectErrors(await loadErrors('self-dependency.yaml'), [
      { file: 'self-dependency.yaml', line: 6, column: 9, phrase: '"checkout" depends on itself' },
    ]);
  });

  it('quorum 0', async () => {
    expectErrors(await loadErrors('quorum-zero.yaml'), [
      {
        file: 'quorum-zero.yaml',
        line: 5,
        column: 19,
        phrase: 'from 1 to 3 (the number of alternatives), not 0',
      },
    ]);
  });

  it('quorum larger than the number of alternatives', async () => {
    expectErrors(await loadErrors('quorum-too-large.yaml'), [
      {
        file: 'quorum-too-large.yaml',
        line: 5,
        column: 17,
        phrase: 'from 1 to 3 (the number of alternatives), not 4',
      },
    ]);
  });

  it('the same id in two included files, naming both places', async () => {
    expectErrors(await loadErrors('duplicate-across-files/blast-radius.yaml'), [
      {
        file: 'duplicate-across-files/teams/payments.yaml',
        line: 5,
        column: 3,
        phrase:
          '"payments-db" is declared twice; also declared at duplicate-across-files/teams/checkout.yaml:5:3',
      },
    ]);
  });

  it('include of ../x.yaml', async () => {
    expectErrors(await loadErrors('include-parent/manifest/blast-radius.yaml'), [
      {
        file: 'include-parent/manifest/blast-radius.yaml',
        line: 2,
        column: 11,
        phrase: 'include "../outside.yaml" reaches outside the directory of the top-level manifest',
      },
    ]);
  });

  // A hang guard, not a timing test: expanding the bomb would never finish, refusing it takes
  // milliseconds; the bound only has to tell the two apart on a loaded machine.
  it('alias bomb, refused without expanding it', async () => {
    const started = performance.now();
    expectErrors(await loadErrors('alias-bomb.yaml'), [
      { file: 'alias-bomb.yaml', line: 7, column: 15, phrase: 'alias bomb' },
    ]);
    expect(performance.now() - started).toBeLessThan(10_000);
  });

  it('an id with an ANSI escape sequence, without a raw ESC in the message', async () => {
    const errors = await loadErrors('ansi-escape-id.yaml');
    expectErrors(errors, [
      {
        file: 'ansi-escape-id.yaml',
        line: 4,
        column: 3,
        phrase: '"\\u001b[31mpayments-db" contains a control character',
      },
    ]);
    expect(hasControlCharacter(errors.message)).toBe(false);
  });

  it('several errors in one file, all reported in one run', async () => {
    expectErrors(await loadErrors('several-errors.yaml'), [
      {
        file: 'several-errors.yaml',
        line: 4,
        column: 11,
        phrase: 'tier must be one of critical, high, medium, low, not "urgent"',
      },
      {
        file: 'several-errors.yaml',
        line: 5,
        column: 10,
        phrase: 'sla must be more than 0 and at most 100',
      },
      {
        file: 'several-errors.yaml',
        line: 6,
        column: 31,
        phrase: 'depends on "payments-db" twice',
      },
      {
        file: 'several-errors.yaml',
        line: 6,
        column: 44,
        phrase: 'undeclared service "inventory"',
      },
      {
        file: 'several-errors.yaml',
        line: 8,
        column: 20,
        phrase: 'cost_per_hour must be at least 0, not -5',
      },
      { file: 'several-errors.yaml', line: 9, column: 10, phrase: 'rto must be a duration' },
    ]);
  });

  it('more than one YAML document', async () => {
    expectErrors(await loadErrors('multi-document.yaml'), [
      { file: 'multi-document.yaml', line: 4, column: 1, phrase: 'a single YAML document' },
    ]);
  });

  it('a document that is not a mapping', async () => {
    expectErrors(await loadErrors('not-a-mapping.yaml'), [
      {
        file: 'not-a-mapping.yaml',
        line: 1,
        column: 1,
        phrase: 'must be a mapping with version and services, not a list',
      },
    ]);
  });

  it('an id declared twice in one YAML file, naming both places', async () => {
    expectErrors(await loadErrors('duplicate-key.yaml'), [
      {
        file: 'duplicate-key.yaml',
        line: 5,
        column: 3,
        phrase: '"checkout" is declared twice; also declared at duplicate-key.yaml:3:3',
      },
    ]);
  });

  it('an id declared twice in one JSON file, which JSON.parse would silently drop', async () => {
    expectErrors(await loadErrors('duplicate-key.json'), [
      {
        file: 'duplicate-key.json',
        line: 5,
        column: 5,
        phrase: '"checkout" is declared twice; also declared at duplicate-key.json:4:5',
      },
    ]);
  });

  it('a JSON syntax error', async () => {
    expectErrors(await loadErrors('syntax-error.json'), [
      {
        file: 'syntax-error.json',
        line: 4,
        column: 48,
        phrase: 'JSON syntax error: expected a value, found "]"',
      },
    ]);
  });

  it('a file that does not exist, or is a directory', async () => {
    expectErrors(await loadErrors('no-such-manifest.yaml'), [
      { file: 'no-such-manifest.yaml', phrase: 'no such file' },
    ]);
    expectErrors(await loadErrors(BAD_FIXTURES), [
      { file: BAD_FIXTURES, phrase: 'it is a directory' },
    ]);
  });
});

describe('labels that selectors and failure domains could not tell apart', () => {
  it('refuses a comma or an equals sign in provider, region, zone and tags', () => {
    expectErrors(
      parseErrors(
        'version: 1\nservices:\n  orders-db:\n    provider: aws\n    region: "us-east-1,zone=a"\n    tags: [ok, "a=b"]\n',
      ),
      [
        { file: 'shop.yaml', line: 5, column: 13, phrase: 'region cannot contain "," or "="' },
        { file: 'shop.yaml', line: 6, column: 16, phrase: 'each entry of tags cannot contain' },
      ],
    );
  });
});
