// Plain JSON values written as UTF-8 bytes, exactly as JSON.stringify writes them: strings
// quoted and escaped, numbers (whole ones digit by digit, the others' texts remembered),
// true, false and null.

import type { ByteChunks } from './byte-chunks.js';
import { numberText } from './number-texts.js';

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COLON = 0x3a;
const SPACE = 0x20;
const MINUS = 0x2d;
const ZERO = 0x30;
/** Characters from here to DEL are copied as they are; below it, JSON.stringify escapes them. */
const FIRST_PRINTABLE = 0x20;
const LAST_PRINTABLE = 0x7e;
/** The most bytes a 32-bit integer takes: a sign and ten digits. */
const INTEGER_BYTES = 11;

export class JsonLeaves {
  constructor(private readonly out: ByteChunks) {}

  /** A value that is not an array or object (null where JSON.stringify writes nothing). */
  plain(value: unknown): void {
    if (typeof value === 'string') this.string(value);
    else if (typeof value === 'number') this.number(value);
    else if (typeof value === 'boolean') this.out.ascii(value ? 'true' : 'false');
    else if (value === null || value === undefined) this.out.ascii('null');
    else this.out.text(JSON.stringify(value) ?? 'null');
  }

  /**
   * A string in quotes. Printable ASCII other than a quote or a backslash is copied as it is;
   * a string with anything else is escaped by JSON.stringify (which writes a lone surrogate as
   * `\udxxx`, so the text it gives is always well formed).
   */
  string(text: string): void {
    const out = this.out;
    const length = text.length;
    out.reserve(length + 2);
    const buffer = out.buffer;
    let at = out.at;
    buffer[at++] = QUOTE;
    for (let i = 0; i < length; i++) {
      const code = text.charCodeAt(i);
      if (code < FIRST_PRINTABLE || code > LAST_PRINTABLE || code === QUOTE || code === BACKSLASH) {
        out.text(JSON.stringify(text)); // what was copied so far is written over
        return;
      }
      buffer[at++] = code;
    }
    buffer[at++] = QUOTE;
    out.at = at;
  }

  /** `"key": ` */
  key(key: string): void {
    this.string(key);
    this.out.byte(COLON);
    this.out.byte(SPACE);
  }

  number(value: number): void {
    if ((value | 0) === value)
      this.integer(value); // -0 too: JSON.stringify writes it as 0
    else if (Number.isFinite(value)) this.out.bytes(numberText(value));
    else this.out.ascii('null');
  }

  /** A 32-bit integer, digit by digit. */
  private integer(value: number): void {
    const out = this.out;
    out.reserve(INTEGER_BYTES);
    const buffer = out.buffer;
    let at = out.at;
    if (value < 0) {
      buffer[at++] = MINUS;
      value = -value;
    }
    let digits = 1;
    for (let rest = value; rest >= 10; rest = Math.floor(rest / 10)) digits++;
    const end = at + digits;
    at = end;
    do {
      const digit = value % 10;
      buffer[--at] = ZERO + digit;
      value = (value - digit) / 10;
    } while (value > 0);
    out.at = end;
  }
}
