// The `services` mapping of JSON text read in one pass, without JSON.parse: each service's
// fields into columns (strings as numbers of the file's table of names, each name made into a
// string once; numbers and flags as they are), and its `depends_on` entries too, with where
// each id and entry is written: no object per service. Anything it does not handle, or that
// would be an error, and it gives way (undefined): to JSON.parse and the positional parser,
// which report errors.

import { RequirementTable } from '../requirement-table.js';
import { COPY_KEYS, SERVICE_KEYS } from '../fields/keys.js';
import { jsonNumber } from './json-number.js';
import { NameTable } from './name-table.js';
import type { ServiceOffsets } from './service-offsets.js';
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

const DEPENDENCY_KEYS = Object.keys(DEPENDENCY_KEY_BITS);

/**
 * The top-level `services` mapping as JSON.parse or the one-pass read found it, and where its
 * parts are written.
 */
export interface PlainServices {
  /** Service ids in document order. */
  readonly ids: readonly string[];
  /** The services' bodies, in the order of `ids` (none when `columns` holds them). */
  readonly bodies: readonly unknown[];
  readonly offsets: ServiceOffsets;
  /** The requirements, when the one-pass read put them in columns already. */
  readonly table?: RequirementTable;
  /** The services' fields, when the one-pass read put them in columns. */
  readonly columns?: ServiceColumns;
}

/** A service's key as a bit of `ServiceColumns.present`: 1 << its place in SERVICE_KEYS. */
export function fieldBit(key: (typeof SERVICE_KEYS)[number]): number {
  return 1 << SERVICE_KEYS.indexOf(key);
}

/** The service keys by their length, as places in SERVICE_KEYS, to match a key without a string. */
const KEYS_BY_LENGTH: number[][] = [];
SERVICE_KEYS.forEach((key, k) => (KEYS_BY_LENGTH[key.length] ??= []).push(k));

/**
 * Fields whose value is a string, held as a number of the read's names: the labels, then the
 * durations (which may also be numbers of seconds).
 */
export const NAME_FIELDS = [
  'kind',
  'owner',
  'tier',
  'provider',
  'region',
  'zone',
  'rto',
  'recovery_time',
] as const;
/** Fields held as numbers: sla and cost, then the durations written as numbers. */
export const NUMBER_FIELDS = ['sla', 'cost_per_hour', 'rto', 'recovery_time'] as const;

const NAME_SLOT: Readonly<Record<string, number>> = Object.fromEntries(
  NAME_FIELDS.map((key, slot) => [key, slot]),
);
const NUMBER_SLOT: Readonly<Record<string, number>> = Object.fromEntries(
  NUMBER_FIELDS.map((key, slot) => [key, slot]),
);

/** `ServiceColumns.flags`: the values of entrypoint and virtual. */
export const ENTRYPOINT_TRUE = 1;
export const VIRTUAL_TRUE = 2;

/**
 * The services of one file as the one-pass read found them, by their place in the file (i):
 * which keys each has, its scalar fields, where its `depends_on` entries are in `table`; the
 * rare lists (`tags`, `monitors`) and `copies` by service.
 */
export class ServiceColumns {
  /** `tolerates` as written, by requirement, for those that have it (checked by the reader). */
  readonly tolerates = new Map<number, string | number>();
  /** The keys of service i, as fieldBit says. */
  present: Int32Array;
  /** ENTRYPOINT_TRUE and VIRTUAL_TRUE. */
  flags: Uint8Array;
  /** 1 + the name of NAME_FIELDS[k] at i * NAME_FIELDS.length + k; 0: not a string. */
  nameFields: Int32Array;
  /** NUMBER_FIELDS[k] at i * NUMBER_FIELDS.length + k, when written as a number. */
  numberFields: Float64Array;
  /** Service i's requirements in `table`: dependsFrom[i] .. dependsTo[i]-1. */
  dependsFrom: Int32Array;
  dependsTo: Int32Array;
  /** The name of service i's id. */
  idName: Int32Array;
  readonly tags = new Map<number, number[]>();
  readonly monitors = new Map<number, number[]>();
  /** `copies` as written: mappings of scalars, or whatever the reader is to refuse. */
  readonly copies = new Map<number, unknown>();

  /**
   * Alternatives are numbers of `names` until the reader renumbers them. `names`: names written
   * as ids or references, each once; a name is its index there.
   */
  constructor(
    readonly table: RequirementTable,
    readonly names: readonly string[],
    private readonly declaredIn: () => Int32Array,
    capacity: number,
  ) {
    this.present = new Int32Array(capacity);
    this.flags = new Uint8Array(capacity);
    this.nameFields = new Int32Array(capacity * NAME_FIELDS.length);
    this.numberFields = new Float64Array(capacity * NUMBER_FIELDS.length);
    this.dependsFrom = new Int32Array(capacity);
    this.dependsTo = new Int32Array(capacity);
    this.idName = new Int32Array(capacity);
  }

  /** Where name is declared among the file's ids, in document order; -1: not in this file. */
  declaredAt(name: number): number {
    return this.declaredIn()[name]! - 1;
  }

