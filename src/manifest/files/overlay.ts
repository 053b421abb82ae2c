// Overlays (README "Importing what you already have"): a hand-written top-level manifest adds
// what only its team knows to services declared elsewhere — typically a generated file it
// includes — by id or selector: fields (`set`) and dependencies (`depends_on`). Every overlay
// matches the services as declared, before any overlay applies, so their order never changes
// what they match. A value that contradicts another is an error naming both places. An overlay
// may also say where the services' data is copied to (`copies`).

import { inCopyOrder, readCopies } from '../fields/copies.js';
import { listedBefore, readDependsOn } from '../fields/depends-on.js';
import { formatDuration } from '../fields/duration.js';
import {
  describeNode,
  isMap,
  isSeq,
  type DocMap,
  type DocNode,
  type DocSeq,
} from '../parse/doc-node.js';
import { didYouMean } from '../fields/did-you-mean.js';
import {
  fieldName,
  readBoolean,
  readLabel,
  readSharedField,
  type SharedFields,
} from '../fields/fields.js';
import { isDefaultKey, OVERLAY_KEYS, OVERLAY_SET_KEYS } from '../fields/keys.js';
import { quote } from '../parse/quote.js';
import type { References } from '../fields/references.js';
import {
  closest,
  matchesSelector,
  parseSelector,
  SelectorError,
} from '../fields/selector-syntax.js';
import { formatPosition, type SourceFile } from '../parse/source-file.js';
import {
  SERVICE_FIELD_ORDER,
  type DataCopy,
  type Requirement,
  type Service,
  type SourcePosition,
} from '../types.js';

/** The owner overlay requirements are read for: not a valid id, so never a self-dependency. */
const OVERLAY_OWNER = '(overlay)';

type SetField = keyof SharedFields | 'entrypoint';

interface Overlay {
  /** Indices into the services, increasing. */
  matched: number[];
  fields: Array<{ field: SetField; key: string; value: unknown; offset: number }>;
  requirements: Requirement[];
  copies: DataCopy[];
}

/** Applies the `overlays` list of `src` to `services` (in place); errors go to src. */
export function applyOverlays(
  node: DocNode,
  offset: number,
  src: SourceFile,
  services: Service[],
  references: References,
): void {
  if (!isSeq(node)) {
    src.error(
      offset,
      `overlays must be a list of { match, set, depends_on, copies }, not ${describeNode(node)}`,
    );
    return;
  }
  const overlays = readOverlays(node, src, services, references);
  const origins = new Map<string, { value: unknown; position: SourcePosition }>();
  const toleranceOrigins = new Map<string, SourcePosition>();
  for (const overlay of overlays) {
    for (const v of overlay.matched) {
      const service = services[v]!;
      for (const field of overlay.fields) setField(service, field, origins, src);
      for (const requirement of overlay.requirements) {
        addRequirement(service, requirement, src, toleranceOrigins);
      }
      for (const copy of overlay.copies) addCopy(service, copy, src);
      services[v] = inFieldOrder(service);
    }
  }
}

function readOverlays(
  list: DocSeq,
  src: SourceFile,
  services: readonly Service[],
  references: References,
): Overlay[] {
  const overlays: Overlay[] = [];
  for (let i = 0; i < list.items.length; i++) {
    const item = list.items[i]!;
    const offset = list.offsets[i]!;
    if (!isMap(item)) {
      src.error(
        offset,
        `each overlay must be a mapping with match and set, depends_on or copies, not ${describeNode(item)}`,
      );
      continue;
    }
    const overlay = readOverlay(item, offset, src, services, references);
    if (overlay !== undefined) overlays.push(overlay);
  }
  return overlays;
}

function readOverlay(
  map: DocMap,
  offset: number,
  src: SourceFile,
  services: readonly Service[],
  references: References,
): Overlay | undefined {
  src.dropDuplicateKeys(map);
  const overlay: Overlay = { matched: [], fields: [], requirements: [], copies: [] };
  let matched: number[] | undefined;
  for (let i = 0; i < map.keys.length; i++) {
    const [key, value, valueOffset] = [map.keys[i]!, map.values[i]!, map.valueOffsets[i]!];
    if (key === 'match') matched = readMatch(value, valueOffset, src, services);
    else if (key === 'set') overlay.fields = readSet(value, valueOffset, src);
    else if (key === 'depends_on') {
      const ctx = { src, owner: OVERLAY_OWNER, references };
      overlay.requirements = readDependsOn(value, valueOffset, ctx);
    } else if (key === 'copies') {
      overlay.copies = readCopies(value, valueOffset, { src, owner: OVERLAY_OWNER, references });
    } else {
      const hint = didYouMean(key, OVERLAY_KEYS);
      src.error(map.keyOffsets[i]!, `unknown key ${quote(key)} in an overlay${hint}`);
    }
  }
  if (!map.keys.includes('match')) {
    src.error(offset, 'an overlay needs match: the id or selector of the services it changes');
  }
  if (!['set', 'depends_on', 'copies'].some((key) => map.keys.includes(key))) {
    src.error(
      offset,
      'an overlay needs set, depends_on or copies: what it adds to the services it matches',
    );
  }
  if (matched === undefined) return undefined;
  overlay.matched = matched;
  return overlay;
}

