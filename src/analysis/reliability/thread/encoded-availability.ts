// The availability and importance of a result as typed arrays and one list of names: what a
// worker thread hands back. A structured clone of the records themselves costs the receiving
// thread more than building them (a hundred thousand objects at 100,000 entry points); these
// move without a copy, and decode into records equal to the encoded ones, keys in their order.

import type { ReliabilityAnalysis } from '../availability.js';
import type { ComponentImportance, EntryAvailability } from '../result.js';

export interface EncodedAvailability {
  /** Per entry point (in the order given): EXACT, SAMPLED or SAMPLED_NEVER_DOWN. */
  readonly method: Uint8Array;
  /**
   * Per entry point, ENTRY_NUMBERS numbers: value, unavailability, the interval's ends, samples,
   * unavailabilityBelow, downtime and cost per year (those a method lacks are 0).
   */
  readonly entry: Float64Array;
  /** list[i]: entry point i's importance list; entry points that share a list share its place. */
  readonly list: Int32Array;
  /** Components of list k: listStart[k] .. listStart[k+1]-1. */
  readonly listStart: Int32Array;
  /** Per component of a list: its id, as a place in `names`. */
  readonly name: Int32Array;
  /** Per component of a list, MEASURES numbers: birnbaum, criticality, raw, FV and rrw (NaN: null). */
  readonly measures: Float64Array;
  readonly names: string[];
}

const EXACT = 0;
const SAMPLED = 1;
const SAMPLED_NEVER_DOWN = 2;
const ENTRY_NUMBERS = 8;
const MEASURES = 5;

type Analysis = Omit<ReliabilityAnalysis, 'slaUnknown'>;

/** `analysis` of the entry points `ids`, in that order, as typed arrays. */
export function encodeAvailability(
  analysis: Analysis,
  ids: readonly string[],
): EncodedAvailability {
  const m = ids.length;
  const method = new Uint8Array(m);
  const entry = new Float64Array(ENTRY_NUMBERS * m);
  const list = new Int32Array(m);
  const placeOf = new Map<ComponentImportance[], number>();
  const lists: ComponentImportance[][] = [];
  let items = 0;
  for (let i = 0; i < m; i++) {
    const a = analysis.availability[ids[i]!]!;
    const at = ENTRY_NUMBERS * i;
    method[i] =
      a.method === 'exact'
        ? EXACT
        : a.unavailabilityBelow === undefined
          ? SAMPLED
          : SAMPLED_NEVER_DOWN;
    entry[at] = a.value;
    entry[at + 1] = a.unavailability;
    entry[at + 2] = a.interval?.[0] ?? 0;
    entry[at + 3] = a.interval?.[1] ?? 0;
    entry[at + 4] = a.samples ?? 0;
    entry[at + 5] = a.unavailabilityBelow ?? 0;
    entry[at + 6] = a.downtimeMinutesPerYear;
    entry[at + 7] = a.expectedCostPerYear;
    const ranked = analysis.importance[ids[i]!]!;
    let place = placeOf.get(ranked);
    if (place === undefined) {
      place = lists.length;
      placeOf.set(ranked, place);
      lists.push(ranked);
      items += ranked.length;
    }
    list[i] = place;
  }
  const listStart = new Int32Array(lists.length + 1);
  const name = new Int32Array(items);
  const measures = new Float64Array(MEASURES * items);
  const nameOf = new Map<string, number>();
  const names: string[] = [];
  let item = 0;
  lists.forEach((ranked, k) => {
    listStart[k] = item;
    for (const c of ranked) {
      let place = nameOf.get(c.id);
      if (place === undefined) {
        place = names.length;
        nameOf.set(c.id, place);
        names.push(c.id);
      }
      name[item] = place;
      const at = MEASURES * item++;
      measures[at] = c.birnbaum;
      measures[at + 1] = c.criticality;
      measures[at + 2] = c.raw;
      measures[at + 3] = c.fussellVesely;
      measures[at + 4] = c.rrw ?? NaN;
    }
  });
  listStart[lists.length] = item;
  return { method, entry, list, listStart, name, measures, names };
}

/** The records `encoded` holds for the entry points `ids` (in the order they were encoded). */
export function decodeAvailability(encoded: EncodedAvailability, ids: readonly string[]): Analysis {
  const { method, entry, list, listStart, name, measures, names } = encoded;
  const lists: ComponentImportance[][] = [];
  for (let k = 0; k + 1 < listStart.length; k++) {
    const ranked: ComponentImportance[] = [];
    for (let item = listStart[k]!; item < listStart[k + 1]!; item++) {
      const at = MEASURES * item;
      const rrw = measures[at + 4]!;
      ranked.push({
        id: names[name[item]!]!,
        birnbaum: measures[at]!,
        criticality: measures[at + 1]!,
        raw: measures[at + 2]!,
        fussellVesely: measures[at + 3]!,
        rrw: Number.isNaN(rrw) ? null : rrw,
      });
    }
    lists.push(ranked);
  }
  const availability = Object.create(null) as Record<string, EntryAvailability>;
  const importance = Object.create(null) as Record<string, ComponentImportance[]>;
  for (let i = 0; i < ids.length; i++) {
    availability[ids[i]!] = entryAt(method[i]!, entry, ENTRY_NUMBERS * i);
    importance[ids[i]!] = lists[list[i]!]!;
  }
  return { availability, importance };
}

/** One entry point's availability, its keys in the order availability.ts writes them. */
function entryAt(method: number, entry: Float64Array, at: number): EntryAvailability {
  const value = entry[at]!;
  const unavailability = entry[at + 1]!;
  const downtimeMinutesPerYear = entry[at + 6]!;
  const expectedCostPerYear = entry[at + 7]!;
  if (method === EXACT)
    return { value, unavailability, method: 'exact', downtimeMinutesPerYear, expectedCostPerYear };
  const interval: [number, number] = [entry[at + 2]!, entry[at + 3]!];
  const samples = entry[at + 4]!;
  return method === SAMPLED
    ? {
        value,
        unavailability,
        method: 'monte-carlo',
        interval,
        samples,
        downtimeMinutesPerYear,
        expectedCostPerYear,
      }
    : {
        value,
        unavailability,
        method: 'monte-carlo',
        interval,
        samples,
        unavailabilityBelow: entry[at + 5]!,
        downtimeMinutesPerYear,
        expectedCostPerYear,
      };
}
