// manifest/fields/ — reading and checking each field of the format: services, dependencies, ids,
// durations, selectors, the policy section, and the did-you-mean for unknown keys.
//
// Reads one service of the `services` mapping into a Service, applying its file's defaults to
// the keys it does not set. Unknown keys are errors with a "did you mean".

import { readCopies } from './copies.js';
import { readDependsOn, type ServiceContext } from './depends-on.js';
import {
  LoadedService,
  noItems,
  type HeldRequirements,
  type ServiceValues,
  type WrittenAt,
} from '../held-requirements.js';
import { describeNode, isMap, isSeq, type DocMap, type DocNode } from '../parse/doc-node.js';
import { didYouMean } from './did-you-mean.js';
import { readBoolean, readSharedField, type SharedFields } from './fields.js';
import { isDefaultKey, SERVICE_KEYS } from './keys.js';
import { quote } from '../parse/quote.js';
import type { Service, SourcePosition } from '../types.js';

/** The fields a service declares for itself only (never from its file's defaults). */
export type OwnFields = Pick<Service, 'entrypoint' | 'monitors' | 'dependsOn'> & {
  virtual: boolean;
  copies: NonNullable<Service['copies']>;
  /** Requirements held in columns, which `dependsOn` then becomes only when read. */
  held?: HeldRequirements;
};

export interface FileServiceContext extends Omit<ServiceContext, 'owner'> {
  readonly defaults: SharedFields;
}

/** The service `id` declared at `position` with body `node` at `offset`; undefined if unusable. */
export function readService(
  id: string,
  position: SourcePosition,
  node: DocNode,
  offset: number,
  file: FileServiceContext,
): Service | undefined {
  const ctx: ServiceContext = { src: file.src, owner: id, references: file.references };
  // `s3-use1:` with nothing after it is a service with no fields, as `s3-use1: {}` is.
  if (node !== null && !isMap(node)) {
    file.src.error(offset, `service ${quote(id)} must be a mapping, not ${describeNode(node)}`);
    return undefined;
  }
  const fields: SharedFields = {};
  const own = {
    entrypoint: false,
    virtual: false,
    monitors: [] as string[],
    dependsOn: [] as Service['dependsOn'],
    copies: [] as NonNullable<Service['copies']>,
  };
  if (node !== null) readFields(node, ctx, fields, own);
  return buildService(id, position, fields, file.defaults, own);
}

function readFields(map: DocMap, ctx: ServiceContext, fields: SharedFields, own: OwnFields): void {
  ctx.src.dropDuplicateKeys(map);
  for (let i = 0; i < map.keys.length; i++) {
    const key = map.keys[i]!;
    const value = map.values[i]!;
    const offset = map.valueOffsets[i]!;
    if (key === 'entrypoint') own.entrypoint = readBoolean(value, offset, ctx.src, key) ?? false;
    else if (key === 'virtual') own.virtual = readBoolean(value, offset, ctx.src, key) ?? false;
    else if (key === 'monitors') own.monitors = readMonitors(value, offset, ctx);
    else if (key === 'depends_on') own.dependsOn = readDependsOn(value, offset, ctx);
    else if (key === 'copies') own.copies = readCopies(value, offset, ctx);
    else if (isDefaultKey(key)) readSharedField(key, value, offset, ctx.src, fields);
    else {
      const hint = didYouMean(key, SERVICE_KEYS);
      ctx.src.error(
        map.keyOffsets[i]!,
        `unknown key ${quote(key)} in service ${quote(ctx.owner)}${hint}`,
      );
    }
  }
  if (!own.virtual) return;
  for (let i = 0; i < map.keys.length; i++) {
    const key = map.keys[i]!;
    if (!(FAILURE_FIELDS as readonly string[]).includes(key)) continue;
    const message = `service ${quote(ctx.owner)} is virtual: it cannot fail by itself, so it has no ${key}`;
    ctx.src.error(map.keyOffsets[i]!, message);
    delete fields[key as (typeof FAILURE_FIELDS)[number]];
  }
}

/**
 * Keys in one fixed order (SERVICE_FIELD_ORDER) and optional ones left out, so equal manifests
 * give equal objects.
 */
export function buildService(
  id: string,
  position: SourcePosition | WrittenAt,
  own: SharedFields,
  defaults: SharedFields,
  rest: OwnFields,
): Service {
  // A virtual service cannot fail by itself: no SLA and no failure domain, not even from the
  // file's defaults.
  const from = rest.virtual ? withoutFailureFields(defaults) : defaults;
  const values: ServiceValues = {
    id,
    entrypoint: rest.entrypoint,
    virtual: rest.virtual ? true : undefined,
    kind: own.kind ?? from.kind,
    owner: own.owner ?? from.owner,
    tier: own.tier ?? from.tier,
    // A copy: the defaults' list is the same array for every service of the file.
    tags: copyOf(own.tags ?? from.tags),
    provider: own.provider ?? from.provider,
    region: own.region ?? from.region,
    zone: own.zone ?? from.zone,
    sla: own.sla ?? from.sla,
    costPerHour: own.costPerHour ?? from.costPerHour ?? 0,
    rto: own.rto ?? from.rto,
    recoveryTime: own.recoveryTime ?? from.recoveryTime,
    monitors: rest.monitors,
    dependsOn: rest.dependsOn,
    copies: rest.copies.length > 0 ? rest.copies : undefined,
    position,
  };
  return new LoadedService(values, rest.held);
}

function copyOf(list: readonly string[] | undefined): string[] {
  return list === undefined || list.length === 0 ? noItems() : [...list];
}

export const FAILURE_FIELDS = ['sla', 'provider', 'region', 'zone'] as const;

function withoutFailureFields(fields: SharedFields): SharedFields {
  const rest = { ...fields };
  for (const key of FAILURE_FIELDS) delete rest[key];
  return rest;
}

function readMonitors(node: DocNode, offset: number, ctx: ServiceContext): string[] {
  if (!isSeq(node)) {
    ctx.src.error(offset, `monitors must be a list of service ids, not ${describeNode(node)}`);
    return [];
  }
  const monitors = new Set<string>();
  for (let i = 0; i < node.items.length; i++) {
    const itemOffset = node.offsets[i]!;
    const id = ctx.references.check(node.items[i]!, itemOffset, ctx.src, ctx.owner, 'monitors');
    if (id === undefined) continue;
    if (monitors.has(id)) ctx.src.error(itemOffset, `${quote(id)} appears twice in monitors`);
    monitors.add(id);
  }
  return [...monitors];
}
