// The one seeded pseudo-random source of the reliability code: SplitMix32 (Steele, Lea & Flood,
// "Fast splittable pseudorandom number generators", OOPSLA 2014, with 32-bit constants) for short
// streams and for seeding, and xoshiro128** (Blackman and Vigna, 2018) for long ones. Both give
// the same numbers for the same seed on every platform.

/** SplitMix32: a uniform number in [0, 1) per call. */
export function splitMix32(seed: number): () => number {
  const next = splitMix32Words(seed);
  return () => next() / 2 ** 32;
}

/** SplitMix32 as unsigned 32-bit words. */
function splitMix32Words(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x9e3779b9) >>> 0;
    let z = state;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) >>> 0;
  };
}

/** xoshiro128**, its state seeded by SplitMix32; uniform in [0, 1). */
export function xoshiro128(seed: number): () => number {
  const seeding = splitMix32Words(seed);
  let [a, b, c, d] = [seeding(), seeding(), seeding(), seeding()];
  return () => {
    const result = Math.imul(rotl(Math.imul(b, 5), 7), 9) >>> 0;
    const t = b << 9;
    c ^= a;
    d ^= b;
    b ^= c;
    a ^= d;
    c ^= t;
    d = rotl(d, 11);
    return result / 4294967296;
  };
}

function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}
