// "Did you mean" suggestions: the closest candidate by optimal-string-alignment distance
// (Levenshtein plus adjacent transpositions, Damerau 1964), case-insensitive, within a budget.

import { MAX_SUGGESTION_CELLS } from '../parse/limits.js';
import { quote } from '../parse/quote.js';

/** Largest distance still worth suggesting: 1 for short words, up to 3 for long ones. */
function tolerance(length: number): number {
  return length <= 3 ? 1 : length <= 7 ? 2 : 3;
}

/**
 * Optimal-string-alignment distance between `a` and `b`, or `max + 1` as soon as it is known
 * to exceed `max` (a whole row above `max` can only grow).
 */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let before = new Array<number>(b.length + 1).fill(0);
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  let current = new Array<number>(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      let d = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        d = Math.min(d, before[j - 2]! + 1);
      }
      current[j] = d;
      if (d < rowMin) rowMin = d;
    }
    if (rowMin > max) return max + 1;
    [before, previous, current] = [previous, current, before];
  }
  return previous[b.length]!;
}

/**
 * Finds close candidates for misspelt words. Candidates are bucketed by length, since only
 * those within the tolerance can be close; the total work of one instance is capped so that
 * thousands of dangling references among 100,000 ids cannot stall a load.
 */
export class Suggester {
  private readonly byLength = new Map<number, string[]>();
  private cellsLeft = MAX_SUGGESTION_CELLS;

  constructor(candidates: Iterable<string>) {
    for (const candidate of candidates) {
      const bucket = this.byLength.get(candidate.length);
      if (bucket) bucket.push(candidate);
      else this.byLength.set(candidate.length, [candidate]);
    }
  }

  /** The closest candidate (ties: the smallest in code-unit order), or undefined. */
  closest(word: string): string | undefined {
    const max = tolerance(word.length);
    const lower = word.toLowerCase();
    let best: string | undefined;
    let bestDistance = max + 1;
    for (let length = word.length - max; length <= word.length + max; length++) {
      for (const candidate of this.byLength.get(length) ?? []) {
        if (this.cellsLeft <= 0) return best;
        this.cellsLeft -= (word.length + 1) * (candidate.length + 1);
        const d = editDistance(lower, candidate.toLowerCase(), Math.min(max, bestDistance));
        if (d < bestDistance || (d === bestDistance && best !== undefined && candidate < best)) {
          if (d <= max) [best, bestDistance] = [candidate, d];
        }
      }
    }
    return best;
  }

  /** `; did you mean "x"?` for the closest candidate, or the empty string. */
  hint(word: string): string {
    const best = this.closest(word);
    return best === undefined ? '' : `; did you mean ${quote(best)}?`;
  }
}

/** `; did you mean "x"?` for the closest of a few candidates (keys, enum values), or ''. */
export function didYouMean(word: string, candidates: Iterable<string>): string {
  return new Suggester(candidates).hint(word);
}
