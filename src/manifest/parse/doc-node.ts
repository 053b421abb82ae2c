// The parsed document as the validator sees it, whatever the input format: mappings and lists
// holding plain scalars, with the offset of every key and value in parallel arrays.

/**
 * Scalars are plain values and carry no offset of their own: their container holds it. A tree
 * of 100,000 services has millions of scalars, and one object each would double load time.
 */
export type ScalarValue = string | number | boolean | null;

export interface DocMap {
  readonly kind: 'map';
  readonly offset: number;
  keys: string[];
  keyOffsets: number[];
  values: DocNode[];
  valueOffsets: number[];
}

export interface DocSeq {
  readonly kind: 'seq';
  readonly offset: number;
  items: DocNode[];
  offsets: number[];
}

export type DocNode = ScalarValue | DocMap | DocSeq;

/** Something wrong at an offset of one file; turned into a ManifestError with a position later. */
export interface Problem {
  offset: number;
  message: string;
  /** Offset of an earlier place the message refers to, e.g. the first of two duplicate keys. */
  firstOffset?: number;
}

/** What a parser returns: no root when the text could not be parsed at all. */
export interface ParseResult {
  root?: DocNode;
  rootOffset?: number;
  problems: Problem[];
}

export function newMap(offset: number): DocMap {
  return { kind: 'map', offset, keys: [], keyOffsets: [], values: [], valueOffsets: [] };
}

export function newSeq(offset: number): DocSeq {
  return { kind: 'seq', offset, items: [], offsets: [] };
}

export function isMap(node: DocNode): node is DocMap {
  return typeof node === 'object' && node !== null && node.kind === 'map';
}

export function isSeq(node: DocNode): node is DocSeq {
  return typeof node === 'object' && node !== null && node.kind === 'seq';
}

/** "a string", "a list", "null"… for messages of the form "must be X, not Y". */
export function describeNode(node: DocNode): string {
  if (node === null) return 'null';
  if (typeof node === 'object') return node.kind === 'map' ? 'a mapping' : 'a list';
  if (typeof node === 'boolean') return String(node);
  return typeof node === 'number' ? 'a number' : 'a string';
}

/**
 * Removes every entry whose key appeared earlier in `map`, reporting it with the index of the
 * first one. Mappings of the format have at most 14 keys and are checked pairwise, without
 * allocating; larger ones (junk) with a Map, so that the check stays linear.
 */
export function dropDuplicateKeys(
  map: DocMap,
  report: (duplicate: number, first: number) => void,
): void {
  const keys = map.keys;
  const duplicates = keys.length > 32 ? duplicatesByMap(keys) : duplicatesByPairs(keys);
  if (duplicates === undefined) return;
  for (const [duplicate, first] of duplicates) report(duplicate, first);
  const keep = (_: unknown, i: number) => !duplicates.has(i);
  map.keys = keys.filter(keep);
  map.keyOffsets = map.keyOffsets.filter(keep);
  map.values = map.values.filter(keep);
  map.valueOffsets = map.valueOffsets.filter(keep);
}

/** Index of each later key seen before → index of its first occurrence. */
function duplicatesByPairs(keys: readonly string[]): Map<number, number> | undefined {
  let duplicates: Map<number, number> | undefined;
  for (let i = 1; i < keys.length; i++) {
    for (let j = 0; j < i; j++) {
      if (keys[i] !== keys[j]) continue;
      (duplicates ??= new Map()).set(i, j);
      break;
    }
  }
  return duplicates;
}

function duplicatesByMap(keys: readonly string[]): Map<number, number> | undefined {
  let duplicates: Map<number, number> | undefined;
  const firstByKey = new Map<string, number>();
  for (let i = 0; i < keys.length; i++) {
    const first = firstByKey.get(keys[i]!);
    if (first === undefined) firstByKey.set(keys[i]!, i);
    else (duplicates ??= new Map()).set(i, first);
  }
  return duplicates;
}
