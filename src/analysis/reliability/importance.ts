// Importance measures of the components for one entry point, from its unavailability Q and the
// Birnbaum importance I_B(i) = ∂A/∂p_i of each component. A is linear in each p_i, so
// Q(i down) = Q + p_i·I_B and Q(i perfect) = Q − (1 − p_i)·I_B, and: criticality
// I_B·(1 − p_i)/Q, risk achievement worth Q(i down)/Q, Fussell–Vesely in its diagnostic form
// P(i down | entry point down) = (1 − p_i)·Q(i down)/Q, and risk reduction worth Q/Q(i perfect).
// Q is the exact unavailability, never 1 − A: for a rare event 1 − A has no digits left.
// Rausand and Høyland, "System Reliability Theory", 2nd ed., ch. 5 (measures of importance).

import { byCodeUnit } from '../../compare.js';
import type { ComponentImportance } from './result.js';

export interface ImportanceInput {
  id: string;
  /** P(the component is up by itself). */
  up: number;
  /** 1 − up with its own digits. */
  down: number;
  birnbaum: number;
}

/**
 * The components with a non-zero Birnbaum importance, most critical first (then Birnbaum,
 * then id), at most `limit`. With Q = 0 nothing is critical (criticality 0) and RAW is 1 by
 * convention.
 */
export function rankImportance(
  unavailability: number,
  components: readonly ImportanceInput[],
  limit = Infinity,
  round: (x: number) => number = rounded,
): ComponentImportance[] {
  // Criticality of each component with a Birnbaum importance, in one pass (no closures: an
  // entry point of a service graph ranks a handful, and there are a hundred thousand of them).
  const n = components.length;
  const kept: ImportanceInput[] = [];
  const critical: number[] = [];
  for (let i = 0; i < n; i++) {
    const c = components[i]!;
    if (!(c.birnbaum > 0)) continue;
    kept.push(c);
    critical.push(unavailability > 0 ? (c.birnbaum * (1 - c.up)) / unavailability : 0);
  }
  // Rounding every component costs more than ranking it: keep the likely top (and the ties
  // at its edge, within rounding), then round and rank those exactly.
  const cut = kept.length > limit;
  let edge = 0;
  if (cut) {
    const sorted = Float64Array.from(critical).sort().reverse();
    edge = sorted[limit - 1]! * (1 - 1e-9);
  }
  const ranked: ComponentImportance[] = [];
  const tiny = unavailability * 1e-12;
  for (let i = 0; i < kept.length; i++) {
    if (cut && !(critical[i]! >= edge)) continue;
    const { id, up, down, birnbaum } = kept[i]!;
    const downWhenDown = unavailability + up * birnbaum;
    const downWhenPerfect = unavailability - down * birnbaum;
    ranked.push({
      id,
      birnbaum: round(birnbaum),
      criticality: round(critical[i]!),
      raw: unavailability > 0 ? round(downWhenDown / unavailability) : 1,
      fussellVesely: unavailability > 0 ? round((down * downWhenDown) / unavailability) : 0,
      rrw:
        unavailability <= 0
          ? 1
          : downWhenPerfect <= tiny
            ? null
            : round(unavailability / downWhenPerfect),
    });
  }
  if (ranked.length > 1) ranked.sort(mostCritical);
  if (ranked.length > limit) ranked.length = limit;
  return ranked;
}

/** By criticality, then Birnbaum importance (both decreasing), then id. */
function mostCritical(a: ComponentImportance, b: ComponentImportance): number {
  return b.criticality - a.criticality || b.birnbaum - a.birnbaum || byCodeUnit(a.id, b.id);
}

/** Twelve significant digits: beyond them the numbers are rounding noise. */
export function rounded(x: number): number {
  return Number(x.toPrecision(12));
}

/** A rounding memo holds 2^MEMO_BITS numbers, each in the one slot its bits hash to. */
const MEMO_BITS = 16;

/**
 * `rounded`, remembering what it gave: the entry points of one graph share most of their numbers
 * (the same providers, the same SLAs), and formatting a number is what rounding costs. The memo
 * is a direct-mapped table over typed arrays (a number's slot from its 64 bits; a newer number
 * takes the slot over), so a look-up is a hash and a compare, no Map and no garbage.
 */
export function roundingMemo(): (x: number) => number {
  const keys = new Float64Array(1 << MEMO_BITS).fill(NaN);
  const values = new Float64Array(1 << MEMO_BITS);
  const word = new Float64Array(1);
  const halves = new Int32Array(word.buffer);
  return (x) => {
    word[0] = x;
    const slot =
      Math.imul(halves[0]! ^ Math.imul(halves[1]!, 0x9e3779b1), 0x85ebca6b) >>> (32 - MEMO_BITS);
    // NaN equals nothing, so it is never taken for a remembered number (0 and −0 round alike).
    if (keys[slot] === x) return values[slot]!;
    const result = rounded(x);
    keys[slot] = x;
    values[slot] = result;
    return result;
  };
}
