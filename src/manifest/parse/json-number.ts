// The value of a JSON number written in a text, without cutting it out as a string first when
// it is short: digits as an integer, divided by a power of ten that is itself exact.

/** Powers of ten a double holds exactly (10^22 is the last). */
const EXACT_TENS = Array.from({ length: 23 }, (_, k) => 10 ** k);

/** Integers below this are exact in a double. */
const MAX_EXACT = 2 ** 53;

/**
 * The value of the JSON number written at from .. to-1 of `text` (already known to follow the
 * JSON number grammar): the same as Number(text.slice(from, to)). A number whose digits make
 * an integer below 2^53, with at most 22 decimals and no exponent, is the quotient of two
 * exact doubles, which division rounds correctly, as Number does; any other is left to Number.
 */
export function jsonNumber(text: string, from: number, to: number): number {
  let i = from;
  const negative = text.charCodeAt(i) === 0x2d;
  if (negative) i++;
  let digits = 0;
  let decimals = -1;
  for (; i < to; i++) {
    const ch = text.charCodeAt(i);
    if (ch === 0x2e && decimals < 0) {
      decimals = 0;
      continue;
    }
    const digit = ch - 0x30;
    if (digit < 0 || digit > 9) return Number(text.slice(from, to));
    digits = digits * 10 + digit;
    if (decimals >= 0) decimals++;
  }
  if (digits >= MAX_EXACT || decimals > 22) return Number(text.slice(from, to));
  const value = decimals > 0 ? digits / EXACT_TENS[decimals]! : digits;
  return negative ? -value : value;
}
