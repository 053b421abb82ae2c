// Evaluates CloudFormation values offline: parameters (given, passed by a parent stack, or their
// Default), conditions, `Fn::If`, `Fn::Select`, `Fn::FindInMap`, `Fn::Join`, `Fn::Sub`, nested
// stack outputs and `Fn::ImportValue` across the stacks given. What cannot be known offline
// becomes a symbol: a resource, an Availability Zone slot (`!Select [i, !GetAZs '']` is slot i
// of the region, the same slot the same zone), or an unknown with its reason. Every resource a
// value refers to is recorded, so references follow only the branches a condition takes.

import { isRecord } from '../shared/values.js';

export type Symbolic =
  | { sym: 'resource'; key: string; attr?: string }
  | { sym: 'zones'; label: string }
  | { sym: 'zone'; label: string; source: string }
  | { sym: 'unknown'; why: string };

export type Value = unknown; // plain JSON, arrays of values, or a Symbolic

export const NO_VALUE = Symbol('AWS::NoValue');

export function isSymbolic(value: unknown): value is Symbolic {
  return isRecord(value) && typeof value['sym'] === 'string' && SYMBOLIC in value;
}

const SYMBOLIC = '\u0000symbolic';

/** The keys of the resources an evaluated value holds. */
export function resourcesIn(value: Value): string[] {
  const keys: string[] = [];
  const stack = [value];
  while (stack.length > 0) {
    const v = stack.pop();
    if (isSymbolic(v)) {
      if (v.sym === 'resource') keys.push(v.key);
    } else if (Array.isArray(v)) stack.push(...(v as unknown[]));
    else if (isRecord(v)) stack.push(...Object.values(v));
  }
  return keys;
}

export function symbol(value: Symbolic): Symbolic {
  return { ...value, [SYMBOLIC]: true } as unknown as Symbolic;
}

/** What evaluation needs from the stack a value is in. */
export interface StackScope {
  /** `master/VPC` for a nested stack. */
  name: string;
  region?: string;
  /** What `AWS::StackName` stands for while matching export names; else not known. */
  stackName?: string;
  parameter(name: string): Value | undefined;
  hasResource(logicalId: string): boolean;
  /** `Outputs.X` of a nested stack resource, or the zone of a subnet; undefined otherwise. */
  attribute(logicalId: string, attribute: string, refs: Set<string>): Value | undefined;
  condition(name: string): boolean | undefined;
  mapping(name: string): unknown;
  importValue(name: string, refs: Set<string>): Value | undefined;
}

/** The most steps one evaluation takes (a guard against deeply nested or circular values). */
const MAX_STEPS = 200_000;

export class Evaluator {
  private steps = 0;

  constructor(
    private readonly scope: StackScope,
    /** Keys of the resources the evaluated values referred to. */
    readonly refs: Set<string> = new Set(),
  ) {}

  evaluate(value: unknown): Value {
    if (++this.steps > MAX_STEPS) return symbol({ sym: 'unknown', why: 'too deeply nested' });
    if (isSymbolic(value)) return value;
    if (Array.isArray(value)) {
      return value.map((v) => this.evaluate(v)).filter((v) => v !== NO_VALUE);
    }
    if (!isRecord(value)) return value;
    const keys = Object.keys(value);
    if (keys.length === 1) {
      const key = keys[0]!;
      const argument = value[key];
      if (key === 'Ref') return this.ref(argument);
      if (key === 'Condition' && typeof argument === 'string')
        return this.scope.condition(argument);
      if (key.startsWith('Fn::')) return this.function(key.slice(4), argument);
    }
    const result: Record<string, unknown> = {};
    for (const key of keys) {
      const v = this.evaluate(value[key]);
      if (v !== NO_VALUE) result[key] = v;
    }
    return result;
  }

  private ref(argument: unknown): Value {
    const name = this.text(argument);
    if (name === undefined) return symbol({ sym: 'unknown', why: 'a Ref to a computed name' });
    if (name === 'AWS::NoValue') return NO_VALUE;
    if (name === 'AWS::Region') {
      return this.scope.region ?? symbol({ sym: 'unknown', why: 'the region (pass --region)' });
    }
    if (name === 'AWS::StackName' && this.scope.stackName !== undefined)
      return this.scope.stackName;
    if (name.startsWith('AWS::')) return symbol({ sym: 'unknown', why: name });
    const parameter = this.scope.parameter(name);
    if (parameter !== undefined) return parameter;
    if (this.scope.hasResource(name)) return this.resource(name);
    return symbol({ sym: 'unknown', why: `${name} (not a parameter or resource)` });
  }

  private resource(logicalId: string, attr?: string): Symbolic {
    const key = `${this.scope.name}/${logicalId}`;
    this.refs.add(key);
    return symbol({ sym: 'resource', key, ...(attr ? { attr } : {}) });
  }

