// The text of a number as JSON.stringify writes it, as ASCII bytes, remembered in a table
// indexed by a hash of the number's 64 bits. Results repeat the same doubles (shape I's
// importance rows hold 45,000 distinct values among 1.3 million), and formatting a double costs
// ten times more than finding its bytes; a table slot holds the last number hashed to it, so the
// memory stays fixed (about 1 MiB plus the texts) however many numbers pass through.

const SLOT_BITS = 16;
const SLOTS = 1 << SLOT_BITS;

/** The number in each slot, and its text; a slot with no text is empty. */
let numbers: Float64Array | undefined;
let texts: Array<Uint8Array | undefined> = [];
/** The 64 bits of a number, read as two 32-bit halves. */
const word = new Float64Array(1);
const halves = new Int32Array(word.buffer);

/** The bytes of a finite number's text (`${value}`, which is what JSON.stringify writes). */
export function numberText(value: number): Uint8Array {
  if (numbers === undefined) {
    numbers = new Float64Array(SLOTS);
    texts = new Array<Uint8Array | undefined>(SLOTS).fill(undefined);
  }
  word[0] = value;
  const slot =
    Math.imul(halves[0]! ^ Math.imul(halves[1]!, 0x9e3779b1), 0x85ebca77) >>> (32 - SLOT_BITS);
  let text = texts[slot];
  // The texts of 0 and -0 are the same, so their sharing a slot does no harm.
  if (text === undefined || numbers[slot] !== value) {
    text = Buffer.from(`${value}`, 'latin1');
    numbers[slot] = value;
    texts[slot] = text;
  }
  return text;
}
