// Checks the shape of parsed input where an importer reads it, reporting what was found instead
// at its line and column: `spec.replicas must be a number, not a string`. Absent is never an
// error here; the importer decides what absence means.

import type { Diagnostics, InputPlace } from './diagnostics.js';
import { describeValue, isRecord, scalarText, type Json } from './values.js';
import type { YamlDocument, YamlPath } from './yaml-documents.js';

export class ShapeChecker {
  constructor(
    private readonly document: YamlDocument,
    private readonly diagnostics: Diagnostics,
  ) {}

  place(path: YamlPath): InputPlace {
    return this.document.place(path);
  }

  /** The mapping at `path` inside `parent`, or undefined (reported when it is something else). */
  map(parent: Json, path: YamlPath, key: string): Json | undefined {
    return this.check(parent[key], [...path, key], 'a mapping', isRecord);
  }

  list(parent: Json, path: YamlPath, key: string): unknown[] | undefined {
    return this.check(parent[key], [...path, key], 'a list', Array.isArray);
  }

  string(parent: Json, path: YamlPath, key: string): string | undefined {
    return this.check(parent[key], [...path, key], 'a string', isString);
  }

  number(parent: Json, path: YamlPath, key: string): number | undefined {
    return this.check(parent[key], [...path, key], 'a number', isNumber);
  }

  /** A mapping of strings (labels, a selector); numbers and booleans are read as text. */
  stringMap(parent: Json, path: YamlPath, key: string): Map<string, string> | undefined {
    const map = this.map(parent, path, key);
    if (map === undefined) return undefined;
    const result = new Map<string, string>();
    for (const [name, value] of Object.entries(map)) {
      const text = scalarText(value);
      if (text === undefined) this.wrong([...path, key, name], 'a string', value);
      else result.set(name, text);
    }
    return result;
  }

  /** A list of strings (args, tags, targets); anything else in it is reported and left out. */
  stringList(parent: Json, path: YamlPath, key: string): string[] | undefined {
    const list = this.list(parent, path, key);
    if (list === undefined) return undefined;
    const result: string[] = [];
    list.forEach((item, index) => {
      const text = scalarText(item);
      if (text === undefined) this.wrong([...path, key, index], 'a string', item);
      else result.push(text);
    });
    return result;
  }

  wrong(path: YamlPath, expected: string, found: unknown): void {
    const what = path.length === 0 ? 'the value' : pathText(path);
    this.diagnostics.error(
      this.place(path),
      `${what} must be ${expected}, not ${describeValue(found)}`,
    );
  }

  private check<T>(
    value: unknown,
    path: YamlPath,
    expected: string,
    test: (value: unknown) => value is T,
  ): T | undefined {
    if (value === undefined || value === null) return undefined;
    if (test(value)) return value;
    this.wrong(path, expected, value);
    return undefined;
  }
}

function isString(value: unknown): value is string {
  return typeof value === 'string';
}

function isNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

/** `spec.containers[0].env[2].value` */
export function pathText(path: YamlPath): string {
  return path
    .map((part, i) => (typeof part === 'number' ? `[${part}]` : i === 0 ? part : `.${part}`))
    .join('');
}
