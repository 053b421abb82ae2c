// Bytes to text, refusing what is not a text file: invalid UTF-8 and NUL characters are the
// marks of binary input, reported at the first offending place.

import { Buffer, isAscii } from 'node:buffer';
import type { Problem } from './doc-node.js';

const UTF8 = new TextDecoder('utf-8', { fatal: true });
const UTF8_LENIENT = new TextDecoder('utf-8');

/**
 * Decodes UTF-8, dropping a byte-order mark. When the bytes are not valid UTF-8, `text` is the
 * valid prefix, so that the problem's offset can still be turned into a line and column.
 */
export function decodeText(bytes: Uint8Array): { text: string; problem?: Problem } {
  if (isAscii(bytes)) {
    // ASCII is the same text in Latin-1, which is copied byte for byte: several times quicker.
    return checkText(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).toString('latin1'));
  }
  let text: string;
  try {
    text = UTF8.decode(bytes);
  } catch {
    const bad = firstInvalidUtf8(bytes);
    const prefix = UTF8_LENIENT.decode(bytes.subarray(0, bad));
    const byte = (bytes[bad] ?? 0).toString(16).padStart(2, '0');
    const message = `not UTF-8 text (invalid byte 0x${byte}); is this a binary file?`;
    return { text: prefix, problem: { offset: prefix.length, message } };
  }
  return checkText(text);
}

/** Checks already-decoded text (standard input) the same way. */
export function checkText(text: string): { text: string; problem?: Problem } {
  const clean = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const nul = clean.indexOf('\u0000');
  if (nul !== -1) {
    return {
      text: clean,
      problem: { offset: nul, message: 'a NUL character; is this a binary file?' },
    };
  }
  if (!/\S/.test(clean))
    return { text: clean, problem: { offset: 0, message: 'the file is empty' } };
  return { text: clean };
}

/** Byte offset of the first byte that breaks UTF-8 (RFC 3629: no overlongs, no surrogates). */
function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const length = sequenceLength(bytes, i);
    if (length === 0) return i;
    i += length;
  }
  return bytes.length;
}

function sequenceLength(bytes: Uint8Array, i: number): number {
  const b0 = bytes[i]!;
  if (b0 < 0x80) return 1;
  const [length, low, high] = leadByte(b0);
  if (length === 0) return 0;
  const b1 = bytes[i + 1];
  if (b1 === undefined || b1 < low || b1 > high) return 0;
  for (let k = 2; k < length; k++) {
    const b = bytes[i + k];
    if (b === undefined || b < 0x80 || b > 0xbf) return 0;
  }
  return length;
}

/** Sequence length and the allowed range of the second byte for a lead byte; 0 if invalid. */
function leadByte(b0: number): readonly [number, number, number] {
  if (b0 >= 0xc2 && b0 <= 0xdf) return [2, 0x80, 0xbf];
  if (b0 === 0xe0) return [3, 0xa0, 0xbf];
  if (b0 === 0xed) return [3, 0x80, 0x9f];
  if (b0 >= 0xe1 && b0 <= 0xef) return [3, 0x80, 0xbf];
  if (b0 === 0xf0) return [4, 0x90, 0xbf];
  if (b0 >= 0xf1 && b0 <= 0xf3) return [4, 0x80, 0xbf];
  if (b0 === 0xf4) return [4, 0x80, 0x8f];
  return [0, 0, 0];
}
