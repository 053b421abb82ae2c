// JSON manifests read from JSON.parse's values (the quick read) against the positional parser
// alone: on random manifests, valid or with one error injected, both give the same manifest
// byte for byte, or the same errors at the same file:line:column; the quick read is kept for
// the valid ones it is meant for, and gives way for the others.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assembleManifest } from '../../src/manifest/files/assemble.js';
import { ManifestErrors } from '../../src/manifest/errors.js';
import { parseManifestText } from '../../src/manifest/load.js';
import { checkText } from '../../src/manifest/parse/decode-text.js';
import { readManifestText } from '../../src/manifest/parse/read-document.js';
import { readJsonServices } from '../../src/manifest/parse/services-json.js';
import { scanServiceOffsets } from '../../src/manifest/parse/service-offsets.js';
import { Diagnostics, SourceFile } from '../../src/manifest/parse/source-file.js';
import { heldRequirements } from '../../src/manifest/held-requirements.js';
import { TIERS } from '../../src/manifest/types.js';
import { compileGraph } from '../../src/model/compiled-graph.js';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Body = Record<string, Json>;

const IDS = [
  'checkout',
  'payments-db',
  'dns@route53',
  'auth.v2',
  'queue/orders',
  '_cache',
  'cdn:edge',
  'search',
  'ledger',
  'web-0',
  'web-1',
  'mail',
];

/** A random valid manifest: every field the quick read handles, ids used once per service. */
const validManifest = fc
  .record({
    count: fc.integer({ min: 1, max: IDS.length }),
    seeds: fc.array(fc.nat(), { minLength: 40, maxLength: 40 }),
  })
  .map(({ count, seeds }) => {
    let next = 0;
    const pick = (n: number) => seeds[next++ % seeds.length]! % n;
    const ids = IDS.slice(0, count);
    const services: Record<string, Json> = {};
    for (const id of ids) services[id] = randomBody(id, ids, pick);
    const doc: Body = { version: 1, name: 'shop', services };
    if (pick(3) === 0) doc.defaults = { owner: 'team-core', tier: 'high', sla: 99.9 };
    return doc;
  });

function randomBody(id: string, ids: readonly string[], pick: (n: number) => number): Json {
  if (pick(12) === 0) return null;
  const body: Body = {};
  const others = ids.filter((other) => other !== id);
  // Fresh ids for each entry, so that no two entries say the same thing.
  const free = [...others].sort(() => pick(3) - 1);
  const virtual = pick(8) === 0;
  if (pick(3) === 0) body.entrypoint = pick(2) === 0;
  if (virtual) body.virtual = true;
  if (pick(2) === 0) body.kind = ['service', 'datastore', 'dns'][pick(3)]!;
  if (pick(3) === 0) body.tier = TIERS[pick(TIERS.length)]!;
  if (pick(4) === 0) body.tags = ['pci', 'edge'].slice(0, pick(3));
  if (!virtual && pick(2) === 0) {
    body.provider = 'aws';
    body.region = 'us-east-1';
    if (pick(2) === 0) body.zone = 'use1-az1';
  }
  if (!virtual && pick(2) === 0) body.sla = [99.9, 99.95, 100, 42][pick(4)]!;
  if (pick(4) === 0) body.cost_per_hour = pick(5000);
  if (pick(4) === 0) body.rto = ['5m', 90, '1.5h'][pick(3)]!;
  if (pick(5) === 0) body.recovery_time = '2h';
  if (pick(5) === 0 && others.length > 0) {
    // A few others, itself among them (allowed), none, or every other (past 8, another test
    // for an id listed twice).
    const monitors = [[...others.slice(0, 1 + pick(2))], [id, others[0]!], [], others][pick(4)]!;
    body.monitors = monitors;
  }
  const depends: Json[] = [];
  for (let n = pick(5); n > 0 && free.length > 0; n--) depends.push(randomEntry(free, pick));
  if (depends.length > 0 || pick(4) === 0) body.depends_on = depends;
  if (pick(6) === 0 && others.length > 0) {
    const to = others[pick(others.length)]!;
    body.copies = [pick(2) === 0 ? { to, every: '1h' } : { to }];
  }
  return body;
}

function randomEntry(free: string[], pick: (n: number) => number): Json {
  const kind = pick(5);
  if (kind <= 1 || free.length < 2) {
    const id = free.pop()!;
    if (kind === 0) return id;
    const entry: Body = { service: id };
    if (pick(2) === 0) entry.soft = pick(2) === 0;
    if (pick(3) === 0) entry.tolerates = ['30s', 0, 60][pick(3)]!;
    return entry;
  }
  const size = 1 + pick(Math.min(3, free.length));
  const alternatives = free.splice(0, size);
  if (kind === 2) return { any_of: alternatives, ...(pick(2) === 0 ? { soft: true } : {}) };
  return { quorum: 1 + pick(alternatives.length), of: alternatives };
}

