// Which outages of a word fail a group that tolerates losses (any_of, quorum): the bits set in
// at least `need` of its alternatives' down masks. Kept apart from the down sets so that the
// word-wide shortcuts can be checked against counting bit by bit.

/**
 * Bits of `any` set in at least `need` of the down masks of alternatives alts[first..last-1] (an
 * alternative listed twice counts twice): word `w` of each, masks holding `words` words a rank.
 */
export function atLeast(
  masks: Int32Array,
  words: number,
  alts: Int32Array,
  first: number,
  last: number,
  need: number,
  any: number,
  w: number,
): number {
  if (need === last - first) {
    let mask = any;
    for (let k = first; k < last && mask !== 0; k++) mask &= masks[words * alts[k]! + w]!;
    return mask;
  }
  if (need === 2) {
    // Word-wide: `once` holds the bits down in one alternative so far, `twice` in two.
    let once = 0;
    let twice = 0;
    for (let k = first; k < last; k++) {
      const down = masks[words * alts[k]! + w]! & any;
      twice |= once & down;
      once |= down;
    }
    return twice;
  }
  let result = 0;
  for (let candidates = any; candidates !== 0; candidates &= candidates - 1) {
    const bit = candidates & -candidates;
    let count = 0;
    for (let k = first; k < last && count < need; k++)
      if (masks[words * alts[k]! + w]! & bit) count++;
    if (count >= need) result |= bit;
  }
  return result;
}
