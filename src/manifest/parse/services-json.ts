// The `services` mapping of JSON text read in one pass, without JSON.parse: each service's
// fields as small values, and its `depends_on` entries straight into columns, every id written
// there as a number of the file's table of names (each name made into a string once), with
// where each id and entry is written. Anything it does not handle, or that would be an error,
// and it gives way (undefined): to JSON.parse and the positional parser, which report errors.

import { RequirementTable } from '../held-requirements.js';
import { COPY_KEYS, SERVICE_KEYS } from '../fields/keys.js';
import { NameTable } from './name-table.js';
import type { PlainServices } from './plain-json.js';
import type { SourceFile } from './source-file.js';

/** Thrown inside the read to give way; never escapes it. */
const GIVE_WAY = new Error('the one-pass read gives way');

const SPACE = 0x20;
const TAB = 0x09;
const LINE_FEED = 0x0a;
const CARRIAGE_RETURN = 0x0d;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;
const COLON = 0x3a;
const MINUS = 0x2d;
const DOT = 0x2e;
const ZERO = 0x30;
const NINE = 0x39;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;

// Keys of a dependency mapping, as bits, to refuse repeated ones.
const DEPENDENCY_KEY_BITS: Readonly<Record<string, number>> = {
  service: 1,
  any_of: 2,
  of: 4,
  quorum: 8,
  soft: 16,
  tolerates: 32,
};

// Keys as the format writes them, so that the read makes no string for them; the most
// frequent first.
const KNOWN_SERVICE_KEYS = ['depends_on', ...SERVICE_KEYS.filter((key) => key !== 'depends_on')];
const DEPENDENCY_KEYS = Object.keys(DEPENDENCY_KEY_BITS);

/**
 * The `depends_on` entries of one service: from .. to-1 in the columns of `read`; `owner` is
 * the number of the service's id among the read's names.
 */
export class DependsOnEntries {
  constructor(
    readonly read: ServiceColumns,
    readonly from: number,
    readonly to: number,
    readonly owner: number,
  ) {}
}

/** A list of ids (`monitors`) as numbers of the read's names. */
export class NameList {
  constructor(
    readonly read: ServiceColumns,
    readonly names: readonly number[],
  ) {}
}

/** The `depends_on` entries of every service of one file, in document order. */
export class ServiceColumns {
  /** `tolerates` as written, by requirement, for those that have it (checked by the reader). */
  readonly tolerates = new Map<number, string | number>();

  /**
   * Alternatives are numbers of `names` until the reader renumbers them. `names`: names written
   * as ids or references, each once; a name is its index there.
   */
  constructor(
    readonly table: RequirementTable,
    readonly names: readonly string[],
    private readonly declaredIn: () => Int32Array,
  ) {}

  /** Where name is declared among the file's ids, in document order; -1: not in this file. */
  declaredAt(name: number): number {
    return this.declaredIn()[name]! - 1;
  }
}

function grown<T extends Int32Array | Uint8Array | Float64Array>(column: T): T {
  const bigger = new (column.constructor as new (n: number) => T)(column.length * 2);
  bigger.set(column);
  return bigger;
}

/**
 * The services of JSON `text` read in one pass, when its top level is a mapping that holds
 * `services` once, as a mapping whose every part the read handles: no escapes in its strings,
 * no repeated key, field values that are scalars or lists of scalars, `depends_on` entries that
 * are ids or dependency mappings of ids, `copies` entries that are mappings of scalars.
 * Undefined otherwise.
 */
export function readJsonServices(src: SourceFile): PlainServices | undefined {
  const read = new OnePassRead(src.text, new RequirementTable(src, [], src.text.length));
  try {
    read.document();
  } catch (error) {
    if (error === GIVE_WAY) return undefined;
    throw error;
  }
  if (read.start < 0) return undefined;
  return {
    ids: read.ids,
    bodies: read.bodies,
    offsets: {
      start: read.start,
      end: read.end,
      ids: read.idOffsets.subarray(0, read.ids.length),
      entries: Int32Array.from(read.copyOffsets),
      keys: -1,
    },
    table: read.columns.table,
  };
}

class OnePassRead {
  pos = 0;
  start = -1;
  end = -1;
  readonly ids: string[] = [];
  readonly bodies: (Record<string, unknown> | null)[] = [];
  idOffsets: Int32Array;
  readonly columns: ServiceColumns;
  /** By name: 1 + where the name is declared as an id among this file's ids; 0: not here. */
  private declared: Int32Array;
  /** The name of the service being read. */
  private owner = -1;
  constructor(
    private readonly text: string,
    table: RequirementTable,
  ) {
    this.names = new NameTable(text);
    this.idOffsets = new Int32Array(Math.max(1024, text.length >> 7));
    this.declared = new Int32Array(this.idOffsets.length);
    this.columns = new ServiceColumns(table, this.names.names, () => this.declared);
  }