  private function(name: string, argument: unknown): Value {
    switch (name) {
      case 'GetAtt': {
        const [id, ...rest] = Array.isArray(argument) ? argument.map((a) => this.evaluate(a)) : [];
        const attr = rest.map(String).join('.');
        if (typeof id !== 'string' || !this.scope.hasResource(id)) {
          return symbol({ sym: 'unknown', why: `GetAtt ${String(id)}.${attr}` });
        }
        // Resources an output holds count where the value ends up (see resourcesIn).
        const known = this.scope.attribute(id, attr, new Set());
        return known !== undefined ? known : this.resource(id, attr);
      }
      case 'GetAZs': {
        const region = this.evaluate(argument);
        const named = typeof region === 'string' && region !== '' ? region : this.scope.region;
        return symbol({ sym: 'zones', label: `${named ?? 'AWS::Region'}/az-slot` });
      }
      case 'Select': {
        const [rawIndex, rawList] = Array.isArray(argument) ? argument : [];
        const index = Number(this.evaluate(rawIndex));
        const list = this.evaluate(rawList);
        if (Array.isArray(list) && Number.isInteger(index)) {
          return list[index] ?? symbol({ sym: 'unknown', why: `item ${index} of a shorter list` });
        }
        if (isSymbolic(list) && list.sym === 'zones' && Number.isInteger(index)) {
          return symbol({
            sym: 'zone',
            label: `${list.label}-${index}`,
            source: 'Availability Zone slot',
          });
        }
        const why =
          isSymbolic(list) && list.sym === 'unknown' ? list.why : 'a list not known offline';
        return symbol({ sym: 'unknown', why: `item ${String(index)} of ${why}` });
      }
      case 'If': {
        const [condition, yes, no] = Array.isArray(argument) ? argument : [];
        const holds = typeof condition === 'string' ? this.scope.condition(condition) : undefined;
        return this.evaluate(holds === true ? yes : no);
      }
      case 'Equals': {
        const [a, b] = Array.isArray(argument) ? argument.map((x) => this.evaluate(x)) : [];
        if (isSymbolic(a) || isSymbolic(b)) return undefined;
        return JSON.stringify(a) === JSON.stringify(b) || String(a) === String(b);
      }
      case 'And':
      case 'Or': {
        const values = Array.isArray(argument) ? argument.map((x) => this.evaluate(x)) : [];
        if (values.some((v) => typeof v !== 'boolean')) return undefined;
        return name === 'And' ? values.every(Boolean) : values.some(Boolean);
      }
      case 'Not': {
        const [v] = Array.isArray(argument) ? argument.map((x) => this.evaluate(x)) : [];
        return typeof v === 'boolean' ? !v : undefined;
      }
      case 'FindInMap':
        return this.findInMap(argument);
      case 'Join': {
        const [separator, list] = Array.isArray(argument) ? argument : [];
        const items = this.evaluate(list);
        // A list of zones or resources joined for a List parameter stays what it was.
        if (isSymbolic(items) && separator === ',') return items;
        if (!Array.isArray(items)) return symbol({ sym: 'unknown', why: 'a joined list' });
        if (items.every((i) => typeof i === 'string' || typeof i === 'number')) {
          return items.join(String(separator ?? ''));
        }
        // A comma-joined list of resources (subnets for a List parameter) stays a list.
        return separator === ',' ? items : symbol({ sym: 'unknown', why: 'a joined text' });
      }
      case 'Split': {
        const [separator, text] = Array.isArray(argument)
          ? argument.map((x) => this.evaluate(x))
          : [];
        if (Array.isArray(text)) return text;
        return typeof text === 'string' && typeof separator === 'string'
          ? text.split(separator)
          : symbol({ sym: 'unknown', why: 'a split text' });
      }
      case 'Sub':
        return this.sub(argument);
      case 'ImportValue': {
        const exported = this.evaluate(argument);
        if (typeof exported !== 'string')
          return symbol({ sym: 'unknown', why: 'an import of a computed name' });
        return (
          this.scope.importValue(exported, new Set()) ??
          symbol({ sym: 'unknown', why: `export ${exported} (no stack given exports it)` })
        );
      }
      default:
        this.evaluate(argument); // still records the resources it names
        return symbol({ sym: 'unknown', why: `Fn::${name}` });
    }
  }

  private findInMap(argument: unknown): Value {
    const [map, first, second] = Array.isArray(argument)
      ? argument.map((a) => this.evaluate(a))
      : [];
    const table = typeof map === 'string' ? this.scope.mapping(map) : undefined;
    if (!isRecord(table)) return symbol({ sym: 'unknown', why: `mapping ${String(map)}` });
    if (typeof first === 'string' && typeof second === 'string') {
      const row = table[first];
      if (isRecord(row) && row[second] !== undefined) return this.evaluate(row[second]);
      return symbol({
        sym: 'unknown',
        why: `${String(map)}.${first}.${second} is not in the mapping`,
      });
    }
    // Keyed by a region not known offline: a symbol per entry, so entries stay distinct.
    const label = `${this.scope.region ?? 'AWS::Region'}/${String(map)}.${String(second)}`;
    return symbol({ sym: 'zones', label });
  }

  private sub(argument: unknown): Value {
    const [template, variables] = Array.isArray(argument) ? argument : [argument, {}];
    if (typeof template !== 'string')
      return symbol({ sym: 'unknown', why: 'a Sub of a computed text' });
    const locals = isRecord(variables) ? variables : {};
    let known = true;
    const text = template.replace(/\$\{([^}]*)\}/g, (whole, inner: string) => {
      if (inner.startsWith('!')) return `\${${inner.slice(1)}}`;
      const name = inner.trim();
      let value: Value;
      if (name in locals) value = this.evaluate(locals[name]);
      else if (name.includes('.') && !name.startsWith('AWS::')) {
        const dot = name.indexOf('.');
        value = this.function('GetAtt', [name.slice(0, dot), name.slice(dot + 1)]);
      } else value = this.ref(name);
      if (typeof value === 'string' || typeof value === 'number') return String(value);
      known = false;
      return whole;
    });
    return known
      ? text
      : symbol({ sym: 'unknown', why: 'a text built from values not known offline' });
  }

  private text(value: unknown): string | undefined {
    const v = this.evaluate(value);
    return typeof v === 'string' ? v : undefined;
  }
}
