// Reads `depends_on`: plain ids, `{service}`, `{any_of}` and `{quorum, of}` entries, each with
// `soft` and `tolerates` (docs/semantics.md), into Requirements, with the checks that need only
// the owning service: itself, twice, quorum.

import { describeNode, isMap, isSeq, type DocMap, type DocNode } from '../parse/doc-node.js';
import { didYouMean } from './did-you-mean.js';
import { readBoolean, readDuration } from './fields.js';
import { DEPENDENCY_KEYS } from './keys.js';
import { quote } from '../parse/quote.js';
import type { References } from './references.js';
import type { SourceFile } from '../parse/source-file.js';
import type { Requirement, SourcePosition } from '../types.js';

export interface ServiceContext {
  readonly src: SourceFile;
  readonly owner: string;
  readonly references: References;
}

/** A key of a dependency mapping with its value and where both are written. */
interface Field {
  value: DocNode;
  keyOffset: number;
  offset: number;
}

const SHAPE_KEYS = ['service', 'any_of', 'of'] as const;
const ENTRY_HINT = 'a service id, or a mapping with service, any_of, or quorum and of';

export function readDependsOn(node: DocNode, offset: number, ctx: ServiceContext): Requirement[] {
  if (!isSeq(node)) {
    ctx.src.error(offset, `depends_on must be a list, not ${describeNode(node)}`);
    return [];
  }
  const requirements: Requirement[] = [];
  // Most services have a handful of dependencies: compare pairwise then, keys only for long lists.
  const seen = node.items.length > 8 ? new Set<string>() : undefined;
  for (let i = 0; i < node.items.length; i++) {
    const requirement = readRequirement(node.items[i]!, node.offsets[i]!, ctx);
    if (requirement === undefined) continue;
    const key = seen ? requirementKey(requirement) : '';
    const twice = seen ? seen.has(key) : listedBefore(requirements, requirement);
    if (twice) {
      const what = requirement.group ? 'the same group' : quote(requirement.alternatives[0] ?? '');
      ctx.src.error(node.offsets[i]!, `service ${quote(ctx.owner)} depends on ${what} twice`);
      continue;
    }
    seen?.add(key);
    requirements.push(requirement);
  }
  return requirements;
}

/** Equal for two entries that say the same thing, whatever their softness or order. */
export function requirementKey(requirement: Requirement): string {
  if (!requirement.group) return `1\u0000${requirement.alternatives[0]}`;
  const sorted = [...requirement.alternatives].sort();
  return `${requirement.quorum}\u0000${sorted.join('\u0000')}`;
}

export function listedBefore(
  requirements: readonly Requirement[],
  requirement: Requirement,
): boolean {
  for (const other of requirements) if (sameRequirement(other, requirement)) return true;
  return false;
}

function sameRequirement(a: Requirement, b: Requirement): boolean {
  if (a.group !== b.group || a.quorum !== b.quorum) return false;
  if (a.alternatives.length !== b.alternatives.length) return false;
  return a.alternatives.every((id) => b.alternatives.includes(id));
}

function readRequirement(
  item: DocNode,
  offset: number,
  ctx: ServiceContext,
): Requirement | undefined {
  const position = ctx.src.position(offset);
  if (isMap(item)) return readDependencyMap(item, ctx, position);
  if (typeof item === 'string') {
    const id = ctx.references.check(item, offset, ctx.src, ctx.owner, 'depends_on');
    if (id === undefined) return undefined;
    return { alternatives: [id], quorum: 1, soft: false, group: false, position };
  }
  ctx.src.error(
    offset,
    `each entry of depends_on must be ${ENTRY_HINT}, not ${describeNode(item)}`,
  );
  return undefined;
}

