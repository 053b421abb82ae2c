// manifest/parse/ — bytes to a document tree with exact positions: reading files within limits,
// decoding, and parsing YAML and JSON.
//
// Text of one file to its top level: format by extension, checks for binary and empty input,
// the parser for the format, and any stack overflow turned into an error instead of a crash.

import { isMap, type ParseResult, type Problem } from './doc-node.js';
import { readManifestFile, type ManifestFile } from '../files/manifest-file.js';
import { parseJson, type SkippedValue } from './parse-json.js';
import { parsePlainJson } from './plain-json.js';
import { readJsonServices, type PlainServices } from './services-json.js';
import { parseYaml } from './parse-yaml.js';
import { SourceFile, type Diagnostics } from './source-file.js';

export type ManifestFormat = 'yaml' | 'json';

/** JSON by the `.json` extension, YAML otherwise (standard input included). */
export function formatOf(file: string): ManifestFormat {
  return file.toLowerCase().endsWith('.json') ? 'json' : 'yaml';
}

/**
 * Parses text from decodeText or checkText (a `problem` found there stops here) and reads its
 * top level; errors go to `diagnostics`. Undefined when the file has no usable top level.
 */
export function readManifestText(
  name: string,
  decoded: { text: string; problem?: Problem },
  format: ManifestFormat,
  diagnostics: Diagnostics,
  positionalJson = false,
): ManifestFile | undefined {
  const src = new SourceFile(name, decoded.text, diagnostics);
  if (decoded.problem) {
    src.problem(decoded.problem);
    return undefined;
  }
  // The one-pass read, else JSON.parse, reads the services; the positional parser the rest.
  let plain: PlainServices | undefined;
  let result: ParseResult | undefined;
  if (format === 'json' && !positionalJson) {
    plain = readJsonServices(src);
    if (plain !== undefined) {
      // The one-pass read did not check the rest of the text: the positional parser does, and
      // at any problem there, or if it did not pass over `services` where that read found it,
      // it reads the whole text again, services included, and the quick read gives way.
      result = parseJsonOnly(src, plain.offsets);
      if (result === undefined || !passedOver(result, plain.offsets.start)) plain = undefined;
    }
    plain ??= parsePlainJson(src.text);
  }
  result ??= parseDocument(src, format, plain?.offsets);
  if (result?.root === undefined) return undefined;
  const file = readManifestFile(src, result.root, result.rootOffset ?? 0);
  if (plain !== undefined) file.plain = plain;
  return file;
}

/** The JSON text of `src` read with `skip` passed over, when it has no problem at all. */
function parseJsonOnly(src: SourceFile, skip: SkippedValue): ParseResult | undefined {
  try {
    const result = parseJson(src.text, skip);
    return result.problems.length === 0 ? result : undefined;
  } catch (error) {
    if (error instanceof RangeError) return undefined;
    throw error;
  }
}

/** Whether the top level holds `services` once, as the value written at `start`. */
function passedOver(result: ParseResult, start: number): boolean {
  const root = result.root;
  if (root === undefined || !isMap(root)) return false;
  const at = root.keys.indexOf('services');
  return at !== -1 && root.keys.lastIndexOf('services') === at && root.valueOffsets[at] === start;
}

export function parseDocument(
  src: SourceFile,
  format: ManifestFormat,
  skip?: SkippedValue,
): ParseResult | undefined {
  let result: ParseResult;
  try {
    result = format === 'json' ? parseJson(src.text, skip) : parseYaml(src.text);
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    src.error(0, `the document is too deeply nested or too large to parse (${error.message})`);
    return undefined;
  }
  for (const problem of result.problems) src.problem(problem);
  return result;
}
