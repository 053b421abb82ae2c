// The stacks the given templates make: a template that another names in a nested stack's
// TemplateURL (matched by file name) is instantiated there with the parameters its parent passes;
// the others are stacks of their own, named after their file. Parameters take, in order, the
// parent's value, `--param`, then the Default; conditions are evaluated once per stack; exports
// are matched to imports across all stacks, with `AWS::StackName` matching any stack name.

import { isRecord, type Json } from '../shared/values.js';
import { Evaluator, symbol, type StackScope, type Value } from './intrinsics.js';
import type { TemplateText } from './template-text.js';

export interface Template {
  file: string;
  text: TemplateText;
}

export interface Stack {
  name: string;
  template: Template;
  scope: StackScope;
  /** Logical id -> resource (Fn::ForEach expanded). */
  resources: Map<string, Json>;
  /** Nested stacks by the logical id of their AWS::CloudFormation::Stack resource. */
  children: Map<string, Stack>;
  /** Conditions whose value could not be known (taken as false). */
  unknownConditions: Set<string>;
}

export interface StackOptions {
  region?: string;
  parameters: Map<string, string>;
}

/** A marker standing for any stack name while export names are matched. */
const ANY_STACK = '\u0001stack\u0001';
const MAX_DEPTH = 10;

export class StackSet {
  readonly stacks: Stack[] = [];
  /** Nested stacks whose template is not among the files given. */
  readonly missingTemplates: { file: string; what: string }[] = [];
  private exports: { pattern: RegExp; stack: Stack; value: unknown }[] | undefined;

  constructor(
    templates: readonly Template[],
    private readonly options: StackOptions,
  ) {
    const nested = new Set<Template>();
    for (const t of templates) {
      for (const resource of Object.values(resourcesOf(t.text.value))) {
        const url = nestedUrl(resource);
        const child = url ? templateFor(url, templates) : undefined;
        if (child && child !== t) nested.add(child);
      }
    }
    const tops = templates.filter((t) => !nested.has(t));
    const names = stackNames(tops.map((t) => t.file));
    const pending: { stack: Stack; depth: number; path: Set<Template> }[] = [];
    tops.forEach((t, i) => {
      const stack = this.newStack(names[i]!, t);
      this.stacks.push(stack);
      pending.push({ stack, depth: 0, path: new Set([t]) });
    });
    while (pending.length > 0) {
      const { stack, depth, path } = pending.pop()!;
      for (const [id, resource] of stack.resources) {
        const url = nestedUrl(resource);
        if (url === undefined) continue;
        const condition = resource['Condition'];
        if (typeof condition === 'string' && stack.scope.condition(condition) !== true) continue;
        const child = templateFor(url, templates);
        if (child === undefined || path.has(child) || depth >= MAX_DEPTH) {
          const why =
            child === undefined
              ? `its template ${url} is not among the files given`
              : 'nested too deeply';
          this.missingTemplates.push({
            file: stack.template.file,
            what: `nested stack ${id}: ${why}`,
          });
          continue;
        }
        const properties = isRecord(resource['Properties']) ? resource['Properties'] : {};
        const passed = isRecord(properties['Parameters']) ? properties['Parameters'] : {};
        const given = { values: passed, scope: stack.scope };
        const childStack = this.newStack(`${stack.name}/${id}`, child, given);
        stack.children.set(id, childStack);
        this.stacks.push(childStack);
        pending.push({ stack: childStack, depth: depth + 1, path: new Set([...path, child]) });
      }
    }
  }

