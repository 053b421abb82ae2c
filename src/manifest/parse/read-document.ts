// manifest/parse/ — bytes to a document tree with exact positions: reading files within limits,
// decoding, and parsing YAML and JSON.
//
// Text of one file to its top level: format by extension, checks for binary and empty input,
// the parser for the format, and any stack overflow turned into an error instead of a crash.

import type { ParseResult, Problem } from './doc-node.js';
import { readManifestFile, type ManifestFile } from '../files/manifest-file.js';
import { parseJson, type SkippedValue } from './parse-json.js';
import { parsePlainJson } from './plain-json.js';
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
  // JSON.parse reads the services; the positional parser the rest, which is small.
  const plain = format === 'json' && !positionalJson ? parsePlainJson(src.text) : undefined;
  const result = parseDocument(src, format, plain?.offsets);
  if (result?.root === undefined) return undefined;
  const file = readManifestFile(src, result.root, result.rootOffset ?? 0);
  if (plain !== undefined) file.plain = plain;
  return file;
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