/** Services the selectors match, as declared; each selector must match one at least. */
function readMatch(
  node: DocNode,
  offset: number,
  src: SourceFile,
  services: readonly Service[],
): number[] | undefined {
  const items = isSeq(node) ? node.items : [node];
  const offsets = isSeq(node) ? node.offsets : [offset];
  if (items.length === 0) {
    src.error(offset, 'match is empty: name at least one id or selector');
    return undefined;
  }
  const chosen = new Set<number>();
  for (let i = 0; i < items.length; i++) {
    const text = readLabel(items[i]!, offsets[i]!, src, 'each selector of match');
    if (text === undefined) return undefined;
    let found = 0;
    try {
      const selector = parseSelector(text);
      services.forEach((service, v) => {
        if (!matchesSelector(service, selector)) return;
        chosen.add(v);
        found++;
      });
    } catch (error) {
      if (!(error instanceof SelectorError)) throw error;
      src.error(offsets[i]!, `match: ${error.message}`);
      return undefined;
    }
    if (found === 0) {
      const hint = text.includes('=') ? '' : hintFor(text, services);
      src.error(offsets[i]!, `match: ${quote(text)} matches no service${hint}`);
      return undefined;
    }
  }
  return [...chosen].sort((a, b) => a - b);
}

function hintFor(id: string, services: readonly Service[]): string {
  const close = closest(
    id,
    services.map((s) => s.id),
  );
  return close === undefined ? '' : `; did you mean ${quote(close)}?`;
}

function readSet(node: DocNode, offset: number, src: SourceFile): Overlay['fields'] {
  if (!isMap(node)) {
    src.error(offset, `set must be a mapping of service fields, not ${describeNode(node)}`);
    return [];
  }
  src.dropDuplicateKeys(node);
  const fields: Overlay['fields'] = [];
  for (let i = 0; i < node.keys.length; i++) {
    const [key, value, valueOffset] = [node.keys[i]!, node.values[i]!, node.valueOffsets[i]!];
    const keyOffset = node.keyOffsets[i]!;
    if (key === 'entrypoint') {
      const entrypoint = readBoolean(value, valueOffset, src, key);
      if (entrypoint !== undefined)
        fields.push({ field: key, key, value: entrypoint, offset: keyOffset });
    } else if (isDefaultKey(key)) {
      const into: SharedFields = {};
      readSharedField(key, value, valueOffset, src, into);
      const field = fieldName(key);
      if (into[field] !== undefined)
        fields.push({ field, key, value: into[field], offset: keyOffset });
    } else {
      const hint = didYouMean(key, OVERLAY_SET_KEYS);
      src.error(keyOffset, `unknown key ${quote(key)} in set${hint}`);
    }
  }
  return fields;
}

const FAILURE_FIELDS: ReadonlySet<SetField> = new Set(['sla', 'provider', 'region', 'zone']);

function setField(
  service: Service,
  { field, key, value, offset }: Overlay['fields'][number],
  origins: Map<string, { value: unknown; position: SourcePosition }>,
  src: SourceFile,
): void {
  const target = service as unknown as Record<string, unknown>;
  if (field === 'tags') {
    const tags = new Set(service.tags);
    for (const tag of value as string[]) tags.add(tag);
    service.tags = [...tags];
    return;
  }
  if (service.virtual && FAILURE_FIELDS.has(field)) {
    src.error(
      offset,
      `overlay sets ${key} on ${quote(service.id)}, which is virtual and cannot fail by itself`,
    );
    return;
  }
  const originKey = `${service.id}\u0000${field}`;
  const origin = origins.get(originKey);
  const current = target[field];
  const unset =
    current === undefined || (field === 'costPerHour' && current === 0) || current === false;
  if (origin !== undefined && !sameValue(origin.value, value)) {
    const message = `overlay sets ${key} ${show(value)} on ${quote(service.id)}, but the overlay at ${formatPosition(origin.position)} sets ${show(origin.value)}`;
    src.error(offset, message);
    return;
  }
  if (origin === undefined && !unset && !sameValue(current, value)) {
    const message = `overlay sets ${key} ${show(value)} on ${quote(service.id)}, which declares ${key} ${show(current)} at ${formatPosition(service.position)}`;
    src.error(offset, message);
    return;
  }
  target[field] = value;
  origins.set(originKey, { value, position: src.position(offset) });
}