/** One error (or oddity the quick read must give way for) put into a valid manifest. */
const INJECTIONS: Record<string, (doc: Body, pick: (n: number) => number) => void> = {
  unknownKey: (doc, pick) => (bodyOf(doc, pick).kinds = 'service'),
  undeclared: (doc, pick) => dependsOf(doc, pick).push('nowhere'),
  selfDependency: (doc, pick) => {
    const [id, body] = serviceOf(doc, pick);
    ((body.depends_on ??= []) as Json[]).push(id);
  },
  twice: (doc, pick) => {
    const list = dependsOf(doc, pick);
    if (list.length > 0) list.push(list[pick(list.length)]!);
    else list.push('mail', { service: 'mail' });
  },
  badSla: (doc, pick) => (bodyOf(doc, pick).sla = 150),
  badTier: (doc, pick) => (bodyOf(doc, pick).tier = 'urgent'),
  quorumTooLarge: (doc, pick) => dependsOf(doc, pick).push({ quorum: 3, of: ['mail', 'search'] }),
  emptyGroup: (doc, pick) => dependsOf(doc, pick).push({ any_of: [] }),
  groupTwice: (doc, pick) => dependsOf(doc, pick).push({ any_of: ['mail', 'mail'] }),
  ofWithoutQuorum: (doc, pick) => dependsOf(doc, pick).push({ of: ['mail'] }),
  twoShapes: (doc, pick) => dependsOf(doc, pick).push({ service: 'mail', any_of: ['search'] }),
  entryNumber: (doc, pick) => dependsOf(doc, pick).push(7),
  entryList: (doc, pick) => dependsOf(doc, pick).push(['mail']),
  softNotBoolean: (doc, pick) => dependsOf(doc, pick).push({ service: 'mail', soft: 'yes' }),
  badTolerates: (doc, pick) => dependsOf(doc, pick).push({ service: 'mail', tolerates: 'soon' }),
  dependsNotList: (doc, pick) => (bodyOf(doc, pick).depends_on = 'mail'),
  bodyNotMap: (doc, pick) => {
    const [id] = serviceOf(doc, pick);
    (doc.services as Body)[id] = pick(2) === 0 ? 'checkout' : ['checkout'];
  },
  badId: (doc) => ((doc.services as Body)['bad id!'] = {}),
  digitsId: (doc) => ((doc.services as Body)['42'] = { kind: 'service' }),
  virtualWithSla: (doc, pick) => Object.assign(bodyOf(doc, pick), { virtual: true, sla: 99 }),
  monitorsTwice: (doc, pick) => (bodyOf(doc, pick).monitors = ['mail', 'mail']),
  monitorsUndeclared: (doc, pick) => (bodyOf(doc, pick).monitors = ['mail', 'nowhere']),
  monitorsNotIds: (doc, pick) =>
    (bodyOf(doc, pick).monitors = [['mail', 7], ['mail', ['search']], 'mail', [null]][pick(4)]!),
  monitorsLongTwice: (doc, pick) => {
    const [id, body] = serviceOf(doc, pick);
    const others = Object.keys(doc.services as Body).filter((other) => other !== id);
    body.monitors = [...others, others[pick(others.length)] ?? id];
  },
  copyUndeclared: (doc, pick) => (bodyOf(doc, pick).copies = [{ to: 'nowhere' }]),
  copyWithoutTo: (doc, pick) => (bodyOf(doc, pick).copies = [{ every: '1h' }]),
  copyToItself: (doc, pick) => {
    const [id, body] = serviceOf(doc, pick);
    body.copies = [{ to: id }];
  },
  copyTwice: (doc, pick) =>
    (bodyOf(doc, pick).copies = [{ to: 'mail' }, { to: 'mail', every: 60 }]),
  copyUnknownKey: (doc, pick) => (bodyOf(doc, pick).copies = [{ to: 'mail', often: '1h' }]),
  copyNotMapping: (doc, pick) => (bodyOf(doc, pick).copies = [pick(2) === 0 ? 'mail' : ['mail']]),
  copiesNotList: (doc, pick) =>
    (bodyOf(doc, pick).copies = pick(2) === 0 ? 'mail' : { to: 'mail' }),
  copyBadEvery: (doc, pick) => (bodyOf(doc, pick).copies = [{ to: 'mail', every: [1] }]),
  // A value of a type its field never takes: the one-pass read gives way at it.
  wrongType: (doc, pick) => {
    const [key, value] = (
      [
        ['kind', 7],
        ['owner', true],
        ['entrypoint', 'yes'],
        ['virtual', null],
        ['sla', '99.9'],
        ['cost_per_hour', [1]],
        ['tags', 'pci'],
        ['tags', ['pci', 3]],
        ['rto', false],
        ['recovery_time', ['1h']],
        ['monitors', 'mail'],
        ['zone', { a: 1 }],
      ] as const
    )[pick(12)]!;
    bodyOf(doc, pick)[key] = value as Json;
  },
  labelAsMapping: (doc, pick) =>
    (bodyOf(doc, pick).tags = { kind: 'seq', items: ['x'], offsets: [0] } as Json),
  badVersion: (doc) => (doc.version = 2),
  numberForms: (doc, pick) =>
    (bodyOf(doc, pick).sla = [1e-7, 1e21, -0.5, 99.5, 99.12345678901234, 0.1 + 0.2][pick(6)]!),
  nonAsciiId: (doc, pick) => {
    (doc.services as Body)['café-ü'] = { kind: 'naïve' };
    dependsOf(doc, pick).push('café-ü');
  },
  protoKey: (doc, pick) =>
    Object.defineProperty(bodyOf(doc, pick), '__proto__', { value: 1, enumerable: true }),
  nestedList: (doc, pick) => (bodyOf(doc, pick).tags = [['pci']]),
  emptyDependency: (doc, pick) => dependsOf(doc, pick).push({}),
  quorumNotWhole: (doc, pick) => dependsOf(doc, pick).push({ quorum: 1.5, of: ['mail', 'search'] }),
  servicesList: (doc) => (doc.services = ['checkout']),
  // An id and a group of that id alone: the same requirement only in a list of more than 8.
  plainAndGroupOfOne: (doc, pick) => dependsOf(doc, pick).push('mail', { any_of: ['mail'] }),
  longList: (doc, pick) => {
    const [id, body] = serviceOf(doc, pick);
    const others = Object.keys(doc.services as Body).filter((other) => other !== id);
    const forms = [
      (o: string) => o,
      (o: string) => ({ service: o }),
      (o: string) => ({ any_of: [o] }),
    ];
    const list: Json[] = others.map((other, i) => forms[(i + pick(3)) % 3]!(other));
    // The first of them again, in one of the three forms.
    if (others.length > 0) list.push(forms[pick(3)]!(others[0]!));
    body.depends_on = list;
  },
};

