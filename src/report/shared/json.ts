// The JSON reporter: the result object as it is, with a final newline, two-space indented
// except that an array of plain values (ids, numbers) stands on one line — at 100,000
// services that is a third of the bytes. The analyses build their results in sorted order, so
// the output is stable. It is produced in chunks of UTF-8 bytes, so a result larger than the
// longest string V8 can hold (a million services) can still be written.

import { ByteChunks } from './byte-chunks.js';
import { JsonLeaves } from './json-leaves.js';

/** The whole text at once, for results known to be small. */
export function renderJson(value: unknown): string {
  return Buffer.concat([...jsonChunks(value)]).toString('utf8');
}

/**
 * A walk over the value with an explicit stack. Values are read as JSON.stringify reads them:
 * undefined and functions are left out of objects and become null in arrays (toJSON is not
 * called: a value is written as its own enumerable keys). Everything is written straight into
 * byte buffers; a chunk is handed out as soon as one is full.
 */
export function* jsonChunks(value: unknown): Generator<Uint8Array, void, boolean | undefined> {
  const writer = new JsonWriter();
  writer.start(value);
  while (writer.run()) yield* handOut(writer.out, false);
  writer.out.byte(NEWLINE);
  yield* handOut(writer.out, true);
}

/** The chunks ready (with `last`, every one), each taken back once its consumer says it is written. */
function* handOut(
  out: ByteChunks,
  last: boolean,
): Generator<Uint8Array, void, boolean | undefined> {
  for (const chunk of out.take(last)) if ((yield chunk) === true) out.recycle(chunk);
}

const NEWLINE = 0x0a;
const COMMA = 0x2c;
const OPEN_ARRAY = 0x5b;
const CLOSE_ARRAY = 0x5d;
const OPEN_OBJECT = 0x7b;
const CLOSE_OBJECT = 0x7d;
const SPACE = 0x20;

/** An array or object being written; one per depth, reused for each container at that depth. */
interface Frame {
  /** The array; null for an object. */
  array: readonly unknown[] | null;
  /** The object; null for an array. */
  object: Record<string, unknown> | null;
  /** The object's own keys. */
  keys: readonly string[];
  /** Each key's line, `\n    "key": `, made beforehand; null for an object of many keys. */
  keyLines: readonly Uint8Array[] | null;
  index: number;
  /** Members written so far (an object leaves undefined and functions out). */
  written: number;
}

/** An object with more keys than this is a record by id: its keys are written as they come. */
const ROW_KEYS = 32;

/** The separators at one depth of indentation, and the key lines of objects at that depth. */
class Level {
  /** A line break and the indentation of a member. */
  readonly line: Uint8Array;
  readonly closeArray: Uint8Array;
  readonly closeObject: Uint8Array;
  private readonly memberIndent: string;
  private readonly keyLines = new Map<string, Uint8Array>();
  /** The keys of the last object seen at this depth, and their lines: rows share their keys. */
  private lastKeys: readonly string[] = [];
  private lastLines: readonly Uint8Array[] = [];

  constructor(depth: number) {
    const outer = '  '.repeat(depth);
    this.memberIndent = `\n${outer}  `;
    this.line = Buffer.from(this.memberIndent);
    this.closeArray = Buffer.from(`\n${outer}]`);
    this.closeObject = Buffer.from(`\n${outer}}`);
  }

  /**
   * The object's own enumerable keys, in Object.keys order. An object with the keys of the last
   * one at this depth (a row of a list) is given that list: a `for…in` over a plain object walks
   * the keys its shape already holds, where Object.keys would allocate a new array per row.
   * `for…in` also walks inherited enumerable keys: it is trusted only for objects whose
   * prototype is `Object.prototype` when that has none (`plainPrototype`).
   */
  keysOf(object: object, plainPrototype: boolean): readonly string[] {
    const last = this.lastKeys;
    if (plainPrototype && last.length > 0 && Object.getPrototypeOf(object) === Object.prototype) {
      let i = 0;
      let same = true;
      for (const key in object) {
        if (key !== last[i++]) {
          same = false;
          break;
        }
      }
      if (same && i === last.length) return last;
    }
    return Object.keys(object);
  }

  /** The line of each key (null for many keys: those are ids, each seen once). */
  linesOf(keys: readonly string[]): readonly Uint8Array[] | null {
    if (keys === this.lastKeys) return this.lastLines;
    if (keys.length > ROW_KEYS) return null;
    if (sameKeys(keys, this.lastKeys)) return this.lastLines;
    const lines: Uint8Array[] = [];
    for (const key of keys) {
      let line = this.keyLines.get(key);
      if (line === undefined) {
        line = Buffer.from(`${this.memberIndent}${JSON.stringify(key)}: `, 'utf8');
        this.keyLines.set(key, line);
      }
      lines.push(line);
    }
    this.lastKeys = keys;
    this.lastLines = lines;
    return lines;
  }
}

