// The references between Terraform instances of one file, from every place the formats keep them:
// a state's `depends_on` / `dependencies` (absolute addresses) and a plan's configuration
// expressions; and the strings to match against ids and ARNs, which the caller does across files. The configuration is resolved per
// module scope: `var.x` is the parent's argument, `module.m.out` the child's output, and a module
// call's `depends_on` applies to every resource inside it.

import { isRecord, type Json } from '../shared/values.js';
import { addressParts, withoutIndexes } from './addresses.js';
import type { TfInput, TfInstance } from './instances.js';

export interface TfReferences {
  /** Address -> the addresses it refers to, with whether the reference is explicit. */
  refs: Map<string, Map<string, boolean>>;
  /** Address -> attribute name -> addresses its configuration expression refers to. */
  byAttribute: Map<string, Map<string, string[]>>;
  /** Address -> its configuration block (for the provider configuration key). */
  configBlocks: Map<string, Json>;
  /** id or ARN -> address, for matching attribute values. */
  byId: Map<string, string>;
}

/** The most values looked at per instance when matching ids (a guard against huge attributes). */
const MAX_VALUES_PER_INSTANCE = 20_000;

export function tfReferences(input: TfInput): TfReferences {
  const result: TfReferences = {
    refs: new Map(),
    byAttribute: new Map(),
    configBlocks: new Map(),
    byId: new Map(),
  };
  const byBlock = new Map<string, TfInstance[]>();
  const byAddress = new Map<string, TfInstance>();
  for (const instance of input.instances) {
    byAddress.set(instance.address, instance);
    const block = withoutIndexes(instance.address);
    const same = byBlock.get(block);
    if (same) same.push(instance);
    else byBlock.set(block, [instance]);
    for (const key of ['id', 'arn', 'self_link']) {
      const value = instance.values[key];
      if (typeof value === 'string' && looksLikeId(value) && !result.byId.has(value)) {
        result.byId.set(value, instance.address);
      }
    }
  }
  const add = (from: string, to: string, explicit: boolean) => {
    if (from === to) return;
    const map = result.refs.get(from) ?? new Map<string, boolean>();
    map.set(to, (map.get(to) ?? true) && explicit);
    result.refs.set(from, map);
  };
  // State dependencies: absolute addresses, of a whole resource or one instance.
  for (const instance of input.instances) {
    for (const dependency of instance.dependsOn) {
      const exact = byAddress.get(dependency);
      const targets = exact ? [exact] : (byBlock.get(withoutIndexes(dependency)) ?? []);
      for (const target of targets) add(instance.address, target.address, false);
    }
  }
  if (input.configuration) {
    configurationReferences(input.configuration, byBlock, result, add);
  }
  return result;
}

function looksLikeId(text: string): boolean {
  return text.length >= 5 && /[0-9-:/]/.test(text);
}

/**
 * The strings of an instance's values, to match against ids and ARNs (values equal to another
 * instance's id are references, across files too); attributes marked sensitive are skipped.
 */
export function* stringLeaves(instance: TfInstance): Generator<string> {
  const sensitive = isRecord(instance.sensitive) ? instance.sensitive : {};
  const stack: unknown[] = Object.entries(instance.values)
    .filter(([key]) => sensitive[key] !== true)
    .map(([, value]) => value);
  let seen = 0;
  while (stack.length > 0 && seen < MAX_VALUES_PER_INSTANCE) {
    const value = stack.pop();
    seen++;
    if (typeof value === 'string') yield value;
    else if (Array.isArray(value)) stack.push(...value);
    else if (isRecord(value)) {
      for (const [key, child] of Object.entries(value))
        if (key !== 'id' && key !== 'arn') stack.push(child);
    }
  }
}

interface Scope {
  /** `module.a.module.b`, '' at the root. */
  path: string;
  module: Json;
  /** The call of this module in its parent, and the parent's scope. */
  call?: Json;
  parent?: Scope;
}