/** Errors found before the bodies are read: the quick read of the bodies goes on. */
const OUTSIDE_BODIES = new Set(['badVersion', 'badId', 'numberForms', 'nonAsciiId']);

/** Edits of the text itself. */
const TEXT_INJECTIONS: Record<string, (text: string, pick: (n: number) => number) => string> = {
  duplicateKey: (text) => {
    // A repeated field of a service (JSON.parse would keep the last one silently).
    const at = text.indexOf('"services"');
    return text.slice(0, at) + text.slice(at).replace(/("[a-z_]+"\s*:\s*[^{[,}\]]+,)/, '$1$1');
  },
  duplicateId: (text) =>
    text.replace(/("services"\s*:\s*\{\s*)("[^"]+"\s*:\s*(?:null|\{\}))/, '$1$2,$2'),
  escape: (text) => text.replace('"shop"', '"sh\\u006fp"'),
  cutOff: (text, pick) => text.slice(0, Math.max(1, pick(text.length))),
  crlf: (text) => text.replaceAll('\n', '\r\n'),
  // Outside `services`, which the one-pass read passes over and the positional parser checks.
  trailingText: (text) => `${text} x`,
  leadingZero: (text) => text.replace(/("version"\s*:\s*)1/, '$101'),
  controlCharacter: (text) => text.replace('"shop"', '"sh\top"'),
  numberInServices: (text) => text.replace(/("services"\s*:\s*\{)/, '$1"n":{"sla":01},'),
};

function serviceOf(doc: Body, pick: (n: number) => number): [string, Body] {
  const services = doc.services as Body;
  const ids = Object.keys(services);
  const id = ids[pick(ids.length)]!;
  if (services[id] === null) services[id] = {};
  return [id, services[id] as Body];
}

function bodyOf(doc: Body, pick: (n: number) => number): Body {
  return serviceOf(doc, pick)[1];
}

function dependsOf(doc: Body, pick: (n: number) => number): Json[] {
  const body = bodyOf(doc, pick);
  if (!Array.isArray(body.depends_on)) body.depends_on = [];
  return body.depends_on;
}

const layout = fc.constantFrom<string | number>(0, 1, 2, '\t');

/** Errors as the user sees them, or the manifest as JSON (byte for byte, key order included). */
function outcome(text: string, positionalJson: boolean): string[] | string {
  try {
    return JSON.stringify(parseManifestText(text, 'shop.json', { positionalJson }));
  } catch (error) {
    if (!(error instanceof ManifestErrors)) throw error;
    return error.errors.map((e) => `${e.file}:${e.line}:${e.column}: ${e.message}`);
  }
}

/** Whether the services of `text` were read from JSON.parse's values to the end. */
function quickReadKept(text: string): boolean {
  const file = readManifestText('shop.json', checkText(text), 'json', new Diagnostics());
  if (file === undefined) return false;
  assembleManifest([file]);
  return file.plain !== undefined;
}

/** The compiled graph's columns, as plain lists, to compare two graphs. */
function graphColumns(text: string, positionalJson: boolean): Record<string, unknown> {
  const manifest = parseManifestText(text, 'shop.json', { positionalJson });
  const isHeld = () => manifest.services.map((s) => heldRequirements(s) !== undefined);
  // Services with requirements hold them in columns; the others have an empty list.
  const withRequirements = parseManifestText(text, 'shop.json', {
    positionalJson: true,
  }).services.map((s) => s.dependsOn.length > 0 && !positionalJson);
  expect(isHeld()).toEqual(withRequirements);
  const graph = compileGraph(manifest) as unknown as Record<string, unknown>;
  // Compiling reads the columns: the requirements are still held, not made into objects.
  expect(isHeld()).toEqual(withRequirements);
  const columns: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(graph)) {
    if (ArrayBuffer.isView(value)) columns[key] = [...(value as Int32Array)];
  }
  return columns;
}

describe('JSON read from JSON.parse values against the positional parser', () => {
  it('compiles the same graph from requirements held in columns as from objects', () => {
    fc.assert(
      fc.property(validManifest, layout, (doc, indent) => {
        const text = JSON.stringify(doc, null, indent);
        expect(graphColumns(text, false)).toEqual(graphColumns(text, true));
      }),
      { numRuns: 100, seed: 20_261_207 },
    );
  });

  it('makes held requirements into objects when read, and keeps what is written over them', () => {
    const text = JSON.stringify({
      version: 1,
      services: {
        a: { depends_on: ['b', { any_of: ['b', 'c'], soft: true, tolerates: '30s' }] },
        b: { depends_on: [{ quorum: 1, of: ['c'] }] },
        c: null,
      },
    });
    const manifest = parseManifestText(text, 'shop.json');
    const [a, b, c] = manifest.services;
    const at = (written: string) => ({
      file: 'shop.json',
      line: 1,
      column: text.indexOf(written) + 1,
    });
    expect(heldRequirements(a!)).toBeDefined();
    expect(a!.dependsOn).toEqual([
      {
        alternatives: ['b'],
        quorum: 1,
        soft: false,
        group: false,
        position: at('"b",{'),
      },
      {
        alternatives: ['b', 'c'],
        quorum: 1,
        soft: true,
        group: true,
        position: at('{"any_of"'),
        tolerates: 30,
      },
    ]);
    expect(a!.dependsOn).toBe(a!.dependsOn);
    expect(heldRequirements(a!)).toBeUndefined();
    b!.dependsOn = [];
    expect(b!.dependsOn).toEqual([]);
    expect(Object.keys(b!)).toEqual(Object.keys(c!));
    const graph = compileGraph(manifest);
    expect([...graph.reqStart]).toEqual([0, 2, 2, 2]);
    expect([...graph.alts]).toEqual([1, 1, 2]);
    expect([...graph.reqSoft]).toEqual([0, 1]);
    expect([...graph.reqTolerance]).toEqual([0, 30]);
  });

  it('gives the same manifest, and keeps the quick read, for valid manifests', () => {
    fc.assert(
      fc.property(validManifest, layout, (doc, indent) => {
        const text = JSON.stringify(doc, null, indent);
        const quick = outcome(text, false);
        expect(typeof quick).toBe('string');
        expect(quick).toEqual(outcome(text, true));
        expect(quickReadKept(text)).toBe(true);
        // The one-pass read takes it (`copies` included), not JSON.parse.
        expect(
          readJsonServices(new SourceFile('shop.json', text, new Diagnostics())),
        ).toBeDefined();
      }),
      { numRuns: 150, seed: 20_261_205 },
    );
  });

  it('finds a group listed twice in a long depends_on as the positional reader does', () => {
    // Past 8 entries each entry is known by a key: a group of two by a number of its own.
    const pairs: [string, string][] = [
      ['search', 'ledger'],
      ['web-0', 'web-1'],
      ['_cache', 'cdn:edge'],
      ['auth.v2', 'queue/orders'],
      ['dns@route53', 'payments-db'],
    ];
    const cases: Json[][] = [
      [{ any_of: ['ledger', 'search'] }],
      [{ quorum: 2, of: ['ledger', 'search'] }],
      [
        { quorum: 2, of: ['ledger', 'search'] },
        { quorum: 2, of: ['search', 'ledger'] },
      ],
      [{ quorum: 1, of: ['web-1', 'web-0'] }],
      [{ any_of: ['ledger', 'search', 'web-0'] }, { any_of: ['web-0', 'search', 'ledger'] }],
      [{ any_of: ['ledger', 'web-0'] }, { any_of: ['web-0', 'ledger'], soft: true }],
      ['ledger', { any_of: ['ledger'] }],
      [],
    ];
    const refused = cases.map((extra) => {
      const services: Record<string, Json> = {};
      for (const id of IDS) services[id] = {};
      services.mail = {
        depends_on: [
          ...pairs.map(([a, b]) => ({ any_of: [a, b] })),
          { any_of: ['checkout', 'search', 'ledger'] },
          'web-0',
          { service: 'web-1', soft: true },
          ...extra,
        ],
      };
      const text = JSON.stringify({ version: 1, services }, null, 1);
      const quick = outcome(text, false);
      expect(quick).toEqual(outcome(text, true));
      expect(quickReadKept(text)).toBe(!Array.isArray(quick));
      return Array.isArray(quick);
    });
    // Another quorum over the same two is another requirement; softness does not count.
    expect(refused).toEqual([true, false, true, true, true, true, true, false]);
  });

  it('reports the same errors at the same file:line:column with one error injected', () => {
    const names = Object.keys(INJECTIONS);
    const textNames = Object.keys(TEXT_INJECTIONS);
    fc.assert(
      fc.property(
        validManifest,
        layout,
        fc.nat({ max: names.length + textNames.length - 1 }),
        fc.array(fc.nat(), { minLength: 4, maxLength: 4 }),
        (generated, indent, which, seeds) => {
          const doc = structuredClone(generated);
          let next = 0;
          const pick = (n: number) => seeds[next++ % seeds.length]! % n;
          let text: string;
          if (which < names.length) {
            INJECTIONS[names[which]!]!(doc, pick);
            text = JSON.stringify(doc, null, indent);
          } else {
            text = TEXT_INJECTIONS[textNames[which - names.length]!]!(
              JSON.stringify(doc, null, indent),
              pick,
            );
          }
          const quick = outcome(text, false);
          expect(quick).toEqual(outcome(text, true));
          // An error in the services is reported by the positional reader alone.
          if (Array.isArray(quick) && !OUTSIDE_BODIES.has(names[which] ?? '')) {
            expect(quickReadKept(text)).toBe(false);
          }
        },
      ),
      { numRuns: 400, seed: 20_261_206 },
    );
  });
});

describe('the scan of JSON text', () => {
  it('places ids and list entries where they are written', () => {
    const text =
      '{"version":1,\n"services":{ "a" : {"depends_on":[ "b", {"any_of":["c"]} ]},\n"b":null,"c":{"copies":[{"to":"a"}],"kind":"x"}}}';
    const offsets = scanServiceOffsets(text)!;
    const at = (offset: number) => text.slice(offset, offset + 3);
    expect([...offsets.ids].map(at)).toEqual(['"a"', '"b"', '"c"']);
    expect([...offsets.entries].map(at)).toEqual(['"b"', '{"a', '{"t']);
    expect(offsets.keys).toBe(8);
    expect(text.slice(offsets.start, offsets.end)).toMatch(/^\{ "a".*\}\}$/s);
  });

  it('gives way for escapes, repeated or missing services, and ids of digits', () => {
    expect(scanServiceOffsets('{"services":{"a\\u0062":{}}}')).toBeUndefined();
    expect(scanServiceOffsets('{"services":{},"services":{}}')).toBeUndefined();
    expect(scanServiceOffsets('{"services":[]}')).toBeUndefined();
    expect(scanServiceOffsets('{"services":{"12":{}}}')).toBeUndefined();
    expect(scanServiceOffsets('{"services":{"12a":{}}}')).toBeDefined();
  });
});