function sameKeys(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

class JsonWriter {
  readonly out = new ByteChunks();
  private readonly leaves = new JsonLeaves(this.out);
  private readonly frames: Frame[] = [];
  private readonly levels: Level[] = [];
  /** The depth of the innermost open container; -1 when none is open. */
  private depth = -1;
  /** Whether `Object.prototype` has no enumerable key (nothing has added one). */
  private readonly plainPrototype = noEnumerableKey(Object.prototype);

  start(value: unknown): void {
    if (value !== null && typeof value === 'object') this.open(value);
    else this.leaves.plain(value);
  }

  /** Writes until a chunk is ready (true) or the value is done (false). */
  run(): boolean {
    while (this.depth >= 0) {
      const frame = this.frames[this.depth]!;
      if (frame.array !== null) this.continueArray(frame, frame.array);
      else this.continueObject(frame, frame.object!);
      if (this.out.ready) return true;
    }
    return false;
  }

  private level(depth: number): Level {
    let level = this.levels[depth];
    if (level === undefined) {
      level = new Level(depth);
      this.levels[depth] = level;
    }
    return level;
  }

  /** Writes the members of an array until one opens a container of its own, or the end. */
  private continueArray(frame: Frame, items: readonly unknown[]): void {
    const level = this.level(this.depth);
    const out = this.out;
    while (frame.index < items.length) {
      const item = items[frame.index++];
      if (frame.index > 1) out.byte(COMMA);
      out.bytes(level.line);
      if (item !== null && typeof item === 'object') {
        if (this.open(item)) return;
      } else this.leaves.plain(item);
    }
    out.bytes(level.closeArray);
    this.depth--;
  }

  /** Writes the members of an object until one opens a container of its own, or the end. */
  private continueObject(frame: Frame, object: Record<string, unknown>): void {
    const { keys, keyLines } = frame;
    const level = this.level(this.depth);
    const out = this.out;
    while (frame.index < keys.length) {
      const i = frame.index++;
      const key = keys[i]!;
      const item = object[key];
      if (item === undefined || typeof item === 'function') continue;
      if (frame.written++ > 0) out.byte(COMMA);
      if (keyLines !== null) out.bytes(keyLines[i]!);
      else {
        out.bytes(level.line);
        this.leaves.key(key);
      }
      if (item !== null && typeof item === 'object') {
        if (this.open(item)) return;
      } else this.leaves.plain(item);
    }
    if (frame.written === 0) out.byte(CLOSE_OBJECT);
    else out.bytes(level.closeObject);
    this.depth--;
  }

  /**
   * Writes an array or object whole when it stands on one line (empty, or an array of plain
   * values: false), or opens it as the new innermost frame (true).
   */
  private open(value: object): boolean {
    const out = this.out;
    let frame: Frame;
    if (Array.isArray(value)) {
      if (allPlain(value)) {
        this.plainArray(value);
        return false;
      }
      out.byte(OPEN_ARRAY);
      frame = this.push();
      frame.array = value;
      frame.object = null;
    } else {
      out.byte(OPEN_OBJECT);
      frame = this.push();
      frame.array = null;
      frame.object = value as Record<string, unknown>;
      const level = this.level(this.depth);
      frame.keys = level.keysOf(value, this.plainPrototype);
      frame.keyLines = level.linesOf(frame.keys);
    }
    frame.index = 0;
    frame.written = 0;
    return true;
  }

  /** The frame of the next depth, which becomes the innermost. */
  private push(): Frame {
    this.depth++;
    let frame = this.frames[this.depth];
    if (frame === undefined) {
      frame = { array: null, object: null, keys: [], keyLines: null, index: 0, written: 0 };
      this.frames[this.depth] = frame;
    }
    return frame;
  }

  /** `[a, b, c]` on one line. */
  private plainArray(items: readonly unknown[]): void {
    const out = this.out;
    const leaves = this.leaves;
    out.byte(OPEN_ARRAY);
    for (let i = 0; i < items.length; i++) {
      if (i > 0) {
        out.byte(COMMA);
        out.byte(SPACE);
      }
      const item = items[i];
      if (typeof item === 'string') leaves.string(item);
      else leaves.plain(item);
    }
    out.byte(CLOSE_ARRAY);
  }
}

function noEnumerableKey(object: object): boolean {
  for (const _key in object) return false;
  return true;
}

/** Whether no item of an array is an array or object (it is written on one line). */
function allPlain(items: readonly unknown[]): boolean {
  for (let i = 0; i < items.length; i++) {
    const item = items[i];
    if (item !== null && typeof item === 'object') return false;
  }
  return true;
}
