// Reading one attribute of a Terraform instance: nothing marked sensitive is ever read (a
// sensitive leaf reads as absent), and a value the plan marks unknown until apply reads as
// `UNKNOWN`, so that "not set" and "not known yet" stay apart.

import { isRecord } from '../shared/values.js';
import type { TfInstance } from './instances.js';

export const UNKNOWN = Symbol('unknown until apply');

export type Path = readonly (string | number)[];

/** The value at `path`, UNKNOWN when the plan says it is not known yet, undefined when unset or sensitive. */
export function attribute(instance: TfInstance, ...path: Path): unknown {
  let value: unknown = instance.values;
  let sensitive: unknown = instance.sensitive;
  let unknown: unknown = instance.unknown;
  for (const step of path) {
    if (sensitive === true) return undefined;
    if (unknown === true) return UNKNOWN;
    value = child(value, step);
    sensitive = child(sensitive, step);
    unknown = child(unknown, step);
  }
  if (sensitive === true) return undefined;
  if (unknown === true && (value === undefined || value === null)) return UNKNOWN;
  return value ?? undefined;
}

/** Whether the value at `path` (or what holds it) is marked sensitive. */
export function isSensitive(instance: TfInstance, ...path: Path): boolean {
  let sensitive: unknown = instance.sensitive;
  for (const step of path) {
    if (sensitive === true) return true;
    sensitive = child(sensitive, step);
  }
  return sensitive === true;
}

function child(value: unknown, step: string | number): unknown {
  if (typeof step === 'number') return Array.isArray(value) ? value[step] : undefined;
  return isRecord(value) ? value[step] : undefined;
}

export function stringAttribute(instance: TfInstance, ...path: Path): string | undefined {
  const value = attribute(instance, ...path);
  return typeof value === 'string' && value !== '' ? value : undefined;
}

export function numberAttribute(instance: TfInstance, ...path: Path): number | undefined {
  const value = attribute(instance, ...path);
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (typeof value === 'string' && /^\d+$/.test(value)) return Number(value);
  return undefined;
}

export function booleanAttribute(instance: TfInstance, ...path: Path): boolean | undefined {
  const value = attribute(instance, ...path);
  if (typeof value === 'boolean') return value;
  if (value === 'true' || value === 'false') return value === 'true';
  return undefined;
}

/** The strings of a list attribute (or a single string); UNKNOWN when the list is not known. */
export function stringsAttribute(instance: TfInstance, ...path: Path): string[] | typeof UNKNOWN {
  const value = attribute(instance, ...path);
  if (value === UNKNOWN) return UNKNOWN;
  if (typeof value === 'string') return value === '' ? [] : [value];
  if (!Array.isArray(value)) return [];
  const result: string[] = [];
  for (let i = 0; i < value.length; i++) {
    const item = attribute(instance, ...path, i);
    if (item === UNKNOWN) return UNKNOWN;
    if (typeof item === 'string' && item !== '') result.push(item);
  }
  return result;
}