  private readonly names: NameTable;

  document(): void {
    this.space();
    this.expect(OPEN_BRACE);
    this.space();
    if (this.peek() === CLOSE_BRACE) throw GIVE_WAY;
    for (;;) {
      this.space();
      const from = this.stringAt();
      const to = this.stringEnd;
      this.space();
      this.expect(COLON);
      this.space();
      if (to - from === 8 && this.text.startsWith('services', from)) {
        if (this.start >= 0 || this.peek() !== OPEN_BRACE) throw GIVE_WAY;
        this.start = this.pos;
        this.services();
        this.end = this.pos;
      } else {
        this.skipValue();
      }
      this.space();
      if (this.peek() === COMMA) this.pos++;
      else break;
    }
    this.expect(CLOSE_BRACE);
    this.space();
    if (this.pos !== this.text.length) throw GIVE_WAY;
  }

  private services(): void {
    this.pos++;
    this.space();
    if (this.peek() === CLOSE_BRACE) {
      this.pos++;
      return;
    }
    for (;;) {
      this.space();
      const offset = this.pos;
      const name = this.name();
      this.owner = name;
      if (this.declared[name] !== 0) throw GIVE_WAY;
      const i = this.ids.length;
      this.declared[name] = i + 1;
      if (i === this.idOffsets.length) this.idOffsets = grown(this.idOffsets);
      this.idOffsets[i] = offset;
      this.ids.push(this.columns.names[name]!);
      this.space();
      this.expect(COLON);
      this.space();
      this.bodies.push(this.body());
      this.space();
      const ch = this.text.charCodeAt(this.pos++);
      if (ch === CLOSE_BRACE) return;
      if (ch !== COMMA) throw GIVE_WAY;
    }
  }

  private body(): Record<string, unknown> | null {
    const ch = this.peek();
    if (ch !== OPEN_BRACE) {
      if (this.text.startsWith('null', this.pos)) {
        this.pos += 4;
        return null;
      }
      throw GIVE_WAY;
    }
    return this.mapping(KNOWN_SERVICE_KEYS, this.fieldOfService);
  }

  /** The value of a service's field `key`. */
  private readonly fieldOfService = (key: string): unknown =>
    key === 'depends_on'
      ? this.dependsOn()
      : key === 'monitors'
        ? this.monitors()
        : key === 'copies'
          ? this.copies()
          : this.fieldValue();

  /** `monitors`: a list of strings as names, else whatever it is, for the reader to refuse. */
  private monitors(): unknown {
    if (this.peek() !== OPEN_BRACKET) return this.fieldValue();
    const start = this.pos;
    this.pos++;
    const names: number[] = [];
    this.space();
    if (this.peek() === CLOSE_BRACKET) {
      this.pos++;
      return new NameList(this.columns, names);
    }
    for (;;) {
      this.space();
      if (this.peek() !== QUOTE) {
        this.pos = start;
        return this.fieldValue();
      }
      names.push(this.name());
      this.space();
      const next = this.text.charCodeAt(this.pos++);
      if (next === CLOSE_BRACKET) return new NameList(this.columns, names);
      if (next !== COMMA) throw GIVE_WAY;
    }
  }

  /**
   * A mapping at pos, each key once (one of `known` as the same string), each value read by
   * `value` with its key.
   */
  private mapping(
    known: readonly string[],
    value: (key: string) => unknown,
  ): Record<string, unknown> {
    this.pos++;
    const map: Record<string, unknown> = {};
    this.space();
    if (this.peek() === CLOSE_BRACE) {
      this.pos++;
      return map;
    }
    for (;;) {
      this.space();
      const key = this.key(known);
      if (Object.hasOwn(map, key) || key === '__proto__') throw GIVE_WAY;
      this.space();
      this.expect(COLON);
      this.space();
      map[key] = value(key);
      this.space();
      const next = this.text.charCodeAt(this.pos++);
      if (next === CLOSE_BRACE) return map;
      if (next !== COMMA) throw GIVE_WAY;
    }
  }

  /** A list at pos, each item read by `item`. */
  private list(item: () => unknown): unknown[] {
    this.pos++;
    const list: unknown[] = [];
    this.space();
    if (this.peek() === CLOSE_BRACKET) {
      this.pos++;
      return list;
    }
    for (;;) {
      this.space();
      list.push(item());
      this.space();
      const next = this.text.charCodeAt(this.pos++);
      if (next === CLOSE_BRACKET) return list;
      if (next !== COMMA) throw GIVE_WAY;
    }
  }