/**
 * Adds an overlay's requirement to a service, or its tolerance to the same requirement already
 * there; `toleranceOrigins` remembers where each tolerance came from (service and index).
 */
function addRequirement(
  service: Service,
  requirement: Requirement,
  src: SourceFile,
  toleranceOrigins: Map<string, SourcePosition>,
): void {
  if (requirement.alternatives.includes(service.id)) {
    src.error(
      positionOffset(requirement, src),
      `overlay makes ${quote(service.id)} depend on itself (it matches the service it adds)`,
    );
    return;
  }
  // Already there (a re-import may add what an overlay said first): nothing to add, except the
  // tolerance only the overlay's team knows (an imported manifest never has one).
  const existing = service.dependsOn.findIndex((other) => listedBefore([other], requirement));
  if (existing !== -1) {
    addTolerance(service, existing, requirement, src, toleranceOrigins);
    return;
  }
  service.dependsOn = [
    ...service.dependsOn,
    { ...requirement, alternatives: [...requirement.alternatives] },
  ];
}

/** Gives requirement `index` of `service` the overlay's tolerance; two different ones are an error. */
function addTolerance(
  service: Service,
  index: number,
  requirement: Requirement,
  src: SourceFile,
  toleranceOrigins: Map<string, SourcePosition>,
): void {
  const current = service.dependsOn[index]!;
  if (requirement.tolerates === undefined || current.tolerates === requirement.tolerates) return;
  const key = `${service.id}\u0000${index}`;
  if (current.tolerates !== undefined) {
    const origin = toleranceOrigins.get(key) ?? current.position;
    src.error(
      positionOffset(requirement, src),
      `overlay gives ${quote(service.id)} a tolerance of ${formatDuration(requirement.tolerates)} ` +
        `where ${formatPosition(origin)} says ${formatDuration(current.tolerates)}`,
    );
    return;
  }
  toleranceOrigins.set(key, requirement.position);
  // A copy: services may share requirement objects with the manifest as read.
  const dependsOn = [...service.dependsOn];
  dependsOn[index] = {
    ...current,
    alternatives: [...current.alternatives],
    tolerates: requirement.tolerates,
  };
  service.dependsOn = dependsOn;
}

/**
 * Adds an overlay's copy to a service. The same copy again changes nothing; a copy to the same
 * place with another `every` is an error naming where the first one is written.
 */
function addCopy(service: Service, copy: DataCopy, src: SourceFile): void {
  const offset = positionOffset(copy, src);
  if (copy.to === service.id) {
    src.error(
      offset,
      `overlay makes ${quote(service.id)} copy its data to itself (it matches the service it adds)`,
    );
    return;
  }
  const existing = service.copies?.find((other) => other.to === copy.to);
  if (existing === undefined) {
    service.copies = [...(service.copies ?? []), inCopyOrder({ ...copy })];
    return;
  }
  if (existing.every === copy.every) return;
  const show = (every: number | undefined) =>
    every === undefined ? 'no every' : `every ${formatDuration(every)}`;
  src.error(
    offset,
    `overlay copies ${quote(service.id)} to ${quote(copy.to)} with ${show(copy.every)} ` +
      `where ${formatPosition(existing.position)} says ${show(existing.every)}`,
  );
}

/** Errors take offsets; a requirement keeps its position: turn it back into an offset's error. */
function positionOffset(declared: { position: SourcePosition }, src: SourceFile): number {
  let offset = 0;
  const { line, column } = declared.position;
  for (let l = 1; l < line; l++) offset = src.text.indexOf('\n', offset) + 1;
  return offset + column - 1;
}

function sameValue(a: unknown, b: unknown): boolean {
  return a === b;
}

function show(value: unknown): string {
  return typeof value === 'string' ? quote(value) : String(value);
}

/** The service with its keys in the loader's order. */
function inFieldOrder(service: Service): Service {
  const ordered: Record<string, unknown> = {};
  for (const key of SERVICE_FIELD_ORDER)
    if (service[key] !== undefined) ordered[key] = service[key];
  return ordered as unknown as Service;
}
