// The offsets JSON.parse does not give, found by one scan of JSON text it accepted: where each
// service id and each entry of a service's `depends_on` and `copies` is written, and how many
// keys the `services` value holds, so that JSON.parse's values can be read and still placed.

/** Offsets inside the top-level `services` mapping of one JSON text, in document order. */
export interface ServiceOffsets {
  /** Where the `services` mapping starts (its `{`) and ends (after its `}`). */
  readonly start: number;
  readonly end: number;
  /** Where each key of the mapping (a service id) starts. */
  readonly ids: Int32Array;
  /** Where each entry of every service's `depends_on` and `copies` list starts. */
  readonly entries: Int32Array;
  /**
   * Keys written inside the mapping, its own included. JSON.parse keeps the last of repeated
   * keys silently: fewer keys in its objects than written means a repeat.
   */
  readonly keys: number;
}

// What an open container is, by where it stands.
const OTHER = 0;
const ROOT = 1;
const SERVICES = 2;
const SERVICE = 3;
const ENTRIES = 4;

const SPACE = 0x20;
const TAB = 0x09;
const LINE_FEED = 0x0a;
const CARRIAGE_RETURN = 0x0d;
const QUOTE = 0x22;
const COMMA = 0x2c;
const COLON = 0x3a;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;

/**
 * Scans `text`, which JSON.parse has accepted. Undefined when the scan cannot place JSON.parse's
 * values: a backslash anywhere (an escape would hide where strings end), a top level that is not
 * a mapping holding `services` once as a mapping, or a service id of digits only (JavaScript
 * objects list such keys first, out of document order).
 */
export function scanServiceOffsets(text: string): ServiceOffsets | undefined {
  if (text.includes('\\')) return undefined;
  const scan = new Scan(text);
  scan.run();
  if (scan.servicesSeen !== 1 || scan.end < 0 || scan.digitId) return undefined;
  return {
    start: scan.start,
    end: scan.end,
    ids: scan.ids.done(),
    entries: scan.entries.done(),
    keys: scan.keys,
  };
}

class Scan {
  readonly ids = new Offsets();
  readonly entries = new Offsets();
  start = -1;
  end = -1;
  keys = 0;
  servicesSeen = 0;
  digitId = false;
  /** Roles of the open containers, outermost first, and whether each is a mapping. */
  private readonly roles: number[] = [];
  private readonly isMap: boolean[] = [];
  /** The role the next container opened takes, set by the key before it. */
  private next = ROOT;
  /** A key is expected next (in a mapping, after `{` or `,`). */
  private expectKey = false;
  /** The next value starts an entry of a recorded list. */
  private recordNext = false;
  private insideServices = false;

  constructor(private readonly text: string) {}

  run(): void {
    const text = this.text;
    for (let i = 0; i < text.length; i++) {
      const ch = text.charCodeAt(i);
      if (ch === SPACE || ch === LINE_FEED || ch === CARRIAGE_RETURN || ch === TAB) continue;
      if (this.recordNext && ch !== CLOSE_BRACKET) this.entries.push(i);
      this.recordNext = false;
      if (ch === QUOTE) {
        const close = text.indexOf('"', i + 1);
        if (this.expectKey) this.key(i, close);
        i = close;
      } else if (ch === OPEN_BRACE || ch === OPEN_BRACKET) this.open(i, ch === OPEN_BRACE);
      else if (ch === CLOSE_BRACE || ch === CLOSE_BRACKET) this.close(i);
      else if (ch === COMMA) this.comma();
      else if (ch === COLON && this.insideServices) this.keys++;
    }
  }

  /** A key from `start` (its opening quote) to `close` (its closing one). */
  private key(start: number, close: number): void {
    this.expectKey = false;
    const role = this.roles[this.roles.length - 1];
    this.next = OTHER;
    if (role === ROOT) {
      if (close - start === 9 && this.text.startsWith('"services"', start)) {
        this.servicesSeen++;
        this.next = SERVICES;
      }
    } else if (role === SERVICES) {
      this.ids.push(start);
      if (close > start + 1 && isDigits(this.text, start + 1, close)) this.digitId = true;
      this.next = SERVICE;
    } else if (role === SERVICE) {
      const length = close - start - 1;
      const text = this.text;
      if (
        (length === 10 && text.startsWith('depends_on', start + 1)) ||
        (length === 6 && text.startsWith('copies', start + 1))
      ) {
        this.next = ENTRIES;
      }
    }
  }

  private open(at: number, isMap: boolean): void {
    const wanted = this.next;
    const fits = wanted === ENTRIES ? !isMap : isMap;
    const role = fits ? wanted : OTHER;
    this.roles.push(role);
    this.isMap.push(isMap);
    this.next = OTHER;
    this.expectKey = isMap;
    if (role === ENTRIES) this.recordNext = true;
    if (role === SERVICES) {
      this.start = at;
      this.insideServices = true;
      this.keys = 0;
    }
  }

  private close(at: number): void {
    const role = this.roles.pop();
    this.isMap.pop();
    this.expectKey = false;
    if (role === SERVICES) {
      this.end = at + 1;
      this.insideServices = false;
    }
  }

  private comma(): void {
    const depth = this.roles.length - 1;
    this.next = OTHER;
    this.expectKey = this.isMap[depth] === true;
    if (this.roles[depth] === ENTRIES) this.recordNext = true;
  }
}

function isDigits(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const ch = text.charCodeAt(i);
    if (ch < 0x30 || ch > 0x39) return false;
  }
  return true;
}

/** A growing list of offsets in a typed array: no boxed numbers for the collector to trace. */
class Offsets {
  private data = new Int32Array(1024);
  private length = 0;

  push(offset: number): void {
    if (this.length === this.data.length) {
      const grown = new Int32Array(this.data.length * 2);
      grown.set(this.data);
      this.data = grown;
    }
    this.data[this.length++] = offset;
  }

  done(): Int32Array {
    return this.data.subarray(0, this.length);
  }
}
