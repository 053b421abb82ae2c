// Reads `copies` of a service: where its data also lives (a replica, a backup), each `{ to, every }`
// with `to` a declared service and `every` how far behind that copy may be (a duration; absent
// when unknown). A copy to the service itself, or two copies to the same service, are errors.

import { describeNode, isMap, isSeq, type DocMap, type DocNode } from '../parse/doc-node.js';
import { didYouMean } from './did-you-mean.js';
import { readDuration } from './fields.js';
import { COPY_KEYS } from './keys.js';
import { quote } from '../parse/quote.js';
import type { ServiceContext } from './depends-on.js';
import type { DataCopy } from '../types.js';

const ENTRY_HINT = 'a mapping { to: <service id>, every: <duration> }';

export function readCopies(node: DocNode, offset: number, ctx: ServiceContext): DataCopy[] {
  if (!isSeq(node)) {
    ctx.src.error(offset, `copies must be a list of ${ENTRY_HINT}, not ${describeNode(node)}`);
    return [];
  }
  const copies: DataCopy[] = [];
  for (let i = 0; i < node.items.length; i++) {
    const item = node.items[i]!;
    const itemOffset = node.offsets[i]!;
    if (!isMap(item)) {
      ctx.src.error(
        itemOffset,
        `each entry of copies must be ${ENTRY_HINT}, not ${describeNode(item)}`,
      );
      continue;
    }
    const copy = readCopy(item, itemOffset, ctx);
    if (copy === undefined) continue;
    if (copies.some((other) => other.to === copy.to)) {
      ctx.src.error(
        itemOffset,
        `service ${quote(ctx.owner)} copies its data to ${quote(copy.to)} twice`,
      );
      continue;
    }
    copies.push(copy);
  }
  return copies;
}

function readCopy(map: DocMap, offset: number, ctx: ServiceContext): DataCopy | undefined {
  ctx.src.dropDuplicateKeys(map);
  let to: string | undefined;
  let every: number | undefined;
  let valid = true;
  for (let i = 0; i < map.keys.length; i++) {
    const key = map.keys[i]!;
    const value = map.values[i]!;
    const valueOffset = map.valueOffsets[i]!;
    if (key === 'to') {
      to = ctx.references.check(value, valueOffset, ctx.src, ctx.owner, 'copies');
      if (to === undefined) valid = false;
    } else if (key === 'every') {
      every = readDuration(value, valueOffset, ctx.src, 'every');
      if (every === undefined) valid = false;
    } else {
      const hint = didYouMean(key, COPY_KEYS);
      ctx.src.error(map.keyOffsets[i]!, `unknown key ${quote(key)} in a copy${hint}`);
      valid = false;
    }
  }
  if (!map.keys.includes('to')) {
    ctx.src.error(offset, 'a copy needs to: the service its data is copied to');
    return undefined;
  }
  if (!valid || to === undefined) return undefined;
  const copy: DataCopy = { to, position: ctx.src.position(offset) };
  if (every !== undefined) copy.every = every;
  return inCopyOrder(copy);
}

/** `to`, `every`, `position`: one key order, so equal copies print alike. */
export function inCopyOrder(copy: DataCopy): DataCopy {
  const ordered = { to: copy.to } as DataCopy;
  if (copy.every !== undefined) ordered.every = copy.every;
  ordered.position = copy.position;
  return ordered;
}
