// Names as `discover` handles them: every name, however hostile, becomes a valid service id, and
// different names never share one; registrable domains come from the ICANN section of the PSL.

import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import {
  hasSuffix,
  nameProblem,
  registrableDomain,
  serviceId,
} from '../../src/discover/domain-names.js';
import { ID_PATTERN } from '../../src/manifest/fields/ids.js';

describe('serviceId', () => {
  test('any text gives a valid id, and distinct texts distinct ids', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), fc.string({ maxLength: 300 }), (a, b) => {
        const [x, y] = [serviceId('dns', a), serviceId('dns', b)];
        expect(x).toMatch(ID_PATTERN);
        if (a !== b) expect(x).not.toBe(y);
      }),
      { numRuns: 2000 },
    );
  });

  test('plain names stay readable', () => {
    expect(serviceId('site', 'github.com')).toBe('site:github.com');
    expect(serviceId('site', '__proto__.test')).toBe('site:__proto__.test');
    expect(serviceId('dns', 'ns1.\u001b[2jbad.test')).toMatch(/^dns:ns1.-2jbad.test-[0-9a-f]{10}$/);
  });
});

describe('names', () => {
  test('length and character rules', () => {
    expect(nameProblem('shop.test')).toBeUndefined();
    expect(nameProblem(`${'a'.repeat(63)}.test`)).toBeUndefined();
    expect(nameProblem(`${'a'.repeat(64)}.test`)).toMatch(/label longer/);
    expect(nameProblem('a..test')).toMatch(/empty label/);
    expect(nameProblem('\u001b[31mred.test')).toMatch(/characters/);
  });

  test('registrable domains (ICANN section only) and label-aligned suffixes', () => {
    expect(registrableDomain('ns-1234.awsdns-01.co.uk')).toBe('awsdns-01.co.uk');
    expect(registrableDomain('e1234.a.akamaiedge.net')).toBe('akamaiedge.net');
    expect(registrableDomain('d111.cloudfront.net')).toBe('cloudfront.net');
    expect(hasSuffix('a.edgekey.net', 'edgekey.net')).toBe(true);
    expect(hasSuffix('aedgekey.net', 'edgekey.net')).toBe(false);
  });
});