function configurationReferences(
  configuration: Json,
  byBlock: Map<string, TfInstance[]>,
  result: TfReferences,
  add: (from: string, to: string, explicit: boolean) => void,
): void {
  const scopes = new Map<string, Scope>();
  const root: Scope = { path: '', module: asRecord(configuration['root_module']) };
  const stack = [root];
  while (stack.length > 0) {
    const scope = stack.pop()!;
    if (scopes.has(scope.path) || scopes.size > 10_000) continue;
    scopes.set(scope.path, scope);
    for (const [name, call] of Object.entries(asRecord(scope.module['module_calls']))) {
      if (!isRecord(call)) continue;
      const path = scope.path === '' ? `module.${name}` : `${scope.path}.module.${name}`;
      stack.push({ path, module: asRecord(call['module']), call, parent: scope });
    }
  }
  const resolver = new ReferenceResolver(scopes, byBlock);
  for (const scope of scopes.values()) {
    // A module call's depends_on holds for everything inside the module.
    const inherited: string[] = [];
    for (let s: Scope | undefined = scope; s?.call && s.parent; s = s.parent) {
      inherited.push(...resolver.resolveAll(strings(s.call['depends_on']), s.parent));
    }
    for (const block of Array.isArray(scope.module['resources']) ? scope.module['resources'] : []) {
      if (!isRecord(block) || typeof block['address'] !== 'string') continue;
      const address = scope.path === '' ? block['address'] : `${scope.path}.${block['address']}`;
      const instances = byBlock.get(address) ?? [];
      const explicit = [...resolver.resolveAll(strings(block['depends_on']), scope), ...inherited];
      const attributes = new Map<string, string[]>();
      for (const [name, expression] of Object.entries(asRecord(block['expressions']))) {
        attributes.set(name, resolver.resolveAll(referencesIn(expression), scope));
      }
      for (const instance of instances) {
        result.configBlocks.set(instance.address, block);
        result.byAttribute.set(instance.address, attributes);
        for (const target of explicit) add(instance.address, target, true);
        for (const targets of attributes.values()) {
          for (const target of targets) add(instance.address, target, false);
        }
      }
    }
  }
}

/** Resolves configuration references to instance addresses, one module scope at a time. */
class ReferenceResolver {
  constructor(
    private readonly scopes: Map<string, Scope>,
    private readonly byBlock: Map<string, TfInstance[]>,
  ) {}

  /** Every instance the references stand for; an indexed reference only its instance. */
  resolveAll(references: readonly string[], scope: Scope): string[] {
    const found = new Set<string>();
    const pending = references.map((text) => ({ text, scope }));
    const seen = new Set<string>();
    while (pending.length > 0 && seen.size < 5_000) {
      const { text, scope: at } = pending.pop()!;
      const key = `${at.path}\u0000${text}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const parts = addressParts(text);
      const head = parts[0] ?? '';
      if (head === 'var' && parts[1] && at.call && at.parent) {
        const argument = asRecord(at.call['expressions'])[parts[1]];
        for (const next of referencesIn(argument)) pending.push({ text: next, scope: at.parent });
      } else if (head === 'module' && parts[1]) {
        const name = parts[1].replace(/\[.*$/, '');
        const child = this.scopes.get(
          at.path === '' ? `module.${name}` : `${at.path}.module.${name}`,
        );
        if (child === undefined) continue;
        const output = parts[2] ? asRecord(asRecord(child.module['outputs'])[parts[2]]) : undefined;
        if (output) {
          for (const next of referencesIn(output['expression']))
            pending.push({ text: next, scope: child });
        }
      } else if (head === 'data' && parts.length >= 3) {
        this.instancesOf(`data.${parts[1]}.${parts[2]}`, at, found);
      } else if (!NOT_RESOURCES.has(head) && parts.length >= 2) {
        this.instancesOf(`${head}.${parts[1]}`, at, found);
      }
    }
    // `aws_subnet.a[0]` and `aws_subnet.a` are both listed for one use: keep the precise one.
    return [...found];
  }

  private instancesOf(local: string, scope: Scope, found: Set<string>): void {
    const bracket = local.lastIndexOf('[');
    const block = withoutIndexes(local);
    const full = scope.path === '' ? block : `${scope.path}.${block}`;
    const instances = this.byBlock.get(full) ?? [];
    if (bracket >= 0) {
      const index = local.slice(bracket);
      for (const i of instances) if (i.address.endsWith(index)) found.add(i.address);
      return;
    }
    for (const i of instances) found.add(i.address);
  }
}

const NOT_RESOURCES = new Set(['local', 'count', 'each', 'path', 'terraform', 'self', 'var']);

/** Every `references` list inside an expression (nested blocks are lists of objects). */
function referencesIn(expression: unknown): string[] {
  const result: string[] = [];
  const stack = [expression];
  while (stack.length > 0) {
    const value = stack.pop();
    if (Array.isArray(value)) stack.push(...value);
    else if (isRecord(value)) {
      if (Array.isArray(value['references'])) result.push(...strings(value['references']));
      for (const [key, child] of Object.entries(value)) if (key !== 'references') stack.push(child);
    }
  }
  return preciseFirst(result);
}

/** Drops a whole-resource reference when the same expression names one of its instances. */
function preciseFirst(references: string[]): string[] {
  const indexed = new Set(references.filter((r) => r.includes('[')).map((r) => withoutIndexes(r)));
  return references.filter(
    (r) => r.includes('[') || ![...indexed].some((i) => i === r || i.startsWith(`${r}.`)),
  );
}

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

function asRecord(value: unknown): Json {
  return isRecord(value) ? value : {};
}
