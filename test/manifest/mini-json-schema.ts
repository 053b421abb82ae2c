// A small JSON Schema draft-07 validator for the keywords schema/manifest.schema.json uses, so
// the tests can check manifests against the schema without ajv. Walks the value with a stack.

type Schema = Record<string, unknown>;

interface Task {
  schema: Schema;
  value: unknown;
  path: string;
}

/** Messages for every violation of `schema` by `value`; empty when it is valid. */
export function validate(root: Schema, value: unknown): string[] {
  const errors: string[] = [];
  const stack: Task[] = [{ schema: root, value, path: '$' }];
  for (let task = stack.pop(); task; task = stack.pop()) {
    checkTask(root, task, stack, errors);
  }
  return errors;
}

function checkTask(
  root: Schema,
  { schema, value, path }: Task,
  stack: Task[],
  errors: string[],
): void {
  const fail = (what: string) => errors.push(`${path}: ${what}`);
  if (typeof schema.$ref === 'string')
    stack.push({ schema: resolve(root, schema.$ref), value, path });
  const types = schema.type === undefined ? undefined : [schema.type].flat();
  if (types && !types.some((type) => hasType(value, type as string))) {
    fail(`not ${types.join(' or ')}`);
  }
  if ('const' in schema && value !== schema.const) fail(`not ${JSON.stringify(schema.const)}`);
  if (Array.isArray(schema.enum) && !schema.enum.includes(value)) fail('not in enum');
  for (const sub of (schema.allOf as Schema[] | undefined) ?? [])
    stack.push({ schema: sub, value, path });
  countMatches(root, schema.anyOf, value, (n) => n >= 1 || fail('matches no anyOf branch'));
  countMatches(root, schema.oneOf, value, (n) => n === 1 || fail(`matches ${n} oneOf branches`));
  if (typeof value === 'string') checkString(schema, value, fail);
  if (typeof value === 'number') checkNumber(schema, value, fail);
  if (Array.isArray(value)) checkArray(schema, value, path, stack, fail);
  else if (typeof value === 'object' && value !== null) {
    checkObject(schema, value as Record<string, unknown>, path, stack, fail);
  }
}

function countMatches(
  root: Schema,
  branches: unknown,
  value: unknown,
  judge: (n: number) => unknown,
): void {
  if (!Array.isArray(branches)) return;
  judge(branches.filter((branch: Schema) => validateFrom(root, branch, value)).length);
}

/** Validates `value` against a part of `root` (so that its $refs resolve against `root`). */
function validateFrom(root: Schema, schema: Schema, value: unknown): boolean {
  const errors: string[] = [];
  const stack: Task[] = [{ schema, value, path: '$' }];
  for (let task = stack.pop(); task; task = stack.pop()) checkTask(root, task, stack, errors);
  return errors.length === 0;
}

function resolve(root: Schema, ref: string): Schema {
  let node: unknown = root;
  for (const part of ref.replace(/^#\//, '').split('/')) node = (node as Schema)[part];
  if (typeof node !== 'object' || node === null) throw new Error(`unresolved $ref ${ref}`);
  return node as Schema;
}

function hasType(value: unknown, type: string): boolean {
  if (type === 'integer') return Number.isInteger(value);
  if (type === 'null') return value === null;
  if (type === 'array') return Array.isArray(value);
  if (type === 'object')
    return typeof value === 'object' && value !== null && !Array.isArray(value);
  return typeof value === type;
}

function checkString(schema: Schema, value: string, fail: (what: string) => void): void {
  if (typeof schema.minLength === 'number' && value.length < schema.minLength) fail('too short');
  if (typeof schema.maxLength === 'number' && value.length > schema.maxLength) fail('too long');
  if (typeof schema.pattern === 'string' && !new RegExp(schema.pattern, 'u').test(value)) {
    fail(`does not match ${schema.pattern}`);
  }
}

function checkNumber(schema: Schema, value: number, fail: (what: string) => void): void {
  if (typeof schema.minimum === 'number' && value < schema.minimum) fail('below minimum');
  if (typeof schema.maximum === 'number' && value > schema.maximum) fail('above maximum');
  if (typeof schema.exclusiveMinimum === 'number' && value <= schema.exclusiveMinimum) {
    fail('not above exclusiveMinimum');
  }
}

function checkArray(
  schema: Schema,
  value: unknown[],
  path: string,
  stack: Task[],
  fail: (what: string) => void,
): void {
  if (typeof schema.minItems === 'number' && value.length < schema.minItems) fail('too few items');
  if (
    schema.uniqueItems === true &&
    new Set(value.map((v) => JSON.stringify(v))).size !== value.length
  ) {
    fail('items not unique');
  }
  if (typeof schema.items !== 'object' || schema.items === null) return;
  value.forEach((item, i) =>
    stack.push({ schema: schema.items as Schema, value: item, path: `${path}[${i}]` }),
  );
}

function checkObject(
  schema: Schema,
  value: Record<string, unknown>,
  path: string,
  stack: Task[],
  fail: (what: string) => void,
): void {
  const properties = (schema.properties ?? {}) as Record<string, Schema>;
  for (const key of (schema.required as string[] | undefined) ?? []) {
    if (!Object.hasOwn(value, key)) fail(`missing ${key}`);
  }
  for (const [key, item] of Object.entries(value)) {
    const where = `${path}.${key}`;
    if (schema.propertyNames)
      stack.push({ schema: schema.propertyNames as Schema, value: key, path: where });
    if (Object.hasOwn(properties, key))
      stack.push({ schema: properties[key]!, value: item, path: where });
    else if (schema.additionalProperties === false) fail(`unexpected property ${key}`);
    else if (typeof schema.additionalProperties === 'object') {
      stack.push({ schema: schema.additionalProperties as Schema, value: item, path: where });
    }
  }
}
