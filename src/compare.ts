// The one order every output is sorted in: strings by UTF-16 code unit, the same on every
// machine and in every locale (localeCompare would make output depend on who runs it).

/** Negative, zero or positive as a sorts before, with or after b, by code unit. */
export function byCodeUnit(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