  private newStack(name: string, template: Template, given?: PassedParameters): Stack {
    const value = template.text.value;
    const parameters = isRecord(value['Parameters']) ? value['Parameters'] : {};
    const conditions = isRecord(value['Conditions']) ? value['Conditions'] : {};
    const mappings = isRecord(value['Mappings']) ? value['Mappings'] : {};
    const resolved = new Map<string, boolean | undefined>();
    const passedValues = new Map<string, Value>();
    const evaluating = new Set<string>();
    const stack: Stack = {
      name,
      template,
      resources: new Map(),
      children: new Map(),
      unknownConditions: new Set(),
      scope: undefined as unknown as StackScope,
    };
    const options = this.options;
    const scope: StackScope = {
      name,
      ...(this.options.region ? { region: this.options.region } : {}),
      parameter: (id) => {
        if (!(id in parameters)) return undefined;
        const definition = isRecord(parameters[id]) ? parameters[id] : {};
        const type = typeof definition['Type'] === 'string' ? definition['Type'] : 'String';
        const isList = type.startsWith('List<') || type === 'CommaDelimitedList';
        if (given && id in given.values) {
          // Evaluated in the parent on first use: sibling stacks' outputs exist by then.
          if (!passedValues.has(id)) {
            passedValues.set(
              id,
              symbol({ sym: 'unknown', why: `parameter ${id} refers to itself` }),
            );
            const value = new Evaluator(given.scope).evaluate(given.values[id]);
            passedValues.set(id, isList && typeof value === 'string' ? splitList(value) : value);
          }
          return passedValues.get(id);
        }
        const text = options.parameters.get(id) ?? scalar(definition['Default']);
        if (text !== undefined) {
          return type.startsWith('List<') || type === 'CommaDelimitedList'
            ? text
                .split(',')
                .map((s) => s.trim())
                .filter((s) => s !== '')
            : text;
        }
        if (type === 'List<AWS::EC2::AvailabilityZone::Name>') {
          return symbol({ sym: 'zones', label: `${options.region ?? 'AWS::Region'}/${id}` });
        }
        if (type === 'AWS::EC2::AvailabilityZone::Name') {
          return symbol({
            sym: 'zone',
            label: `${options.region ?? 'AWS::Region'}/${id}`,
            source: `parameter ${id}`,
          });
        }
        return symbol({ sym: 'unknown', why: `parameter ${id} (no value given)` });
      },
      hasResource: (id) => stack.resources.has(id),
      attribute: (id, attribute, refs) => {
        const child = stack.children.get(id);
        if (child && attribute.startsWith('Outputs.')) {
          const outputs = child.template.text.value['Outputs'];
          const output = isRecord(outputs) ? outputs[attribute.slice(8)] : undefined;
          if (!isRecord(output))
            return symbol({ sym: 'unknown', why: `output ${attribute} of ${child.name}` });
          return new Evaluator(child.scope, refs).evaluate(output['Value']);
        }
        const resource = stack.resources.get(id);
        if (resource?.['Type'] === 'AWS::EC2::Subnet' && attribute === 'AvailabilityZone') {
          const properties = isRecord(resource['Properties']) ? resource['Properties'] : {};
          return new Evaluator(scope).evaluate(properties['AvailabilityZone']);
        }
        return undefined;
      },
      condition: (id) => {
        if (resolved.has(id)) return resolved.get(id);
        if (evaluating.has(id) || !(id in conditions)) return undefined;
        evaluating.add(id);
        const result = new Evaluator(scope).evaluate(conditions[id]);
        evaluating.delete(id);
        const holds = typeof result === 'boolean' ? result : undefined;
        if (holds === undefined) stack.unknownConditions.add(id);
        resolved.set(id, holds);
        return holds;
      },
      mapping: (id) => mappings[id],
      importValue: (exported, refs) => this.importValue(exported, refs),
    };
    stack.scope = scope;
    for (const [id, resource] of expandResources(value['Resources'], scope)) {
      stack.resources.set(id, resource);
    }
    return stack;
  }

  private importValue(name: string, refs: Set<string>): Value | undefined {
    this.exports ??= this.collectExports();
    const matches = this.exports.filter((e) => e.pattern.test(name));
    if (matches.length !== 1) return undefined;
    const { stack, value } = matches[0]!;
    return new Evaluator(stack.scope, refs).evaluate(value);
  }

  private collectExports(): { pattern: RegExp; stack: Stack; value: unknown }[] {
    const result: { pattern: RegExp; stack: Stack; value: unknown }[] = [];
    for (const stack of this.stacks) {
      const outputs = stack.template.text.value['Outputs'];
      if (!isRecord(outputs)) continue;
      const named: StackScope = { ...stack.scope, stackName: ANY_STACK };
      for (const output of Object.values(outputs)) {
        if (!isRecord(output) || !isRecord(output['Export'])) continue;
        const name = new Evaluator(named).evaluate(output['Export']['Name']);
        if (typeof name !== 'string') continue;
        const pattern = name
          .split(ANY_STACK)
          .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
          .join('.+');
        result.push({ pattern: new RegExp(`^${pattern}$`), stack, value: output['Value'] });
      }
    }
    return result;
  }
}