  /** Makes room for service i. */
  open(i: number, idName: number): void {
    if (i >= this.present.length) {
      this.present = grown(this.present);
      this.flags = grown(this.flags);
      this.nameFields = grown(this.nameFields);
      this.numberFields = grown(this.numberFields);
      this.dependsFrom = grown(this.dependsFrom);
      this.dependsTo = grown(this.dependsTo);
      this.idName = grown(this.idName);
    }
    this.idName[i] = idName;
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
    bodies: [],
    columns: read.columns,
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
  idOffsets: Int32Array;
  readonly columns: ServiceColumns;
  /** By name: 1 + where the name is declared as an id among this file's ids; 0: not here. */
  private declared: Int32Array;
  constructor(
    private readonly text: string,
    table: RequirementTable,
  ) {
    this.names = new NameTable(text);
    // Room for a service every 64 characters, more than the usual layouts write (they grow
    // past that); what is never written is never touched, so it takes no memory.
    this.idOffsets = new Int32Array(Math.max(1024, text.length >> 6));
    this.declared = new Int32Array(this.idOffsets.length);
    this.columns = new ServiceColumns(
      table,
      this.names.names,
      () => this.declared,
      this.idOffsets.length,
    );
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
      if (this.declared[name] !== 0) throw GIVE_WAY;
      const i = this.ids.length;
      this.declared[name] = i + 1;
      if (i === this.idOffsets.length) this.idOffsets = grown(this.idOffsets);
      this.idOffsets[i] = offset;
      this.ids.push(this.columns.names[name]!);
      this.columns.open(i, name);
      this.space();
      this.expect(COLON);
      this.space();
      this.body(i);
      this.space();
      const ch = this.text.charCodeAt(this.pos++);
      if (ch === CLOSE_BRACE) return;
      if (ch !== COMMA) throw GIVE_WAY;
    }
  }

  /** Service i's body: null, or a mapping of its fields, each key once, into the columns. */
  private body(i: number): void {
    if (this.peek() !== OPEN_BRACE) {
      if (this.text.startsWith('null', this.pos)) {
        this.pos += 4;
        return;
      }
      throw GIVE_WAY;
    }
    this.pos++;
    this.space();
    if (this.peek() === CLOSE_BRACE) {
      this.pos++;
      return;
    }
    let present = 0;
    for (;;) {
      this.space();
      const field = this.serviceKey();
      const bit = 1 << field;
      if ((present & bit) !== 0) throw GIVE_WAY;
      present |= bit;
      this.space();
      this.expect(COLON);
      this.space();
      this.field(i, SERVICE_KEYS[field]!);
      this.space();
      const next = this.text.charCodeAt(this.pos++);
      if (next === CLOSE_BRACE) break;
      if (next !== COMMA) throw GIVE_WAY;
    }
    this.columns.present[i] = present;
  }

  /** A key of a service at pos, as its place in SERVICE_KEYS; any other key gives way. */
  private serviceKey(): number {
    const from = this.stringAt();
    for (const k of KEYS_BY_LENGTH[this.stringEnd - from] ?? []) {
      if (this.text.startsWith(SERVICE_KEYS[k]!, from)) return k;
    }
    throw GIVE_WAY;
  }

  /**
   * The value of service i's field `key`, into the columns. A value of a type the field never
   * takes gives way (the positional parser reports it); a value of the right type is checked
   * by the reader.
   */
  private field(i: number, key: (typeof SERVICE_KEYS)[number]): void {
    const columns = this.columns;
    const ch = this.peek();
    if (key === 'depends_on') {
      columns.dependsFrom[i] = columns.table.size;
      this.dependsOn();
      columns.dependsTo[i] = columns.table.size;
    } else if (key === 'entrypoint' || key === 'virtual') {
      const value = this.scalar();
      if (typeof value !== 'boolean') throw GIVE_WAY;
      if (value) columns.flags[i]! |= key === 'entrypoint' ? ENTRYPOINT_TRUE : VIRTUAL_TRUE;
    } else if (key === 'tags' || key === 'monitors') {
      (key === 'tags' ? columns.tags : columns.monitors).set(i, this.nameList());
    } else if (key === 'copies') {
      columns.copies.set(i, this.copies());
    } else if (ch === QUOTE) {
      const slot = NAME_SLOT[key];
      if (slot === undefined) throw GIVE_WAY;
      columns.nameFields[i * NAME_FIELDS.length + slot] = this.name() + 1;
    } else if (ch === MINUS || (ch >= ZERO && ch <= NINE)) {
      const slot = NUMBER_SLOT[key];
      if (slot === undefined) throw GIVE_WAY;
      columns.numberFields[i * NUMBER_FIELDS.length + slot] = this.number();
    } else {
      throw GIVE_WAY;
    }
  }

  /** A list of strings, as names (`tags`, `monitors`). */
  private nameList(): number[] {
    if (this.peek() !== OPEN_BRACKET) throw GIVE_WAY;
    return this.list(this.readName);
  }

  private readonly readName = (): number => this.name();

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
  private list<T>(item: () => T): T[] {
    this.pos++;
    const list: T[] = [];
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

  /** A `depends_on` list, into the requirement table. */
  private dependsOn(): void {
    this.expect(OPEN_BRACKET);
    const table = this.columns.table;
    this.space();
    if (this.peek() === CLOSE_BRACKET) {
      this.pos++;
      return;
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
      if (next === CLOSE_BRACKET) return;
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
    return jsonNumber(text, from, i);
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
