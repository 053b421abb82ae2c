// The JSON reporter: the result object as it is, with a final newline, two-space indented
// except that an array of plain values (ids, numbers) stands on one line — at 100,000
// services that is a third of the bytes. The analyses build their results in sorted order, so
// the output is stable. It is produced in chunks of UTF-8 bytes, so a result larger than the
// longest string V8 can hold (a million services) can still be written.

import { ByteChunks } from './byte-chunks.js';

/** The whole text at once, for results known to be small. */
export function renderJson(value: unknown): string {
  return Buffer.concat([...jsonChunks(value)]).toString('utf8');
}

/** An array or object being written: where the walk is in it, and how deep it stands. */
interface Frame {
  /** The array; null for an object. */
  readonly array: readonly unknown[] | null;
  /** The object and its own keys; null for an array. */
  readonly object: Record<string, unknown> | null;
  readonly keys: readonly string[];
  index: number;
  /** Members written so far (an object leaves undefined and functions out). */
  written: number;
  readonly depth: number;
}

/** The separators at one depth of indentation. */
interface Level {
  /** A line break and this level's own indentation. */
  readonly line: string;
  /** Before the first member, and before each later one. */
  readonly first: string;
  readonly next: string;
  readonly closeArray: string;
  readonly closeObject: string;
}

const LEVELS: Level[] = [];

function level(depth: number): Level {
  let found = LEVELS[depth];
  if (found === undefined) {
    const outer = '  '.repeat(depth);
    found = {
      line: `\n${outer}`,
      first: `\n${outer}  `,
      next: `,\n${outer}  `,
      closeArray: `\n${outer}]`,
      closeObject: `\n${outer}}`,
    };
    LEVELS[depth] = found;
  }
  return found;
}

/**
 * A walk over the result object with an explicit stack. Values are read as JSON.stringify
 * reads them: undefined and functions are left out of objects and become null in arrays. An
 * array of plain values, and an object of plain values, is written by JSON.stringify in one
 * call: those leaves are most of the output. Every piece is JSON text (escaped by
 * JSON.stringify), so it is well formed for the UTF-8 encoder.
 */
export function* jsonChunks(value: unknown): Generator<Uint8Array> {
  const out = new ByteChunks();
  const stack: Frame[] = [];
  const keyTexts = new Map<string, string>();
  /** `"key": `, made once per distinct key. */
  const keyText = (key: string): string => {
    let text = keyTexts.get(key);
    if (text === undefined) {
      text = `${JSON.stringify(key)}: `;
      keyTexts.set(key, text);
    }
    return text;
  };
  open(value, 0, out, stack);
  while (stack.length > 0) {
    const top = stack[stack.length - 1]!;
    const { array, object, keys } = top;
    const at = level(top.depth);
    if (array !== null) {
      if (top.index === array.length) {
        out.add(at.closeArray);
        stack.pop();
      } else {
        out.add(top.index === 0 ? at.first : at.next);
        open(array[top.index++], top.depth + 1, out, stack);
      }
    } else {
      let i = top.index;
      let item: unknown;
      while (i < keys.length && leftOut((item = object![keys[i]!]))) i++;
      if (i === keys.length) {
        out.add(at.closeObject);
        stack.pop();
      } else {
        top.index = i + 1;
        out.add(top.written++ === 0 ? at.first : at.next);
        out.add(keyText(keys[i]!));
        open(item, top.depth + 1, out, stack);
      }
    }
    if (out.ready) yield* out.take();
  }
  out.add('\n');
  yield* out.take(true);
}

/** What JSON.stringify leaves out of an object. */
function leftOut(item: unknown): boolean {
  return item === undefined || typeof item === 'function';
}

/**
 * Writes a value whole, or the opening bracket of an array or object whose members are pushed
 * as a frame to be written after it.
 */
function open(value: unknown, depth: number, out: ByteChunks, stack: Frame[]): void {
  if (value === null || typeof value !== 'object') out.add(plain(value));
  else if (Array.isArray(value)) openArray(value, depth, out, stack);
  else openObject(value as Record<string, unknown>, depth, out, stack);
}

function openArray(items: readonly unknown[], depth: number, out: ByteChunks, stack: Frame[]) {
  for (let i = 0; i < items.length; i++) {
    const item = items[i];
    if (item !== null && typeof item === 'object') {
      out.add('[');
      stack.push({ array: items, object: null, keys: [], index: 0, written: 0, depth });
      return;
    }
  }
  out.add(plainArray(items));
}

function openObject(
  object: Record<string, unknown>,
  depth: number,
  out: ByteChunks,
  stack: Frame[],
): void {
  const keys = Object.keys(object);
  let members = 0;
  let allPlain = true;
  for (let i = 0; i < keys.length; i++) {
    const item = object[keys[i]!];
    if (leftOut(item)) continue;
    members++;
    if ((item !== null && typeof item === 'object') || typeof item === 'symbol') allPlain = false;
  }
  if (members === 0) out.add('{}');
  else if (allPlain && stringifiesAsWritten(object)) {
    const text = JSON.stringify(object, null, 2);
    out.add(depth === 0 ? text : text.replaceAll('\n', level(depth).line));
  } else {
    out.add('{');
    stack.push({ array: null, object, keys, index: 0, written: 0, depth });
  }
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
