// Seeded randomness for the benchmark generators: one small PRNG, so the same seed always gives
// byte-identical manifests, and a pick from cumulative weights.

function hashSeed(seed) {
  let h = 0x811c9dc5;
  for (const ch of String(seed)) {
    h ^= ch.codePointAt(0);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** sfc32 seeded through splitmix32: small, fast, and good enough for synthetic data. */
export function createRng(seed) {
  let s = hashSeed(seed);
  const splitmix = () => {
    s = (s + 0x9e3779b9) | 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) >>> 0;
  };
  let a = splitmix();
  let b = splitmix();
  let c = splitmix();
  let d = splitmix();
  const next = () => {
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  };
  for (let i = 0; i < 12; i++) next();
  return {
    next,
    int: (n) => Math.floor(next() * n),
    chance: (p) => next() < p,
    pick: (array) => array[Math.floor(next() * array.length)],
    /** Index in [0, n) with a power-law bias toward 0: P(index < k) = (k/n)^(1/exponent). */
    skewed: (n, exponent) => Math.floor(n * Math.pow(next(), exponent)),
  };
}

export function weightedIndex(rng, cumulative) {
  const u = rng.next() * cumulative[cumulative.length - 1];
  let i = 0;
  while (cumulative[i] <= u) i++;
  return i;
}
