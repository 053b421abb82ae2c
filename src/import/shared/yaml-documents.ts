// Every YAML document of an input file as plain values, with a way back from a path inside a
// document to its line and column for error messages. Merge keys (`<<: *anchor`) are honoured,
// as docker compose, Kubernetes and Backstage all read them.

import { LineCounter, parseAllDocuments, type Document } from 'yaml';
import type { Diagnostics, InputPlace } from './diagnostics.js';

export type YamlPath = readonly (string | number)[];

export interface YamlDocument {
  /** The document as plain data; null for an empty document. */
  value: unknown;
  /** Where the value at `path` is written, or the nearest enclosing thing that is. */
  place(path: YamlPath): InputPlace;
}

/** Aliases one document may expand; an alias bomb stops here (the yaml package's own check). */
const MAX_ALIAS_COUNT = 10_000;

/**
 * The documents of `text`; a document with a syntax error is reported and left out, so that a
 * caller reports every broken document of every file in one run.
 */
export function parseYamlDocuments(
  text: string,
  file: string,
  diagnostics: Diagnostics,
): YamlDocument[] {
  const lines = new LineCounter();
  const at = (offset: number): InputPlace => {
    const { line, col } = lines.linePos(offset);
    return { file, line, column: col };
  };
  let documents: Document.Parsed[];
  try {
    documents = parseAllDocuments(text, { lineCounter: lines, merge: true, uniqueKeys: false });
  } catch (error) {
    diagnostics.error({ file }, `cannot parse the YAML: ${errorText(error)}`);
    return [];
  }
  const result: YamlDocument[] = [];
  for (const document of documents) {
    const problem = document.errors[0];
    if (problem !== undefined) {
      diagnostics.error(at(problem.pos[0]), `YAML syntax error: ${firstLine(problem.message)}`);
      continue;
    }
    let value: unknown;
    try {
      value = document.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
    } catch (error) {
      diagnostics.error(at(document.range[0]), `cannot read the YAML: ${errorText(error)}`);
      continue;
    }
    result.push({ value: value ?? null, place: (path) => placeOf(document, path, at) });
  }
  return result;
}

function placeOf(
  document: Document.Parsed,
  path: YamlPath,
  at: (offset: number) => InputPlace,
): InputPlace {
  for (let length = path.length; length > 0; length--) {
    const node = document.getIn(path.slice(0, length), true) as { range?: number[] } | undefined;
    const offset = node?.range?.[0];
    if (typeof offset === 'number') return at(offset);
  }
  const contents = document.contents as { range?: number[] } | null;
  return at(contents?.range?.[0] ?? document.range[0]);
}

function errorText(error: unknown): string {
  if (error instanceof RangeError) return 'it is nested too deeply';
  return firstLine(error instanceof Error ? error.message : String(error));
}

function firstLine(text: string): string {
  return text.split('\n', 1)[0] ?? '';
}