  /** Where each entry of `copies` is written, in document order. */
  readonly copyOffsets: number[] = [];

  /** The `copies` list: mappings of scalars (anything else is left to the reader to refuse). */
  private copies(): unknown {
    return this.peek() === OPEN_BRACKET ? this.list(this.copy) : this.scalar();
  }

  /** One entry of `copies`, and where it is written. */
  private readonly copy = (): unknown => {
    this.copyOffsets.push(this.pos);
    return this.peek() === OPEN_BRACE ? this.mapping(COPY_KEYS, this.scalarOf) : this.scalar();
  };

  private readonly scalarOf = (): unknown => this.scalar();

  /** A scalar, or a list of scalars. */
  private fieldValue(): unknown {
    return this.peek() === OPEN_BRACKET ? this.list(this.scalarOf) : this.scalar();
  }

  private scalar(): string | number | boolean | null {
    const ch = this.peek();
    // Names and values repeat (kinds, owners, tiers): one string for each.
    if (ch === QUOTE) return this.columns.names[this.name()]!;
    if (ch === MINUS || (ch >= ZERO && ch <= NINE)) return this.number();
    for (const [word, value] of LITERALS) {
      if (this.text.startsWith(word, this.pos)) {
        this.pos += word.length;
        return value;
      }
    }
    throw GIVE_WAY;
  }

  private dependsOn(): DependsOnEntries {
    this.expect(OPEN_BRACKET);
    const columns = this.columns;
    const table = columns.table;
    const from = table.size;
    this.space();
    if (this.peek() === CLOSE_BRACKET) {
      this.pos++;
      return new DependsOnEntries(columns, from, from, this.owner);
    }
    for (;;) {
      this.space();
      const offset = this.pos;
      const ch = this.peek();
      if (ch === QUOTE) {
        table.addAlternative(this.name());
        table.closeRequirement(1, false, false, offset);
      } else if (ch === OPEN_BRACE) {
        this.dependency(offset);
      } else {
        throw GIVE_WAY;
      }
      this.space();
      const next = this.text.charCodeAt(this.pos++);
      if (next === CLOSE_BRACKET)
        return new DependsOnEntries(columns, from, table.size, this.owner);
      if (next !== COMMA) throw GIVE_WAY;
    }
  }

  /** A dependency mapping at `offset`: one of service, any_of, of (with quorum); soft; tolerates. */
  private dependency(offset: number): void {
    this.pos++;
    let seen = 0;
    let soft = false;
    let quorum = 1;
    let tolerates: string | number | undefined;
    this.space();
    for (;;) {
      this.space();
      const key = this.key(DEPENDENCY_KEYS);
      const bit = DEPENDENCY_KEY_BITS[key];
      if (bit === undefined || (seen & bit) !== 0) throw GIVE_WAY;
      seen |= bit;
      this.space();
      this.expect(COLON);
      this.space();
      if (key === 'service') {
        this.columns.table.addAlternative(this.name());
      } else if (key === 'any_of' || key === 'of') {
        this.alternatives();
      } else if (key === 'quorum') {
        quorum = this.number();
      } else if (key === 'soft') {
        const value = this.scalar();
        if (typeof value !== 'boolean') throw GIVE_WAY;
        soft = value;
      } else {
        const value = this.scalar();
        if (typeof value !== 'string' && typeof value !== 'number') throw GIVE_WAY;
        tolerates = value;
      }
      this.space();
      const next = this.text.charCodeAt(this.pos++);
      if (next === CLOSE_BRACE) break;
      if (next !== COMMA) throw GIVE_WAY;
    }
    const shape = seen & 7;
    // Exactly one shape, and quorum with `of` only.
    if (shape !== 1 && shape !== 2 && shape !== 4) throw GIVE_WAY;
    if ((shape === 4) !== ((seen & 8) !== 0)) throw GIVE_WAY;
    const table = this.columns.table;
    // A quorum the reader would refuse: from 1 to the number of alternatives.
    if (!Number.isInteger(quorum) || quorum < 1 || quorum > table.pendingAlternatives) {
      throw GIVE_WAY;
    }
    if (tolerates !== undefined) this.columns.tolerates.set(table.size, tolerates);
    table.closeRequirement(quorum, soft, shape !== 1, offset);
  }

  /** A non-empty list of ids. */
  private alternatives(): void {
    this.expect(OPEN_BRACKET);
    this.space();
    if (this.peek() === CLOSE_BRACKET) throw GIVE_WAY;
    for (;;) {
      this.space();
      this.columns.table.addAlternative(this.name());
      this.space();
      const next = this.text.charCodeAt(this.pos++);
      if (next === CLOSE_BRACKET) return;
      if (next !== COMMA) throw GIVE_WAY;
    }
  }

