// The services a JSON manifest's one-pass read makes: a position made from where the id is
// written only when read (the same as the positional parser's, in its place among the keys,
// and replaceable), and one shared, frozen empty list for every empty tags, monitors and
// dependsOn, while a service's own lists stay its own.

import { describe, expect, it } from 'vitest';
import { parseManifestText } from '../../src/manifest/load.js';
import { SERVICE_FIELD_ORDER, type Service } from '../../src/manifest/types.js';

const TEXT = `{
  "version": 1,
  "services": {
    "web": {"tags": ["edge"], "monitors": ["db"], "depends_on": ["api", {"any_of": ["db", "cache"]}]},
    "api": {"kind": "service", "depends_on": ["db"]},
      "db": {"sla": 99.9},
    "cache": {}
  }
}`;

function load(positionalJson: boolean): Service[] {
  return parseManifestText(TEXT, 'shop.json', { positionalJson }).services;
}

describe('services of the one-pass read', () => {
  it('make their position when read, the positional parser’s, in its place among the keys', () => {
    const quick = load(false);
    const positional = load(true);
    for (let v = 0; v < quick.length; v++) {
      // Not made yet: an accessor until the first read.
      expect(Object.getOwnPropertyDescriptor(quick[v], 'position')!.get).toBeDefined();
      const keys = Object.keys(quick[v]!);
      expect(keys).toEqual(SERVICE_FIELD_ORDER.filter((key) => keys.includes(key)));
      expect(keys.at(-1)).toBe('position');
      expect(quick[v]!.position).toEqual(positional[v]!.position);
      // Made once: the same object at every read.
      expect(quick[v]!.position).toBe(quick[v]!.position);
      expect(Object.getOwnPropertyDescriptor(quick[v], 'position')!.get).toBeUndefined();
      expect(JSON.stringify(quick[v])).toBe(JSON.stringify(positional[v]));
    }
    expect(quick.find((s) => s.id === 'db')!.position).toEqual({
      file: 'shop.json',
      line: 6,
      column: 7,
    });
  });

  it('take a position written over theirs, read or not', () => {
    const [api, cache] = load(false);
    const elsewhere = { file: 'other.json', line: 9, column: 2 };
    api!.position = elsewhere;
    expect(api!.position).toBe(elsewhere);
    void cache!.position;
    cache!.position = elsewhere;
    expect(cache!.position).toBe(elsewhere);
    expect(Object.keys(cache!).at(-1)).toBe('position');
  });

  it('share one frozen empty list, and keep lists of their own', () => {
    const services = load(false);
    const byId = new Map(services.map((s) => [s.id, s]));
    const [db, cache, web] = [byId.get('db')!, byId.get('cache')!, byId.get('web')!];
    expect(db.tags).toEqual([]);
    expect(db.tags).toBe(cache.monitors);
    expect(cache.dependsOn).toBe(db.dependsOn);
    expect(Object.isFrozen(db.tags)).toBe(true);
    expect(() => (db.tags as string[]).push('x')).toThrow(TypeError);
    expect(web.tags).toEqual(['edge']);
    expect(Object.isFrozen(web.tags)).toBe(false);
    expect(web.monitors).toEqual(['db']);
    // Replacing a list, as overlays do, leaves the others alone.
    db.tags = ['storage'];
    expect(cache.tags).toEqual([]);
  });
});
