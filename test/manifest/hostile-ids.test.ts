// Ids and text from a hostile or careless manifest: names of Object.prototype members work as
// ordinary ids, and no control character or 10 kB string reaches an error message raw.

import { describe, expect, it } from 'vitest';
import { parseManifestText } from '../../src/manifest/load.js';
import { PROTOTYPE_IDS } from './good-manifests.js';
import { expectErrors, hasControlCharacter, parseErrors } from './helpers.js';

describe('hostile ids', () => {
  it('__proto__, constructor, hasOwnProperty, toString and valueOf are ordinary ids', () => {
    const manifest = parseManifestText(PROTOTYPE_IDS, 'prototype.yaml');
    expect(manifest.services.map((s) => s.id)).toEqual([
      '__proto__',
      'constructor',
      'hasOwnProperty',
      'toString',
      'valueOf',
    ]);
    const proto = manifest.services[0]!;
    expect(proto.dependsOn.map((r) => r.alternatives)).toEqual([
      ['constructor'],
      ['hasOwnProperty'],
    ]);
    expect(manifest.services[4]?.dependsOn[0]?.alternatives).toEqual(['__proto__', 'constructor']);
    // The id changed nothing of the object: it is made as every other service is.
    expect(Object.getPrototypeOf(proto)).toBe(Object.getPrototypeOf(manifest.services[1]));
    expect(Object.getPrototypeOf(Object.getPrototypeOf(proto))).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).dependsOn).toBeUndefined();
  });

  it('a reference to an undeclared __proto__ is an undeclared service, not a prototype', () => {
    expectErrors(
      parseErrors('version: 1\nservices:\n  checkout: { depends_on: [__proto__, toString] }\n'),
      [
        { file: 'shop.yaml', line: 3, column: 28, phrase: 'undeclared service "__proto__"' },
        { file: 'shop.yaml', line: 3, column: 39, phrase: 'undeclared service "toString"' },
      ],
    );
  });

  it('JSON ids __proto__ and constructor work too', () => {
    const json =
      '{"version":1,"services":{"__proto__":{"depends_on":["constructor"]},"constructor":{}}}';
    const manifest = parseManifestText(json, 'prototype.json');
    expect(manifest.services.map((s) => [s.id, s.dependsOn.length])).toEqual([
      ['__proto__', 1],
      ['constructor', 0],
    ]);
  });

  it('refuses an id with a raw ANSI escape sequence, escaping it in the message', () => {
    const json = JSON.stringify({ version: 1, services: { '\u001b[31mcheckout': {} } });
    const errors = parseErrors(json, 'shop.json');
    expectErrors(errors, [
      {
        file: 'shop.json',
        line: 1,
        column: 26,
        phrase: '"\\u001b[31mcheckout" contains a control character',
      },
    ]);
    expect(hasControlCharacter(errors.message)).toBe(false);
    expect(hasControlCharacter(errors.errors[0]!.format())).toBe(false);
  });

  it('escapes control characters in unknown keys, references and labels', () => {
    const yaml =
      'version: 1\nservices:\n  checkout:\n    "own\\ber": x\n    owner: "team\\x9b31m"\n    depends_on: ["pay\\rments"]\n';
    const errors = parseErrors(yaml);
    expect(errors.errors).toHaveLength(3);
    expect(errors.message).toContain('"own\\u0008er"');
    expect(errors.message).toContain('"team\\u009b31m"');
    expect(errors.message).toContain('"pay\\rments"');
    expect(hasControlCharacter(errors.message)).toBe(false);
  });

  it('refuses a 10 kB id, cutting it short in the message', () => {
    const id = `checkout-${'x'.repeat(10_000)}`;
    const errors = parseErrors(JSON.stringify({ version: 1, services: { [id]: {} } }), 'shop.json');
    expect(errors.errors).toHaveLength(1);
    expect(errors.message).toContain('is longer than 200 characters');
    expect(errors.message).toContain('(10009 characters)');
    expect(errors.message.length).toBeLessThan(300);
  });

  it('refuses ids with characters outside the id alphabet or a bad first character', () => {
    const errors = parseErrors(
      'version: 1\nservices:\n  "payments db": {}\n  -checkout: {}\n  "\u202espoof": {}\n  "": {}\n',
    );
    expectErrors(errors, [
      { file: 'shop.yaml', line: 3, column: 3, phrase: 'contains " "' },
      { file: 'shop.yaml', line: 4, column: 3, phrase: 'must start with a letter, a digit or _' },
      {
        file: 'shop.yaml',
        line: 5,
        column: 3,
        phrase: '"\\u202espoof" contains a control character',
      },
      { file: 'shop.yaml', line: 6, column: 3, phrase: 'a service id cannot be empty' },
    ]);
  });
});
