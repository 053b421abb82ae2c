// A JSON manifest read by JSON.parse, with the offsets of its services found by a scan: the
// quick read of large manifests. Undefined whenever the positional parser must read it instead.

import { scanServiceOffsets } from './service-offsets.js';
import type { PlainServices } from './services-json.js';

/** A JSON.parse value that is a mapping (not a list, not null). */
export function isPlainMap(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The services of JSON `text`, when JSON.parse accepts it, its top level is a mapping with a
 * `services` mapping, and the scan can place every id (each written once, so that JSON.parse
 * kept them all, in document order).
 */
export function parsePlainJson(text: string): PlainServices | undefined {
  let root: unknown;
  try {
    root = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (!isPlainMap(root) || !Object.hasOwn(root, 'services')) return undefined;
  const services = root.services;
  if (!isPlainMap(services)) return undefined;
  const offsets = scanServiceOffsets(text);
  if (offsets === undefined) return undefined;
  const ids = Object.keys(services);
  if (ids.length !== offsets.ids.length) return undefined;
  return { ids, bodies: Object.values(services), offsets };
}
