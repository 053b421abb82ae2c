// Sets of up to 32 things packed in one number (bit i for thing i): outages swept together,
// samples drawn together, entry points above a service. One convention everywhere: a mask is an
// unsigned 32-bit integer (0 .. 2^32 − 1) and masks are stored in Uint32Array. JavaScript's
// bitwise operators return signed numbers, so a mask with bit 31 set would compare unequal to
// the same mask read back from a Uint32Array; every combination goes through these helpers.

/** Things per mask. */
export const MASK_WIDTH = 32;

/** The mask holding only thing i (0 ≤ i < 32). */
export function bit(i: number): number {
  return (1 << i) >>> 0;
}

export function union(a: number, b: number): number {
  return (a | b) >>> 0;
}

export function intersection(a: number, b: number): number {
  return (a & b) >>> 0;
}

/** The things of a that are not in b. */
export function difference(a: number, b: number): number {
  return (a & ~b) >>> 0;
}

/** The lowest thing in a non-empty mask. */
export function lowest(mask: number): number {
  return 31 - Math.clz32(mask & -mask);
}

/** The mask without its lowest thing. */
export function withoutLowest(mask: number): number {
  return (mask & (mask - 1)) >>> 0;
}

/** Thing i of a set spread over many masks: the index of its mask... */
export function wordOf(i: number): number {
  return i >>> 5;
}

/** ...and its bit there. */
export function bitInWord(i: number): number {
  return bit(i & 31);
}
