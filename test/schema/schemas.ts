// The JSON Schemas shipped in schema/, compiled by one strict draft-07 Ajv (so a mistake in a
// schema fails here), and a record of which parts of each schema real outputs have exercised.

import { readFileSync } from 'node:fs';
import { Ajv, type ValidateFunction } from 'ajv';
import { renderJson } from '../../src/report/shared/json.js';

export const SCHEMA_NAMES = [
  'analysis-result',
  'simulate-result',
  'validate-result',
  'graph',
  'check-result',
  'baseline',
  'chaos-result',
] as const;
export type SchemaName = (typeof SCHEMA_NAMES)[number];

/** A JSON Schema as parsed from its file: only the keywords these tests look at are typed. */
export interface SchemaNode {
  $ref?: string;
  $id?: string;
  type?: string | string[];
  properties?: Record<string, SchemaNode>;
  required?: string[];
  additionalProperties?: boolean | SchemaNode;
  items?: SchemaNode | SchemaNode[];
  oneOf?: SchemaNode[];
  anyOf?: SchemaNode[];
  allOf?: SchemaNode[];
  definitions?: Record<string, SchemaNode>;
  [keyword: string]: unknown;
}

export function schemaPath(name: SchemaName): URL {
  return new URL(`../../schema/${name}.schema.json`, import.meta.url);
}

export const SCHEMAS: Record<SchemaName, SchemaNode> = Object.fromEntries(
  SCHEMA_NAMES.map((name) => [name, JSON.parse(readFileSync(schemaPath(name), 'utf8'))]),
) as Record<SchemaName, SchemaNode>;

export const ajv = new Ajv({ strict: true, allErrors: true });
for (const name of SCHEMA_NAMES) ajv.addSchema(SCHEMAS[name]);

/** The validator of the part of schema `name` at JSON pointer `pointer` (`#` for the whole). */
export function validatorAt(name: SchemaName, pointer = '#'): ValidateFunction {
  const validate = ajv.getSchema(`${SCHEMAS[name].$id}${pointer === '#' ? '' : pointer}`);
  if (!validate) throw new Error(`no schema at ${name}${pointer}`);
  return validate;
}

/** A result exactly as `--format json` prints it, parsed back. */
export function asPrinted(result: unknown): unknown {
  return JSON.parse(renderJson(result));
}

/** Throws, listing every error, unless `value` (already parsed JSON) matches schema `name`. */
export function assertMatches(name: SchemaName, value: unknown): void {
  const validate = validatorAt(name);
  if (!validate(value)) {
    throw new Error(
      `${name}.schema.json rejects the output:\n${ajv.errorsText(validate.errors, { separator: '\n' })}\n` +
        JSON.stringify(value, null, 2).slice(0, 4000),
    );
  }
}

/** Every node of a schema document with its JSON pointer, depth first. */
export function* schemaNodes(node: SchemaNode, pointer = '#'): Generator<[string, SchemaNode]> {
  yield [pointer, node];
  for (const [keyword, value] of Object.entries(node)) {
    if (keyword === 'properties' || keyword === 'definitions') {
      for (const [key, child] of Object.entries(value as Record<string, SchemaNode>)) {
        yield* schemaNodes(child, `${pointer}/${keyword}/${key}`);
      }
    } else if (Array.isArray(value) && ['items', 'oneOf', 'anyOf', 'allOf'].includes(keyword)) {
      for (const [i, child] of (value as SchemaNode[]).entries()) {
        yield* schemaNodes(child, `${pointer}/${keyword}/${i}`);
      }
    } else if (
      typeof value === 'object' &&
      value !== null &&
      !Array.isArray(value) &&
      ['items', 'additionalProperties', 'propertyNames', 'additionalItems'].includes(keyword)
    ) {
      yield* schemaNodes(value as SchemaNode, `${pointer}/${keyword}`);
    }
  }
}

interface ObjectShape {
  seen: number;
  /** Keys present in at least one object validated at this node. */
  some: Set<string>;
  /** Keys present in every object validated at this node. */
  every: Set<string>;
}

