// The JSON reporter: the result object as it is, with a final newline, two-space indented
// except that an array of plain values (ids, numbers) stands on one line — at 100,000
// services that is a third of the bytes. The analyses build their results in sorted order, so
// the output is stable. It is produced in chunks, so a result larger than the longest string
// V8 can hold (a million services) can still be written.

const CHUNK = 1 << 16;

export function renderJson(value: unknown): string {
  return [...jsonChunks(value)].join('');
}

/** An array or object being written: its members, how far along, and its indentation. */
interface Frame {
  /** The array, or for an object its values in the order of `keys`. */
  readonly values: readonly unknown[];
  /** The object's quoted keys, `"key": ` each; null for an array. */
  readonly keys: readonly string[] | null;
  index: number;
  /** Indentation of the members. */
  readonly indent: string;
  /** Line break and indentation before each member. */
  readonly inner: string;
  /** Line break, indentation and bracket that close it. */
  readonly close: string;
}

/**
 * A walk over the result object with an explicit stack. Values are read as JSON.stringify
 * reads them: undefined and functions are left out of objects and become null in arrays. An
 * array of plain values, and an object of plain values, is written by JSON.stringify in one
 * call: those leaves are most of the output.
 */
export function* jsonChunks(value: unknown): Generator<string> {
  const stack: Frame[] = [];
  // Pieces joined once per chunk: a chunk built by += would be a rope holding every piece
  // alive for as long as the chunk is.
  const pieces = [open(value, '', stack)];
  let size = pieces[0]!.length;
  while (stack.length > 0) {
    const top = stack[stack.length - 1]!;
    const i = top.index;
    if (i === top.values.length) {
      pieces.push(top.close);
      size += top.close.length;
      stack.pop();
    } else {
      top.index = i + 1;
      const lead = i === 0 ? top.inner : `,${top.inner}`;
      const key = top.keys === null ? '' : top.keys[i]!;
      const piece = lead + key + open(top.values[i], top.indent, stack);
      pieces.push(piece);
      size += piece.length;
    }
    if (size >= CHUNK) {
      yield pieces.join('');
      pieces.length = 0;
      size = 0;
    }
  }
  pieces.push('\n');
  yield pieces.join('');
}

/**
 * The text of a value written whole, or the opening bracket of an array or object whose
 * members are pushed as a frame to be written after it.
 */
function open(value: unknown, indent: string, stack: Frame[]): string {
  if (value === null || typeof value !== 'object') return plain(value);
  if (Array.isArray(value)) return openArray(value, indent, stack);
  return openObject(value as Record<string, unknown>, indent, stack);
}

function openArray(items: readonly unknown[], indent: string, stack: Frame[]): string {
  let allPlain = true;
  for (let i = 0; i < items.length; i++) {
    const item = items[i];
    if (item !== null && typeof item === 'object') {
      allPlain = false;
      break;
    }
  }
  if (allPlain) return plainArray(items);
  stack.push(frame(items, null, indent, ']'));
  return '[';
}

function openObject(object: Record<string, unknown>, indent: string, stack: Frame[]): string {
  const keys: string[] = [];
  const values: unknown[] = [];
  let allPlain = true;
  for (const key of Object.keys(object)) {
    const item = object[key];
    if (item === undefined || typeof item === 'function') continue;
    keys.push(key);
    values.push(item);
    if ((item !== null && typeof item === 'object') || typeof item === 'symbol') allPlain = false;
  }
  if (keys.length === 0) return '{}';
  if (allPlain && stringifiesAsWritten(object)) {
    const text = JSON.stringify(object, null, 2);
    return indent === '' ? text : text.replaceAll('\n', `\n${indent}`);
  }
  for (let i = 0; i < keys.length; i++) keys[i] = `${JSON.stringify(keys[i])}: `;
  stack.push(frame(values, keys, indent, '}'));
  return '{';
}

function frame(
  values: readonly unknown[],
  keys: readonly string[] | null,
  indent: string,
  bracket: string,
): Frame {
  const inner = `${indent}  `;
  return {
    values,
    keys,
    index: 0,
    indent: inner,
    inner: `\n${inner}`,
    close: `\n${indent}${bracket}`,
  };
}

/**
 * Whether JSON.stringify reads this object as the walk does: a plain object with no toJSON
 * (a Date or a boxed string would be turned into something else).
 */
function stringifiesAsWritten(object: object): boolean {
  const prototype: unknown = Object.getPrototypeOf(object);
  return (
    (prototype === Object.prototype || prototype === null) &&
    typeof (object as { toJSON?: unknown }).toJSON !== 'function'
  );
}

/**
 * `[a, b, c]`: JSON.stringify with a one-space indent puts each value on a line of its own
 * after `,\n `; a JSON string never holds a raw line break, so those separators are the only
 * places the text has one.
 */
function plainArray(items: readonly unknown[]): string {
  if (items.length === 0) return '[]';
  const text = JSON.stringify(items, null, 1);
  return `[${text.slice(3, -2).replaceAll(',\n ', ', ')}]`;
}

function plain(value: unknown): string {
  return JSON.stringify(value) ?? 'null';
}
