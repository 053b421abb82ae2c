// Readers for the service fields a `defaults` block may also set: free-text labels, tier,
// tags, SLA, cost and durations. Each reports what is wrong at the value and returns undefined.

import { describeNode, isSeq, type DocNode } from '../parse/doc-node.js';
import { didYouMean } from './did-you-mean.js';
import { DURATION_HINT, parseDuration } from './duration.js';
import type { DefaultKey } from './keys.js';
import { MAX_LABEL_LENGTH } from '../parse/limits.js';
import { hasUnsafeCharacter, quote } from '../parse/quote.js';
import type { SourceFile } from '../parse/source-file.js';
import { TIERS, type Service, type Tier } from '../types.js';

/** The part of a Service that `defaults` may provide. */
export type SharedFields = Partial<
  Pick<
    Service,
    | 'kind'
    | 'owner'
    | 'tier'
    | 'tags'
    | 'provider'
    | 'region'
    | 'zone'
    | 'sla'
    | 'costPerHour'
    | 'rto'
    | 'recoveryTime'
  >
>;

/** Reads `key` of a service or of `defaults` into `into`; reports and skips a bad value. */
export function readSharedField(
  key: DefaultKey,
  node: DocNode,
  offset: number,
  src: SourceFile,
  into: SharedFields,
): void {
  switch (key) {
    case 'tier':
      into.tier = readTier(node, offset, src);
      break;
    case 'tags':
      into.tags = readLabelList(node, offset, src, key);
      break;
    case 'sla':
      into.sla = readNumber(
        node,
        offset,
        src,
        key,
        (v) => v > 0 && v <= 100,
        'more than 0 and at most 100 (percent)',
      );
      break;
    case 'cost_per_hour':
      into.costPerHour = readNumber(node, offset, src, key, (v) => v >= 0, 'at least 0');
      break;
    case 'rto':
    case 'recovery_time':
      into[key === 'rto' ? 'rto' : 'recoveryTime'] = readDuration(node, offset, src, key);
      break;
    default:
      into[key] = readSelectableLabel(node, offset, src, key);
  }
  if (into[fieldName(key)] === undefined) delete into[fieldName(key)];
}

export function fieldName(key: DefaultKey): keyof SharedFields {
  if (key === 'cost_per_hour') return 'costPerHour';
  return key === 'recovery_time' ? 'recoveryTime' : key;
}

/** A non-empty string of at most MAX_LABEL_LENGTH characters without control characters. */
export function readLabel(
  node: DocNode,
  offset: number,
  src: SourceFile,
  key: string,
): string | undefined {
  if (typeof node !== 'string') {
    src.error(offset, `${key} must be a string, not ${describeNode(node)}`);
    return undefined;
  }
  let problem: string | undefined;
  if (node.trim() === '') problem = 'cannot be empty';
  else if (node.length > MAX_LABEL_LENGTH)
    problem = `is longer than ${MAX_LABEL_LENGTH} characters`;
  else if (hasUnsafeCharacter(node)) problem = `contains a control character: ${quote(node)}`;
  if (problem === undefined) return node;
  src.error(offset, `${key} ${problem}`);
  return undefined;
}

/**
 * A label that selectors match (`provider=aws,region=us-east-1`) and failure domains are named
 * by: a comma or an equals sign in it would make both ambiguous.
 */
function readSelectableLabel(
  node: DocNode,
  offset: number,
  src: SourceFile,
  key: string,
): string | undefined {
  const label = readLabel(node, offset, src, key);
  if (label === undefined || !/[,=]/.test(label)) return label;
  src.error(
    offset,
    `${key} cannot contain "," or "=" (selectors such as provider=aws,region=us-east-1 use them): ${quote(label)}`,
  );
  return undefined;
}

export function readLabelList(
  node: DocNode,
  offset: number,
  src: SourceFile,
  key: string,
): string[] | undefined {
  if (!isSeq(node)) {
    src.error(offset, `${key} must be a list of strings, not ${describeNode(node)}`);
    return undefined;
  }
  const labels: string[] = [];
  for (let i = 0; i < node.items.length; i++) {
    const label = readSelectableLabel(
      node.items[i]!,
      node.offsets[i]!,
      src,
      `each entry of ${key}`,
    );
    if (label !== undefined) labels.push(label);
  }
  return labels;
}

export function readBoolean(
  node: DocNode,
  offset: number,
  src: SourceFile,
  key: string,
): boolean | undefined {
  if (typeof node === 'boolean') return node;
  src.error(offset, `${key} must be true or false, not ${describeNode(node)}`);
  return undefined;
}

function readTier(node: DocNode, offset: number, src: SourceFile): Tier | undefined {
  const tier = readLabel(node, offset, src, 'tier');
  if (tier === undefined) return undefined;
  if ((TIERS as readonly string[]).includes(tier)) return tier as Tier;
  const hint = didYouMean(tier, TIERS);
  src.error(offset, `tier must be one of ${TIERS.join(', ')}, not ${quote(tier)}${hint}`);
  return undefined;
}

export function readNumber(
  node: DocNode,
  offset: number,
  src: SourceFile,
  key: string,
  inRange: (value: number) => boolean,
  range: string,
): number | undefined {
  if (typeof node !== 'number') {
    src.error(offset, `${key} must be a number, not ${describeNode(node)}`);
    return undefined;
  }
  if (Number.isFinite(node) && inRange(node)) return node;
  src.error(offset, `${key} must be ${range}, not ${node}`);
  return undefined;
}

export function readDuration(
  node: DocNode,
  offset: number,
  src: SourceFile,
  key: string,
): number | undefined {
  const seconds = parseDuration(node);
  if (seconds !== undefined) return seconds;
  src.error(offset, `${key} must be a duration, ${DURATION_HINT}; not ${showValue(node)}`);
  return undefined;
}

/** A scalar as written (strings quoted and escaped), or the kind of a container. */
export function showValue(node: DocNode): string {
  if (typeof node === 'string') return quote(node);
  if (typeof node === 'number') return String(node);
  return describeNode(node);
}
