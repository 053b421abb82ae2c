// The escaping under the CI formats, for any string: GitHub workflow-command values decode back
// as the runner decodes them, XML text and attributes parse back strictly, and manifest paths
// become URI references that decode back to the path.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { repositoryPath, uriReference } from '../../../src/report/check/ci-paths.js';
import { escapeData, escapeProperty } from '../../../src/report/check/github.js';
import { buildDependencyGraph } from '../../../src/model/dependency-graph.js';
import { renderGraphGraphml } from '../../../src/report/graph/graphml.js';
import { xmlAttribute, xmlText } from '../../../src/report/shared/xml.js';
import { buildManifest } from '../../support/build-manifest.js';
import { elementsNamed, parseXml, textOf } from './xml-checker.js';

/** Any text, with lone surrogates, controls and the characters each format gives a meaning. */
const anyText = fc
  .array(
    fc.oneof(
      fc.constantFrom(
        '%',
        ',',
        ':',
        '=',
        '\r',
        '\n',
        '\t',
        '&',
        '<',
        '>',
        '"',
        "'",
        ']]>',
        '::',
        '#',
      ),
      fc.constantFrom(
        '%25',
        '%0A',
        '%3A',
        '\u0000',
        '\u001b',
        '\u0085',
        '\ufffe',
        '\ud800',
        '\udc00',
      ),
      fc.string({ unit: 'binary', maxLength: 3 }),
      fc.string({ unit: 'grapheme', maxLength: 3 }),
    ),
  )
  .map((pieces) => pieces.join(''));

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
const wellFormed = (text: string) => text.replace(LONE_SURROGATE, '\ufffd');

/** What XML cannot carry, and the controls a terminal would obey: both become `\\uXXXX`. */
const SHOWN_AS_ESCAPES = new RegExp(
  // eslint-disable-next-line no-control-regex -- control characters are what this looks for
  '[\\u0000-\\u0008\\u000b\\u000c\\u000e-\\u001f\\u007f-\\u009f\\u2028\\u2029\\ufffe\\uffff]',
);

/** The runner's decoding (actions/runner ActionCommand): `%25` last. */
function runnerUnescape(escaped: string, property: boolean): string {
  let text = escaped.replaceAll('%0D', '\r').replaceAll('%0A', '\n');
  if (property) text = text.replaceAll('%3A', ':').replaceAll('%2C', ',');
  return text.replaceAll('%25', '%');
}

describe('GitHub workflow-command escaping', () => {
  it('escapes exactly what the runner decodes', () => {
    expect(escapeData('100%\r\nok: a,b')).toBe('100%25%0D%0Aok: a,b');
    expect(escapeProperty('100%\r\nok: a,b')).toBe('100%25%0D%0Aok%3A a%2Cb');
  });

  it('decodes back to the input, and leaves no line break (nor, in a property, `:` or `,`)', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const data = escapeData(text);
        const property = escapeProperty(text);
        expect(runnerUnescape(data, false)).toBe(text);
        expect(runnerUnescape(property, true)).toBe(text);
        expect(data).not.toMatch(/[\r\n]/);
        expect(property).not.toMatch(/[\r\n:,]/);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('XML escaping', () => {
  it('uses the predefined entities and keeps forbidden characters visible', () => {
    expect(xmlText(`a & b < c > "d" 'e'\tf\ng\rh`)).toBe(
      'a &amp; b &lt; c &gt; &quot;d&quot; &apos;e&apos;\tf\ng&#13;h',
    );
    expect(xmlAttribute('a\tb\nc')).toBe('a&#9;b&#10;c');
    expect(xmlText('\u0000\u001b\ufffe\ud800x')).toBe('\\u0000\\u001b\\ufffe\\ud800x');
  });

  it('parses back strictly, to the input where XML can carry it', () => {
    const carried = (text: string) => !SHOWN_AS_ESCAPES.test(text) && wellFormed(text) === text;
    fc.assert(
      fc.property(anyText, (text) => {
        const element = parseXml(`<x a="${xmlAttribute(text)}">${xmlText(text)}</x>`);
        if (carried(text)) {
          expect(element.attributes.a).toBe(text);
          expect(textOf(element)).toBe(text);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('keeps GraphML well-formed whatever a manifest puts in its fields', () => {
    const kind = 'queue <fifo> & "ordered"\n\u0000\uffff';
    const manifest = buildManifest({ 'orders-queue': { kind, owner: "team-o'brien\t" } });
    const root = parseXml(renderGraphGraphml(buildDependencyGraph(manifest)));
    const data = elementsNamed(root, 'data').map((d) => [d.attributes.key, textOf(d)]);
    expect(data).toContainEqual(['kind', 'queue <fifo> & "ordered"\n\\u0000\\uffff']);
    expect(data).toContainEqual(['owner', "team-o'brien\t"]);
  });

  it('has a checker that rejects what is not well-formed', () => {
    for (const bad of [
      '<x a="<"/>',
      '<x>&</x>',
      '<x>&nbsp;</x>',
      '<x>]]></x>',
      '<x>\u0001</x>',
      '<x>&#1;</x>',
      '<x a="1" a="2"/>',
      '<x><y></x>',
      '<x/><y/>',
      '<!-- a -- b --><x/>',
    ]) {
      expect(() => parseXml(bad), bad).toThrow();
    }
  });
});

describe('manifest paths', () => {
  it('are relative, with forward slashes and without ./', () => {
    expect(repositoryPath('./deploy\\prod.yaml')).toBe('deploy/prod.yaml');
    expect(repositoryPath('.//a/./b.yaml')).toBe('a/./b.yaml');
  });

  it('become URI references: relative, or file URIs when absolute', () => {
    expect(uriReference('prod manifests/100% #1?.yaml')).toEqual({
      uri: 'prod%20manifests/100%25%20%231%3F.yaml',
      absolute: false,
    });
    expect(uriReference('a:b/ü.yaml').uri).toBe('a%3Ab/%C3%BC.yaml');
    expect(uriReference('/srv/ci/blast radius.yaml')).toEqual({
      uri: 'file:///srv/ci/blast%20radius.yaml',
      absolute: true,
    });
    expect(uriReference('C:\\ci\\a b.yaml')).toEqual({
      uri: 'file:///C:/ci/a%20b.yaml',
      absolute: true,
    });
  });

  it('decode back to the path, as one path, for any relative path', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const file = `m/${text.replace(/\\/g, '/')}`;
        const { uri, absolute } = uriReference(file);
        expect(absolute).toBe(false);
        expect(uri).toMatch(/^(?:[A-Za-z0-9\-._~!$&'()*+,;=:@/]|%[0-9A-F]{2})*$/);
        expect(decodeURIComponent(uri)).toBe(wellFormed(file));
        // Resolved against a base, nothing is read as a query, a fragment or a scheme.
        const dotSegment = file.split('/').some((s) => s === '.' || s === '..');
        if (!dotSegment) {
          expect(new URL(uri, 'https://example.com/root/').pathname).toBe(`/root/${uri}`);
        }
      }),
      { numRuns: 2000 },
    );
  });
});