function readDependencyMap(
  map: DocMap,
  ctx: ServiceContext,
  position: SourcePosition,
): Requirement | undefined {
  const fields = new Map<string, Field>();
  ctx.src.dropDuplicateKeys(map);
  for (let i = 0; i < map.keys.length; i++) {
    const key = map.keys[i]!;
    const keyOffset = map.keyOffsets[i]!;
    if ((DEPENDENCY_KEYS as readonly string[]).includes(key)) {
      fields.set(key, { value: map.values[i]!, keyOffset, offset: map.valueOffsets[i]! });
    } else {
      const hint = didYouMean(key, DEPENDENCY_KEYS);
      ctx.src.error(keyOffset, `unknown key ${quote(key)} in a dependency${hint}`);
    }
  }
  const shapes = SHAPE_KEYS.filter((key) => fields.has(key));
  const [shape, second] = shapes;
  if (shape === undefined || second !== undefined) {
    const where = second === undefined ? map.offset : fields.get(second)!.keyOffset;
    const found = shape === undefined ? 'none' : shapes.join(' and ');
    const message = `a dependency mapping needs exactly one of service, any_of, or quorum and of; found ${found}`;
    ctx.src.error(where, message);
    return undefined;
  }
  const softField = fields.get('soft');
  const soft = softField ? readBoolean(softField.value, softField.offset, ctx.src, 'soft') : false;
  const toleratesField = fields.get('tolerates');
  const tolerates = toleratesField
    ? readDuration(toleratesField.value, toleratesField.offset, ctx.src, 'tolerates')
    : 0;
  const requirement =
    shape === 'service'
      ? readSingle(fields, ctx, position)
      : readGroup(shape, fields, ctx, position);
  if (requirement === undefined || soft === undefined || tolerates === undefined) return undefined;
  requirement.soft = soft;
  // Only a tolerance that changes something is kept, after `soft` so JSON keys keep one order.
  if (tolerates > 0) requirement.tolerates = tolerates;
  return requirement;
}

function readSingle(
  fields: ReadonlyMap<string, Field>,
  ctx: ServiceContext,
  position: SourcePosition,
): Requirement | undefined {
  const quorum = fields.get('quorum');
  if (quorum) ctx.src.error(quorum.keyOffset, 'quorum goes with of, not with service');
  const service = fields.get('service')!;
  const id = ctx.references.check(service.value, service.offset, ctx.src, ctx.owner, 'depends_on');
  if (id === undefined || quorum) return undefined;
  return { alternatives: [id], quorum: 1, soft: false, group: false, position };
}

function readGroup(
  shape: 'any_of' | 'of',
  fields: ReadonlyMap<string, Field>,
  ctx: ServiceContext,
  position: SourcePosition,
): Requirement | undefined {
  const list = fields.get(shape)!;
  const quorumField = fields.get('quorum');
  if (shape === 'of' && quorumField === undefined) {
    ctx.src.error(list.keyOffset, 'of needs quorum: how many of the alternatives must be up');
  }
  if (shape === 'any_of' && quorumField !== undefined) {
    const message = 'quorum goes with of, not with any_of (which means quorum 1)';
    ctx.src.error(quorumField.keyOffset, message);
  }
  const alternatives = readAlternatives(shape, list, ctx);
  const listed = isSeq(list.value) ? list.value.items.length : 0;
  const quorum =
    quorumField && shape === 'of' ? readQuorum(quorumField, listed || undefined, ctx) : 1;
  if (alternatives === undefined || quorum === undefined) return undefined;
  if ((shape === 'of') !== (quorumField !== undefined)) return undefined;
  return { alternatives, quorum, soft: false, group: true, position };
}

function readAlternatives(key: string, list: Field, ctx: ServiceContext): string[] | undefined {
  const node = list.value;
  if (!isSeq(node) || node.items.length === 0) {
    const found = isSeq(node) ? 'an empty list' : describeNode(node);
    ctx.src.error(list.offset, `${key} must be a non-empty list of service ids, not ${found}`);
    return undefined;
  }
  const alternatives = new Set<string>();
  let valid = true;
  for (let i = 0; i < node.items.length; i++) {
    const offset = node.offsets[i]!;
    const id = ctx.references.check(node.items[i]!, offset, ctx.src, ctx.owner, 'depends_on');
    if (id !== undefined && alternatives.has(id)) {
      ctx.src.error(offset, `${quote(id)} appears twice in this group`);
    }
    if (id === undefined || alternatives.has(id)) valid = false;
    else alternatives.add(id);
  }
  return valid ? [...alternatives] : undefined;
}

/** `quorum` must be a whole number from 1 to the number of alternatives listed. */
function readQuorum(field: Field, n: number | undefined, ctx: ServiceContext): number | undefined {
  const value = field.value;
  if (typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= (n ?? value)) {
    return value;
  }
  const range =
    n === undefined
      ? 'a whole number of at least 1'
      : `a whole number from 1 to ${n} (the number of alternatives)`;
  const found = typeof value === 'number' ? String(value) : describeNode(value);
  ctx.src.error(field.offset, `quorum must be ${range}, not ${found}`);
  return undefined;
}
