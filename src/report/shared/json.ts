// The JSON reporter: the result object as it is, with a final newline, two-space indented
// except that an array of plain values (ids, numbers) stands on one line — at 100,000
// services that is a third of the bytes. The analyses build their results in sorted order, so
// the output is stable. It is produced in chunks, so a result larger than the longest string
// V8 can hold (a million services) can still be written.

const CHUNK = 1 << 16;

export function renderJson(value: unknown): string {
  return [...jsonChunks(value)].join('');
}

export function* jsonChunks(value: unknown): Generator<string> {
  let buffer = '';
  for (const piece of pieces(value, '')) {
    buffer += piece;
    if (buffer.length >= CHUNK) {
      yield buffer;
      buffer = '';
    }
  }
  yield `${buffer}\n`;
}

/**
 * Recursion over the result object, not the graph: its depth is that of the result type.
 * Values are read as JSON.stringify reads them: undefined and functions are left out of
 * objects and become null in arrays.
 */
function* pieces(value: unknown, indent: string): Generator<string> {
  if (value === null || typeof value !== 'object') {
    yield plain(value);
    return;
  }
  if (Array.isArray(value)) {
    if (value.every(isPlain)) {
      yield `[${value.map(plain).join(', ')}]`;
      return;
    }
    yield '[';
    for (let i = 0; i < value.length; i++) {
      yield `${i === 0 ? '' : ','}\n${indent}  `;
      yield* pieces(value[i], `${indent}  `);
    }
    yield `\n${indent}]`;
    return;
  }
  const entries = Object.entries(value).filter(
    ([, v]) => v !== undefined && typeof v !== 'function',
  );
  if (entries.length === 0) {
    yield '{}';
    return;
  }
  yield '{';
  for (let i = 0; i < entries.length; i++) {
    const [key, item] = entries[i]!;
    yield `${i === 0 ? '' : ','}\n${indent}  ${JSON.stringify(key)}: `;
    yield* pieces(item, `${indent}  `);
  }
  yield `\n${indent}}`;
}

function isPlain(value: unknown): boolean {
  return value === null || typeof value !== 'object';
}

function plain(value: unknown): string {
  return JSON.stringify(value) ?? 'null';
}
