// The order of service ids by code unit, found one character at a time (most significant first,
// counting the characters of a range into buckets) instead of by comparing whole ids: at
// 100,000 ids in random order, a comparison sort spends most of its time calling the comparator.

import { byCodeUnit } from '../../compare.js';

/** Ranges at most this long are finished by insertion, comparing whole strings. */
const SMALL = 24;
/** Buckets: one for "the string has ended here", one per character below 255. */
const BUCKETS = 257;

/**
 * `items` sorted by id in code-unit order, equal ids in their order in `items` (a new list):
 * the same as a stable sort with byCodeUnit.
 */
export function sortedById<T extends { readonly id: string }>(items: readonly T[]): T[] {
  const ids = items.map((item) => item.id);
  // Ids mostly in order already (long ascending runs) are what the engine's merge sort is
  // quickest at.
  if (descents(ids) * 4 < ids.length) return [...items].sort((a, b) => byCodeUnit(a.id, b.id));
  const order = codeUnitOrder(ids);
  const sorted: T[] = [];
  for (let i = 0; i < order.length; i++) sorted.push(items[order[i]!]!);
  return sorted;
}

/** The indices of `keys` in code-unit order of the keys, equal keys in their order in `keys`. */
function codeUnitOrder(keys: readonly string[]): Int32Array {
  const n = keys.length;
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  const scratch = new Int32Array(n);
  const codes = new Int32Array(n);
  const counts = new Int32Array(BUCKETS + 1);
  // Ranges still to sort, three numbers each: from, to, and how many leading characters all
  // the keys of the range share.
  const stack: number[] = [0, n, 0];
  while (stack.length > 0) {
    const depth = stack.pop()!;
    const to = stack.pop()!;
    const from = stack.pop()!;
    if (to - from <= SMALL) {
      insertionSort(keys, order, from, to);
      continue;
    }
    if (!countCodes(keys, order, codes, counts, from, to, depth)) {
      comparisonSort(keys, order, from, to);
      continue;
    }
    distribute(order, scratch, codes, counts, from, to);
    pushBuckets(counts, stack, depth + 1);
  }
  return order;
}

/** How many keys sort before the key listed just before them. */
function descents(keys: readonly string[]): number {
  let count = 0;
  for (let i = 1; i < keys.length; i++) if (keys[i - 1]! > keys[i]!) count++;
  return count;
}

/** Each index of the range into its bucket, keeping their order (stable). */
function distribute(
  order: Int32Array,
  scratch: Int32Array,
  codes: Int32Array,
  counts: Int32Array,
  from: number,
  to: number,
): void {
  let start = from;
  for (let c = 0; c < BUCKETS; c++) {
    const size = counts[c]!;
    counts[c] = start;
    start += size;
  }
  for (let i = from; i < to; i++) scratch[counts[codes[i]!]!++] = order[i]!;
  order.set(scratch.subarray(from, to), from);
}

/**
 * The buckets of more than one key still to sort, on their next character. `counts[c]` is
 * where bucket c ends; bucket 0 (keys that ended, all equal) is already in order.
 */
function pushBuckets(counts: Int32Array, stack: number[], depth: number): void {
  for (let c = 1, bucketFrom = counts[0]!; c < BUCKETS; c++) {
    const bucketTo = counts[c]!;
    if (bucketTo - bucketFrom > 1) stack.push(bucketFrom, bucketTo, depth);
    bucketFrom = bucketTo;
  }
}

/**
 * The character at `depth` of each key of the range, as a bucket (0: the key has ended, else
 * the character + 1), counted into `counts`; false when one is past the buckets.
 */
function countCodes(
  keys: readonly string[],
  order: Int32Array,
  codes: Int32Array,
  counts: Int32Array,
  from: number,
  to: number,
  depth: number,
): boolean {
  counts.fill(0);
  for (let i = from; i < to; i++) {
    const key = keys[order[i]!]!;
    const code = depth < key.length ? key.charCodeAt(depth) + 1 : 0;
    if (code >= BUCKETS) return false;
    codes[i] = code;
    counts[code]!++;
  }
  return true;
}

function insertionSort(keys: readonly string[], order: Int32Array, from: number, to: number): void {
  for (let i = from + 1; i < to; i++) {
    const index = order[i]!;
    const key = keys[index]!;
    let j = i - 1;
    while (j >= from && keys[order[j]!]! > key) {
      order[j + 1] = order[j]!;
      j--;
    }
    order[j + 1] = index;
  }
}

/** Any range with characters past the buckets: the engine's stable sort of whole strings. */
function comparisonSort(keys: readonly string[], order: Int32Array, from: number, to: number) {
  const range = Array.from(order.subarray(from, to));
  range.sort((a, b) => byCodeUnit(keys[a]!, keys[b]!));
  order.set(range, from);
}
