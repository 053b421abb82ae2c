// The writer and the id scheme on hostile names: what an input names never breaks the YAML,
// reaches a terminal as a control sequence, or makes an id the loader refuses.

import { describe, expect, it } from 'vitest';
import { finishServices, newService } from '../../src/import/shared/imported-manifest.js';
import { renderImportedManifest, yamlScalar } from '../../src/import/shared/manifest-writer.js';
import { assignIds, sanitizeId } from '../../src/import/shared/service-ids.js';
import { parseManifestText } from '../../src/manifest/load.js';

describe('yamlScalar', () => {
  it('quotes what YAML would read as something else', () => {
    expect(yamlScalar('checkout')).toBe('checkout');
    expect(yamlScalar('true')).toBe('"true"');
    expect(yamlScalar('007')).toBe('"007"');
    expect(yamlScalar('system:audio')).toBe('"system:audio"');
    expect(yamlScalar('a # b')).toBe('"a # b"');
  });
});

describe('ids', () => {
  it('sanitises names the id rule refuses', () => {
    expect(sanitizeId('my sql')).toBe('my-sql');
    expect(sanitizeId('\u001b[31mred')).toBe('31mred');
    expect(sanitizeId('---')).toBe('unnamed');
    expect(sanitizeId('x'.repeat(300))).toHaveLength(200);
  });

  it('qualifies only colliding names, and numbers what sanitising made equal', () => {
    const ids = assignIds([
      { key: 'a', candidates: ['api', 'blue/api'] },
      { key: 'b', candidates: ['api', 'green/api'] },
      { key: 'c', candidates: ['web'] },
      { key: 'd', candidates: ['my sql'] },
      { key: 'e', candidates: ['my/sql'.replace('/', '?')] },
    ]);
    expect([...ids.entries()].sort()).toEqual([
      ['a', 'blue/api'],
      ['b', 'green/api'],
      ['c', 'web'],
      ['d', 'my-sql'],
      ['e', 'my-sql-2'],
    ]);
  });
});

describe('renderImportedManifest', () => {
  it('writes control characters from inputs as neither YAML nor terminal trouble', () => {
    const service = newService('web');
    service.notes.push('image \u001b]0;pwned\u0007 evil\nsecond: line');
    service.tags.push('\u001b[31mred');
    service.owner = 'team\u202eevil';
    const text = renderImportedManifest({
      source: 'traces',
      inputs: ['deps\u001b.json'],
      caveats: [],
      services: finishServices([service]),
    });
    const unsafe = [...text].filter((c) => (c < ' ' && c !== '\n') || c === '\u202e');
    expect(unsafe).toEqual([]);
    const manifest = parseManifestText(text);
    expect(manifest.services[0]!.tags).toEqual(['[31mred']);
    expect(yamlScalar('team\u202eevil')).toBe('"team\\u202eevil"');
  });
});