  /** A string at pos, as a number of the table of names. */
  private name(): number {
    const text = this.text;
    if (text.charCodeAt(this.pos) !== QUOTE) throw GIVE_WAY;
    const from = this.pos + 1;
    let hash = 0x811c9dc5;
    let i = from;
    for (let ch = text.charCodeAt(i); ch !== QUOTE; ch = text.charCodeAt(++i)) {
      // Also the end of the text (NaN).
      if (!(ch >= SPACE) || ch === BACKSLASH) throw GIVE_WAY;
      hash = Math.imul(hash ^ ch, 0x01000193);
    }
    this.pos = i + 1;
    const name = this.names.find(from, i, hash);
    if (name === this.declared.length) this.declared = grown(this.declared);
    return name;
  }

  /** Where the last string read by stringAt ends (its closing quote). */
  private stringEnd = 0;

  /**
   * A string at pos without escapes or control characters: where its text starts (and in
   * stringEnd, where it ends).
   */
  private stringAt(): number {
    const text = this.text;
    if (text.charCodeAt(this.pos) !== QUOTE) throw GIVE_WAY;
    const from = this.pos + 1;
    const close = text.indexOf('"', from);
    if (close < 0) throw GIVE_WAY;
    for (let i = from; i < close; i++) {
      const ch = text.charCodeAt(i);
      if (ch < SPACE || ch === BACKSLASH) throw GIVE_WAY;
    }
    this.pos = close + 1;
    this.stringEnd = close;
    return from;
  }

  /** A key: one of `known` as the same (internalized) string, else a new string. */
  private key(known: readonly string[]): string {
    const from = this.stringAt();
    const length = this.stringEnd - from;
    for (const key of known) {
      if (key.length === length && this.text.startsWith(key, from)) return key;
    }
    return this.text.slice(from, this.stringEnd);
  }

  /** A number as JSON writes it: -?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)? */
  private number(): number {
    const text = this.text;
    const from = this.pos;
    let i = from;
    if (text.charCodeAt(i) === MINUS) i++;
    if (text.charCodeAt(i) === ZERO) i++;
    else i = this.digits(i);
    if (text.charCodeAt(i) === DOT) i = this.digits(i + 1);
    const e = text.charCodeAt(i) | 0x20;
    if (e === 0x65) {
      i++;
      const sign = text.charCodeAt(i);
      if (sign === 0x2b || sign === MINUS) i++;
      i = this.digits(i);
    }
    this.pos = i;
    return Number(text.slice(from, i));
  }

  /** One digit or more from `i`: where they end. */
  private digits(i: number): number {
    const text = this.text;
    const first = i;
    for (let ch = text.charCodeAt(i); ch >= ZERO && ch <= NINE; ch = text.charCodeAt(++i));
    if (i === first) throw GIVE_WAY;
    return i;
  }

  /**
   * Passes over a value outside `services`, which the positional parser reads (and checks):
   * strings, with their escapes, and containers to their matching end.
   */
  private skipValue(): void {
    const text = this.text;
    let depth = 0;
    for (; this.pos < text.length; this.pos++) {
      const ch = text.charCodeAt(this.pos);
      if (ch === QUOTE) {
        let i = this.pos + 1;
        for (let c = text.charCodeAt(i); c !== QUOTE; c = text.charCodeAt(++i)) {
          if (c === BACKSLASH) i++;
          if (i >= text.length) throw GIVE_WAY;
        }
        this.pos = i;
        if (depth === 0) {
          this.pos++;
          return;
        }
      } else if (ch === OPEN_BRACE || ch === OPEN_BRACKET) {
        depth++;
      } else if (ch === CLOSE_BRACE || ch === CLOSE_BRACKET) {
        if (depth === 0) return;
        depth--;
        if (depth === 0) {
          this.pos++;
          return;
        }
      } else if (depth === 0 && (ch === COMMA || isSpace(ch))) {
        return;
      }
    }
  }

  private space(): void {
    const text = this.text;
    while (isSpace(text.charCodeAt(this.pos))) this.pos++;
  }

  private peek(): number {
    return this.text.charCodeAt(this.pos);
  }

  private expect(ch: number): void {
    if (this.text.charCodeAt(this.pos) !== ch) throw GIVE_WAY;
    this.pos++;
  }
}

const LITERALS: readonly (readonly [string, boolean | null])[] = [
  ['true', true],
  ['false', false],
  ['null', null],
];

function isSpace(ch: number): boolean {
  return ch === SPACE || ch === LINE_FEED || ch === CARRIAGE_RETURN || ch === TAB;
}
