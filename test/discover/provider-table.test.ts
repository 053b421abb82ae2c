// The provider table: label-aligned suffixes (never substrings), the longest suffix first,
// --providers entries before built-in ones, SOA contacts, and the company as the label.

import { describe, expect, test } from 'vitest';
import { BUILTIN_PROVIDERS } from '../../src/discover/classify/builtin-providers.js';
import {
  parseProvidersFile,
  ProvidersFileError,
} from '../../src/discover/classify/providers-file.js';
import { buildTable, providerTable } from '../../src/discover/classify/provider-table.js';

const table = providerTable();

describe('built-in table', () => {
  test('the four Route 53 TLDs are one provider, labelled aws like CloudFront', () => {
    const ids = [
      'ns-1.awsdns-01.com',
      'ns-2.awsdns-02.net',
      'ns-3.awsdns-03.org',
      'ns-4.awsdns-04.co.uk',
    ]
      .map((host) => table.match('dns', host))
      .map((entry) => `${entry?.id} ${entry?.provider}`);
    expect(new Set(ids)).toEqual(new Set(['route53 aws']));
    expect(table.match('cdn', 'd111.cloudfront.net')?.provider).toBe('aws');
  });

  test('suffixes are label-aligned: no match inside a label', () => {
    expect(table.match('cdn', 'x.edgekey.net')?.id).toBe('akamai');
    expect(table.match('cdn', 'notedgekey.net')).toBeUndefined();
    expect(table.match('dns', 'ns1.evil-dynect.net')).toBeUndefined();
  });

  test('overbroad source substrings are not CDN suffixes', () => {
    expect(table.match('cdn', 'bucket.s3.amazonaws.com')).toBeUndefined();
    expect(table.match('cdn', 'www.amazon.com')).toBeUndefined();
  });

  test('SOA contacts give a provider away', () => {
    expect(table.matchSoa('ns1.example.com', 'awsdns-hostmaster.amazon.com')?.id).toBe('route53');
    expect(table.matchSoa('ns1.p31.dynect.net', 'hostmaster.example.com')?.id).toBe('dyn');
    expect(table.matchSoa('ns1.example.com', 'hostmaster.example.com')).toBeUndefined();
  });

  test('every entry has an id, a company and something to match; ids are unique per kind', () => {
    const keys = BUILTIN_PROVIDERS.providers.map((entry) => `${entry.kind}:${entry.id}`);
    expect(new Set(keys).size).toBe(keys.length);
    for (const entry of BUILTIN_PROVIDERS.providers) {
      expect(entry.provider).toMatch(/^[^,=\s]+$/);
      expect(entry.suffixes.length + entry.soa.length + entry.webdep.length).toBeGreaterThan(0);
      for (const suffix of entry.suffixes) expect(suffix).toMatch(/^[a-z0-9-]+(\.[a-z0-9-]+)+$/);
    }
  });
});

describe('--providers', () => {
  test('an entry of the same kind and id replaces the built-in one; a longer suffix wins', () => {
    const extra = parseProvidersFile(
      'providers.yaml',
      [
        'providers:',
        '  - { kind: dns, id: dyn, provider: acme-dyn, suffixes: [example-dyn.net] }',
        '  - { kind: cdn, id: edge-shield, provider: shieldco, suffixes: [shield.edgekey.net] }',
      ].join('\n'),
    );
    const local = buildTable(BUILTIN_PROVIDERS, extra);
    expect(local.version).toBe(`${BUILTIN_PROVIDERS.version}+local`);
    expect(local.match('dns', 'ns1.example-dyn.net')?.provider).toBe('acme-dyn');
    expect(local.match('dns', 'ns1.p31.dynect.net')).toBeUndefined();
    expect(local.match('cdn', 'a.shield.edgekey.net')?.id).toBe('edge-shield');
    expect(local.match('cdn', 'a.edgekey.net')?.id).toBe('akamai');
  });

  test.each([
    ['not: a list', 'expected a `providers:` list'],
    ['providers: [{ kind: dns, id: x }]', 'give suffixes or soa'],
    ['providers: [{ kind: dnz, id: x, suffixes: [a.net] }]', 'kind must be dns, cdn or ca'],
    ['providers: [{ kind: dns, id: x, provider: "a,b", suffixes: [a.net] }]', 'provider must be'],
    ['providers: [{ kind: dns, id: x, suffixes: ["bad name!"] }]', 'suffixes must be'],
    ['providers: [', 'not YAML or JSON'],
  ])('%s is an error naming the file', (text, message) => {
    expect(() => parseProvidersFile('p.yaml', text)).toThrow(ProvidersFileError);
    expect(() => parseProvidersFile('p.yaml', text)).toThrow(message);
  });
});