/** The Parameters a parent stack passes, evaluated in its scope when read. */
interface PassedParameters {
  values: Json;
  scope: StackScope;
}

function splitList(text: string): string[] {
  return text
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part !== '');
}

function resourcesOf(template: Json): Json {
  return isRecord(template['Resources']) ? template['Resources'] : {};
}

function nestedUrl(resource: unknown): string | undefined {
  if (!isRecord(resource) || resource['Type'] !== 'AWS::CloudFormation::Stack') return undefined;
  const properties = isRecord(resource['Properties']) ? resource['Properties'] : {};
  const url = properties['TemplateURL'];
  if (typeof url === 'string') return url;
  // `!Sub https://…/${Bucket}/templates/x.yaml`: the file name is still at the end.
  const sub = isRecord(url) ? (url['Fn::Sub'] ?? url['Fn::Join']) : undefined;
  const text = JSON.stringify(sub ?? '');
  const match = /([A-Za-z0-9_.-]+\.(?:ya?ml|json|template))"/.exec(text);
  return match?.[1];
}

/** The given template whose path ends like the URL (the longest match wins). */
function templateFor(url: string, templates: readonly Template[]): Template | undefined {
  const urlParts =
    url.split(/[/?#]/)[0] === url ? url.split('/') : url.replace(/[?#].*$/, '').split('/');
  let best: Template | undefined;
  let bestLength = 0;
  for (const t of templates) {
    const fileParts = t.file.split(/[\\/]/);
    let n = 0;
    while (
      n < fileParts.length &&
      n < urlParts.length &&
      fileParts[fileParts.length - 1 - n] === urlParts[urlParts.length - 1 - n]
    ) {
      n++;
    }
    if (n > bestLength) {
      best = t;
      bestLength = n;
    }
  }
  return best;
}

/** Stack names from file names: the base name, with parent folders where two would clash. */
function stackNames(files: readonly string[]): string[] {
  const parts = files.map((f) =>
    f
      .replace(/\.(ya?ml|json|template)$/i, '')
      .split(/[\\/]/)
      .filter((p) => p !== '' && p !== '.' && p !== '..'),
  );
  const depth = files.map(() => 1);
  for (let changed = true; changed;) {
    changed = false;
    const names = parts.map((p, i) => p.slice(-depth[i]!).join('/'));
    names.forEach((name, i) => {
      if (names.filter((n) => n === name).length > 1 && depth[i]! < parts[i]!.length) {
        depth[i]!++;
        changed = true;
      }
    });
  }
  return parts.map((p, i) => p.slice(-depth[i]!).join('/') || 'stack');
}

function scalar(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return value.map(String).join(',');
  return undefined;
}

/** Resources, with `Fn::ForEach::Name: [id, [values], {Template${id}: …}]` expanded. */
function expandResources(resources: unknown, scope: StackScope): [string, Json][] {
  const result: [string, Json][] = [];
  if (!isRecord(resources)) return result;
  for (const [id, resource] of Object.entries(resources)) {
    if (id.startsWith('Fn::ForEach::') && Array.isArray(resource)) {
      const [identifier, collection, body] = resource;
      const values = new Evaluator(scope).evaluate(collection);
      if (typeof identifier !== 'string' || !Array.isArray(values) || !isRecord(body)) continue;
      for (const v of values) {
        if (typeof v !== 'string') continue;
        for (const [keyTemplate, template] of Object.entries(body)) {
          const key = keyTemplate
            .split(`\${${identifier}}`)
            .join(v)
            .split(`&{${identifier}}`)
            .join(v);
          const text = JSON.stringify(template)
            .split(JSON.stringify({ Ref: identifier }))
            .join(JSON.stringify(v))
            .split(`\${${identifier}}`)
            .join(v.replace(/["\\]/g, ''));
          const expanded: unknown = JSON.parse(text);
          if (isRecord(expanded)) result.push([key, expanded]);
        }
      }
    } else if (isRecord(resource)) result.push([id, resource]);
  }
  return result;
}
