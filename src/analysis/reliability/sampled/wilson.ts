// The 95% Wilson score interval of a proportion (Wilson, "Probable inference, the law of
// succession, and statistical inference", J. Am. Stat. Assoc. 22(158), 1927): unlike the normal
// approximation it stays inside [0, 1] and is honest when nothing, or everything, was observed.

const Z = 1.959963984540054;

/** The interval of `successes` out of `trials`; [0, 1] when there were no trials. */
export function wilsonInterval(successes: number, trials: number): [number, number] {
  if (trials === 0) return [0, 1];
  const z2 = Z * Z;
  const share = successes / trials;
  const centre = (share + z2 / (2 * trials)) / (1 + z2 / trials);
  const half =
    (Z / (1 + z2 / trials)) *
    Math.sqrt((share * (1 - share)) / trials + z2 / (4 * trials * trials));
  // At 0 and at `trials` the bound is exactly 0 (or 1): say so without rounding noise.
  const low = successes === 0 ? 0 : Math.max(0, centre - half);
  const high = successes === trials ? 1 : Math.min(1, centre + half);
  return [low, high];
}
