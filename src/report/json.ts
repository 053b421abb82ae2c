// The JSON reporter: the result object as it is, two-space indented, with a final newline. The
// analyses build their results in sorted order, so this output is stable. It is produced in
// chunks, so a result larger than the longest string V8 can hold (a million services) can
// still be written; the bytes are exactly those of JSON.stringify(value, null, 2).

const CHUNK = 1 << 16;
/** Values nested deeper than this are small (one SPOF, one blast radius): stringified whole. */
const SPLIT_DEPTH = 2;

export function renderJson(value: unknown): string {
  return [...jsonChunks(value)].join('');
}

export function* jsonChunks(value: unknown): Generator<string> {
  let buffer = '';
  for (const piece of pieces(value, 0)) {
    buffer += piece;
    if (buffer.length >= CHUNK) {
      yield buffer;
      buffer = '';
    }
  }
  yield `${buffer}\n`;
}

/** Recursion over the result object, not the graph: its depth is that of the result type. */
function* pieces(value: unknown, depth: number): Generator<string> {
  const indent = '  '.repeat(depth);
  const isArray = Array.isArray(value);
  const isObject = value !== null && typeof value === 'object' && !isArray;
  if (depth >= SPLIT_DEPTH || !(isArray || isObject)) {
    yield (JSON.stringify(value, null, 2) ?? 'null').replace(/\n/g, `\n${indent}`);
    return;
  }
  const entries: Array<[string | undefined, unknown]> = isArray
    ? (value as unknown[]).map((item) => [undefined, item])
    : Object.entries(value as object).filter(([, v]) => v !== undefined && typeof v !== 'function');
  if (entries.length === 0) {
    yield isArray ? '[]' : '{}';
    return;
  }
  yield isArray ? '[' : '{';
  let first = true;
  for (const [key, item] of entries) {
    yield `${first ? '' : ','}\n${indent}  ${key === undefined ? '' : `${JSON.stringify(key)}: `}`;
    first = false;
    yield* pieces(isArray && item === undefined ? null : item, depth + 1);
  }
  yield `\n${indent}${isArray ? ']' : '}'}`;
}