/**
 * Walks real outputs alongside their schema and records, for every object schema, which keys
 * occurred sometimes and always, and for every oneOf/anyOf, which branches matched. A schema
 * property that no output produces, a required one that is sometimes missing, or a branch never
 * taken then shows up in `problems()`.
 */
export class SchemaCoverage {
  private readonly shapes = new Map<string, ObjectShape>();
  private readonly branches = new Set<string>();

  constructor(readonly name: SchemaName) {}

  observe(value: unknown): void {
    assertMatches(this.name, value);
    this.walk(SCHEMAS[this.name], '#', value);
  }

  problems(): string[] {
    const problems: string[] = [];
    for (const [pointer, node] of schemaNodes(SCHEMAS[this.name])) {
      if (node.properties) {
        const shape = this.shapes.get(pointer);
        const where = `${this.name}${pointer}`;
        if (!shape) {
          problems.push(`${where}: no output had an object here`);
          continue;
        }
        for (const key of Object.keys(node.properties)) {
          if (!shape.some.has(key)) problems.push(`${where}: no output had "${key}"`);
        }
        const required = new Set(node.required ?? []);
        for (const key of shape.every) {
          if (!required.has(key))
            problems.push(`${where}: "${key}" is always present but not required`);
        }
        for (const key of required) {
          if (!shape.every.has(key))
            problems.push(`${where}: "${key}" is required but was missing`);
        }
      }
      for (const keyword of ['oneOf', 'anyOf'] as const) {
        node[keyword]?.forEach((_, i) => {
          const branch = `${pointer}/${keyword}/${i}`;
          if (!this.branches.has(branch)) problems.push(`${this.name}${branch}: never matched`);
        });
      }
    }
    return problems;
  }

  private walk(start: SchemaNode, startPointer: string, value: unknown): void {
    let node = start;
    let pointer = startPointer;
    if (node.$ref !== undefined) {
      pointer = node.$ref;
      node = this.resolve(pointer);
    }
    for (const keyword of ['oneOf', 'anyOf'] as const) {
      node[keyword]?.forEach((branch, i) => {
        const branchPointer = `${pointer}/${keyword}/${i}`;
        if (!validatorAt(this.name, branchPointer)(value)) return;
        this.branches.add(branchPointer);
        this.walk(branch, branchPointer, value);
      });
    }
    node.allOf?.forEach((part, i) => this.walk(part, `${pointer}/allOf/${i}`, value));
    if (Array.isArray(value)) {
      const items = node.items;
      if (Array.isArray(items)) {
        items.forEach((item, i) => this.walk(item, `${pointer}/items/${i}`, value[i]));
      } else if (items) {
        for (const element of value) this.walk(items, `${pointer}/items`, element);
      }
    } else if (typeof value === 'object' && value !== null) {
      const keys = Object.keys(value);
      const record = value as Record<string, unknown>;
      if (node.properties) this.record(pointer, keys);
      for (const key of keys) {
        const property = node.properties?.[key];
        if (property) this.walk(property, `${pointer}/properties/${key}`, record[key]);
        else if (typeof node.additionalProperties === 'object') {
          this.walk(node.additionalProperties, `${pointer}/additionalProperties`, record[key]);
        }
      }
    }
  }

  private record(pointer: string, keys: string[]): void {
    const shape = this.shapes.get(pointer);
    if (!shape) {
      this.shapes.set(pointer, { seen: 1, some: new Set(keys), every: new Set(keys) });
      return;
    }
    shape.seen++;
    for (const key of keys) shape.some.add(key);
    for (const key of shape.every) if (!keys.includes(key)) shape.every.delete(key);
  }

  private resolve(ref: string): SchemaNode {
    if (!ref.startsWith('#/'))
      throw new Error(`${this.name}: only local $refs are expected, not ${ref}`);
    let node: unknown = SCHEMAS[this.name];
    for (const part of ref.slice(2).split('/')) node = (node as Record<string, unknown>)[part];
    if (typeof node !== 'object' || node === null) throw new Error(`${this.name}: dangling ${ref}`);
    return node as SchemaNode;
  }
}
