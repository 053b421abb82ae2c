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
 * array of plain values, and an object of plain values, is written without a frame of its own:
 * those leaves are most of the output. Every piece is JSON text, so it is well formed for the
 * UTF-8 encoder.
 */
export function* jsonChunks(value: unknown): Generator<Uint8Array> {
  const out = new JsonText();
  const stack: Frame[] = [];
  out.value(value, 0, stack);
  while (stack.length > 0) {
    const top = stack[stack.length - 1]!;
    const { array, object, keys } = top;
    const at = level(top.depth);
    if (array !== null) {
      if (top.index === array.length) {
        out.bytes.addAscii(at.closeArray);
        stack.pop();
      } else {
        out.bytes.addAscii(top.index === 0 ? at.first : at.next);
        out.value(array[top.index++], top.depth + 1, stack);
      }
    } else {
      let i = top.index;
      let item: unknown;
      while (i < keys.length && leftOut((item = object![keys[i]!]))) i++;
      if (i === keys.length) {
        out.bytes.addAscii(at.closeObject);
        stack.pop();
      } else {
        top.index = i + 1;
        out.bytes.addAscii(top.written++ === 0 ? at.first : at.next);
        out.key(keys[i]!);
        out.value(item, top.depth + 1, stack);
      }
    }
    if (out.bytes.ready) yield* out.bytes.take();
  }
  out.bytes.add('\n');
  yield* out.bytes.take(true);
}

/** What JSON.stringify leaves out of an object. */
function leftOut(item: unknown): boolean {
  return item === undefined || typeof item === 'function';
}

/**
 * A string JSON.stringify writes as it is between quotes, all of it ASCII: no quote, backslash,
 * control character or character beyond ASCII. Ids are; other strings take the general path.
 */
const PLAIN_ASCII = /^[\x20\x21\x23-\x5b\x5d-\x7e]*$/;

/** How many numbers' texts are remembered at most. */
const REMEMBERED_NUMBERS = 1 << 16;

/** The writer's output and what it remembers between values: each key's quoted text. */
class JsonText {
  readonly bytes = new ByteChunks();
  /** `"key": `, made once per distinct key; ASCII keys, then the others. */
  private readonly asciiKeys = new Map<string, string>();
  private readonly otherKeys = new Map<string, string>();
  private readonly numbers = new Map<number, string>();

  key(key: string): void {
    const ascii = this.asciiKeys.get(key);
    if (ascii !== undefined) {
      this.bytes.addAscii(ascii);
      return;
    }
    let other = this.otherKeys.get(key);
    if (other === undefined) {
      const text = `${JSON.stringify(key)}: `;
      if (PLAIN_ASCII.test(key)) {
        this.asciiKeys.set(key, text);
        this.bytes.addAscii(text);
        return;
      }
      other = text;
      this.otherKeys.set(key, other);
    }
    this.bytes.add(other);
  }

  /**
   * Writes a value whole, or the opening bracket of an array or object whose members are pushed
   * as a frame to be written after it.
   */
  value(value: unknown, depth: number, stack: Frame[]): void {
    if (value === null || typeof value !== 'object') this.plain(value);
    else if (Array.isArray(value)) this.array(value, depth, stack);
    else this.object(value as Record<string, unknown>, depth, stack);
  }

  /** A value that is not an array or object, as JSON.stringify writes it (null where it writes nothing). */
  private plain(value: unknown): void {
    if (typeof value === 'number')
      this.bytes.addAscii(Number.isFinite(value) ? `${value}` : 'null');
    else if (typeof value === 'string') this.string(value);
    else if (typeof value === 'boolean') this.bytes.addAscii(value ? 'true' : 'false');
    else if (value === null || value === undefined) this.bytes.addAscii('null');
    else this.bytes.add(JSON.stringify(value) ?? 'null');
  }

  /**
   * A number's text, remembered: results repeat the same values (I's importance rows hold 45,000
   * distinct numbers in 1.3 million), and formatting a double costs more than finding it.
   */
  private number(value: number): string {
    let text = this.numbers.get(value);
    if (text === undefined) {
      text = Number.isFinite(value) ? `${value}` : 'null';
      if (this.numbers.size === REMEMBERED_NUMBERS) this.numbers.clear();
      this.numbers.set(value, text);
    }
    return text;
  }

  private string(text: string): void {
    if (PLAIN_ASCII.test(text)) {
      this.bytes.addAscii('"');
      this.bytes.addAscii(text);
      this.bytes.addAscii('"');
    } else this.bytes.add(JSON.stringify(text));
  }

  private array(items: readonly unknown[], depth: number, stack: Frame[]): void {
    for (let i = 0; i < items.length; i++) {
      const item = items[i];
      if (item !== null && typeof item === 'object') {
        this.bytes.addAscii('[');
        stack.push({ array: items, object: null, keys: [], index: 0, written: 0, depth });
        return;
      }
    }
    this.plainArray(items);
  }

  /**
   * `[a, b, c]` on one line. Plain ASCII ids and finite numbers are joined directly; anything
   * else goes through JSON.stringify with a one-space indent, which puts each value on a line
   * of its own after `,\n `: a JSON string never holds a raw line break, so those separators
   * are the only places the text has one.
   */
  private plainArray(items: readonly unknown[]): void {
    if (items.length === 0) this.bytes.addAscii('[]');
    else if (allPlainAscii(items)) this.bytes.addAscii(`["${items.join('", "')}"]`);
    else if (allFinite(items)) this.bytes.addAscii(`[${items.join(', ')}]`);
    else {
      const text = JSON.stringify(items, null, 1);
      this.bytes.add(`[${text.slice(3, -2).replaceAll(',\n ', ', ')}]`);
    }
  }

  private object(object: Record<string, unknown>, depth: number, stack: Frame[]): void {
    const keys = Object.keys(object);
    let members = 0;
    let allPlain = true;
    for (let i = 0; i < keys.length; i++) {
      const item = object[keys[i]!];
      if (leftOut(item)) continue;
      members++;
      if (item !== null && typeof item === 'object') allPlain = false;
    }
    if (members === 0) this.bytes.addAscii('{}');
    else if (allPlain) this.plainObject(object, keys, level(depth));
    else {
      this.bytes.addAscii('{');
      stack.push({ array: null, object, keys, index: 0, written: 0, depth });
    }
  }

  /** An object of plain values, written member by member without a frame. */
  private plainObject(object: Record<string, unknown>, keys: readonly string[], at: Level): void {
    this.bytes.addAscii('{');
    let written = 0;
    for (let i = 0; i < keys.length; i++) {
      const item = object[keys[i]!];
      if (leftOut(item)) continue;
      this.bytes.addAscii(written++ === 0 ? at.first : at.next);
      this.key(keys[i]!);
      this.plain(item);
    }
    this.bytes.addAscii(at.closeObject);
  }
}

function allPlainAscii(items: readonly unknown[]): items is readonly string[] {
  for (let i = 0; i < items.length; i++) {
    const item = items[i];
    if (typeof item !== 'string' || !PLAIN_ASCII.test(item)) return false;
  }
  return true;
}

/** Numbers Array.join writes as JSON.stringify does (it writes NaN and Infinity as null). */
function allFinite(items: readonly unknown[]): items is readonly number[] {
  for (let i = 0; i < items.length; i++) {
    if (!Number.isFinite(items[i])) return false;
  }
  return true;
}
